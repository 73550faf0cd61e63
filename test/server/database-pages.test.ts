import { expect } from 'chai';
import { snippetParts, snippetSegments } from '../../src/server/database-pages.js';
import { MARK_END, MARK_START } from '../../src/store/search.js';

/** The segments as they were read before: white space folded, then split on the marks. */
function segmentsBySplit(snippet: string): Array<{ text: string; hit: boolean }> {
  const out: Array<{ text: string; hit: boolean }> = [];
  let hit = false;
  for (const part of snippet.replace(/\s+/g, ' ').split(new RegExp(`([${MARK_START}${MARK_END}])`))) {
    if (part === MARK_START) hit = true;
    else if (part === MARK_END) hit = false;
    else if (part) out.push({ text: part, hit });
  }
  return out;
}

const S = MARK_START;
const E = MARK_END;
const SNIPPETS = [
  '',
  'no word found',
  `${S}court${E}`,
  `the ${S}court${E} shall`,
  `${S}human${E} ${S}trafficking${E}`,
  `${S}a${E}${S}b${E}`,
  `a${S}${E}b`,
  `a${E}b${E}c`,
  `open ${S}mark`,
  `  runs \n\t of   space ${S} found ${E}\u00a0and\u2003others `,
  `one space\u0020only ${S}x${E} y`,
];

describe('server: search snippets as the pages write them', () => {
  it('should read the same segments as splitting on the marks did', () => {
    for (const s of SNIPPETS) expect(snippetSegments(s), JSON.stringify(s)).to.deep.equal(segmentsBySplit(s));
  });

  it('should pair each text found with the text before it, for the same HTML as the segments one by one', () => {
    for (const s of SNIPPETS) {
      const bySegment = segmentsBySplit(s).map((x) => (x.hit ? `<mark>${x.text}</mark>` : x.text)).join('');
      const parts = snippetParts(s);
      expect(parts.map((p) => `${p.text}${p.mark ? `<mark>${p.mark}</mark>` : ''}`).join(''), JSON.stringify(s)).to.equal(bySegment);
      expect(parts.length > 0, JSON.stringify(s)).to.equal(bySegment.length > 0);
    }
  });
});
