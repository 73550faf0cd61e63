import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { detectFormat, parseDocument, readDocument } from '../../src/parse/index.js';
import { readFederal } from '../../src/parse/read-federal.js';
import { isOlrcXhtml, readOlrcXhtml } from '../../src/parse/read-olrc-xhtml.js';
import type { Content, Level, Root } from '../../src/types.js';
import { fixturePath, repoRoot } from '../helpers/paths.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

const S114 = fixturePath('olrc-xhtml', '2010usc04-s114.htm');
const S116 = fixturePath('olrc-xhtml', '2010usc04-s116.htm');
const S119 = fixturePath('olrc-xhtml', '2010usc04-s119.htm');
const S1 = fixturePath('olrc-xhtml', '2010usc01-s1-head-statute.htm');
const TITLE4 = fixturePath('olrc-xhtml', '2010usc04-excerpt.htm');

function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Every level of a tree, in document order. */
function allLevels(node: Root | Content, out: Level[] = []): Level[] {
  if (node.type === 'level') out.push(node);
  if (node.type === 'root' || node.type === 'level') for (const child of node.children) allLevels(child, out);
  return out;
}

/** Every text-like node (text, chapeau, continuation) of a tree, in document order. */
function allTexts(node: Root | Content, out: Array<Exclude<Content, Level>> = []): Array<Exclude<Content, Level>> {
  if (node.type !== 'root' && node.type !== 'level') out.push(node);
  if (node.type === 'root' || node.type === 'level') for (const child of node.children) allTexts(child, out);
  return out;
}

/** `id kind num heading` of every level: the outline of a tree. */
function outline(tree: Root): string[] {
  return allLevels(tree).map((l) => [l.id, l.kind, l.num?.text ?? '', l.heading ?? ''].join(' | '));
}

function level(tree: Root, id: string): Level {
  const found = allLevels(tree).find((l) => l.id === id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
}

/** The own text nodes of a level, as `type: value`. */
function own(tree: Root, id: string): string[] {
  return level(tree, id)
    .children.filter((c) => c.type !== 'level')
    .map((c) => `${c.type}: ${(c as { value: string }).value}`);
}

/** Children of a tree without positions or data, for comparing two readings. */
function shape(tree: Root): string {
  return JSON.stringify(tree.children, (key, value) => (key === 'position' ? undefined : value));
}

describe('parse/read-olrc-xhtml', () => {
  describe('#isOlrcXhtml', () => {
    it('should accept a section fragment, a title file and bare statutory paragraphs', () => {
      expect(isOlrcXhtml(read(S114))).to.equal(true);
      expect(isOlrcXhtml(read(TITLE4).slice(0, 4096))).to.equal(true);
      expect(isOlrcXhtml('<p class="statutory-body-2em">(A) text</p>')).to.equal(true);
      expect(isOlrcXhtml('<h3 class="section-head">&sect;1. Heading</h3>')).to.equal(true);
    });

    it('should refuse USLM, CAML, plain HTML and plain text', () => {
      expect(isOlrcXhtml(read(fixturePath('federal-hr1058-s2', 'section-2.xml')))).to.equal(false);
      expect(isOlrcXhtml(read(path.join(repoRoot, 'test/fixtures/ab1656-introduced-vs-penal-code-1050/bill.xml')))).to.equal(false);
      expect(isOlrcXhtml('<html><body><p class="note-body">A note.</p></body></html>')).to.equal(false);
      expect(isOlrcXhtml('(a) The flag should never be displayed with the union down.')).to.equal(false);
    });
  });

  describe('detectFormat', () => {
    it('should read OLRC XHTML as federal, by extension or by its first character, before the XML checks', () => {
      expect(detectFormat('2010usc04.htm', read(TITLE4))).to.equal('federal');
      expect(detectFormat('s114.html', read(S114))).to.equal('federal');
      // A fragment handed over without a name (stdin) starts with its documentid comment.
      expect(detectFormat('-', read(S116))).to.equal('federal');
      expect(detectFormat('section.xml', read(S119))).to.equal('federal');
    });

    it('should leave other inputs to the readers they had', () => {
      expect(detectFormat('a.htm', 'The flag should never be dipped.')).to.equal('text');
      expect(detectFormat('a.html', '<html><body><p>hello</p></body></html>')).to.equal('caml');
      expect(detectFormat('section-2.xml', read(fixturePath('federal-hr1058-s2', 'section-2.xml')))).to.equal('federal');
      expect(detectFormat('a.md', '<p class="statutory-body">(a) x</p>')).to.equal('markdown');
    });
  });

  describe('4 U.S.C. 114 (a section fragment, five levels deep)', () => {
    const text = read(S114);
    const { tree, source, messages } = readOlrcXhtml(text, 's114.htm');

    it("should keep the section's title, chapter and source credit, which say what it was enacted as", () => {
      const section = tree.children[0] as Level;
      expect(section.xmlId).to.equal('/us/usc/t4/s114');
      expect(section.chapterHeading).to.equal('THE STATES');
      expect(section.sourceCredit).to.equal('(Added Pub. L. 104–95, §1(a), Jan. 10, 1996, 109 Stat. 979; amended Pub. L. 109–264, §1(a), Aug. 3, 2006, 120 Stat. 667.)');
    });

    it('should read the section and every designation at its rung', () => {
      expect(messages).to.deep.equal([]);
      expect(tree.type).to.equal('root');
      expect(tree.kind).to.equal('statute');
      expect(tree.children.map((c) => c.type)).to.deep.equal(['level']);
      expect(outline(tree)).to.deep.equal([
        's114 | section | § 114. | Limitation on State income taxation of certain pension income',
        's114/a | subsection | (a) | ',
        's114/b | subsection | (b) | ',
        's114/b/1 | paragraph | (1) | ',
        's114/b/1/A | subparagraph | (A) | ',
        's114/b/1/B | subparagraph | (B) | ',
        's114/b/1/C | subparagraph | (C) | ',
        's114/b/1/D | subparagraph | (D) | ',
        's114/b/1/E | subparagraph | (E) | ',
        's114/b/1/F | subparagraph | (F) | ',
        's114/b/1/G | subparagraph | (G) | ',
        's114/b/1/H | subparagraph | (H) | ',
        // (I) after (H) at 2em is a subparagraph; the (I) under clause (i) at 4em is a subclause.
        's114/b/1/I | subparagraph | (I) | ',
        's114/b/1/I/i | clause | (i) | ',
        's114/b/1/I/i/I | subclause | (I) | ',
        's114/b/1/I/i/II | subclause | (II) | ',
        's114/b/1/I/ii | clause | (ii) | ',
        's114/b/2 | paragraph | (2) | ',
        's114/b/3 | paragraph | (3) | ',
        's114/b/4 | paragraph | (4) | ',
        's114/e | subsection | (e) | ',
      ]);
      expect(level(tree, 's114').num).to.deep.equal({ text: '§ 114.', value: '114' });
      expect(level(tree, 's114/b/1/I/i/II').num).to.deep.equal({ text: '(II)', value: 'II' });
      expect(source).to.include({ file: 's114.htm', format: 'federal' });
      expect(source.title).to.equal(undefined);
    });

    it('should make lead-ins chapeaux and the flush block paragraphs continuations of the right level', () => {
      expect(own(tree, 's114/b')).to.deep.equal(['chapeau: For purposes of this section—']);
      expect(own(tree, 's114/b/1')).to.deep.equal([
        'chapeau: The term “retirement income” means any income from—',
        'continuation: Such term includes any retired or retainer pay of a member or former member of a uniform service computed under chapter 71 of title 10, United States Code.',
      ]);
      expect(own(tree, 's114/b/1/I')).to.deep.equal([
        'chapeau: any plan, program, or arrangement described in section 3121(v)(2)(C) of such Code (or any plan, program, or arrangement that is in writing, that provides for retirement payments in recognition of prior service to be made to a retired partner, and that is in effect immediately before retirement begins), if such income—',
        'continuation: The fact that payments may be adjusted from time to time pursuant to such plan, program, or arrangement to limit total disbursements under a predetermined formula, or to provide cost of living or similar adjustments, will not cause the periodic payments provided under such plan, program, or arrangement to fail the “substantially equal periodic payments” test.',
      ]);
      // The continuation comes after the clauses, in document order.
      expect(level(tree, 's114/b/1/I').children.map((c) => c.type)).to.deep.equal(['chapeau', 'level', 'level', 'continuation']);
      expect(own(tree, 's114/b/1/I/i/II')).to.deep.equal(['text: a period of not less than 10 years, or']);
      expect(own(tree, 's114/b/4')).to.deep.equal([
        'text: For purposes of this section, the term “retired partner” is an individual who is described as a partner in section 7701(a)(2) of the Internal Revenue Code of 1986 and who is retired under such individual\'s partnership agreement.',
      ]);
    });

    it('should drop the footnote marker, the footnote, the source credit and the notes', () => {
      expect(own(tree, 's114/e')).to.deep.equal([
        'text: Nothing in this section shall be construed as having any effect on the application of section 514 of the Employee Retirement Income Security Act of 1974.',
      ]);
      const all = allTexts(tree).map((t) => (t as { value: string }).value).join('\n');
      expect(all).to.not.include('So in original');
      expect(all).to.not.include('Added Pub. L. 104');
      expect(all).to.not.include('References in Text');
      expect(all).to.not.include('Effective Date');
      expect(all).to.not.include('apply to amounts received after December 31, 1995');
      expect(allTexts(tree)).to.have.length(22);
    });

    it('should place levels at their paragraph and text after the designation, on the right lines', () => {
      const section = level(tree, 's114');
      expect(section.position!.start).to.deep.equal({ line: 6, column: 1, offset: text.indexOf('<h3 class="section-head">') });
      // The section ends with its statute text, not with the notes.
      expect(section.position!.end.line).to.equal(34);
      const b = level(tree, 's114/b');
      expect(b.position!.start.line).to.equal(10);
      expect(text.slice(b.position!.start.offset)).to.match(/^<p class="statutory-body">\(b\) For purposes/);
      expect(b.position!.end.line).to.equal(32);
      const sub = level(tree, 's114/b/1/I/i/II');
      expect(text.slice(sub.position!.start.offset)).to.match(/^<p class="statutory-body-4em">\(II\) a period/);
      const node = sub.children[0]!;
      expect(node.position).to.deep.include({ start: { line: 23, column: 36, offset: node.position!.start.offset } });
      expect(text.slice(node.position!.start.offset, node.position!.end.offset)).to.equal('a period of not less than 10 years, or');
      const e = level(tree, 's114/e').children[0]!;
      expect(e.position!.start.line).to.equal(34);
      expect(text.slice(e.position!.start.offset, e.position!.end.offset)).to.match(/^Nothing in this section .* Act of 1974\.$/);
    });

    it('should read the same tree from the file with CRLF line ends', () => {
      const crlf = text.replace(/\n/g, '\r\n');
      const again = readOlrcXhtml(crlf, 's114.htm');
      expect(again.messages).to.deep.equal([]);
      expect(shape(again.tree)).to.equal(shape(tree));
      const b = level(again.tree, 's114/b');
      expect(b.position!.start).to.include({ line: 10, column: 1 });
      expect(crlf.slice(b.position!.start.offset)).to.match(/^<p class="statutory-body">\(b\)/);
    });
  });

  describe('4 U.S.C. 116 and 119 (headings in small caps)', () => {
    it('should read small-caps headings as written, through their dash, and drop footnote markers inside them', () => {
      const text = read(S116);
      const { tree, messages } = readOlrcXhtml(text, 's116.htm');
      expect(messages).to.deep.equal([]);
      expect(outline(tree).slice(0, 4)).to.deep.equal([
        's116 | section | § 116. | Rules for determining State and local government treatment of charges related to mobile telecommunications services',
        's116/a | subsection | (a) | Application of This Section Through Section 126.—',
        's116/b | subsection | (b) | General Exceptions.—',
        's116/b/1 | paragraph | (1) | ',
      ]);
      expect(level(tree, 's116/c').heading).to.equal('Specific Exceptions.—');
      expect(level(tree, 's116/b').children.filter((c) => c.type === 'level').map((c) => (c as Level).id)).to.deep.equal([
        's116/b/1',
        's116/b/2',
        's116/b/3',
        's116/b/4',
        's116/b/5',
        's116/b/6',
      ]);
      expect(own(tree, 's116/a')[0]).to.match(/^text: This section through 126 of this title apply to any tax, charge, or fee levied by a taxing jurisdiction/);
      expect(own(tree, 's116/b')).to.deep.equal(['chapeau: This section through 126 of this title do not apply to—']);
      expect(own(tree, 's116/c')).to.deep.equal(['chapeau: This section through 126 of this title—']);
      expect(own(tree, 's116/b/4')).to.deep.equal([
        'text: any generally applicable business and occupation tax that is imposed by a State, is applied to gross receipts or gross proceeds, is the legal liability of the home service provider, and that statutorily allows the home service provider to elect to use the sourcing method required in this section through 126 of this title;',
      ]);
      // The notes quote headed, designated text of the Act ("(a) Effective Date.—"): not levels of § 116.
      expect(allLevels(tree)).to.have.length(13);
      expect(allLevels(tree).some((l) => l.heading === 'Effective Date.—')).to.equal(false);
      const a = level(tree, 's116/a').children[0]!;
      expect(text.slice(a.position!.start.offset, a.position!.start.offset + 24)).to.equal('This section through&nbs');
    });

    it('should read a heading alone on its line and a subparagraph opened after a paragraph heading', () => {
      const { tree, messages } = readOlrcXhtml(read(S119), 's119.htm');
      expect(messages).to.deep.equal([]);
      expect(outline(tree)).to.deep.equal([
        's119 | section | § 119. | Electronic databases for nationwide standard numeric jurisdictional codes',
        's119/a | subsection | (a) | Electronic Database.—',
        's119/a/1 | paragraph | (1) | Provision of database.—',
        's119/a/2 | paragraph | (2) | Format.—',
        // "(2) Format.—(A) Such …": (A) opens inside (2); (B) and (C) follow at (2)'s indentation.
        's119/a/2/A | subparagraph | (A) | ',
        's119/a/2/B | subparagraph | (B) | ',
        's119/a/2/C | subparagraph | (C) | ',
        's119/b | subsection | (b) | Notice; Updates.—',
        's119/c | subsection | (c) | User Held Harmless.—',
      ]);
      expect(level(tree, 's119/a').children.map((c) => c.type)).to.deep.equal(['level', 'level']);
      expect(level(tree, 's119/a/2').children.map((c) => c.type)).to.deep.equal(['level', 'level', 'level']);
      expect(own(tree, 's119/a/2/A')[0]).to.match(/^text: Such electronic database, whether provided by the State or the designated database provider, shall be provided/);
      // (A) starts at its own designation, inside the paragraph of (2).
      const a = level(tree, 's119/a/2/A');
      const b = level(tree, 's119/a/2');
      expect(a.position!.start.line).to.equal(b.position!.start.line);
      expect(a.position!.start.column).to.be.greaterThan(b.position!.start.column);
      expect(read(S119).slice(a.position!.start.offset, a.position!.start.offset + 4)).to.equal('(A) ');
    });
  });

  describe('1 U.S.C. 1 (an undesignated section)', () => {
    it('should read each printed paragraph as its own text node, with no levels below the section', () => {
      const text = read(S1);
      const { tree, messages } = readOlrcXhtml(text, 's1.htm');
      expect(messages).to.deep.equal([]);
      expect(outline(tree)).to.deep.equal(['s1 | section | § 1. | Words denoting number, gender, and so forth']);
      const section = level(tree, 's1');
      expect(section.children.map((c) => c.type)).to.deep.equal(Array(11).fill('text'));
      const values = section.children.map((c) => (c as { value: string }).value);
      expect(values[0]).to.equal('In determining the meaning of any Act of Congress, unless the context indicates otherwise—');
      expect(values[1]).to.equal('words importing the singular include and apply to several persons, parties, or things;');
      expect(values[5]).to.equal('the words “insane” and “insane person” and “lunatic” shall include every idiot, lunatic, insane person, and person non compos mentis;');
      expect(values[10]).to.equal('“writing” includes printing and typewriting and reproductions of visual symbols by photographing, multigraphing, mimeographing, manifolding, or otherwise.');
      expect(values.join(' ')).to.not.include('61 Stat. 633');
      // The paragraph after <!-- PDFPage:2 --> starts on line 10, after the comment and its tag.
      expect(section.children[1]!.position!.start).to.include({ line: 10, column: 49 });
    });

    describeShared('against 1 U.S.C. 1 in USLM (../shared/corpus/us/uscode)', () => {
      it('should give the same shape as the USLM reader gives the same section', () => {
        const olrc = level(readOlrcXhtml(read(S1), 's1.htm').tree, 's1');
        const uslm = level(readFederal(read(sharedPath('corpus', 'us', 'uscode', 'usc01.xml')), 'usc01.xml').tree, 't1/ch1/s1');
        expect(olrc.num).to.deep.equal(uslm.num);
        expect(olrc.heading).to.equal(uslm.heading);
        expect(olrc.children.map((c) => c.type)).to.deep.equal(uslm.children.map((c) => c.type));
        // The 2010 edition still had "and “lunatic”" (struck in 2012); the other lines read alike.
        const values = (l: Level): string[] => l.children.map((c) => (c as { value: string }).value);
        expect(values(olrc).filter((v, i) => v === values(uslm)[i])).to.have.length(10);
      });
    });
  });

  describe('a title file', () => {
    const text = read(TITLE4);
    const parsed = parseDocument(Buffer.from(text), '2010usc04.htm');
    const tree = parsed.tree;

    it('should nest sections in their chapters and the chapters in the title', () => {
      expect(parsed.messages).to.deep.equal([]);
      expect(tree.data).to.deep.equal({ file: '2010usc04.htm', title: 'Title 4', format: 'federal' });
      expect(parsed.source.title).to.equal('Title 4');
      expect(tree.children.map((c) => (c as Level).id)).to.deep.equal(['t4']);
      expect(outline(tree).filter((line) => !/\| subsection \|/.test(line))).to.deep.equal([
        't4 | title | TITLE 4— | FLAG AND SEAL, SEAT OF GOVERNMENT, AND THE STATES',
        't4/ch1 | chapter | CHAPTER 1— | THE FLAG',
        't4/ch1/s2 | section | § 2. | Same; additional stars',
        't4/ch1/s8 | section | § 8. | Respect for flag',
        't4/ch3 | chapter | CHAPTER 3— | SEAT OF THE GOVERNMENT',
        't4/ch3/s71 | section | § 71. | Permanent seat of Government',
        't4/ch3/s72 | section | § 72. | Public offices; at seat of Government',
        't4/ch3/s73 | section | § 73. | Same; removal from seat of Government',
      ]);
      expect(level(tree, 't4').num).to.deep.equal({ text: 'TITLE 4—', value: '4' });
      expect(level(tree, 't4/ch3').num).to.deep.equal({ text: 'CHAPTER 3—', value: '3' });
    });

    it('should read (i) after (h) as a subsection, and the lead-in as the chapeau', () => {
      const s8 = level(tree, 't4/ch1/s8');
      expect(s8.children.filter((c) => c.type === 'level').map((c) => `${(c as Level).kind} ${(c as Level).num!.text}`)).to.deep.equal(
        ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].map((v) => `subsection (${v})`),
      );
      expect(own(tree, 't4/ch1/s8')).to.deep.equal([
        'chapeau: No disrespect should be shown to the flag of the United States of America; the flag should not be dipped to any person or thing. Regimental colors, State flags, and organization or institutional flags are to be dipped as a mark of honor.',
      ]);
      const i = level(tree, 't4/ch1/s8/i');
      expect(i.position!.start).to.include({ line: 222, column: 19 });
      expect(text.slice(i.position!.start.offset)).to.match(/^<p class="statutory-body">\(i\) The flag should never be used for advertising/);
    });

    it('should leave out the tables of contents, notes, source credits and title enactment credit', () => {
      const all = allTexts(tree).map((t) => (t as { value: string }).value);
      expect(all).to.have.length(16);
      const joined = all.join('\n');
      for (const absent of ['Flag; stripes and stars on.', 'This title was enacted', 'Positive Law', 'R.S. §1792', 'Historical and Revision Notes', '61 Stat. 643', 'Permanent seat of Government.']) {
        expect(joined, absent).to.not.include(absent);
      }
      expect(own(tree, 't4/ch3/s72')).to.deep.equal([
        'text: All offices attached to the seat of government shall be exercised in the District of Columbia, and not elsewhere, except as otherwise expressly provided by law.',
      ]);
    });

    it('should give readDocument the same source document', () => {
      const source = readDocument(text, '2010usc04.htm');
      expect(source).to.deep.include({ file: '2010usc04.htm', format: 'federal', title: 'Title 4', blocks: [], marks: [], messages: [] });
    });
  });

  describe('structure and headings in the forms the other titles use', () => {
    it('should nest structures by their itempath, a part under a subchapter as in title 42', () => {
      // Built for this test in the annual edition's form (comments, classes); the text is short.
      const unit = (id: string, itempath: string, head: string): string =>
        [`<!-- documentid:${id} currentthrough:20110107 -->`, `<!-- itempath:${itempath} -->`, '<!-- field-start:structuralhead -->', head, '<!-- field-end:structuralhead -->', ''].join('\n');
      const section = (id: string, itempath: string, num: string): string =>
        [
          `<!-- documentid:${id} -->`,
          `<!-- itempath:${itempath} -->`,
          '<!-- field-start:head -->',
          `<h3 class="section-head">&sect;${num}. Heading ${num}</h3>`,
          '<!-- field-end:head -->',
          '<!-- field-start:statute -->',
          `<p class="statutory-body">Text of ${num}.</p>`,
          '<!-- field-end:statute -->',
          '',
        ].join('\n');
      const input = [
        unit('42_-ch6A', '/420/CHAPTER 6A', '<h3 class="chapter-head"><strong>CHAPTER 6A&mdash;PUBLIC HEALTH SERVICE</strong></h3>'),
        unit('42_-ch6A-schII', '/420/CHAPTER 6A/SUBCHAPTER II', '<h3 class="subchapter-head">SUBCHAPTER II&mdash;GENERAL POWERS AND DUTIES</h3>'),
        unit('42_-ch6A-schII-ptA', '/420/CHAPTER 6A/SUBCHAPTER II/Part A', '<h3 class="part-head">Part A&mdash;Research and Investigation</h3>'),
        section('42_241', '/420/CHAPTER 6A/SUBCHAPTER II/Part A/Sec. 241', '241'),
        unit('42_-ch6A-schII-ptB', '/420/CHAPTER 6A/SUBCHAPTER II/Part B', '<h3 class="part-head">Part B&mdash;Federal-State Cooperation</h3>'),
        section('42_243', '/420/CHAPTER 6A/SUBCHAPTER II/Part B/Sec. 243', '243'),
        unit('42_-ch6A-schIII', '/420/CHAPTER 6A/SUBCHAPTER III', '<h3 class="subchapter-head">SUBCHAPTER III&mdash;NATIONAL RESEARCH INSTITUTES</h3>'),
        section('42_281', '/420/CHAPTER 6A/SUBCHAPTER III/Sec. 281', '281'),
      ].join('\n');
      const { tree, messages } = readOlrcXhtml(input, 't42.htm');
      expect(messages).to.deep.equal([]);
      expect(outline(tree)).to.deep.equal([
        'ch6A | chapter | CHAPTER 6A— | PUBLIC HEALTH SERVICE',
        'ch6A/schII | subchapter | SUBCHAPTER II— | GENERAL POWERS AND DUTIES',
        'ch6A/schII/pA | part | Part A— | Research and Investigation',
        'ch6A/schII/pA/s241 | section | § 241. | Heading 241',
        'ch6A/schII/pB | part | Part B— | Federal-State Cooperation',
        'ch6A/schII/pB/s243 | section | § 243. | Heading 243',
        'ch6A/schIII | subchapter | SUBCHAPTER III— | NATIONAL RESEARCH INSTITUTES',
        'ch6A/schIII/s281 | section | § 281. | Heading 281',
      ]);
      expect(own(tree, 'ch6A/schII/pB/s243')).to.deep.equal(['text: Text of 243.']);
    });

    it('should not take a small-caps word far from any dash for a heading', () => {
      const input = '<h3 class="section-head">&sect;9. Test</h3>\n<p class="statutory-body">(a) <cap-smallcap>Provided</cap-smallcap>, That the Secretary may act under this section only after notice to the Congress and a hearing on the record, as the Secretary finds in each case&mdash;</p>\n<p class="statutory-body-1em">(1) first; and</p>';
      const { tree } = readOlrcXhtml(input, 'caps.htm');
      expect(level(tree, 's9/a').heading).to.equal(undefined);
      expect(own(tree, 's9/a')).to.deep.equal([
        'chapeau: Provided, That the Secretary may act under this section only after notice to the Congress and a hearing on the record, as the Secretary finds in each case—',
      ]);
    });
  });

  describe('placeholders, entities and broken input', () => {
    it('should keep a repealed section as a section with its heading', () => {
      // The form of the annual edition's placeholders (`repealedhead`, bracketed catchline).
      const input = [
        '<!-- documentid:17_710  currentthrough:20110107 -->',
        '<!-- field-start:repealedhead -->',
        '<h3 class="section-head">[&sect;710. Repealed. Pub. L. 106&ndash;379, &sect;3(a)(1), Oct. 27, 2000, 114 Stat. 1445]</h3>',
        '<!-- field-end:repealedhead -->',
        '<!-- field-start:repealsummary -->',
        '<p class="note-body">Section, Pub. L. 94&ndash;553, related to forms and procedures.</p>',
        '<!-- field-end:repealsummary -->',
        '<!-- documentid:17_711 -->',
        '<h3 class="section-head">&sect;&sect;711, 712. Omitted</h3>',
      ].join('\n');
      const { tree, messages } = readOlrcXhtml(input, 'repealed.htm');
      expect(messages).to.deep.equal([]);
      expect(outline(tree)).to.deep.equal([
        's710 | section | [§ 710. | Repealed. Pub. L. 106–379, §3(a)(1), Oct. 27, 2000, 114 Stat. 1445]',
        's711-712 | section | §§ 711, 712. | Omitted',
      ]);
      expect(level(tree, 's710').children).to.deep.equal([]);
    });

    it('should decode named and numeric references and keep an unknown one as written', () => {
      const input = '<h3 class="section-head">&sect;9. Test</h3>\n<p class="statutory-body">(a) <cap-smallcap>In General</cap-smallcap>.&#8212;A &frac12; share&#x2014;and &#151; R&amp;D &bogus; &lt;x&gt;&nbsp;&nbsp;end.</p>';
      const { tree } = readOlrcXhtml(input, 'entities.htm');
      expect(level(tree, 's9/a').heading).to.equal('In General.—');
      expect(own(tree, 's9/a')).to.deep.equal(['text: A ½ share—and — R&D &bogus; <x> end.']);
    });

    it('should report, not throw, when there is no section at all', () => {
      for (const input of ['', '<html><body><p>Nothing here.</p></body></html>', '<<<>>>&&&;&#99999999; <p class="x']) {
        const { tree, messages } = readOlrcXhtml(input, 'empty.htm');
        expect(tree.children).to.deep.equal([]);
        expect(messages.map((m) => m.ruleId)).to.deep.equal(['olrc-no-section']);
        expect(messages[0]).to.deep.include({ file: 'empty.htm', fatal: false, source: 'billdiff:parse' });
        expect(messages[0]!.place!.start).to.deep.equal({ line: 1, column: 1, offset: 0 });
      }
    });

    it('should report a comment that is never closed', () => {
      const input = '<!-- documentid:4_1 -->\n<h3 class="section-head">&sect;1. Flag</h3>\n<!-- field-start:statute\n<p class="statutory-body">The flag of the United States.</p>';
      const { tree, messages } = readOlrcXhtml(input, 'broken.htm');
      expect(outline(tree)).to.deep.equal(['s1 | section | § 1. | Flag']);
      expect(messages.map((m) => m.ruleId)).to.deep.equal(['olrc-unclosed-comment']);
      expect(messages[0]!.place!.start).to.include({ line: 3, column: 1 });
    });

    it('should read unclosed paragraphs with no section heading under the root, with a warning', () => {
      const input = '<p class="statutory-body">(a) <cap-smallcap>Definitions</cap-smallcap>.&mdash;In this section&mdash;\n<p class="statutory-body-1em">(1) the term &ldquo;flag&rdquo; means a flag;\n<p class="statutory-body-1em">(2) the term &ldquo;State&rdquo; includes Guam.';
      const parsed = parseDocument(input, 'bare.htm');
      expect(outline(parsed.tree)).to.deep.equal(['a | subsection | (a) | Definitions.—', 'a/1 | paragraph | (1) | ', 'a/2 | paragraph | (2) | ']);
      expect(own(parsed.tree, 'a')).to.deep.equal(['chapeau: In this section—']);
      expect(own(parsed.tree, 'a/2')).to.deep.equal(['text: the term “State” includes Guam.']);
      expect(parsed.messages.map((m) => m.ruleId)).to.deep.equal(['olrc-no-section-head']);
      expect(parsed.messages[0]!.place!.start).to.include({ line: 1, column: 1 });
    });
  });
});
