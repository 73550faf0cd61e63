import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { runCli } from '../helpers/cli.js';
import { type ApplyCase, corpusFile, REAL_APPLY, SYNTHETIC_APPLY } from '../helpers/apply-cases.js';
import { repoRoot } from '../helpers/paths.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures');

/** A file of an amend-truth case (../shared/corpus/us/amend-truth). */
const caseFile = (caseName: string, file: string): string => sharedPath('corpus', 'us', 'amend-truth', caseName, file);

/** A federal case (synthetic or real, see ../helpers/apply-cases.ts) through the CLI. */
function federalSuite(c: ApplyCase): void {
  let corpus: { dir: string; remove(): void };
  const file = (id: string) => corpusFile(corpus.dir, id);
  before(() => {
    corpus = c.corpus();
  });
  after(() => corpus?.remove());

  it('should print the statute as amended, clean, with --format text', async () => {
    const r = await runCli([file(c.law1), '--law', file(c.section), '--apply', '--format', 'text']);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.equal('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).to.equal(`§ ${c.num}. ${c.heading}`);
    expect(lines[1]).to.equal(c.a);
    expect(lines[2]!.startsWith(c.bHead + c.bChapeau), lines[2]).to.equal(true);
    expect(lines.slice(3)).to.deep.equal([c.b1, c.b2]);
  });

  it('should list each instruction with its citation, text, status and changes in --format json', async () => {
    const r = await runCli([file(c.law1), '--law', file(c.section), '--apply', '--format', 'json']);
    expect(r.code).to.equal(1);
    const json = JSON.parse(r.stdout) as {
      instructions: Array<Record<string, unknown>>;
      pairs: unknown[];
      otherInstructions: { elsewhere: Array<{ citation: string; target: string }>; unread: unknown[] };
    };
    const target = `${c.code} ${c.num}`;
    expect(json.instructions.map((i) => [i.id, i.citation, i.status, i.target])).to.deep.equal([
      ['i1', 'sec. 3001(b)(1)', 'applied', target],
      ['i2', 'sec. 3001(b)(2)', 'applied', target],
      ['i3', 'sec. 3001(b)(3)', 'applied', target],
    ]);
    expect(json.instructions[1]!.text).to.equal('by striking “There” and inserting the following: “(a) In general.—There”');
    expect(json.instructions[1]!.changes).to.deep.equal([{ kind: 'replaced', clause: `s${c.num}`, struck: 'There', inserted: '(a) In general.—There' }]);
    expect(json.instructions[0]).to.not.have.property('instruction');
    expect(json.pairs).to.have.length(1);
    expect(json.otherInstructions.elsewhere.map((e) => `${e.citation} ${e.target}`)).to.deep.equal(c.law1Elsewhere);
    expect(json.otherInstructions.unread).to.deep.equal([]);
  });

  it('should apply two laws in order', async () => {
    const r = await runCli([file(c.law1), file(c.law2), '--law', file(c.section2), '--apply', '-f', 'json']);
    const json = JSON.parse(r.stdout) as { instructions: Array<{ id: string; bill: string; citation: string; status: string }> };
    const [one, two] = [path.basename(file(c.law1)), path.basename(file(c.law2))];
    expect(json.instructions.map((i) => `${i.id} ${path.basename(i.bill)} ${i.citation} ${i.status}`)).to.deep.equal([
      `i1 ${one} sec. 3001(a)(1) applied`,
      `i2 ${one} sec. 3001(a)(2) applied`,
      `i3 ${two} sec. 3(b)(1) applied`,
    ]);
  });

  it('should link each change to its instruction and back in --format html', async () => {
    const r = await runCli([file(c.law1), '--law', file(c.section), '--apply', '-f', 'html']);
    expect(r.code).to.equal(1);
    const html = r.stdout;
    expect(html).to.include(`<title>Changes in existing law: ${file(c.section)}, as amended by ${file(c.law1)}</title>`);
    expect(html).to.include('<li id="ins-i1" class="applied"><b>i1</b> applied:');
    const s = `s${c.num}`;
    expect(html).to.include(`<tr class="inserted" id="c-${s}/b"><td class="st">added <a class="by" href="#ins-i3">i3</a></td>`);
    expect(html).to.include(`Changed: <a href="#c-${s}/b">§ ${c.num}(b)</a>, <a href="#c-${s}/b/1">§ ${c.num}(b)(1)</a>, <a href="#c-${s}/b/2">§ ${c.num}(b)(2)</a></li>`);
    // The instructions that changed the undivided text link to the level it became, subsection (a).
    expect(html).to.include(`<br>Changed: <a href="#c-${s}/a">§ ${c.num}(a)</a></li>`);
    expect(html).to.include(`<ins><span class="sr">inserted: </span>${c.b1}</ins>`);
  });

  it('should stop with a clear error when no instruction amends the statute given', async () => {
    const r = await runCli([file(c.law2), '--law', file(c.section), '--apply', '-f', 'text']);
    expect(r.code).to.equal(2);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.equal(
      `${file(c.law2)}:1:1: no instruction in ${file(c.law2)} amends the statute given (${file(c.section)}: § ${c.num}); the instructions amend ${c.law2Targets}\n`,
    );
  });
}

describe('cli --apply', () => {
  describe(SYNTHETIC_APPLY.title, () => federalSuite(SYNTHETIC_APPLY));
  describeShared(REAL_APPLY.title, () => federalSuite(REAL_APPLY));

  it('should show the Changes in Existing Law with each change marked by its instruction (terminal)', async () => {
    const r = await runCli([path.join(fixtures, 'apply-synthetic', 'bill-4usc114.txt'), '--law', path.join(fixtures, 'olrc-xhtml', '2010usc04-s114.htm'), '--apply', '-f', 'terminal', '--no-color']);
    expect(r.code).to.equal(1);
    const lines = r.stdout.split('\n');
    expect(lines).to.include('instructions: 4 applied, 0 refused');
    expect(lines).to.include(
      '~   (a) No State may impose [-an-] {+any+} income tax on any retirement income of an individual who is not a resident or domiciliary of such State (as determined under the laws of such State).  [i1]',
    );
    expect(lines).to.include('-       [-(C) an annuity plan described in section 403(a) of such Code;-]  [i3]');
    expect(lines).to.include('+   {+(f) Effective date.— This subsection is synthetic.+}  [i4]');
  });

  it('should name each bill above its instructions when --instructions is given several', async () => {
    const dir = path.join(fixtures, 'apply-synthetic');
    const r = await runCli(['--instructions', 'bill-4usc114.txt', 'bill-repeals.txt'], { cwd: dir });
    expect({ code: r.code, stderr: r.stderr, lines: r.stdout.split('\n') }).to.deep.equal({
      code: 0,
      stderr: '',
      lines: [
        'bill-4usc114.txt: 4 instructions',
        'sec. 1(1)\tstrikeInsert\t4 U.S.C. 114\tsubsection (a)',
        'sec. 1(2)(A)\tstrikeInsert\t4 U.S.C. 114\tsubsection (b), paragraph (1), subparagraph (B)',
        'sec. 1(2)(B)\tstrike\t4 U.S.C. 114\tsubsection (b), paragraph (1)',
        'sec. 1(3)\taddAtEnd\t4 U.S.C. 114\t-',
        '',
        'bill-repeals.txt: 4 instructions',
        'sec. 1(a)\tstrike\tchapter 9 of title 99\t-',
        'sec. 1(b)\trepeal\t99 U.S.C. 27\tsubsection (b)',
        'sec. 1(c)\trepealReserve\t99 U.S.C. 27\tsubsection (c)',
        'sec. 1(d)\trepeal\t99 U.S.C. 29\t-',
        '',
        '8 instructions in 2 bills',
        '      2  repeal',
        '      2  strike',
        '      2  strikeInsert',
        '      1  addAtEnd',
        '      1  repealReserve',
        '',
      ],
    });
  });

  it('should repeal sections and subsections, strike a section from a chapter, and reserve a repealed subsection', async () => {
    const dir = path.join(fixtures, 'apply-synthetic');
    const r = await runCli([path.join(dir, 'bill-repeals.txt'), '--law', path.join(dir, 'title99-chapter9.xml'), '--apply', '-f', 'text']);
    expect(r.stderr).to.equal('');
    expect(r.stdout).to.equal('Title 99— SYNTHETIC\nCHAPTER 9— SYNTHETIC RULES\n§ 27. First rule\n(a) One.\n(c) [Reserved].\n');
    const json = JSON.parse((await runCli([path.join(dir, 'bill-repeals.txt'), '--law', path.join(dir, 'title99-chapter9.xml'), '--apply', '-f', 'json'])).stdout) as {
      instructions: Array<{ citation: string; action: string; status: string; changes: Array<{ kind: string; clause: string }> }>;
    };
    expect(json.instructions.map((i) => [i.citation, i.action, i.status, i.changes.map((c) => `${c.kind} ${c.clause}`).join(', ')])).to.deep.equal([
      ['sec. 1(a)', 'strike', 'applied', 'struck t99/ch9/s28'],
      ['sec. 1(b)', 'repeal', 'applied', 'struck t99/ch9/s27/b'],
      ['sec. 1(c)', 'repealReserve', 'applied', 'replaced t99/ch9/s27/c'],
      ['sec. 1(d)', 'repeal', 'applied', 'struck t99/ch9/s29'],
    ]);
  });

  it("should find the Code section of an Act's section the bill cites without the Code, by the Code's chapter and source credit", async () => {
    const dir = path.join(fixtures, 'apply-synthetic');
    const args = [path.join(dir, 'bill-act-section.txt'), '--law', path.join(dir, '99usc777.htm'), '--apply'];
    const text = await runCli([...args, '-f', 'text']);
    expect(text.stdout.split('\n').slice(3, 5)).to.deep.equal(['(1) Benefits are payable for weeks ending before June 30, 2011.', '(2) No benefit is payable after December 31, 2011.']);
    const json = JSON.parse((await runCli([...args, '-f', 'json'])).stdout) as { instructions: Array<{ status: string; notes?: string[] }> };
    expect(json.instructions.map((i) => i.status)).to.deep.equal(['applied', 'applied']);
    expect(json.instructions[0]!.notes).to.deep.equal(['Example Benefits Act, sec. 2, is § 777 of the Code: its chapter is “EXAMPLE BENEFITS” and its source credit names § 2']);
  });

  it('should list refused instructions with their reasons on stderr and at the top of the redline', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-apply-'));
    try {
      // Synthetic: a strike of words that are not in 4 U.S.C. 114.
      fs.writeFileSync(path.join(dir, 'bill.txt'), 'SECTION 1. AMENDMENT.\n\nSection 114(a) of title 4, United States Code, is amended by striking ``no such words\'\' and inserting ``other words\'\'.\n');
      const r = await runCli(['bill.txt', '--law', path.join(fixtures, 'olrc-xhtml', '2010usc04-s114.htm'), '--apply', '-f', 'terminal', '--no-color'], { cwd: dir });
      expect(r.code).to.equal(0);
      // The refusal names the words, the place, and the nearest words that are there.
      expect(r.stderr).to.equal('billdiff: refused i1 (bill.txt, sec. 1): “no such words” not found in 4 U.S.C. 114(a); nearest: “of such State”\n');
      expect(r.stdout).to.include('! refused i1 bill.txt, sec. 1 (4 U.S.C. 114): “no such words” not found in 4 U.S.C. 114(a); nearest: “of such State”');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should refuse --apply without --law and --format text without --apply', async () => {
    const a = await runCli(['bill.txt', '--apply']);
    expect(a.code).to.equal(2);
    expect(a.stderr.split('\n')[0]).to.equal('billdiff: --apply needs --law STATUTE: the statute the instructions amend');
    const b = await runCli(['a.txt', 'b.txt', '-f', 'text']);
    expect(b.code).to.equal(2);
    expect(b.stderr).to.equal('billdiff: --format text prints a statute as amended: use it with --law STATUTE --apply\n');
  });

  it('should apply a California bill\'s "is amended to read" to the bundled Penal Code § 1050', async () => {
    const r = await runCli(['ca-ab1656-2025-introduced', '--law', 'ca-penal-code-1050', '--apply', '-f', 'json']);
    expect(r.code).to.equal(1);
    const json = JSON.parse(r.stdout) as { instructions: Array<{ id: string; citation: string; status: string; target: string; text: string }> };
    expect(json.instructions.map((i) => [i.id, i.citation, i.status, i.target, i.text])).to.deep.equal([
      ['i1', 'sec. 1', 'applied', 'Penal Code § 1050', 'Section 1050 of the Penal Code is amended to read:'],
    ]);
  });

  describeShared('on ../shared/corpus/us', () => {
    it('should link each change to its instruction and back in --format html (Pub. L. 116-94 on 44 U.S.C. 3902)', async () => {
      const k = 'pl116-94_44usc3902';
      const r = await runCli([caseFile(k, 'law-excerpt.xml'), '--law', caseFile(k, 'before.xml'), '--apply', '-f', 'html']);
      expect(r.code).to.equal(1);
      const html = r.stdout;
      expect(html).to.match(/<title>Changes in existing law: .*before\.xml, as amended by .*law-excerpt\.xml<\/title>/);
      expect(html).to.include('<li id="ins-i1" class="applied"><b>i1</b> applied:');
      // The change links to its instruction, the instruction to the changed level, and both anchors exist.
      expect(html).to.include('<tr class="modified" id="c-s3902"><td class="st">amended <a class="by" href="#ins-i1">i1</a></td>');
      expect(html).to.include('Changed: <a href="#c-s3902">§ 3902</a></li>');
      expect(html).to.include('Changed: <a href="#c-s3902/b/1">§ 3902(b)(1)</a>, <a href="#c-s3902/b/2">§ 3902(b)(2)</a>');
      expect(html).to.include('id="c-s3902/b"');
      expect(html).to.include('<ins><span class="sr">inserted: </span>removal; pay; limits on bonuses; counsel</ins>');
    });

    it('should apply a bill.dtd bill to a statute compilation of the Act it amends (114th H.R. 50 IH on the Unfunded Mandates Reform Act, COMPS-339)', async () => {
      const us = sharedPath('corpus', 'us');
      const bill = path.join(us, 'bills', '114-hr50', 'BILLS-114hr50ih.xml');
      const comps = path.join(us, 'comps', 'COMPS-339.xml');
      expect(fs.existsSync(bill) && fs.existsSync(comps), 'missing ../shared corpus files').to.equal(true);
      const json = await runCli([bill, '--law', comps, '--apply', '-f', 'json']);
      const { instructions } = JSON.parse(json.stdout) as { instructions: Array<{ citation: string; status: string; target: string }> };
      expect(instructions.filter((i) => i.status === 'refused')).to.deep.equal([]);
      expect(instructions).to.have.length(21);
      expect(instructions.map((i) => i.citation)).to.include.members(['sec. 6(3)', 'sec. 8', 'sec. 10(1)', 'sec. 13(1)(A)']);
      const text = (await runCli([bill, '--law', comps, '--apply', '-f', 'text'])).stdout.split('\n');
      // A section amended to read as follows, its heading printed in the compilation's capitals.
      expect(text).to.include('SEC. 201. REGULATORY PROCESS AND PRINCIPLES.');
      // Words inserted in a heading printed in capitals ("in the section heading, by inserting “and private sector” before “input”").
      expect(text).to.include('SEC. 204. STATE, LOCAL, AND TRIBAL GOVERNMENT AND PRIVATE SECTOR INPUT.');
      // "Section 206 of the Unfunded Mandates Reform Act of 1995 (2 U.S.C. 1536)": the Act's own numbering.
      expect(text).to.include('The Administrator of the Office of Information and Regulatory Affairs shall—');
      // "Title II … is amended (1) by redesignating section 209 as section 210; (2) by inserting after section 208 the following new section 209: …"
      const at = text.indexOf('SEC. 209. RETROSPECTIVE ANALYSIS OF EXISTING FEDERAL REGULATIONS.');
      expect(at).to.be.greaterThan(text.findIndex((l) => l.startsWith('SEC. 208.')));
      expect(text.findIndex((l) => l.startsWith('SEC. 210. EFFECTIVE DATE.'))).to.be.greaterThan(at);
      expect(text.some((l) => l.startsWith('SEC. 209. EFFECTIVE DATE.'))).to.equal(false);
    });

    it("should match an Act's section numbers only in that Act's compilation, and refuse what a later compilation already says (H.R. 1865 EAH, 116th)", async () => {
      const us = sharedPath('corpus', 'us');
      const bill = path.join(us, 'bills', '116-hr1865', 'BILLS-116hr1865eah.xml');
      expect(fs.existsSync(bill), `missing ${bill}`).to.equal(true);
      // The Consumer Product Safety Improvement Act is not amended by H.R. 1865: no section 401 of
      // another Act may be taken for its section 401.
      const other = await runCli([bill, '--law', path.join(us, 'comps', 'COMPS-9748.xml'), '--apply', '-f', 'json']);
      expect(other.code).to.equal(2);
      expect(other.stderr).to.match(/no instruction in .*BILLS-116hr1865eah\.xml amends the statute given \(.*COMPS-9748\.xml: /);
      // The Secure Rural Schools Act is: but its compilation is later than the bill and already reads
      // as amended, so each strike is refused, with the words it looked for.
      const srs = await runCli([bill, '--law', path.join(us, 'comps', 'COMPS-1135.xml'), '--apply', '-f', 'json']);
      const { instructions } = JSON.parse(srs.stdout) as { instructions: Array<{ status: string; reason?: string; citation: string }> };
      expect(instructions).to.have.length(16);
      expect(instructions.every((i) => i.status === 'refused' && /not found in/.test(i.reason ?? ''))).to.equal(true);
      expect(instructions[0]).to.deep.include({ citation: 'div. I, title III, sec. 301(a)(1)', reason: '“and 2018” not found in § 101(a); nearest: “and 2020”' });
    });

    it('should stop with a clear error when no instruction amends the statute given (pl113-287_45usc1116)', async () => {
      const k = 'pl113-287_45usc1116';
      const r = await runCli([caseFile(k, 'law-excerpt.xml'), '--law', caseFile(k, 'before.xml'), '--apply', '-f', 'text']);
      expect(r.code).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.match(/no instruction in .*law-excerpt\.xml amends the statute given \(.*before\.xml: § 1116\); the instructions amend 45 U\.S\.C\. 1111; 45 U\.S\.C\. 1212\n$/);
      expect(r.stderr).to.not.match(/\n\s+at /);
    });

    it('should read every instruction of 119 H.R. 1 as engrossed without a crash, and count each kind (--instructions)', async () => {
      const file = sharedPath('corpus', 'us', 'large', 'BILLS-119hr1eh.xml');
      expect(fs.existsSync(file), `missing ${file}`).to.equal(true);
      const r = await runCli(['--instructions', file, '-f', 'json']);
      expect(r.code).to.equal(0);
      expect(r.stderr).to.equal('');
      const json = JSON.parse(r.stdout) as { instructions: Array<{ citation: string; action: string; reason?: string }>; counts: Record<string, number> };
      expect(json.counts).to.deep.equal({
        strikeInsert: 447,
        addAtEnd: 245,
        insertAfter: 167,
        strike: 140,
        amendToRead: 62,
        redesignate: 50,
        repeal: 31,
        insertBefore: 30,
        unknown: 3,
        reformat: 1,
      });
      expect(json.instructions).to.have.length(1176);
      // Every instruction not read says why.
      expect(json.instructions.filter((i) => i.action === 'unknown' && !i.reason)).to.deep.equal([]);
      const text = await runCli(['--instructions', file]);
      expect(text.stdout.trimEnd().split('\n').slice(-11)).to.deep.equal([
        '1176 instructions',
        '    447  strikeInsert',
        '    245  addAtEnd',
        '    167  insertAfter',
        '    140  strike',
        '     62  amendToRead',
        '     50  redesignate',
        '     31  repeal',
        '     30  insertBefore',
        '      3  unknown',
        '      1  reformat',
      ]);
    });
  });
});
