import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocument } from '../../src/index.js';
import { failure } from '../helpers/errors.js';
import { runCli } from '../helpers/cli.js';

// Regression tests for the QA round: a CAML bill version whose insertion marks are not closed
// was said to carry no change marks. Each broken mark is now named with its place.
// All texts are SYNTHETIC (the shape of the Legislature's CAML, words made up).

const HEAD = '<?xml version="1.0"?>\n<caml:MeasureDoc xmlns:caml="http://lc.ca.gov/legalservices/schemas/caml.1#"><caml:Bill>\n';
const TAIL = '</caml:Bill></caml:MeasureDoc>\n';

/** A synthetic bill version whose paragraphs are `body`. */
function caml(body: string): string {
  return `${HEAD}<p>(a) Synthetic clause one.</p>\n${body}${TAIL}`;
}

const START = '<?xm-insertion_mark_start?>';
const END = '<?xm-insertion_mark_end?>';

/** The error reading `xml` throws, as the CLI prints it. */
const readFailure = (xml: string): string => failure(() => readDocument(xml, 'bill.xml'));

describe('parse/read-caml: change marks not closed', () => {
  it('should read closed marks', () => {
    const { marks } = readDocument(caml(`<p>(b) Synthetic ${START}inserted${END} words.</p>\n`), 'bill.xml');
    expect(marks.map((m) => [m.type, m.text, m.position.start.line, m.position.start.column])).to.deep.equal([['insertion', 'inserted', 4, 18]]);
  });

  it('should name an insertion mark left open at the end of the document', () => {
    expect(readFailure(caml(`<p>(b) Synthetic ${START}inserted words.</p>\n`))).to.equal(
      'bill.xml:4:18: insertion mark (xm-insertion_mark_start) not closed by the end of the document',
    );
  });

  it('should name an insertion mark left open when the next one opens', () => {
    expect(readFailure(caml(`<p>(b) Synthetic ${START}inserted words.</p>\n<p>(c) More ${START}words${END}.</p>\n`))).to.equal(
      'bill.xml:4:18: insertion mark (xm-insertion_mark_start) not closed before the next one opens at 5:13',
    );
  });

  it('should name the end of an insertion mark that was never opened', () => {
    expect(readFailure(caml(`<p>(b) Synthetic words${END}.</p>\n`))).to.equal('bill.xml:4:23: insertion mark closed (xm-insertion_mark_end) where none is open');
  });

  it('should say so through the CLI, not that the version carries no change marks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'billdiff-caml-'));
    try {
      writeFileSync(join(dir, 'bill.xml'), caml(`<p>(b) Synthetic ${START}inserted words.</p>\n`));
      expect(await runCli(['bill.xml'], { cwd: dir })).to.deep.equal({
        code: 2,
        stdout: '',
        stderr: 'bill.xml:4:18: insertion mark (xm-insertion_mark_start) not closed by the end of the document\n',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
