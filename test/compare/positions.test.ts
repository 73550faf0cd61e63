import { expect } from 'chai';
import { compare, compareReading, compareToWrite, type CompareRequest, type CompareResult } from '../../src/compare/index.js';
import { renderHtml, writeHtml } from '../../src/render/html.js';
import { renderJson, writeJson } from '../../src/render/json.js';
import { renderStatuteText } from '../../src/render/statute-text.js';
import { renderTerminal, writeTerminal } from '../../src/render/terminal.js';
import { renderWdiff, writeWdiff } from '../../src/render/wdiff.js';
import { comparePage } from '../../src/server/compare-page.js';
import { appliedLawOf, type View } from '../../src/server/diff-task.js';
import { loadViews } from '../../src/server/views.js';
import { readBill } from '../helpers/paths.js';

// Synthetic texts, written for these tests, not real law: enumerated levels whose text stands on their
// line (changed, moved, redesignated, split), a section whose undivided text became its subsection (a),
// chapeaux, a text on the line after its designation, and a section wrapped around subdivisions.
const OLD = [
  '100. The board shall adopt rules.',
  '101.',
  '(a) The board shall meet:',
  '(1) Monthly.',
  '(2) On call.',
  '(b)',
  'The clerk shall keep records.',
  '(c) A fee is due yearly.',
  '(d) The fee is paid to the clerk.',
  '102.',
  '(a) Each permit expires after one year.',
  '(b) A permit may be renewed.',
  '',
].join('\n');
const NEW = [
  '100.',
  '(a) The board shall adopt rules.',
  '(b) The board may amend them.',
  '101.',
  '(a) The board shall meet:',
  '(1) Weekly.',
  '(2) On call, with notice.',
  '(b)',
  'The clerk shall keep all records.',
  '(c) The fee is paid to the clerk.',
  '(d) A fee is due yearly.',
  '102. Permits.',
  '(a) Each permit expires after two years.',
  '(b) A permit may be renewed.',
  '(c) A permit may be revoked.',
  '',
].join('\n');
const LAW = '§ 7. Rules\n\n(1) The rule says nothing.\n\n(2) The other rule.\n';
const BILL = 'SEC. 2. AMENDMENT.\n\nSection 7 of title 99, United States Code, is amended in paragraph (1) by striking “nothing” and inserting “something”.\n';

const text = (file: string, t: string) => ({ bytes: Buffer.from(t), file });
const bill = (name: string, file: string) => ({ bytes: readBill(...name.split('/')), file });
const AB1656 = ['ca/ca-ab1656-2025-introduced.xml', 'ca/ca-ab1656-2025-amended-assembly-2026-03-05.xml', 'ca/ca-ab1656-2025-amended-senate-2026-06-11.xml'];
const PC1050 = { ...bill('ca/ca-penal-code-1050-current.xml', 'pc1050.xml'), lawSection: '1050' };

const REQUESTS: Array<[string, CompareRequest]> = [
  ['two synthetic texts', { documents: [text('old.txt', OLD), text('new.txt', NEW)] }],
  ['two synthetic texts, reversed', { documents: [text('new.txt', NEW), text('old.txt', OLD)] }],
  ['two CAML versions', { documents: [bill(AB1656[0]!, 'a.xml'), bill(AB1656[2]!, 'b.xml')] }],
  ['a CAML version with its marks', { documents: [bill(AB1656[1]!, 'a.xml')] }],
  ['two federal versions', { documents: [bill('us/us-114-hr766-ih.xml', 'ih.xml'), bill('us/us-114-hr766-rh.xml', 'rh.xml')] }],
  ['a plain text and a CAML bill', { documents: [bill('ca/ca-sb54-2017-chaptered-california-values-act.txt', 'sb54.txt'), bill(AB1656[0]!, 'a.xml')] }],
  ['a bill with the law', { documents: [bill(AB1656[0]!, 'a.xml')], law: PC1050 }],
  ['a bill applied to the law', { documents: [bill(AB1656[2]!, 'b.xml')], law: PC1050, apply: true }],
  ['a bill applied to a plain-text law', { documents: [text('bill.txt', BILL)], law: text('law.txt', LAW), apply: true }],
];

/** Every output of a comparison: the CLI's formats, the API's JSON, and the server's pages in each view. */
function outputs(result: CompareResult, request: CompareRequest): Record<string, string> {
  const { alignment, application } = result;
  const out: Record<string, string> = {
    json: renderJson(alignment),
    jsonIndented: renderJson(alignment, { indent: 2 }),
    html: renderHtml(alignment),
    terminal: renderTerminal(alignment, { color: true }),
    wdiff: renderWdiff(alignment),
  };
  if (application) out['statute text'] = renderStatuteText(application.amended);
  const views = loadViews();
  const doc = (id: string) => ({ id, file: `${id}.txt`, name: id, label: id });
  const mode = request.apply ? 'apply' : request.law ? 'law' : 'versions';
  const comparison = { alignment, old: doc('old'), new: doc('new'), ...(application ? { applied: appliedLawOf(application) } : {}) };
  for (const view of ['side', 'inline', 'clean', 'print'] satisfies View[]) {
    if (view === 'clean' && mode !== 'apply') continue;
    const model = comparePage(comparison, { mode, old: 'old', new: 'new' }, view, false, 1, []);
    out[`page ${view}`] = views.render(view === 'print' ? 'print' : mode === 'apply' ? 'apply' : 'compare', model);
  }
  return out;
}

describe('compare: the positions a comparison leaves out', () => {
  // The trees a comparison reads give no position to the text on an enumerated level's own line
  // (src/parse/levels.ts, inlineTextPositions): no output may change for it. Should an output start
  // reading those positions, it would differ here from the same comparison of trees that keep them.
  for (const [name, request] of REQUESTS) {
    it(`should give every output as from trees that keep every position (${name})`, () => {
      const lean = outputs(compare(request), request);
      const full = outputs(compareReading(request, { inlineTextPositions: true }), request);
      expect(Object.keys(lean)).to.deep.equal(Object.keys(full));
      for (const key of Object.keys(full)) expect(lean[key], key).to.equal(full[key]);
    });
  }
});

describe('compare: sides made as they are written', () => {
  // `compareToWrite` leaves the sides of two versions' pairs as the nodes they stand for, and each
  // writer of the CLI makes them as it writes them (`sideOf`): every format must be the one `compare`
  // gives, for every kind of comparison (those of other kinds come as `compare` makes them). A writer
  // that read a side but through `sideOf` would find no line there, and differ.
  for (const [name, request] of REQUESTS) {
    it(`should write every CLI format as from \`compare\` (${name})`, () => {
      const { alignment, sideOf } = compareToWrite(request);
      expect(Boolean(sideOf), 'sides left as nodes').to.equal(request.documents.length === 2 && !request.law);
      const expected = compare(request).alignment;
      const written = (writer: (write: (piece: string) => void) => void): string => {
        let out = '';
        writer((piece) => (out += piece));
        return out;
      };
      for (const indent of [0, 2]) {
        expect(written((w) => writeJson(alignment, w, { indent, sideOf })), `json, indent ${indent}`).to.equal(renderJson(expected, { indent }));
      }
      expect(written((w) => writeWdiff(alignment, w, { sideOf })), 'wdiff').to.equal(renderWdiff(expected));
      for (const color of [false, true]) {
        expect(written((w) => writeTerminal(alignment, w, { color, sideOf })), `terminal, color ${color}`).to.equal(renderTerminal(expected, { color }));
      }
      expect(written((w) => writeHtml(alignment, w, { sideOf })), 'html').to.equal(renderHtml(expected));
      expect(alignment.summary).to.deep.equal(expected.summary);
    });
  }
});
