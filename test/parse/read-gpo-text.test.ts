import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { isGpoText, readGpoText } from '../../src/parse/read-gpo-text.js';
import type { Block } from '../../src/types.js';
import { fixturePath, readBill } from '../helpers/paths.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

/** Words of a text, with a hyphen at a line end joined to the next word (`counter-` `drug` → `counter-drug`). */
function words(text: string): string[] {
  return text
    .replace(/-[ \t]*\r?\n\s*/g, '-')
    .split(/\s+/)
    .filter((w) => w !== '');
}

function blockWords(blocks: Block[]): string[] {
  return words(blocks.map((b) => b.text).join('\n'));
}

describe('parse/read-gpo-text', () => {
  // Synthetic (see its SOURCE.md): GPO header lines + printed-page furniture + line numbers.
  const SYNTHETIC = 'gpo-text-synthetic-numbered/bill.txt';
  const synthetic = fs.readFileSync(fixturePath(SYNTHETIC), 'utf8');

  describe('#isGpoText', () => {
    it('should recognise the govinfo header lines', () => {
      expect(isGpoText('[Congressional Bills 119th Congress]\n[From the U.S. Government Publishing Office]\n')).to.equal(true);
      expect(isGpoText('[From the U.S. Government Printing Office]\n\n<DOC>\n')).to.equal(true);
      expect(isGpoText('\n<DOC>\n\n118th CONGRESS\n')).to.equal(true);
    });

    it('should recognise a line-numbered bill page without the header', () => {
      const body = synthetic.slice(synthetic.indexOf('  1         Be it enacted'));
      expect(isGpoText(body)).to.equal(true);
    });

    it('should recognise the synthetic fixture', () => {
      expect(isGpoText(synthetic)).to.equal(true);
    });

    describeShared('the real H.R. 1 enrolled text (../shared/corpus/us/large)', () => {
      it('should recognise it', () => {
        const enr = fs.readFileSync(sharedPath('corpus', 'us', 'large', 'BILLS-119hr1enr.txt'), 'utf8');
        expect(isGpoText(enr)).to.equal(true);
      });
    });

    it('should not take a California statute text, Markdown or a numbered list for GPO text', () => {
      expect(isGpoText(readBill('ca', 'ca-sb54-2017-chaptered-california-values-act.txt'))).to.equal(false);
      expect(isGpoText(readBill('ca', 'ca-ab2641-2024-amended-assembly-2024-04-11-7282.7.txt'))).to.equal(false);
      expect(isGpoText(fs.readFileSync(fixturePath('markdown-bill-vs-law', 'bill.md'), 'utf8'))).to.equal(false);
      const list = Array.from({ length: 20 }, (_, i) => `${i + 1} apples and pears`).join('\n');
      expect(isGpoText(list)).to.equal(false);
    });
  });

  describe('#readGpoText (synthetic line-numbered fixture)', () => {
    const doc = readGpoText(synthetic, SYNTHETIC);

    it('should make one block per paragraph, without line numbers, heads or header lines', () => {
      expect(doc.blocks.map((b) => b.text)).to.deep.equal([
        'AN ACT',
        'To provide grants to States, and for other purposes.',
        'Be it enacted by the Senate and House of Representa-tives of the United States of America in Congress assembled,',
        'SECTION 1. SHORT TITLE.',
        'This Act may be cited as the ‘‘Synthetic Example Act’’.',
        'SEC. 2. GRANTS TO STATES.',
        '(a) IN GENERAL.—The Secretary shall award grants to States for the purposes described in subsection (b).',
        '(b) PURPOSES.—A State that receives a grant under this section shall use the grant—',
        '(1) to train able-bodied adults; and',
        '(2) to report to the Secretary on the use of the grant, as described in paragraph (1) and subsection (a).',
        '(c) AMENDMENT.—Section 5 of the Example Act of 2001 is amended by adding at the end the following:',
        '‘‘(d) REPORT.—Not later than 1 year after the date of enactment of this subsection, the Secretary shall submit a report.’’.',
        'SEC. 3. DEFINITIONS.',
        'In this Act:',
        '(1) STATE.—The term ‘‘State’’ means each of the several States and the District of Colum-bia.',
        '(2) SECRETARY.—The term ‘‘Secretary’’ means the Secretary of Labor.',
        'SEC. 4. AUTHORIZATION OF APPROPRIATIONS.',
        'There is authorized to be appropriated to carry out this Act $1,000,000 for each of fiscal years 2026 through 2030.',
      ]);
      expect(doc.format).to.equal('text');
      expect(doc.file).to.equal(SYNTHETIC);
      expect(doc.title).to.equal('H.R. 9999 Engrossed in House (EH)');
      expect(doc.marks).to.deep.equal([]);
      expect(doc.messages).to.deep.equal([]);
    });

    it('should place a block at its first character and end it after its last (across a page break too)', () => {
      const lineStart = (n: number): number => synthetic.split('\n').slice(0, n - 1).join('\n').length + (n > 1 ? 1 : 0);
      const sec2 = doc.blocks[5];
      expect(sec2).to.deep.equal({
        text: 'SEC. 2. GRANTS TO STATES.',
        role: 'body',
        position: {
          start: { line: 16, column: 7, offset: lineStart(16) + 6 },
          end: { line: 16, column: 32, offset: lineStart(16) + 31 },
        },
      });
      const state = doc.blocks[14];
      expect(state.position).to.deep.equal({
        start: { line: 33, column: 19, offset: lineStart(33) + 18 },
        end: { line: 39, column: 17, offset: lineStart(39) + 16 },
      });
      for (const b of doc.blocks) {
        const first = b.text.split(' ')[0];
        expect(synthetic.slice(b.position.start.offset)).to.satisfy((s: string) => s.startsWith(first));
        expect(synthetic.slice(0, b.position.end.offset).trimEnd().length).to.equal(b.position.end.offset);
      }
    });

    it('should keep every word of the bill, in order (hyphens aside)', () => {
      const furniture = /^\[.*\]$|^<\/?DOC>$|^<all>$|^•HR 9999 EH$|^\f?VerDate\b|^\d+$/;
      const kept = synthetic
        .split('\n')
        .map((l) => l.replace(/^ {0,2}\d{1,2}(?= )/, ''))
        .filter((l) => !furniture.test(l.trim()))
        .join('\n');
      const unhyphen = (ws: string[]): string[] => ws.map((w) => w.replace(/-(?=[a-z])/g, ''));
      expect(unhyphen(blockWords(doc.blocks))).to.deep.equal(unhyphen(words(kept)));
    });
  });

  describe('#readGpoText (wrap-marked govinfo text)', () => {
    // Synthetic lines in the layout of a govinfo .txt: wrapped lines keep a trailing space.
    const text = [
      '[Congressional Bills 119th Congress]',
      '[From the U.S. Government Publishing Office]',
      '[H.R. 9998 Enrolled Bill (ENR)]',
      '',
      'SEC. 2. EXAMPLE OF A HEADING THAT IS LONG ENOUGH TO WRAP ONTO A ',
      'SECOND LINE.',
      '    (a) In General.--Section 3 of the Example Act is amended by striking ',
      'subparagraph ',
      '(B) and inserting a counter-',
      'drug rule.',
      '    (b) Rule.--',
      'The Secretary shall--',
      '        (1) act; and',
      '        (2) report.',
    ].join('\n');
    const doc = readGpoText(text, 'x.txt');

    it('should join wrapped lines, keep real hyphens and not split at a wrapped cross-reference', () => {
      expect(doc.blocks.map((b) => b.text)).to.deep.equal([
        'SEC. 2. EXAMPLE OF A HEADING THAT IS LONG ENOUGH TO WRAP ONTO A SECOND LINE.',
        '(a) In General.--Section 3 of the Example Act is amended by striking subparagraph (B) and inserting a counter-drug rule.',
        '(b) Rule.--The Secretary shall--',
        '(1) act; and',
        '(2) report.',
      ]);
      expect(doc.blocks[1].position).to.deep.equal({
        start: { line: 7, column: 5, offset: text.indexOf('(a)') },
        end: { line: 10, column: 11, offset: text.indexOf('rule.') + 5 },
      });
    });
  });

  describe('#readGpoText (signatures and attestation)', () => {
    // Synthetic lines in the layout of a govinfo .txt, ending as an enrolled and an engrossed bill end.
    const head = ['[Congressional Bills 119th Congress]', '[From the U.S. Government Publishing Office]', '[H.R. 9997 Enrolled Bill (ENR)]', ''];
    const body = [
      'SEC. 5. LIMITATIONS ON CLAIMS.',
      '    Section 8(a) of the Example Act is amended by striking ``2 years ',
      "after enactment'' and inserting ``December 31, 2027''.",
    ];
    const texts = (lines: string[]): string[] => readGpoText([...head, ...body, ...lines].join('\n'), 'x.txt').blocks.map((b) => b.text);
    const instruction = "Section 8(a) of the Example Act is amended by striking ``2 years after enactment'' and inserting ``December 31, 2027''.";

    it('should end the text of an enrolled bill at the signatures', () => {
      const signatures = [
        '',
        '                               Speaker of the House of Representatives.',
        '',
        '                            Vice President of the United States and    ',
        '                                               President of the Senate.',
      ];
      expect(texts(signatures)).to.deep.equal(['SEC. 5. LIMITATIONS ON CLAIMS.', instruction]);
    });

    it("should end the text of an engrossed bill at the attestation, the clerk's name or not", () => {
      const attest = ['', '            Passed the House of Representatives May 22, 2025.', '', '            Attest:', '', '                                                                 Clerk.'];
      expect(texts(attest)).to.deep.equal(['SEC. 5. LIMITATIONS ON CLAIMS.', instruction]);
      const named = ['', '            Passed the Senate July 1, 2025.', '', '            Attest: JANE Q. EXAMPLE,', '', '                                                             Secretary.'];
      expect(texts(named)).to.deep.equal(['SEC. 5. LIMITATIONS ON CLAIMS.', instruction]);
    });

    it('should keep words that only name an office, and an office named before the text ends', () => {
      const office = ['    (b) Secretary.--', '    The term ``Secretary\'\' means the Secretary of Labor.', '', '            Secretary.'];
      expect(texts(office).slice(2)).to.deep.equal(['(b) Secretary.--The term ``Secretary\'\' means the Secretary of Labor.', 'Secretary.']);
      const before = ['', '            Attest:', '', '    (c) Report.--The Secretary shall report.'];
      expect(texts(before).slice(2)).to.deep.equal(['Attest:', '(c) Report.--The Secretary shall report.']);
    });
  });

  describeShared('#readGpoText (real: 119th H.R. 1 enrolled, GPO text)', () => {
    // ../shared/corpus/us/large/BILLS-119hr1enr.txt (see MANIFEST.md there); read in place.
    const file = path.join('corpus', 'us', 'large', 'BILLS-119hr1enr.txt');
    let text: string;
    let doc: ReturnType<typeof readGpoText>;
    let sourceLines: string[];
    before(() => {
      text = fs.readFileSync(sharedPath(file), 'utf8');
      doc = readGpoText(text, file);
      sourceLines = text.split('\n');
    });

    it('should drop the header lines and take the title from them', () => {
      expect(doc.title).to.equal('H.R. 1 Enrolled Bill (ENR)');
      expect(doc.blocks[0].text).to.equal('H.R.1');
      for (const b of doc.blocks) {
        expect(b.text).not.to.match(/\[Congressional Bills|Government Publishing Office\]|<\/?DOC>|^•?HR 1 [A-Z]+$|\f/);
      }
    });

    it('should start a block at every SEC. line, and have as many SEC. blocks as SEC. lines', () => {
      const secLines = sourceLines.flatMap((l, i) => (l.startsWith('SEC. ') ? [i + 1] : []));
      const secBlocks = doc.blocks.filter((b) => b.text.startsWith('SEC. '));
      expect(secLines.length).to.equal(309);
      expect(secBlocks.map((b) => b.position.start.line)).to.deep.equal(secLines);
      expect(secBlocks.every((b) => b.position.start.column === 1 && /^SEC\. \d+\. [A-Z0-9]/.test(b.text))).to.equal(true);
      // A heading wrapped onto a second line is one block.
      const sec10102 = secBlocks.find((b) => b.text.startsWith('SEC. 10102.'));
      expect(sec10102?.text).to.equal('SEC. 10102. MODIFICATIONS TO SNAP WORK REQUIREMENTS FOR ABLE-BODIED ADULTS.');
    });

    it('should start blocks at designations, and join wrapped lines into paragraphs', () => {
      expect(doc.blocks.length).to.be.within(6000, 7000);
      const a = doc.blocks.find((b) => b.text.startsWith('(b) Conforming Amendments.--'));
      expect(a?.text).to.equal('(b) Conforming Amendments.--');
      const joined = doc.blocks.find((b) => b.text.startsWith('(b) Standardizing Enforcement.--'));
      expect(joined?.text).to.equal(
        '(b) Standardizing Enforcement.--Section 6(o)(4) of the Food and Nutrition Act of 2008 (7 U.S.C. 2015(o)(4)) is amended--',
      );
    });

    it('should place each block at its first word in the source', () => {
      for (const b of doc.blocks) {
        const first = b.text.split(' ')[0];
        expect(text.slice(b.position.start.offset, b.position.start.offset + first.length)).to.equal(first);
        expect(sourceLines[b.position.start.line - 1].slice(b.position.start.column - 1)).to.satisfy((s: string) => s.startsWith(first));
      }
    });

    it('should keep every word of the bill, in order, and end it at the signatures', () => {
      const signatures = sourceLines.findIndex((l) => l.trim() === 'Speaker of the House of Representatives.');
      expect(sourceLines.slice(signatures).map((l) => l.trim()).filter((l) => l !== '')).to.deep.equal([
        'Speaker of the House of Representatives.',
        'Vice President of the United States and',
        'President of the Senate.',
      ]);
      const kept = sourceLines.slice(0, signatures).filter((l, i) => !(i < 3 && /^\[.*\]$/.test(l))).join('\n');
      expect(blockWords(doc.blocks)).to.deep.equal(words(kept));
      expect(doc.blocks.at(-1)?.text).to.match(/^Section 8\(a\) of the Radiation Exposure Compensation Act .* and inserting ``December 31, 2027''\.$/);
    });
  });
});
