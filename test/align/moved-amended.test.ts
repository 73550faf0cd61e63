import { expect } from 'chai';
import { alignTrees, parseDocument, renderHtml, renderJson, renderTerminal, renderWdiff } from '../../src/index.js';
import { pairMovedLevels } from '../../src/align/moved-amended.js';
import { buildPageModel, type Block } from '../../src/render/page/index.js';
import type { Alignment } from '../../src/types.js';

function align(oldText: string, newText: string): Alignment {
  return alignTrees(parseDocument(oldText, 'old.txt').tree, parseDocument(newText, 'new.txt').tree);
}

// All texts in this file are synthetic, written for these tests, not real law.
const A = 'Alpha provision about notices to the board within the county.';
const B = 'Bravo provision about hearings before the board within 30 days.';
const B2 = 'Bravo provision about hearings before the board within 45 days.';
const C = 'Charlie provision about appeals from the decision of the board.';
const D = 'Delta provision about fees charged for copies of the record.';
const OLD = `(a) ${A}\n(b) ${B}\n(c) ${C}\n(d) ${D}\n`;
const NEW = `(a) ${A}\n(b) ${C}\n(c) ${D}\n(d) ${B2}\n`;

describe('align/moved-amended', () => {
  describe('a level moved and amended: (b) "… within 30 days." becomes (d) "… within 45 days." while (c) and (d) move up', () => {
    const a = align(OLD, NEW);

    it('should report it moved at both places, linked, with its word changes', () => {
      const json = JSON.parse(renderJson(a)) as { pairs: Array<Record<string, unknown>>; summary: Record<string, number> };
      expect(json.pairs.map((p) => [p['status'], p['movedFrom'], p['movedTo']])).to.deep.equal([
        ['unchanged', undefined, undefined],
        ['moved', undefined, 'd'],
        ['redesignated', undefined, undefined],
        ['redesignated', undefined, undefined],
        ['moved', 'b', undefined],
      ]);
      expect(json.pairs[4]!['words']).to.deep.equal([
        { op: 'delete', value: '(b)' },
        { op: 'equal', value: ' ' },
        { op: 'insert', value: '(d)' },
        { op: 'equal', value: ' Bravo provision about hearings before the board within ' },
        { op: 'delete', value: '30' },
        { op: 'equal', value: ' ' },
        { op: 'insert', value: '45' },
        { op: 'equal', value: ' days.' },
      ]);
      expect(json.summary).to.deep.include({ moved: 1, deleted: 0, inserted: 0, redesignated: 2, unchanged: 1 });
    });

    it('should strike it where it was and insert it where it went in the wdiff, which gives back both texts', () => {
      expect(renderWdiff(a)).to.equal(`(a) ${A}\n[-(b) ${B}-]\n[-(c)-] {+(b)+} ${C}\n[-(d)-] {+(c)+} ${D}\n{+(d) ${B2}+}\n`);
    });

    it('should mark it > in the terminal, with its word marks where it went', () => {
      expect(renderTerminal(a, { color: false }).split('\n').slice(3)).to.deep.equal([
        `  (a) ${A}`,
        `> [-(b) ${B}-]  (moved to d)`,
        `# [-(c)-] {+(b)+} ${C}  (redesignated (c) → (b))`,
        `# [-(d)-] {+(c)+} ${D}  (redesignated (d) → (c))`,
        '> [-(b)-] {+(d)+} Bravo provision about hearings before the board within [-30-] {+45+} days.  (moved from b)',
        '',
      ]);
    });

    it('should show it moved in the web view, linked both ways, with its old and new words where it went', () => {
      const rows = buildPageModel(a).blocks.flatMap((b: Block) => ('row' in b ? [b.row] : b.fold.rows));
      const moved = rows.filter((r) => r.status === 'moved');
      expect(moved.map((r) => [r.anchor, r.move, r.hasOld, r.hasNew])).to.deep.equal([
        ['c-b', { href: '#c-d', label: 'moved to (d)' }, true, false],
        ['c-d', { href: '#c-b', label: 'moved from (b)' }, true, true],
      ]);
      expect(moved[1]!.old).to.deep.equal([
        { text: '(b)', del: true },
        { text: ' ' },
        { text: ' Bravo provision about hearings before the board within ' },
        { text: '30', del: true },
        { text: ' ' },
        { text: ' days.' },
      ]);
      expect(moved[1]!.new).to.deep.equal([
        { text: ' ' },
        { text: '(d)', ins: true },
        { text: ' Bravo provision about hearings before the board within ' },
        { text: ' ' },
        { text: '45', ins: true },
        { text: ' days.' },
      ]);
    });

    it('should show its word marks where it went in the standalone HTML', () => {
      const html = renderHtml(a);
      expect(html).to.include(
        '<tr class="moved" id="c-d"><td class="st">moved, renumbered</td><td style="padding-left:1.7rem"><del><span class="sr">deleted: </span>(b)</del>  Bravo provision about hearings before the board within <del><span class="sr">deleted: </span>30</del>  days.</td>',
      );
    });
  });

  it('should leave alike levels of different parents deleted and inserted (boilerplate is alike)', () => {
    const a = align(
      '(a) Alpha provision about notices to the board:\n(1) The clerk shall add at the end the following notice of hearing.\n(2) The clerk shall mail the notice to every party.\n(b) Charlie provision about appeals from the decision of the board:\n(1) An appeal shall be filed within 30 days.\n',
      '(a) Alpha provision about notices to the board:\n(1) The clerk shall mail the notice to every party.\n(b) Charlie provision about appeals from the decision of the board:\n(1) An appeal shall be filed within 30 days.\n(2) The clerk shall add at the end the following notice of appeal.\n',
    );
    expect(a.summary).to.deep.include({ moved: 0, deleted: 1, inserted: 1, redesignated: 1 });
  });

  it('should leave a deleted and an inserted level that share few words as deleted and inserted', () => {
    const a = align(`(a) ${A}\n(b) ${B}\n(c) ${C}\n`, `(a) ${A}\n(b) ${C}\n(c) The board may waive any fee for a party who cannot pay it.\n`);
    expect(a.summary).to.deep.include({ moved: 0, deleted: 1, inserted: 1 });
  });

  describe('#pairMovedLevels', () => {
    it('should pair the best matches first, each level once, above the threshold only', () => {
      const score: Record<string, number> = { 'x-p': 0.7, 'x-q': 0.9, 'y-q': 0.95, 'y-p': 0.65, 'z-r': 0.5 };
      expect(pairMovedLevels(['x', 'y', 'z'], ['p', 'q', 'r'], (a, b) => score[`${a}-${b}`] ?? 0, () => 'one parent')).to.deep.equal([
        ['y', 'q'],
        ['x', 'p'],
      ]);
    });

    it('should compare only levels of the same parent', () => {
      const parent: Record<string, string> = { x: 'a', y: 'b', p: 'b', q: 'a' };
      expect(pairMovedLevels(['x', 'y'], ['p', 'q'], (a, b) => (a === 'x' && b === 'p' ? 0.9 : 0.7), (c) => parent[c])).to.deep.equal([
        ['x', 'q'],
        ['y', 'p'],
      ]);
    });
  });
});
