import { expect } from 'chai';
import fs from 'node:fs';
import { applyBills, type Application } from '../../src/amend/apply.js';
import { amendedPart, changesInExistingLaw, countedSections } from '../../src/amend/changes.js';
import { parseDocument } from '../../src/parse/index.js';
import { renderStatuteText } from '../../src/render/statute-text.js';
import type { Level, Root } from '../../src/types.js';
import { fixturePath } from '../helpers/paths.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

// A whole law applied across a statute of many sections (issue 14, item 2): a U.S. Code title file
// or a compilation of an Act. Each instruction has its status; the sections amended, and only those,
// are shown; instructions that amend other titles or Acts are listed as elsewhere.

function read(file: string): Root {
  expect(fs.existsSync(file), `missing ${file}`).to.equal(true);
  return parseDocument(fs.readFileSync(file, 'utf8'), file, { references: false }).tree;
}

function sectionsOf(node: Root | Level): Level[] {
  return node.children.flatMap((c): Level[] => (c.type !== 'level' ? [] : c.kind === 'section' ? [c] : sectionsOf(c)));
}

const numbers = (root: Root) => sectionsOf(root).map((s) => s.num?.value);

describe('amend/applyBills across a title (synthetic title 99)', () => {
  // Synthetic: the made-up sections 9302 and 9304 of test/fixtures/apply-uslm-synthetic, with a
  // § 9301 written here, under one chapter of a made-up title 99.
  function title(): Root {
    const dir = fixturePath('apply-uslm-synthetic');
    const given = ['usc99-9302.xml', 'usc99-9304.xml'].map((f) => sectionsOf(read(`${dir}/${f}`))[0]!);
    const s9301: Level = { type: 'level', kind: 'section', id: 's9301', xmlId: '/us/usc/t99/s9301', num: { text: '§ 9301.', value: '9301' }, heading: 'Definitions', children: [{ type: 'text', value: 'In this chapter, the term “Fund” means the Example Fund.' }] };
    const chapter: Level = { type: 'level', kind: 'chapter', id: 't99/ch93', num: { text: 'CHAPTER 93—', value: '93' }, heading: 'EXAMPLE FUND', children: [s9301, ...given] };
    return { type: 'root', children: [chapter], data: { title: 'Title 99' } } as Root;
  }
  function apply(): Application {
    const dir = fixturePath('apply-uslm-synthetic');
    return applyBills(['act1-sec3001.xml', 'act2.xml'].map((f) => ({ tree: read(`${dir}/${f}`), file: f })), title());
  }

  it('should apply every instruction that names a section of the title, in order, each with its status, and list the others as elsewhere', () => {
    const application = apply();
    expect(application.instructions.map((i) => `${i.target} ${i.status}`)).to.deep.equal([
      '99 U.S.C. 9302 applied',
      '99 U.S.C. 9302 applied',
      '99 U.S.C. 9304 applied',
      '99 U.S.C. 9304 applied',
      '99 U.S.C. 9304 applied',
      '99 U.S.C. 9302 applied',
    ]);
    expect(application.elsewhere.map((i) => i.target)).to.deep.equal(['99 U.S.C. 9305', '99 U.S.C. 9303']);
  });

  it('should show the sections amended, and only those, in the clean text and the Changes in Existing Law', () => {
    const application = apply();
    expect(countedSections(application.amended)).to.equal(3);
    const part = amendedPart(application, application.amended);
    expect(numbers(part)).to.deep.equal(['9302', '9304']);
    expect(renderStatuteText(part)).to.match(/^CHAPTER 93— EXAMPLE FUND\n§ 9302\./);
    expect(renderStatuteText(part)).not.to.contain('Definitions');
    const shown = JSON.stringify(changesInExistingLaw(application).pairs);
    expect(shown).not.to.contain('"s9301"');
    expect(shown).to.contain('§ 9304.');
  });
});

describeShared('amend/applyBills across a title (../shared/corpus/us)', () => {
  it('should refuse what the 2024 edition of title 11, chapter 3 (XHTML) already says, naming the words there, and list the CARES Act\'s other instructions as elsewhere', () => {
    const law = sharedPath('corpus', 'us', 'amend-truth', '_laws', 'BILLS-116hr748enr.xml');
    const application = applyBills([{ tree: read(law), file: law }], read(sharedPath('corpus', 'us', 'olrc-xhtml', 'USCODE-2024-title11-chap3.htm')));
    expect(application.instructions.map((i) => [i.citation, i.status, i.reason])).to.deep.equal([
      ['div. A, title I, sec. 1113(a)(4)(B)', 'refused', '“1194” not found in 11 U.S.C. 347(b); nearest: “1191”, the words the instruction inserts: the law given may already be amended'],
    ]);
    expect(application.elsewhere.length).to.be.greaterThan(400);
    expect(application.elsewhere.map((i) => i.target)).to.include.members(['15 U.S.C. 636', '11 U.S.C. 1182']);
    expect(numbers(amendedPart(application, application.amended))).to.deep.equal([]);
  });

  it("should not take an Act's section for the title's section of that number, nor a chapter of another title for the title's chapter (S. 47 ENR and 119 H.R. 1 EH on title 16)", () => {
    const slice = read(sharedPath('corpus', 'us', 'uscode', 'usc16-slice-119-102.xml'));
    // "Section 1 of Public Law 98–32 … is amended— … (3) in section 1 …": not 16 U.S.C. 1.
    const s47 = sharedPath('corpus', 'us', 'amend-truth', '_laws', 'BILLS-116s47enr.xml');
    const a = applyBills([{ tree: read(s47), file: s47 }], slice);
    expect(a.instructions).to.deep.equal([]);
    expect(a.elsewhere.filter((i) => i.target === 'Public Law 98–32')).to.have.length.greaterThan(5);
    // "Chapter 1 of title 23 … is amended by adding at the end … § 180": not chapter 1 of title 16.
    const hr1 = sharedPath('corpus', 'us', 'large', 'BILLS-119hr1eh.xml');
    const b = applyBills([{ tree: read(hr1), file: hr1 }], slice);
    expect(b.instructions).to.deep.equal([]);
    expect(b.elsewhere.map((i) => i.target)).to.include('chapter 1 of title 23');
  });

  it('should apply a whole bill across a compilation of the Act it amends, and show only the sections it amends (114th H.R. 50 IH on COMPS-339)', () => {
    const bill = sharedPath('corpus', 'us', 'bills', '114-hr50', 'BILLS-114hr50ih.xml');
    const application = applyBills([{ tree: read(bill), file: bill }], read(sharedPath('corpus', 'us', 'comps', 'COMPS-339.xml')));
    expect(application.instructions).to.have.length(21);
    expect(application.instructions.every((i) => i.status === 'applied')).to.equal(true);
    const shown = numbers(amendedPart(application, application.amended));
    expect(shown).to.deep.equal(['103', '201', '202', '204', '205', '206', '208', '209', '210', '401']);
    expect(countedSections(application.amended)).to.be.greaterThan(shown.length);
  });
});
