import { expect } from 'chai';
import { alignTrees, parseDocument } from '../../src/index.js';
import { buildPageModel } from '../../src/render/page/index.js';
import type { Text } from '../../src/types.js';
import { readBill } from '../helpers/paths.js';

// Regression tests for the QA round: California's enacting clause was shown as "Unnumbered text".
// The bills are the bundled real ones; the plain texts are SYNTHETIC apart from the enacting
// clause's fixed wording.

const ENACTING = 'The people of the State of California do enact as follows:';

function texts(file: string, input: string): Array<[string | null, string]> {
  return parseDocument(input, file)
    .tree.children.filter((c): c is Text => c.type === 'text')
    .map((t) => [t.role ?? null, t.value.slice(0, 40)]);
}

describe('parse: the enacting clause', () => {
  it('should give the enacting clause of a CAML bill (its Preamble) the role "enacting"', () => {
    const file = 'ca/ca-ab1656-2025-introduced.xml';
    expect(texts(file, readBill(file)).slice(-1)).to.deep.equal([['enacting', ENACTING.slice(0, 40)]]);
  });

  it('should recognise it in a plain-text bill, and only as a line of its own outside quoted law', () => {
    const bill = `An act to amend Section 100 of the Synthetic Code.\n${ENACTING}\nSECTION 1. Section 100 of the Synthetic Code is amended to read:\n100. A synthetic rule.\n`;
    expect(texts('bill.txt', bill)).to.deep.equal([
      [null, 'An act to amend Section 100 of the Synth'],
      ['enacting', ENACTING.slice(0, 40)],
    ]);
    expect(texts('other.txt', `${ENACTING} And more words.\n`)).to.deep.equal([[null, `${ENACTING} And more words.`.slice(0, 40)]]);
  });

  it("should give a federal bill's enactingFormula the role too", () => {
    const file = 'us/us-114-hr766-ih.xml';
    expect(texts(file, readBill(file))).to.deep.equal([
      ['title', 'A BILL'],
      ['title', 'To provide requirements for the appropri'],
      ['enacting', 'Be it enacted by the Senate and House of'],
    ]);
  });

  it('should name it "Enacting clause" where a page cites it', () => {
    const file = 'ca/ca-ab1656-2025-introduced.xml';
    const tree = parseDocument(readBill(file), file).tree;
    const model = buildPageModel(alignTrees(tree, parseDocument('(a) A synthetic text.\n', 'new.txt').tree));
    expect(model.changes.slice(0, 6).map((c) => `${c.citation}: ${c.description}`)).to.deep.equal([
      'Title: deleted',
      "Legislative Counsel's Digest: deleted",
      "Legislative Counsel's Digest: deleted",
      "Legislative Counsel's Digest: deleted",
      'Enacting clause: deleted',
      'SEC. 1: deleted',
    ]);
  });
});
