import { expect } from 'chai';
import { alignTrees, parseDocument, renderWdiff } from '../../src/index.js';
import type { AlignedPair, Alignment } from '../../src/types.js';
import { squash, wdiffSides } from '../helpers/wdiff.js';

function align(oldText: string, newText: string): Alignment {
  return alignTrees(parseDocument(oldText, 'old.txt').tree, parseDocument(newText, 'new.txt').tree);
}

/** Each pair as `status old-id → new-id`, nested pairs indented. */
function outline(pairs: AlignedPair[], depth = 0): string[] {
  return pairs.flatMap((p) => [`${'  '.repeat(depth)}${p.status} ${p.old?.id ?? '-'} → ${p.new?.id ?? '-'}`, ...outline(p.children, depth + 1)]);
}

// All texts in this file are synthetic, written for these tests, not real law.
const A = '(a) Alpha provision about notices to the board within the county.';
const B = '(b) Bravo provision about hearings before the board within 30 days.';
const ACTION = 'Section 100.5 is added to the Test Code, to read:';

describe('align/reparent', () => {
  it('should mark only the new heading lines when a section wraps subdivisions that stood on their own', () => {
    const oldText = `SEC. 3.\n${A}\n${B}\n`;
    const newText = `SEC. 3.\n${ACTION}\n100.5.\n${A}\n${B}\n`;
    const a = align(oldText, newText);
    expect(renderWdiff(a)).to.equal(`SEC. 3.\n{+${ACTION}+}\n{+100.5.+}\n${A}\n${B}\n`);
    expect(outline(a.pairs)).to.deep.equal([
      'modified sec3 → sec3',
      '  inserted - → -',
      '  inserted - → sec3/s100.5',
      '    unchanged sec3/a → sec3/s100.5/a',
      '    unchanged sec3/b → sec3/s100.5/b',
    ]);
    expect(a.summary).to.deep.include({ inserted: 2, deleted: 0, moved: 0, unchanged: 3, wordsInserted: 11, wordsDeleted: 0 });
  });

  it('should match the wrapped levels when they are amended too, and at the top of the text', () => {
    const a = align(`${A}\n${B}\n`, `${ACTION}\n100.5.\n${A}\n${B.replace('30', '45')}\n`);
    expect(renderWdiff(a)).to.equal(`{+${ACTION}+}\n{+100.5.+}\n${A}\n(b) Bravo provision about hearings before the board within [-30-] {+45+} days.\n`);
  });

  it('should mark only the old heading lines when a level is taken away', () => {
    const a = align(`SEC. 3.\n${ACTION}\n100.5.\n${A}\n${B}\n`, `SEC. 3.\n${A}\n${B}\n`);
    expect(renderWdiff(a)).to.equal(`SEC. 3.\n[-${ACTION}-]\n[-100.5.-]\n${A}\n${B}\n`);
    expect(outline(a.pairs)[2]).to.equal('  deleted sec3/s100.5 → -');
  });

  it('should match a section’s undivided text across the new heading', () => {
    const text = 'The board shall hold a hearing on every appeal within 30 days of the notice.';
    const a = align(`SEC. 3.\n${text}\n`, `SEC. 3.\n${ACTION}\n100.5.\n${text}\n`);
    expect(renderWdiff(a)).to.equal(`SEC. 3.\n{+${ACTION}+}\n{+100.5.+}\n${text}\n`);
  });

  it('should match sections across a new article that holds them', () => {
    const oldText = `100.5.\n${A}\n100.6.\n${B}\n`;
    const newText = `Article 3 (commencing with Section 100.5) is added to Chapter 2 of the Test Code, to read:\nArticle 3. Hearings\n${oldText}`;
    const wdiff = renderWdiff(align(oldText, newText));
    expect(wdiff).to.equal(
      '{+Article 3 (commencing with Section 100.5) is added to Chapter 2 of the Test Code, to read:+}\n' +
        `{+Article 3.+}\n{+Hearings+}\n100.5.\n${A}\n100.6.\n${B}\n`,
    );
    const sides = wdiffSides(wdiff);
    expect(squash(sides.old)).to.equal(squash(oldText));
    expect(squash(sides.new)).to.equal(squash(newText));
  });

  it('should leave a designation added to text that stood on its own on one line with it', () => {
    const a = align('SEC. 3.\nThe board shall hold a hearing on every appeal.\n', 'SEC. 3.\n(a) The board shall hold a hearing on every appeal.\n(b) The board may extend the time.\n');
    expect(renderWdiff(a)).to.equal('SEC. 3.\n{+(a)+} The board shall hold a hearing on every appeal.\n{+(b) The board may extend the time.+}\n');
  });
});
