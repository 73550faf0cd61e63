import { expect } from 'chai';
import { BilldiffError, parseDocument, readDocument } from '../../src/index.js';
import type { Action, Content, Root } from '../../src/types.js';
import { readBill } from '../helpers/paths.js';
import { levels } from '../helpers/tree.js';

const SENATE = 'ca/ca-ab1656-2025-amended-senate-2026-06-11.xml';

function actions(tree: Root): Action[] {
  const out: Action[] = [];
  const walk = (node: Root | Content) => {
    if (node.type === 'action') out.push(node);
    if (node.type === 'root' || node.type === 'level') node.children.forEach(walk);
  };
  walk(tree);
  return out;
}

describe('parse/read-caml', () => {
  describe('#parseDocument (CAML)', () => {
    const xml = readBill(SENATE);
    const printed = parseDocument(xml, SENATE);

    it('should detect CAML by the .xml name', () => {
      expect(printed.source.format).to.equal('caml');
      expect(printed.tree.data?.format).to.equal('caml');
    });

    it('should read the change marks (17 insertions, 16 deletions) and say so in a caml-marks diagnostic', () => {
      const marks = printed.source.marks;
      expect(marks.filter((m) => m.type === 'insertion')).to.have.length(17);
      expect(marks.filter((m) => m.type === 'deletion')).to.have.length(16);
      const notes = printed.messages.filter((m) => m.ruleId === 'caml-marks');
      expect(notes.map((m) => m.reason)).to.deep.equal(['read 17 insertion and 16 deletion marks; comparing the text as printed']);
      expect(notes[0]!.place).to.deep.equal(marks[0]!.position);
    });

    it('should read the version metadata and the title', () => {
      expect(printed.source.meta).to.deep.equal({
        versionId: '20250AB__165697AMD',
        session: '2025',
        measure: 'AB 1656',
        stage: 'AMENDED_SENATE',
        date: '2026-06-11',
        authors: [{ name: 'Davies', role: 'lead author', house: 'Assembly' }],
        // Its DigestKey and MeasureIndicators: "Vote: majority Appropriation: no Fiscal Committee: no Local Program: no", no urgency, no tax levy.
        digestKey: { vote: 'majority', appropriation: false, fiscalCommittee: false, localProgram: false, urgency: false, taxLevy: false },
      });
      expect(printed.source.title).to.equal('An act to amend Section 1050 of the Penal Code, relating to human trafficking.');
    });

    it('should say which unnumbered texts are the title, the Legislative Counsel’s Digest and the enacting clause', () => {
      const texts = printed.tree.children.filter((c) => c.type === 'text');
      expect(texts.map((t) => [t.role ?? null, t.value.slice(0, 30)])).to.deep.equal([
        ['title', 'An act to amend Section 1050 o'],
        ['digest', 'Existing law makes a person wh'],
        ['digest', 'Existing law establishes the r'],
        ['digest', 'This bill would, in a case inv'],
        ['enacting', 'The people of the State of Cal'],
      ]);
    });

    it('should give different texts for marks: "before" and marks: "printed"', () => {
      const before = parseDocument(xml, SENATE, { marks: 'before' });
      const text = (d: typeof printed) => d.source.blocks.map((b) => b.text).join('\n');
      expect(before.source.marksMode).to.equal('before');
      expect(printed.source.marksMode).to.equal('printed');
      expect(text(before)).to.not.equal(text(printed));
      // Each side holds the marked text of its own kind: a deletion's words are only before, an insertion's only printed.
      const ins = printed.source.marks.find((m) => m.type === 'insertion' && m.text.length > 30)!;
      const del = printed.source.marks.find((m) => m.type === 'deletion' && m.text.length > 30)!;
      expect(text(printed)).to.include(ins.text);
      expect(text(before)).to.include(del.text);
    });

    it('should keep the action line of SEC. 1 as printed', () => {
      expect(actions(printed.tree).map(({ position, ...a }) => a)).to.deep.equal([
        { type: 'action', value: 'Section 1050 of the Penal Code is amended to read:' },
      ]);
      expect(printed.tree.kind).to.equal('bill');
    });

    it('should build the bill section and the quoted section 1050 with its subdivisions', () => {
      const ids = levels(printed.tree).map((l) => l.id);
      expect(ids.slice(0, 3)).to.deep.equal(['sec1', 'sec1/s1050', 'sec1/s1050/a']);
      expect(ids).to.include.members(['sec1/s1050/g/1', 'sec1/s1050/g/4', 'sec1/s1050/l']);
    });

    it('should throw a BilldiffError with file:line:col for malformed XML', () => {
      let error: unknown;
      try {
        parseDocument('<a><b></a>', 'bad.xml');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(BilldiffError);
      expect(String(error)).to.match(/^bad\.xml:1:\d+: XML is not well-formed: /);
      expect((error as BilldiffError).place?.start.line).to.equal(1);
    });

    it('should place a well-formedness error on its line', () => {
      expect(() => readDocument('<?xml version="1.0"?>\n<Bill>\n<p>one</p>\n<p>two</Bill>\n', 'bad.xml')).to.throw(BilldiffError, /XML is not well-formed/);
      try {
        readDocument('<?xml version="1.0"?>\n<Bill>\n<p>one</p>\n<p>two</Bill>\n', 'bad.xml');
      } catch (e) {
        expect(String(e)).to.match(/^bad\.xml:4:/);
      }
    });
  });
});
