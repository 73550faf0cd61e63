import fs from 'node:fs';
import { expect } from 'chai';
import { parseDocument } from '../../src/parse/index.js';
import type { Content, Level, Root } from '../../src/types.js';
import { fixturePath } from '../helpers/paths.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

/** Every level of a tree, in document order. */
function levels(node: Root | Content, out: Level[] = []): Level[] {
  if (node.type === 'level') out.push(node);
  if (node.type === 'root' || node.type === 'level') for (const child of node.children) levels(child, out);
  return out;
}

function read(file: string): Root {
  return parseDocument(fs.readFileSync(file, 'utf8'), file, { references: false }).tree;
}

/** `id kind heading` of the levels of one section, ids from the section on. */
function sectionOutline(tree: Root, section: string): string[] {
  const found = levels(tree).find((l) => l.kind === 'section' && l.num?.value === section);
  if (!found) throw new Error(`no § ${section}`);
  const cut = found.id.length - `s${section}`.length;
  return levels(found).map((l) => `${l.id.slice(cut)} ${l.kind}${l.heading ? ` ${l.heading}` : ''}`);
}

/** The own text of a level, its text nodes joined. */
function textOf(tree: Root, id: string): string {
  const level = levels(tree).find((l) => l.id.endsWith(id));
  if (!level) throw new Error(`no level ${id}`);
  return level.children
    .filter((c) => c.type !== 'level')
    .map((c) => (c as { value: string }).value)
    .join(' ');
}

describe('parse/read-olrc-xhtml — shapes the real samples lack (synthetic fixtures)', () => {
  it('should open a headed subsection printed as <h4 class="subsection-head"> and put the paragraphs after it under it', () => {
    const tree = read(fixturePath('olrc-xhtml', 'synthetic-subsection-head.htm'));
    expect(sectionOutline(tree, '901')).to.deep.equal([
      's901 section Example grants',
      's901/a subsection Definitions',
      's901/a/1 paragraph',
      's901/a/2 paragraph',
      's901/b subsection Grants',
      's901/b/1 paragraph',
      's901/b/2 paragraph',
      's901/b/2/A subparagraph',
      's901/b/2/B subparagraph',
      's901/c subsection Report',
    ]);
    expect(textOf(tree, 's901/a')).to.equal('In this section:');
    expect(textOf(tree, 's901/c')).to.equal('The Secretary shall report on the grants each year.');
  });

  it('should read chained designations with a heading between them, "(1)(A) In general.—(i) …", in small caps or plain, from a CRLF file', () => {
    const file = fixturePath('olrc-xhtml', 'synthetic-chained-headings.htm');
    expect(fs.readFileSync(file, 'utf8')).to.include('\r\n');
    const tree = read(file);
    expect(sectionOutline(tree, '902')).to.deep.equal([
      's902 section Example limits',
      's902/a subsection Limits.—',
      's902/a/1 paragraph',
      's902/a/1/A subparagraph In general.—',
      's902/a/1/A/i clause',
      's902/a/1/A/ii clause',
      's902/a/1/B subparagraph Exception.—',
      's902/a/2 paragraph',
      's902/a/2/A subparagraph In general.—',
      's902/a/2/A/i clause',
      's902/a/2/A/ii clause',
      's902/a/2/B subparagraph Audit.—',
      's902/b subsection Waiver.—',
    ]);
    expect(textOf(tree, 's902/a/1/A/i')).to.equal('No grant may exceed the amount requested.');
    // The same file with LF line ends reads the same.
    const lf = parseDocument(fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n'), 'lf.htm', { references: false }).tree;
    expect(levels(lf).map((l) => `${l.id} ${l.kind} ${l.heading ?? ''}`)).to.deep.equal(levels(tree).map((l) => `${l.id} ${l.kind} ${l.heading ?? ''}`));
  });
});

describeShared('parse/read-olrc-xhtml — the five real annual-edition files (../shared/corpus/us/olrc-xhtml)', () => {
  const file = (name: string) => sharedPath('corpus', 'us', 'olrc-xhtml', name);

  it('should read title 3 (2024, GovInfo, LF) with every level as the USLM title file has it', () => {
    const xhtml = read(file('USCODE-2024-title3.htm'));
    const uslm = read(sharedPath('corpus', 'us', 'uscode', 'usc03.xml'));
    // Each level of each section, as `section id-below-it`, with its kind.
    const sectionIds = (tree: Root) => {
      const out = new Map<string, string>();
      for (const section of levels(tree).filter((l) => l.kind === 'section')) {
        for (const l of levels(section)) out.set(`${section.num?.value} ${l.id.slice(section.id.length)}`, l.kind);
      }
      return out;
    };
    const a = sectionIds(xhtml);
    const b = sectionIds(uslm);
    expect(a.size).to.be.greaterThan(400);
    // §§ 202 to 204 and 206 to 209, repealed, are one placeholder in the annual edition and separate ones in USLM.
    const both = (id: string) => a.has(`${id.split(' ')[0]} `) && b.has(`${id.split(' ')[0]} `);
    expect([...a].filter(([id, kind]) => both(id) && b.get(id) !== kind)).to.deep.equal([]);
    expect([...b].filter(([id, kind]) => both(id) && a.get(id) !== kind)).to.deep.equal([]);
    expect([...a.keys()].filter((id) => !both(id))).to.deep.equal(['202-204 ', '206-209 ']);
    expect(levels(xhtml).filter((l) => l.kind === 'section')).to.have.length(64);
  });

  it('should read 11 U.S.C. 365(h) (2024, one chapter): flush (B) after "(h)(1)(A)" and its indented clauses is (A)\'s sibling, (i) printed where (h) was is subsection (i)', () => {
    const tree = read(file('USCODE-2024-title11-chap3.htm'));
    const outline = sectionOutline(tree, '365').filter((l) => /^s365\/(h|i)\b/.test(l));
    expect(outline.slice(0, 9)).to.deep.equal([
      's365/h subsection',
      's365/h/1 paragraph',
      's365/h/1/A subparagraph',
      's365/h/1/A/i clause',
      's365/h/1/A/ii clause',
      's365/h/1/B subparagraph',
      's365/h/1/C subparagraph',
      's365/h/1/D subparagraph',
      's365/h/2 paragraph',
    ]);
    expect(outline).to.include('s365/i subsection');
    expect(outline).to.include('s365/i/1 paragraph');
    expect(levels(tree).filter((l) => l.kind === 'section')).to.have.length(38);
    expect(levels(tree).some((l) => l.id.includes('~'))).to.equal(false);
  });

  it('should read title 35 (2000, entities decoded, CRLF): subsection (i) of § 41 after (h)(1) and (2)', () => {
    const tree = read(file('2000usc35.soychicka-modified.htm'));
    expect(levels(tree).filter((l) => l.kind === 'section')).to.have.length(150);
    const s41 = sectionOutline(tree, '41');
    expect(s41.slice(-7)).to.deep.equal(['s41/h subsection', 's41/h/1 paragraph', 's41/h/2 paragraph', 's41/i subsection', 's41/i/1 paragraph', 's41/i/2 paragraph', 's41/i/3 paragraph', 's41/i/4 paragraph'].slice(-7));
    // § 282 prints two undesignated paragraphs, each with its own list from (1): the second list's ids are told apart.
    expect(levels(tree).filter((l) => l.id.includes('~')).map((l) => l.id)).to.deep.equal(['t35/pIII/ch29/s282/1~2', 't35/pIII/ch29/s282/2~2']);
  });

  it('should read the 2012 title 40 excerpt: § 322 repealed, § 323 with (a) to (e) and (b)(1) to (4)', () => {
    const tree = read(file('annual-2012-title40-322-323.htm'));
    expect(levels(tree).map((l) => `${l.id} ${l.kind}`)).to.deep.equal([
      's322 section',
      's323 section',
      's323/a subsection',
      's323/b subsection',
      's323/b/1 paragraph',
      's323/b/2 paragraph',
      's323/b/3 paragraph',
      's323/b/4 paragraph',
      's323/c subsection',
      's323/d subsection',
      's323/e subsection',
    ]);
  });

  it('should read title 50 Appendix (2016, eliminated): the title, and a warning that it holds no section', () => {
    const { tree, messages } = parseDocument(fs.readFileSync(file('2016usc50a.htm'), 'utf8'), '2016usc50a.htm', { references: false });
    expect(levels(tree).map((l) => `${l.kind} ${l.heading}`)).to.deep.equal(['title WAR AND NATIONAL DEFENSE [ELIMINATED]']);
    expect(messages.map((m) => m.ruleId)).to.deep.equal(['olrc-no-section']);
  });
});
