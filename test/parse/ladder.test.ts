import { expect } from 'chai';
import {
  childId,
  designationAt,
  fits,
  follows,
  idPart,
  isEnumerated,
  isFirst,
  isRoman,
  isSection,
  isStructural,
  ordinal,
  ordinalNumber,
  ordinalWord,
  precedes,
  rankOf,
  readIdPart,
  romanValue,
  rungBelow,
  rungOrder,
  sectionLadder,
  seriesOf,
  seriesOrdinal,
  toRoman,
} from '../../src/parse/ladder.js';

describe('parse/ladder', () => {
  describe('rungs and their order', () => {
    it('should list the federal rungs outermost first, the section between the structure and the designations', () => {
      expect(rungOrder('us')).to.deep.equal([
        'division', 'title', 'subtitle', 'part', 'subpart', 'chapter', 'subchapter', 'article',
        'section', 'subsection', 'paragraph', 'subparagraph', 'clause', 'subclause', 'item', 'subitem',
      ]);
    });

    it('should name the rung under a California section a subdivision', () => {
      expect(sectionLadder('ca')).to.deep.equal(['section', 'subdivision', 'paragraph', 'subparagraph', 'clause', 'subclause', 'item', 'subitem']);
      expect(rungBelow('section', 'ca')).to.equal('subdivision');
      expect(rungBelow('subdivision')).to.equal('paragraph');
    });

    it('should give the rung below each federal rung, and none below a subitem', () => {
      expect(rungBelow('section')).to.equal('subsection');
      expect(rungBelow('subsection')).to.equal('paragraph');
      expect(rungBelow('subparagraph')).to.equal('clause');
      expect(rungBelow('subclause')).to.equal('item');
      expect(rungBelow('item')).to.equal('subitem');
      expect(rungBelow('subitem')).to.equal(undefined);
      expect(rungBelow('chapter')).to.equal(undefined);
    });

    it('should rank a bill section above everything it quotes, and a subsection level with a subdivision', () => {
      expect(rankOf('billSection')).to.be.lessThan(rankOf('division'));
      expect(rankOf('chapter')).to.be.lessThan(rankOf('section'));
      expect(rankOf('subsection')).to.equal(rankOf('subdivision'));
      expect(rankOf('item')).to.be.lessThan(rankOf('subitem'));
    });

    it('should tell the structural rungs, the sections and the enumerated rungs apart', () => {
      expect(['chapter', 'article', 'section', 'billSection', 'subsection', 'subitem'].map(isStructural)).to.deep.equal([true, true, false, false, false, false]);
      expect(['chapter', 'section', 'billSection', 'subsection', 'subdivision', 'subitem'].map(isEnumerated)).to.deep.equal([false, false, false, true, true, true]);
      expect(['section', 'billSection', 'subsection'].map(isSection)).to.deep.equal([true, true, false]);
      expect(isEnumerated('heading')).to.equal(false);
    });
  });

  describe('series', () => {
    it('should say which series a designation could be printed in', () => {
      expect(seriesOf('3')).to.deep.equal(['digit']);
      expect(seriesOf('c')).to.deep.equal(['lower', 'romanLower']);
      expect(seriesOf('b')).to.deep.equal(['lower']);
      expect(seriesOf('iv')).to.deep.equal(['lower', 'romanLower']);
      expect(seriesOf('aa')).to.deep.equal(['lower', 'doubleLower']);
      expect(seriesOf('II')).to.deep.equal(['upper', 'romanUpper', 'doubleUpper']);
      expect(seriesOf('1.5')).to.deep.equal(['digit']);
      expect(seriesOf('a-1')).to.deep.equal([]);
    });

    it('should fit a designation to a rung by its series', () => {
      expect(fits('subsection', 'aa')).to.equal(true);
      expect(fits('paragraph', '12')).to.equal(true);
      expect(fits('paragraph', 'A')).to.equal(false);
      expect(fits('clause', 'iv')).to.equal(true);
      expect(fits('clause', 'b')).to.equal(false);
      expect(fits('subclause', 'IV')).to.equal(true);
      expect(fits('item', 'aa')).to.equal(true);
      expect(fits('item', '3')).to.equal(false);
      expect(fits('subitem', 'BB')).to.equal(true);
      expect(fits('section', 'a')).to.equal(false);
    });

    it('should count a subsection run on past z, and doubled letters of an item from one', () => {
      expect(ordinal('z', 'subsection')).to.equal(26);
      expect(ordinal('aa', 'subsection')).to.equal(27);
      expect(ordinal('aa', 'item')).to.equal(1);
      expect(ordinal('cc', 'item')).to.equal(3);
      expect(ordinal('iv', 'clause')).to.equal(4);
      expect(ordinal('XII', 'subclause')).to.equal(12);
      expect(ordinal('1.5', 'paragraph')).to.equal(1);
      expect(seriesOrdinal('D', 'upper')).to.equal(4);
    });

    it('should print the designation at a place of each series', () => {
      expect(designationAt(3, 'digit')).to.equal('3');
      expect(designationAt(4, 'romanLower')).to.equal('iv');
      expect(designationAt(14, 'romanUpper')).to.equal('XIV');
      expect(designationAt(2, 'doubleLower')).to.equal('bb');
      expect(designationAt(27, 'lower')).to.equal('aa');
      expect(designationAt(5, 'upper')).to.equal('E');
    });

    it('should know the first of a run, the next one, and which comes first', () => {
      expect(isFirst('i', 'clause')).to.equal(true);
      expect(isFirst('i', 'subsection')).to.equal(false);
      expect(isFirst('aa', 'item')).to.equal(true);
      expect(isFirst('1.5', 'paragraph')).to.equal(false);
      expect(follows('h', 'i', 'subsection')).to.equal(true);
      expect(follows('iii', 'iv', 'clause')).to.equal(true);
      expect(follows('z', 'aa', 'subsection')).to.equal(true);
      expect(follows('1', '1.5', 'paragraph')).to.equal(true);
      expect(precedes('ii', 'iv', 'clause')).to.equal(true);
      expect(precedes('c', 'b', 'subsection')).to.equal(false);
      expect(precedes('9', '10', 'paragraph')).to.equal(true);
    });
  });

  describe('roman numerals', () => {
    it('should read and write them in both cases', () => {
      expect(romanValue('xiv')).to.equal(14);
      expect(romanValue('XL')).to.equal(40);
      expect(toRoman(9)).to.equal('ix');
      expect(toRoman(49, true)).to.equal('XLIX');
      expect(isRoman('iv')).to.equal(true);
      expect(isRoman('IV')).to.equal(true);
      expect(isRoman('iiii')).to.equal(false);
      expect(isRoman('Iv')).to.equal(false);
    });
  });

  describe('ordinals', () => {
    it('should read ordinals in words and in figures', () => {
      expect(ordinalNumber('second')).to.equal(2);
      expect(ordinalNumber('Third')).to.equal(3);
      expect(ordinalNumber('2nd')).to.equal(2);
      expect(ordinalNumber('2d')).to.equal(2);
      expect(ordinalNumber('3d')).to.equal(3);
      expect(ordinalNumber('21st')).to.equal(21);
      expect(ordinalNumber('last')).to.equal(-1);
      expect(ordinalNumber('secondly')).to.equal(undefined);
    });

    it('should write them back', () => {
      expect(ordinalWord(2)).to.equal('second');
      expect(ordinalWord(-1)).to.equal('last');
      expect(ordinalWord(22)).to.equal('22nd');
      expect(ordinalWord(13)).to.equal('thirteenth');
      expect(ordinalWord(111)).to.equal('111th');
    });
  });

  describe('ids', () => {
    it('should build an id segment for each rung and a path under a parent', () => {
      expect(idPart('billSection', '1')).to.equal('sec1');
      expect(idPart('section', '1050')).to.equal('s1050');
      expect(idPart('chapter', '17.25')).to.equal('ch17.25');
      expect(idPart('subchapter', 'II')).to.equal('schII');
      expect(idPart('subdivision', 'g')).to.equal('g');
      expect(childId('sec1/s1050/g', 'paragraph', '2')).to.equal('sec1/s1050/g/2');
      expect(childId(undefined, 'section', '119')).to.equal('s119');
    });

    it('should read a segment back when only a rung at or above the section spells it so', () => {
      expect(readIdPart('sec1')).to.deep.equal({ kind: 'billSection', value: '1' });
      expect(readIdPart('s1050')).to.deep.equal({ kind: 'section', value: '1050' });
      expect(readIdPart('sch1')).to.deep.equal({ kind: 'subchapter', value: '1' });
      expect(readIdPart('stA')).to.deep.equal({ kind: 'subtitle', value: 'A' });
      expect(readIdPart('tII')).to.deep.equal({ kind: 'title', value: 'II' });
      expect(readIdPart('ch17.25')).to.deep.equal({ kind: 'chapter', value: '17.25' });
      expect(readIdPart('t')).to.equal(undefined);
      expect(readIdPart('dd')).to.equal(undefined);
      expect(readIdPart('2')).to.equal(undefined);
      expect(readIdPart('iv')).to.equal(undefined);
    });

    it('should give back what it built', () => {
      for (const [kind, value] of [['section', '7284.6'], ['title', 'IV'], ['part', '3'], ['article', '4.5'], ['division', 'E']] as const) {
        expect(readIdPart(idPart(kind, value))).to.deep.equal({ kind, value });
      }
    });
  });
});
