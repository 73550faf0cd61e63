import { expect } from 'chai';
import Handlebars from 'handlebars';
import { markedSnippet, snippetSegments } from '../../src/server/database-pages.js';
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

  it('should write a snippet as the segments one by one, each escaped, the words found marked', () => {
    const snippets = [...SNIPPETS, `<b> & ${S}"x" 'y'${E} \`z\``];
    for (const s of snippets) {
      const bySegment = segmentsBySplit(s).map((x) => (x.hit ? `<mark>${Handlebars.escapeExpression(x.text)}</mark>` : Handlebars.escapeExpression(x.text))).join('');
      const html = markedSnippet(s);
      expect(html).to.be.an.instanceOf(Handlebars.SafeString);
      expect(html.toHTML(), JSON.stringify(s)).to.equal(bySegment);
    }
    expect(markedSnippet(`a <i>${S}b&c${E}`).toHTML()).to.equal('a &lt;i&gt;<mark>b&amp;c</mark>');
  });
});
