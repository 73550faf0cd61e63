import { expect } from 'chai';
import { parseDocument, parseLevels } from '../../src/index.js';
import type { Level } from '../../src/types.js';
import { levels, withoutPositions } from '../helpers/tree.js';

/** A plain-text statute parsed into its level tree. */
function parse(text: string) {
  return parseDocument(text, 'statute.txt');
}

/** Compact kind + id list of every level, for structure checks. */
function outline(text: string): string[] {
  return levels(parse(text).tree).map((l) => `${l.kind} ${l.id}`);
}

describe('parse/levels', () => {
  describe('#parseDocument', () => {
    it('should parse two subdivisions into levels with exact positions', () => {
      const { tree, messages } = parse('(a) Alpha.\n(b) Beta.');
      expect(messages).to.deep.equal([]);
      expect(tree).to.deep.equal({
        type: 'root',
        kind: 'statute',
        data: { file: 'statute.txt', format: 'text' },
        position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 10, offset: 20 } },
        children: [
          {
            type: 'level',
            kind: 'subdivision',
            num: { text: '(a)', value: 'a' },
            id: 'a',
            position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 11, offset: 10 } },
            children: [
              { type: 'text', value: 'Alpha.', position: { start: { line: 1, column: 5, offset: 4 }, end: { line: 1, column: 11, offset: 10 } } },
            ],
          },
          {
            type: 'level',
            kind: 'subdivision',
            num: { text: '(b)', value: 'b' },
            id: 'b',
            position: { start: { line: 2, column: 1, offset: 11 }, end: { line: 2, column: 10, offset: 20 } },
            children: [
              { type: 'text', value: 'Beta.', position: { start: { line: 2, column: 5, offset: 15 }, end: { line: 2, column: 10, offset: 20 } } },
            ],
          },
        ],
      });
    });

    it('should read (i) after (h) as the next subdivision', () => {
      expect(outline('(h) Eighth.\n(i) Ninth.')).to.deep.equal(['subdivision h', 'subdivision i']);
    });

    it('should read (i) after (h) as a subdivision even when (h) has paragraphs', () => {
      expect(outline('(h) The following:\n(1) One.\n(i) Ninth.')).to.deep.equal(['subdivision h', 'paragraph h/1', 'subdivision i']);
    });

    it('should read (i) after (A) as a clause under the subparagraph', () => {
      expect(outline('(a) Lead:\n(1) One:\n(A) Big A:\n(i) Roman one.\n(ii) Roman two.')).to.deep.equal([
        'subdivision a',
        'paragraph a/1',
        'subparagraph a/1/A',
        'clause a/1/A/i',
        'clause a/1/A/ii',
      ]);
    });

    it('should open two levels for "(a)(1) text", each at its own column', () => {
      const { tree } = parse('(a)(1) First.\n(2) Second.');
      const [a] = tree.children as Level[];
      expect(a!.kind).to.equal('subdivision');
      expect(a!.children.map((c) => (c as Level).id)).to.deep.equal(['a/1', 'a/2']);
      expect(a!.position!.start).to.deep.equal({ line: 1, column: 1, offset: 0 });
      expect((a!.children[0] as Level).position).to.deep.equal({
        start: { line: 1, column: 4, offset: 3 },
        end: { line: 1, column: 14, offset: 13 },
      });
      expect((a!.children[0] as Level).children).to.deep.equal([
        { type: 'text', value: 'First.', position: { start: { line: 1, column: 8, offset: 7 }, end: { line: 1, column: 14, offset: 13 } } },
      ]);
    });

    it('should keep "subdivision (b) of Section 368" mid-sentence as text', () => {
      const { tree, messages } = parse('(a) The court shall apply subdivision (b) of Section 368 to this case.');
      expect(messages).to.deep.equal([]);
      expect(withoutPositions(tree.children)).to.deep.equal([
        {
          type: 'level',
          kind: 'subdivision',
          num: { text: '(a)', value: 'a' },
          id: 'a',
          children: [
            {
              type: 'text',
              value: 'The court shall apply subdivision (b) of Section 368 to this case.',
              // A reference, not structure: carried on the text so views can link it.
              refs: [{ text: 'subdivision (b) of Section 368', start: 22, end: 52, kind: 'subdivision', path: ['368', 'b'] }],
            },
          ],
        },
      ]);
    });

    it('should build ids such as s1050/g/2 from the normalised designations', () => {
      expect(outline('1050.\n(a) First.\n(g) The following:\n(1) One.\n(2) Two.')).to.deep.equal([
        'section s1050',
        'subdivision s1050/a',
        'subdivision s1050/g',
        'paragraph s1050/g/1',
        'paragraph s1050/g/2',
      ]);
    });

    it('should make text before child levels a chapeau', () => {
      const { tree } = parse('(g) The following:\n(1) One.');
      const g = tree.children[0] as Level;
      expect(g.children[0]).to.deep.equal({
        type: 'chapeau',
        value: 'The following:',
        position: { start: { line: 1, column: 5, offset: 4 }, end: { line: 1, column: 19, offset: 18 } },
      });
    });

    it('should give a level the place of its designation through its last line', () => {
      const { tree } = parse('\n  (a) Lead:\n  (1) One.\n');
      const a = tree.children[0] as Level;
      expect(a.position).to.deep.equal({
        start: { line: 2, column: 3, offset: 3 },
        end: { line: 3, column: 11, offset: 23 },
      });
    });

    it('should yield text nodes and an unstructured diagnostic for text with no designations', () => {
      const { tree, messages } = parse('Just a plain sentence.\nAnother line.');
      expect(tree.kind).to.equal('text');
      expect(tree.children).to.deep.equal([
        { type: 'text', value: 'Just a plain sentence.', position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 23, offset: 22 } } },
        { type: 'text', value: 'Another line.', position: { start: { line: 2, column: 1, offset: 23 }, end: { line: 2, column: 14, offset: 36 } } },
      ]);
      expect(messages).to.deep.equal([
        {
          reason: 'no clause structure found (no section or subdivision designations); compared as plain text blocks',
          file: 'statute.txt',
          place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 23, offset: 22 } },
          ruleId: 'unstructured',
          source: 'billdiff:parse',
          fatal: false,
        },
      ]);
    });

    it('should yield an empty text tree and no diagnostics for an empty input', () => {
      const { tree, messages } = parse('');
      expect(tree).to.deep.equal({ type: 'root', kind: 'text', children: [], data: { file: 'statute.txt', format: 'text' } });
      expect(messages).to.deep.equal([]);
    });

    it('should warn with a place when a list opens on a designation that is not its first', () => {
      const { messages } = parse('(a) One.\n(1) Para.\n(B) Starts at B.');
      expect(messages).to.deep.equal([
        {
          reason: 'designation (B) is out of sequence',
          file: 'statute.txt',
          place: { start: { line: 3, column: 1, offset: 19 }, end: { line: 3, column: 4, offset: 22 } },
          ruleId: 'designation-sequence',
          source: 'billdiff:parse',
          fatal: false,
        },
      ]);
    });

    it('should read a bill: SEC. 1., the instruction, then the quoted section', () => {
      const { tree } = parse('SECTION 1. Section 1050 of the Penal Code is amended to read:\n1050.\n(a) The welfare.\n');
      expect(tree.kind).to.equal('bill');
      expect(withoutPositions(tree.children)).to.deep.equal([
        {
          type: 'level',
          kind: 'billSection',
          num: { text: 'SECTION 1.', value: '1' },
          id: 'sec1',
          children: [
            { type: 'action', value: 'Section 1050 of the Penal Code is amended to read:' },
            {
              type: 'level',
              kind: 'section',
              num: { text: '1050.', value: '1050' },
              id: 'sec1/s1050',
              children: [
                {
                  type: 'level',
                  kind: 'subdivision',
                  num: { text: '(a)', value: 'a' },
                  id: 'sec1/s1050/a',
                  children: [{ type: 'text', value: 'The welfare.' }],
                },
              ],
            },
          ],
        },
      ]);
    });

    it('should give duplicate designations distinct ids', () => {
      expect(outline('(a) One.\n(b) Two.\n(b) Two again.')).to.deep.equal(['subdivision a', 'subdivision b', 'subdivision b~2']);
    });

    it('should keep ids unique across parents when a section number holds "/" or "~" (ids counted a parent until then)', () => {
      // A reader's section number is taken as printed: "1/a" makes the id `s1/a`, which section 1's
      // subdivision (a) already has; "1~2" the id a second section 1 would get.
      const at = (line: number, text: string) => ({ start: { line, column: 1, offset: 0 }, end: { line, column: text.length + 1, offset: text.length } });
      const block = (line: number, text: string, role: 'sectionNum' | 'body') => ({ text, role, position: at(line, text) });
      const doc = {
        file: 'synthetic.xml',
        format: 'caml' as const,
        blocks: [block(1, '1', 'sectionNum'), block(2, '(a) One.', 'body'), block(3, '1/a', 'sectionNum'), block(4, '(a) Two.', 'body'), block(5, '1~2', 'sectionNum'), block(6, '1', 'sectionNum'), block(7, '(a) Three.', 'body')],
        marks: [],
        messages: [],
      };
      expect(levels(parseLevels(doc).tree).map((l) => l.id)).to.deep.equal(['s1', 's1/a', 's1/a~2', 's1/a~2/a', 's1~2', 's1~3', 's1~3/a']);
    });

    it('should survive JSON.stringify unchanged', () => {
      const { tree } = parse('1050.\n(a) Lead:\n(1) One.\n');
      expect(JSON.parse(JSON.stringify(tree))).to.deep.equal(tree);
    });
  });
});
