import { expect } from 'chai';
import { findReferences } from '../../src/parse/references.js';

const brief = (text: string) => findReferences(text).map(({ text: t, kind, path, act, usc }) => ({ text: t, kind, path, ...(act ? { act } : {}), ...(usc ? { usc } : {}) }));

describe('parse/references', () => {
  describe('#findReferences', () => {
    it('should read a federal citation with its act and U.S. Code place (H.R. 1058, 116th Congress)', () => {
      expect(brief('Section 399BB of the Public Health Service Act (42 U.S.C. 280i-1) is amended—')).to.deep.equal([
        { text: 'Section 399BB of the Public Health Service Act (42 U.S.C. 280i-1)', kind: 'section', path: ['399BB'], act: 'Public Health Service Act', usc: { title: '42', section: '280i-1' } },
      ]);
    });

    it('should read subdivisions inside a section and a title of the Code', () => {
      expect(brief('Section 3(u) of the Food and Nutrition Act of 2008 (7 U.S.C. 2012(u)) is amended')[0]).to.deep.equal({
        text: 'Section 3(u) of the Food and Nutrition Act of 2008 (7 U.S.C. 2012(u))',
        kind: 'section',
        path: ['3', 'u'],
        act: 'Food and Nutrition Act of 2008',
        usc: { title: '7', section: '2012(u)' },
      });
      expect(brief('Section 200304 of title 54, United States Code, is amended')[0]).to.deep.equal({
        text: 'Section 200304 of title 54, United States Code',
        kind: 'section',
        path: ['200304'],
        usc: { title: '54', section: '200304' },
      });
    });

    it('should read California citations, outer units first in the path', () => {
      expect(brief('as defined in subdivision (a) of Section 187, or in paragraph (4) of subdivision (d)')).to.deep.equal([
        { text: 'subdivision (a) of Section 187', kind: 'subdivision', path: ['187', 'a'] },
        { text: 'paragraph (4) of subdivision (d)', kind: 'paragraph', path: ['d', '4'] },
      ]);
      expect(brief('Notwithstanding Section 7282.5 or 7284.6, law enforcement officials').map((r) => r.path)).to.deep.equal([['7282.5'], ['7284.6']]);
      expect(brief('Sections 7282 and 7282.5 of the Government Code are amended to read:').map((r) => [r.path[0], r.act])).to.deep.equal([
        ['7282', 'Government Code'],
        ['7282.5', 'Government Code'],
      ]);
    });

    it('should read the code a California list names at its end, however it is printed (SB 54, 2017, chaptered: bills/ca)', () => {
      // A section number with two letters does not end the list.
      const listed = brief('Child abuse or endangerment, as specified in, but not limited to, Sections 270, 271, 271a, 273a, 273ab, 273d, 273.4, and 278 of the Penal Code.');
      expect(listed.map((r) => `${r.path[0]} ${r.act}`)).to.deep.equal(['270', '271', '271a', '273a', '273ab', '273d', '273.4', '278'].map((n) => `${n} Penal Code`));
      // "… of, … of, the Penal Code": the code of the sentence's last "of, the … Code".
      expect(brief('An attempt, as defined in Section 664 of, or a conspiracy, as defined in Section 182 of, the Penal Code, to commit an offense specified in this section.').map((r) => `${r.path.join('/')} ${r.act}`)).to.deep.equal([
        '664 Penal Code',
        '182 Penal Code',
      ]);
      // (Its list abridged.)
      expect(
        brief('as specified in, but not limited to, Sections 4574, 11418, and 18755 of, and subdivisions (c) and (d) of Section 26100 of, the Penal Code.').map((r) => `${r.path.join('/')} ${r.act}`),
      ).to.deep.equal(['4574 Penal Code', '11418 Penal Code', '18755 Penal Code', '26100/c Penal Code', '26100/d Penal Code']);
      // A range, by its ends (AB 2641, 2024: bills/ca).
      expect(brief('codified in Sections 290 through 290.024, inclusive, of the Penal Code.').map((r) => `${r.path[0]} ${r.act}`)).to.deep.equal(['290 Penal Code', '290.024 Penal Code']);
      const range = (text: string) => findReferences(text).map((r) => `${r.path.join('/')}${r.through ? ` through ${r.through}` : ''}${r.act ? ` ${r.act}` : ''}`);
      expect(range('codified in Sections 290 through 290.024, inclusive, of the Penal Code.')).to.deep.equal(['290 through 290.024 Penal Code', '290.024 Penal Code']);
      // PEN 1050 (bills/ca, AB 1656): "pursuant to Sections 999b through 999h, or a hate crime".
      expect(range('pursuant to Sections 999b through 999h, or a hate crime')).to.deep.equal(['999b through 999h', '999h']);
      // "to" makes a range only where ", inclusive" follows (synthetic sentences).
      expect(range('Notwithstanding Sections 11340 to 11361, inclusive, of the Government Code, the board may act.')).to.deep.equal(['11340 through 11361 Government Code', '11361 Government Code']);
      expect(range('as specified in Sections 44907 and 44923, and Sections 44932 to 44947, inclusive, and no other')).to.deep.equal(['44907', '44923', '44932 through 44947', '44947']);
      expect(range('within Section 5 to 10 days')).to.deep.equal(['5']);
      // Designations below a section make no range of sections.
      expect(range('paragraphs (1) to (4), inclusive, of subdivision (a)')).to.deep.equal(['a/1', 'a/4']);
      // A citation joined by "or" to the next one, which names the code (SB 54).
      expect(brief('as identified in subdivision (c) of Section 1192.7 or subdivision (c) of Section 667.5 of the Penal Code, respectively').map((r) => `${r.path.join('/')} ${r.act}`)).to.deep.equal([
        '1192.7/c Penal Code',
        '667.5/c Penal Code',
      ]);
      // Not past the sentence's end (synthetic).
      expect(brief('as defined in Section 664 of, or another act. The court of, the Penal Code, rules.').map((r) => r.act)).to.deep.equal([undefined]);
      // The next "of, the … Code", not a later one: a bill's title names many codes in one sentence (synthetic, in a title's shape).
      expect(brief('An act to amend Sections 1410 and 1471 of, and to amend and renumber Section 5414.3 of, the Labor Code, to amend Sections 2207 and 5580 of, and to repeal Section 42041 of, the Public Resources Code, relating to synthetic matters.').map((r) => `${r.path[0]} ${r.act}`)).to.deep.equal([
        '1410 Labor Code',
        '1471 Labor Code',
        '5414.3 Labor Code',
        '2207 Public Resources Code',
        '5580 Public Resources Code',
        '42041 Public Resources Code',
      ]);
    });

    it('should read a title of the U.S. Code as California bills name it (SB 54, 2017, chaptered: bills/ca)', () => {
      expect(brief('pursuant to Section 1357(g) of Title 8 of the United States Code or any other law')).to.deep.equal([
        { text: 'Section 1357(g) of Title 8 of the United States Code', kind: 'section', path: ['1357', 'g'], usc: { title: '8', section: '1357' } },
      ]);
      expect(brief('pursuant to Sections 1373 and 1644 of Title 8 of the United States Code.').map((r) => r.usc)).to.deep.equal([
        { title: '8', section: '1373' },
        { title: '8', section: '1644' },
      ]);
    });

    it('should read a whole level cited by the section it begins with, and the code named after it (SB 54, 2017, chaptered: bills/ca)', () => {
      const text = 'under the Deadly Weapons Recodification Act of 2010 (Part 6 (commencing with Section 16000) of the Penal Code).';
      const [ref] = findReferences(text);
      expect(ref).to.deep.include({ path: ['16000'], act: 'Penal Code', unit: 'Part 6' });
      expect(text.slice(ref!.unitStart, ref!.end)).to.equal('Part 6 (commencing with Section 16000');
      const apa = findReferences('Notwithstanding the rulemaking provisions of the Administrative Procedure Act (Chapter 3.5 (commencing with Section 11340) of Part 1 of Division 3 of Title 2), the Department of Justice may implement');
      expect(apa.map(({ path, act, unit }) => ({ path, act, unit }))).to.deep.equal([{ path: ['11340'], act: undefined, unit: 'Chapter 3.5' }]);
      // Two levels listed before the levels that hold them and their code (synthetic, in the shape of a 2025 bill's).
      expect(findReferences('not unlawful under Chapter 9 (commencing with Section 319) and Chapter 10 (commencing with Section 330) of Title 9 of Part 1 of the Penal Code.').map((r) => `${r.unit} ${r.path[0]} ${r.act}`)).to.deep.equal([
        'Chapter 9 319 Penal Code',
        'Chapter 10 330 Penal Code',
      ]);
      // A section cited on its own is no unit's.
      expect(findReferences('except pursuant to Section 7310.')[0]).to.not.have.property('unit');
    });

    it('should give offsets into the text', () => {
      const text = 'The court shall apply subdivision (b) of Section 368 here.';
      const [ref] = findReferences(text);
      expect(text.slice(ref!.start, ref!.end)).to.equal('subdivision (b) of Section 368');
    });

    it('should read outer units and lists alike however many citations came before (its patterns are shared)', () => {
      const text = 'paragraphs (2), (3), and (4) of subdivision (b) of Section 12, and clause (ii) of subparagraph (A) of paragraph (1)';
      const first = brief(text);
      expect(first.map((r) => r.path)).to.deep.equal([
        ['12', 'b', '2'],
        ['12', 'b', '3'],
        ['12', 'b', '4'],
        ['1', 'A', 'ii'],
      ]);
      expect(brief(`${text}.`)).to.deep.equal(first);
    });

    it('should find nothing in a sentence that cites nothing', () => {
      expect(findReferences('The court shall hear all witnesses.')).to.deep.equal([]);
    });
  });
});
