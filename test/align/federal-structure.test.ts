import { expect } from 'chai';
import { alignTrees } from '../../src/align/index.js';
import { parseDocument } from '../../src/parse/index.js';
import type { AlignedPair, Alignment } from '../../src/types.js';

// Synthetic USLM bills, written for these tests (not real law).
const words = (seed: string, n: number) => Array.from({ length: n }, (_, i) => `${seed}${i % 13} term${(i * 7) % 31}`).join(' ');
const section = (num: number, heading: string, seed: string) =>
  `<section><num value="${num}">SEC. ${num}. </num><heading>${heading}.</heading><content>${words(seed, 30)}.</content></section>`;
const title = (num: string, heading: string, body: string) => `<title><num value="${num}">TITLE ${num}—</num><heading>${heading}</heading>${body}</title>`;
const bill = (body: string) => `<?xml version="1.0"?><bill xmlns="http://schemas.gpo.gov/xml/uslm"><main>${body}</main></bill>`;

function align(oldXml: string, newXml: string): Alignment {
  return alignTrees(parseDocument(oldXml, 'old.xml').tree, parseDocument(newXml, 'new.xml').tree);
}

function statuses(alignment: Alignment, kind: string): string[] {
  const out: string[] = [];
  const walk = (pair: AlignedPair) => {
    const side = pair.new ?? pair.old;
    if (side?.kind === kind) out.push(`${pair.status} ${pair.old?.num?.value ?? '-'}->${pair.new?.num?.value ?? '-'}`);
    pair.children.forEach(walk);
  };
  alignment.pairs.forEach(walk);
  return out;
}

describe('align: federal structure (synthetic USLM)', () => {
  it('should read a new section 2 as one insertion, and sections 2–4 renumbered 3–5 as redesignated', () => {
    const before = bill([section(1, 'Short title', 'alpha'), section(2, 'Findings', 'beta'), section(3, 'Grants', 'gamma'), section(4, 'Reports', 'delta')].join(''));
    const after = bill(
      [section(1, 'Short title', 'alpha'), section(2, 'Definitions', 'omega'), section(3, 'Findings', 'beta'), section(4, 'Grants', 'gamma'), section(5, 'Reports', 'delta')].join(''),
    );
    expect(statuses(align(before, after), 'section')).to.deep.equal(['unchanged 1->1', 'inserted -->2', 'redesignated 2->3', 'redesignated 3->4', 'redesignated 4->5']);
  });

  it('should find a whole title that moved as moved, at both places', () => {
    const one = title('I', 'Agriculture', section(101, 'Crops', 'corn') + section(102, 'Livestock', 'cattle'));
    const two = title('II', 'Energy', section(201, 'Oil', 'crude') + section(202, 'Wind', 'turbine'));
    const three = title('III', 'Transport', section(301, 'Roads', 'asphalt') + section(302, 'Rail', 'track'));
    const alignment = align(bill(one + two + three), bill(two + three + one));
    const moved = statuses(alignment, 'title').filter((s) => s.startsWith('moved'));
    expect(moved).to.deep.equal(['moved I->-', 'moved I->I']);
    expect(alignment.summary).to.deep.include({ moved: 1, inserted: 0, deleted: 0 });
  });
});
