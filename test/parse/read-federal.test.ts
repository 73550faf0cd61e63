import fs from 'node:fs';
import path from 'node:path';
import { config, expect } from 'chai';
import { SaxesParser } from 'saxes';
import { FEDERAL_SKIPPED, FEDERAL_SKIPPED_IN_QUOTED, isFederalXml, readFederal } from '../../src/parse/read-federal.js';
import type { Content, Level, Root } from '../../src/types.js';
import { BilldiffError } from '../../src/util/errors.js';
import { billsPath, fixturePath, readBill, repoRoot } from '../helpers/paths.js';
import { describeShared, sharedPath, sharedPathIfPresent } from '../helpers/shared.js';

const S2 = fixturePath('federal-hr1058-s2', 'section-2.xml');
/** A synthetic bill in GPO's bill.dtd form (see its SOURCE.md). */
const BILL_DTD_SYNTHETIC = fixturePath('billdtd-synthetic', 'bill.dtd.xml');

/** Every level of a tree, in document order. */
function allLevels(node: Root | Content, out: Level[] = []): Level[] {
  if (node.type === 'level') out.push(node);
  if (node.type === 'root' || node.type === 'level') for (const child of node.children) allLevels(child, out);
  return out;
}

/** The tree's text in reading order: designations, headings and every text-like node. */
function treeText(node: Root | Content, out: string[] = []): string[] {
  if (node.type === 'level') {
    if (node.num) out.push(node.num.text);
    if (node.heading) out.push(node.heading);
  } else if (node.type !== 'root') {
    out.push(node.value);
  }
  if (node.type === 'root' || node.type === 'level') for (const child of node.children) treeText(child, out);
  return out;
}

const QUOTED = new Set(['quotedContent', 'quoted-block']);
const GENERIC = new Set(['level', 'appropriations']);
const BILL_DTD = new Set(['enum', 'header', 'quote', 'quoted-block', 'legis-body']);
const LEVELS = new Set([
  'division', 'title', 'subtitle', 'part', 'subpart', 'chapter', 'subchapter', 'article', 'section',
  'subsection', 'paragraph', 'subparagraph', 'clause', 'subclause', 'item', 'subitem', 'level', 'appropriations',
]);

interface Open {
  name: string;
  quoted: boolean;
  skipped: boolean;
  parts: string[];
  /** For levels: the designation and heading, which the tree puts first wherever the XML has them. */
  num?: string;
  heading?: string;
}

/**
 * What the XML says, read independently of the reader with a bare SAX pass: the body text
 * (skipped elements left out, the `form` read for its `official-title` only; a level's `num` and
 * `heading` moved to its front, as the tree reads them), the number of `<section>` elements
 * outside quoted material and skipped parts (the table of contents), and whether bill.dtd
 * markup occurs.
 */
function xmlFacts(xml: string): { text: string; sections: number; levels: number; billDtd: boolean } {
  const parser = new SaxesParser();
  const stack: Open[] = [{ name: '#document', quoted: false, skipped: false, parts: [] }];
  let sections = 0;
  // Every level element of the bill's own structure that carries a designation or a heading
  // (a bare generic <level> is only a wrapper, and the tree keeps none for it).
  let levels = 0;
  let billDtd = false;
  parser.on('opentag', (tag) => {
    const name = tag.name.slice(tag.name.indexOf(':') + 1);
    const parent = stack[stack.length - 1]!;
    const quoted = parent.quoted || QUOTED.has(name);
    let skipped = parent.skipped || (parent.quoted ? FEDERAL_SKIPPED_IN_QUOTED.has(name) : FEDERAL_SKIPPED.has(name));
    if (parent.name === 'form' && !parent.quoted && name !== 'official-title') skipped = true;
    // The Law Revision Counsel's footnote markers are notes, not law.
    if (!quoted && name === 'ref' && (tag.attributes as Record<string, string>)['class'] === 'footnoteRef') skipped = true;
    stack.push({ name, quoted, skipped, parts: [] });
    if (BILL_DTD.has(name)) billDtd = true;
    if (name === 'section' && !quoted && !skipped) sections++;
  });
  parser.on('closetag', () => {
    const open = stack.pop()!;
    const parent = stack[stack.length - 1]!;
    if (LEVELS.has(open.name) && !open.quoted && !open.skipped && (open.num !== undefined || open.heading !== undefined || !GENERIC.has(open.name))) levels++;
    let text = open.parts.join('');
    if (LEVELS.has(open.name)) text = `${open.num ?? ''} ${open.heading ?? ''} ${text}`;
    // …and so is a bare superscript number after a word or a mark (not a power of ten).
    if (open.name === 'sup' && !open.quoted && /^\s*\d{1,2}\s*$/.test(text) && !/\d\s*$/.test(parent.parts.join(''))) return;
    if (LEVELS.has(parent.name) && (open.name === 'num' || open.name === 'enum') && parent.num === undefined) parent.num = text;
    else if (LEVELS.has(parent.name) && (open.name === 'heading' || open.name === 'header') && parent.heading === undefined) parent.heading = text;
    else parent.parts.push(text);
  });
  const onText = (value: string): void => {
    const top = stack[stack.length - 1]!;
    if (top.skipped || (top.name === 'form' && !top.quoted)) return;
    top.parts.push(value);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(xml).close();
  return { text: stack[0]!.parts.join(''), sections, levels, billDtd };
}

/** Characters bill.dtd leaves to its stylesheet and the reader supplies (`SEC.`, `TITLE`, `.—`, quotation marks). */
const SUPPLIED = new Set([...['SECTION', 'SEC.', '§', 'DIVISION', 'TITLE', 'Subtitle', 'PART', 'Subpart', 'CHAPTER', 'Subchapter', '.—', '“”‘’'].join('')]);

/**
 * "No text lost": the XML body text, whitespace aside, must equal the tree's text (USLM), or
 * be a subsequence of it in which every extra character is one the reader supplies for
 * bill.dtd. Returns a description of the first problem, or undefined.
 */
function textLoss(xml: string, tree: Root, billDtd: boolean, body: string): string | undefined {
  const want = body.replace(/\s+/g, '');
  const have = treeText(tree).join('').replace(/\s+/g, '');
  if (!billDtd) {
    if (want === have) return undefined;
    let i = 0;
    while (i < want.length && want[i] === have[i]) i++;
    return `first difference at ${i}: xml …${want.slice(Math.max(0, i - 60), i + 60)}… tree …${have.slice(Math.max(0, i - 60), i + 60)}…`;
  }
  let j = 0;
  const extra: string[] = [];
  for (let i = 0; i < want.length; i++) {
    while (j < have.length && have[j] !== want[i]) {
      extra.push(have[j]!);
      if (!SUPPLIED.has(have[j]!)) return `unexpected "${have[j]}" in the tree at ${j}: …${have.slice(Math.max(0, j - 60), j + 60)}… (xml …${want.slice(Math.max(0, i - 60), i + 60)}…)`;
      j++;
    }
    if (j >= have.length) return `xml text from ${i} not in the tree: …${want.slice(Math.max(0, i - 60), i + 60)}…`;
    j++;
  }
  for (; j < have.length; j++) if (!SUPPLIED.has(have[j]!)) return `unexpected trailing "${have.slice(j, j + 80)}"`;
  return undefined;
}

/** Every .xml file under a folder, recursively, in a stable order. */
function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...xmlFiles(full));
    else if (/\.xml$/i.test(entry.name)) out.push(full);
  }
  return out;
}

describe('parse/read-federal', () => {
  describe('#readFederal (H.R. 1058 RDS, section 2, USLM 2 cut without xmlns)', () => {
    const xml = fs.readFileSync(S2, 'utf8');
    const { tree, source, messages } = readFederal(xml, 'section-2.xml');
    const section = tree.children[0] as Level;

    it('should build the level tree from the markup: kinds, designations, headings, ids', () => {
      expect(tree.kind).to.equal('statute');
      expect(tree.children).to.have.length(1);
      expect(
        allLevels(tree).map((l) => [l.kind, l.num?.text, l.num?.value, l.heading ?? null, l.id]),
      ).to.deep.equal([
        ['section', 'SEC. 2.', '2', 'EXPANSION, INTENSIFICATION, AND COORDINATION OF ACTIVITIES OF THE NIH WITH RESPECT TO RESEARCH ON AUTISM SPECTRUM DISORDER.', 's2'],
        ['paragraph', '(1)', '1', null, 's2/1'],
        ['subparagraph', '(A)', 'A', null, 's2/1/A'],
        ['subparagraph', '(B)', 'B', null, 's2/1/B'],
        ['paragraph', '(2)', '2', null, 's2/2'],
        ['subparagraph', '(A)', 'A', null, 's2/2/A'],
        ['clause', '(i)', 'i', null, 's2/2/A/i'],
        ['clause', '(ii)', 'ii', null, 's2/2/A/ii'],
        ['subparagraph', '(B)', 'B', null, 's2/2/B'],
      ]);
      expect(source).to.deep.include({ file: 'section-2.xml', format: 'federal', blocks: [], marks: [] });
      expect(messages).to.deep.equal([]);
    });

    it('should read chapeaux and contents as chapeau and text nodes, inline markup as its text', () => {
      expect(section.children[0]).to.deep.equal({
        type: 'chapeau',
        value: 'Section 409C of the Public Health Service Act (42 U.S.C. 284g) is amended—',
        position: { start: { line: 2, column: 1, offset: 276 }, end: { line: 2, column: 192, offset: 467 } },
      });
      const a = allLevels(tree).find((l) => l.id === 's2/1/A')!;
      expect(a.children).to.deep.equal([
        {
          type: 'text',
          value:
            'in the first sentence, by striking “and toxicology” and inserting “toxicology, and interventions to maximize outcomes for individuals with autism spectrum disorder”; and',
          position: { start: { line: 4, column: 136, offset: 774 }, end: { line: 4, column: 468, offset: 1106 } },
        },
      ]);
      expect(a.position).to.deep.equal({ start: { line: 4, column: 1, offset: 639 }, end: { line: 4, column: 483, offset: 1121 } });
    });

    it('should flatten the quoted subparagraph into a text line under the level that quotes it, with the after-quoted-block text', () => {
      const b = allLevels(tree).find((l) => l.id === 's2/2/B')!;
      expect(b.children.map((c) => c.type)).to.deep.equal(['text', 'text']);
      expect(b.children.map((c) => (c.type === 'level' ? '' : c.value))).to.deep.equal([
        'in paragraph (3), by adding at the end the following:',
        '“(D) Reducing disparities.—The Director may consider, as appropriate, the extent to which a center can demonstrate availability and access to clinical services for youth and adults from diverse racial, ethnic, geographic, or linguistic backgrounds in decisions about awarding grants to applicants which meet the scientific criteria for funding under this section.”.',
      ]);
      const quoted = b.children[1]!;
      expect(quoted.position?.start).to.deep.equal({ line: 12, column: 1, offset: 3605 });
      // No level was made from the quoted (D).
      expect(allLevels(tree).some((l) => l.num?.value === 'D')).to.equal(false);
    });

    it('should lose no text', () => {
      const facts = xmlFacts(xml);
      expect(textLoss(xml, tree, facts.billDtd, facts.text)).to.equal(undefined);
    });
  });

  describe('#readFederal (bill.dtd, synthetic)', () => {
    const xml = fs.readFileSync(BILL_DTD_SYNTHETIC, 'utf8');
    const { tree, source } = readFederal(xml, 'bill.dtd.xml');

    it('should keep the official title as a text node at the root, skip the form, and print enums and headers as GPO does', () => {
      expect(source.title).to.equal('To set rules for the keeping of synthetic records, and for other purposes.');
      expect(tree.kind).to.equal('bill');
      expect(tree.children[0]).to.deep.include({ type: 'text', value: source.title, role: 'title' });
      expect(allLevels(tree).map((l) => [l.kind, l.id, l.num?.text, l.heading ?? null])).to.deep.equal([
        ['section', 's1', 'SECTION 1.', 'Short title.'],
        ['section', 's2', 'SEC. 2.', 'Keeping of records.'],
        ['subsection', 's2/a', '(a)', 'Records must be kept.—'],
        ['paragraph', 's2/a/1', '(1)', 'In general.—'],
        ['subparagraph', 's2/a/1/A', '(A)', null],
        ['subparagraph', 's2/a/1/B', '(B)', null],
        ['paragraph', 's2/a/2', '(2)', 'Copies.—'],
        ['section', 's3', 'SEC. 3.', 'Amendments.'],
        ['paragraph', 's3/1', '(1)', null],
        ['paragraph', 's3/2', '(2)', null],
        ['subparagraph', 's3/2/A', '(A)', null],
        ['subparagraph', 's3/2/B', '(B)', null],
      ]);
      expect((allLevels(tree)[0]!.children[0] as { value: string }).value).to.equal('This Act may be cited as the “Synthetic Records Act”.');
    });

    it('should flatten the quoted-block into lines that open with “ and close with ” and the after-quoted-block text', () => {
      const holder = allLevels(tree).find((l) => l.id === 's3/2/B')!;
      expect(holder.children.map((c) => (c.type === 'level' ? '' : c.value))).to.deep.equal([
        'by amending paragraph (1)(C) to read as follows:',
        '“(C) keep each file for 5 years, if the clerk—',
        '“(i) has opened the file; or',
        '“(ii) has been asked to keep it.”.',
      ]);
    });

    it('should lose no text', () => {
      const facts = xmlFacts(xml);
      expect(facts.billDtd).to.equal(true);
      expect(textLoss(xml, tree, facts.billDtd, facts.text)).to.equal(undefined);
    });
  });

  describeShared('#readFederal (bill.dtd, real: H.R. 766 IH, ../shared/corpus/us/bills)', () => {
    let tree: Root;
    let source: ReturnType<typeof readFederal>['source'];
    before(() => {
      const xml = fs.readFileSync(sharedPath('corpus', 'us', 'bills', '114-hr766', 'BILLS-114hr766ih.xml'), 'utf8');
      ({ tree, source } = readFederal(xml, 'BILLS-114hr766ih.xml'));
    });

    it('should keep the official title as a text node at the root and skip the form', () => {
      expect(source.title).to.match(/^To provide requirements for the appropriate Federal banking agencies/);
      expect(tree.children[0]).to.deep.include({ type: 'text', value: source.title });
      expect(tree.kind).to.equal('bill');
    });

    it('should print enums and headers as GPO does: SEC. 2., (a) Heading.—', () => {
      const levels = allLevels(tree);
      expect(levels[0]).to.deep.include({ kind: 'section', id: 's1', num: { text: 'SECTION 1.', value: '1' }, heading: 'Short title.' });
      expect(levels[1]).to.deep.include({ kind: 'section', id: 's2', num: { text: 'SEC. 2.', value: '2' } });
      expect(levels[2]).to.deep.include({ kind: 'subsection', id: 's2/a', heading: 'Termination requests or orders must be material.—' });
      expect((levels[0]!.children[0] as { value: string }).value).to.equal(
        'This Act may be cited as the “Financial Institution Customer Protection Act of 2015”.',
      );
    });

    it('should flatten the quoted-block into lines that open with “ and close with ” and the after-quoted-block text', () => {
      const holder = allLevels(tree).find((l) => l.children.some((c) => c.type === 'text' && c.value.startsWith('“(C) summon')))!;
      expect(holder.id).to.equal('s3/2/B');
      const lines = holder.children.map((c) => (c.type === 'level' ? '' : c.value));
      expect(lines[0]).to.equal('by amending paragraph (1)(C) to read as follows:');
      expect(lines.slice(1).map((l) => l.slice(0, 12))).to.deep.equal(['“(C) summon ', '“(i) request', '“(ii) either']);
      expect(lines[3]).to.match(/under this section\.”\.$/);
    });
  });

  describe('#readFederal (loose text beside the body: a USLM conversion of an endorsement)', () => {
    it('should set the date of H.R. 766 RH’s action apart from its description, as printed', () => {
      const xml = readBill('us', 'us-114-hr766-rh.xml');
      const { tree } = readFederal(xml, 'us-114-hr766-rh.xml');
      const last = tree.children[tree.children.length - 1]!;
      expect(last).to.deep.include({ type: 'text', role: 'action', value: 'January 28, 2016 Committed to the Committee of the Whole House on the State of the Union and ordered to be printed' });
      // The file runs the two together ("2016Committed"): the node still spans exactly that text.
      expect(xml.slice(last.position!.start.offset, last.position!.end.offset)).to.equal(
        'January 28, 2016Committed to the Committee of the Whole House on the State of the Union and ordered to be printed',
      );
    });

    it('should read each action run into the one before as a line of its own', () => {
      // Synthetic, written for this test, not real law.
      const xml = '<bill xmlns="http://xml.house.gov/schemas/uslm/1.0"><main><section><num value="1">Section 1.</num><content>Synthetic text.</content></section></main>February 2, 2015Reported from the Committee on Synthetic ReformFebruary 3, 2015The Committee discharged; ordered to be printed</bill>';
      const { tree } = readFederal(xml, 'endorsement.xml');
      expect(tree.children.slice(1).map((c) => [c.type, c.type === 'level' ? '' : c.value, c.position!.start.offset, c.position!.end.offset])).to.deep.equal([
        ['text', 'February 2, 2015 Reported from the Committee on Synthetic Reform', 149, 212],
        ['text', 'February 3, 2015 The Committee discharged; ordered to be printed', 212, 275],
      ]);
    });
  });

  describe('#readFederal (errors)', () => {
    it('should throw a BilldiffError with the place of a well-formedness error', () => {
      const bad = '<bill>\n<legis-body>\n<section><enum>1.</enum>\n</legis-body></bill>';
      expect(() => readFederal(bad, 'bad.xml')).to.throw(BilldiffError, /not well-formed/);
      try {
        readFederal(bad, 'bad.xml');
      } catch (error) {
        expect((error as BilldiffError).file).to.equal('bad.xml');
        expect((error as BilldiffError).place?.start.line).to.equal(4);
      }
    });

    /** `file:line:col: message` of the error reading `xml` throws. */
    const refused = (xml: string, file: string): string => {
      try {
        readFederal(xml, file);
      } catch (error) {
        expect(error).to.be.instanceOf(BilldiffError);
        return String(error);
      }
      throw new Error(`${file} was read`);
    };
    // Synthetic, written for this test, not real law.
    const BODY = '<bill><legis-body><section><enum>1.</enum><text>Synthetic.</text></section></legis-body></bill>\n';

    it('should refuse an empty encoding name in the XML declaration, at the declaration', () => {
      expect(refused(`<?xml version="1.0" encoding=""?>\n${BODY}`, 'enc.xml')).to.equal('enc.xml:1:32: XML is not well-formed: encoding value must match /^[A-Za-z0-9][A-Za-z0-9._-]*$/.');
    });

    it('should refuse a DOCTYPE whose internal subset is not markup declarations, at the DOCTYPE', () => {
      expect(refused(`<?xml version="1.0"?>\n<!DOCTYPE x [<]>\n${BODY}`, 'dtd.xml')).to.equal('dtd.xml:2:1: XML is not well-formed: the DOCTYPE declaration does not end (an open quote, or markup in its internal subset, runs on to the end of the file).');
      expect(refused(`<?xml version="1.0"?>\n<!-- a note --> <!DOCTYPE bill [ <!ENTITY x "y">\n${BODY}`, 'open.xml')).to.equal('open.xml:2:17: XML is not well-formed: the DOCTYPE declaration does not end (an open quote, or markup in its internal subset, runs on to the end of the file).');
      // A DOCTYPE inside a comment left open is not one.
      expect(refused('<?xml version="1.0"?>\n<!-- <!DOCTYPE bill>\n', 'comment.xml')).to.equal('comment.xml:3:1: XML is not well-formed: document must contain a root element.');
    });

    it('should read the character entities a bill.dtd DOCTYPE declares, and refuse them without one', () => {
      // Synthetic, written for this test, not real law.
      const body = '<bill><legis-body><section id="a"><enum>1.</enum><header>Test</header><text>It is &ldquo;new&rdquo;&nbsp;&mdash; synthetic.</text></section></legis-body></bill>';
      const { tree } = readFederal(`<?xml version="1.0"?>\n<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd">\n${body}`, 'ent.xml');
      const section = tree.children[0] as Level;
      expect((section.children[0] as { value: string }).value).to.equal('It is “new” — synthetic.');
      expect(() => readFederal(body, 'ent.xml')).to.throw(BilldiffError, /not well-formed: undefined entity/);
    });
  });

  describe('#isFederalXml', () => {
    const head = (file: string) => fs.readFileSync(file, 'utf8').slice(0, 2048);

    it('should recognise USLM and bill.dtd documents and sections cut from them', () => {
      expect(isFederalXml(head(S2))).to.equal(true);
      expect(isFederalXml(head(BILL_DTD_SYNTHETIC))).to.equal(true);
      expect(isFederalXml(head(billsPath('us', 'us-116-hr1058-rds.xml')))).to.equal(true);
      expect(isFederalXml(head(billsPath('us', 'us-114-hr766-ih.xml')))).to.equal(true);
      expect(isFederalXml(head(fixturePath('apply-uslm-synthetic', 'usc99-9302.xml')))).to.equal(true);
    });

    describeShared('real bill.dtd and U.S. Code title files (../shared/corpus/us)', () => {
      it('should recognise them', () => {
        expect(isFederalXml(head(sharedPath('corpus', 'us', 'bills', '114-hr766', 'BILLS-114hr766ih.xml')))).to.equal(true);
        expect(isFederalXml(head(sharedPath('corpus', 'us', 'uscode', 'usc01.xml')))).to.equal(true);
      });
    });

    it('should not claim California CAML or other XML', () => {
      expect(isFederalXml(head(billsPath('ca', 'ca-penal-code-1050-current.xml')))).to.equal(false);
      expect(isFederalXml('<?xml version="1.0"?><html><body><section><h1>x</h1></section></body></html>')).to.equal(false);
    });
  });

  describe('#readFederal (every federal .xml file committed: bills/us, test/fixtures)', function () {
    const files = [...xmlFiles(billsPath('us')), BILL_DTD_SYNTHETIC, S2, ...xmlFiles(fixturePath('apply-uslm-synthetic'))];
    everyFile(repoRoot, files, 8);
  });

  describeShared('#readFederal (every .xml file under ../shared/corpus/us)', function () {
    this.timeout(120000);
    const dir = sharedPathIfPresent('corpus', 'us');
    everyFile(dir ?? '', dir ? xmlFiles(dir) : [], 200);
  });
});

/** One test per file: it parses, one level per `<section>` and per level element, no text lost. */
function everyFile(dir: string, files: string[], atLeast: number): void {
  const timings: Array<[string, number, number]> = [];
  const truncate = config.truncateThreshold;
  before(() => {
    config.truncateThreshold = 0;
  });

  it(`should find the files (at least ${atLeast})`, () => {
    expect(files.length).to.be.at.least(atLeast);
  });

  for (const file of files) {
    const name = path.relative(dir, file);
    it(`${name}: parses, one level per <section> and per level element, no text lost`, () => {
      const xml = fs.readFileSync(file, 'utf8');
      const began = performance.now();
      const { tree } = readFederal(xml, name);
      timings.push([name, xml.length, performance.now() - began]);
      const facts = xmlFacts(xml);
      const sections = allLevels(tree).filter((l) => l.kind === 'section').length;
      expect(sections, 'section levels').to.equal(facts.sections);
      expect(allLevels(tree).length, 'all levels (divisions to subitems)').to.equal(facts.levels);
      expect(textLoss(xml, tree, facts.billDtd, facts.text), 'text lost').to.equal(undefined);
      for (const level of allLevels(tree)) expect(level.position, level.id).to.not.equal(undefined);
    });
  }

  after(() => {
    config.truncateThreshold = truncate;
    if (process.env['FEDERAL_TIMINGS']) {
      for (const [name, size, ms] of timings.sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`    ${name} ${(size / 1e6).toFixed(2)} MB ${ms.toFixed(0)} ms`);
    }
  });
}
