import { expect } from 'chai';
import { alignTrees, parseDocument, renderJson } from '../../src/index.js';
import { writeJson } from '../../src/render/json.js';
import type { Alignment } from '../../src/types.js';
import { readBill } from '../helpers/paths.js';

// The synthetic texts are written for this test, not real law.

function align(oldText: string, newText: string, oldFile = 'old.txt', newFile = 'new.txt'): Alignment {
  return alignTrees(parseDocument(oldText, oldFile).tree, parseDocument(newText, newFile).tree);
}

/** A synthetic statute of `n` sections, each with subdivisions and paragraphs; `edit` changes a few words. */
function statute(n: number, edit: boolean): string {
  const lines: string[] = [];
  for (let s = 0; s < n; s++) {
    lines.push(`${1000 + s}.`, `(a) The synthetic agency shall adopt plan ${s}, as follows:`);
    for (let p = 1; p <= 4; p++) lines.push(`(${p}) Paragraph ${p} of section ${1000 + s}${edit && s % 7 === 0 && p === 2 ? ', as amended' : ''}.`);
    lines.push(`(b) A closing subdivision ${s}.`);
  }
  return lines.join('\n');
}

/** The pieces `writeJson` hands out. */
function pieces(alignment: Alignment, options = {}): string[] {
  const out: string[] = [];
  writeJson(alignment, (piece) => out.push(piece), options);
  return out;
}

describe('render/json: in pieces', () => {
  it('should write exactly what renderJson writes, for a small text, a federal bill and a large statute', () => {
    const cases = [
      align('(a) The old text.\n(b) Same.\n', '(a) The new text.\n(b) Same.\n(c) Added clause.\n'),
      align(readBill('us', 'us-114-hr766-ih.xml'), readBill('us', 'us-114-hr766-rh.xml'), 'ih.xml', 'rh.xml'),
      align(statute(400, false), statute(400, true)),
      align('', ''),
    ];
    cases[0]!.notice = 'A notice.';
    cases[0]!.replaced = true;
    for (const alignment of cases) expect(pieces(alignment).join('')).to.equal(renderJson(alignment));
  });

  it('should hand a large alignment out in pieces of about 64 K characters', () => {
    const alignment = align(statute(2000, false), statute(2000, true));
    const out = pieces(alignment);
    expect(out.length).to.be.above(10);
    // Each piece: 64 K characters, and at most one run of 256 levels more.
    expect(out.slice(0, -1).every((p) => p.length >= 65_536 && p.length < 3 * 65_536)).to.equal(true);
  });

  it('should indent as renderJson does when asked, in one piece', () => {
    const alignment = align('(a) Old.\n', '(a) New.\n');
    expect(pieces(alignment, { indent: 2 })).to.deep.equal([renderJson(alignment, { indent: 2 })]);
  });
});
