/**
 * Federal amendment cases for the server and browser tests of the Changes in Existing Law view:
 * a law's section amending two sections of a U.S. Code title, then a second law amending one of
 * them again. Two cases of the same shape, so that one suite runs on both:
 *
 * - `SYNTHETIC_APPLY`: made-up texts, committed in test/fixtures/apply-uslm-synthetic (labelled
 *   synthetic there); runs everywhere, a bare clone included.
 * - `REAL_APPLY`: Pub. L. 116-9 and Pub. L. 116-152 on title 54, from
 *   `../shared/corpus/us/amend-truth/` (not copied into the repo), put in a temporary corpus;
 *   run inside `describeShared`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixturePath } from './paths.js';
import { sharedPath } from './shared.js';

/** What a suite needs to know about a case: its corpus, ids, labels and the words that change. */
export interface ApplyCase {
  /** How the suite names the case. */
  title: string;
  /** The corpus folder (with its index.json) and how to remove it. */
  corpus(): { dir: string; remove(): void };
  /** The law with § 3001 (three instructions amend `section`), and the second law (one instruction amends `section2`). */
  law1: string;
  law2: string;
  /** The Code section amended, the same section already amended, and the section both laws amend. */
  section: string;
  sectionAfter: string;
  section2: string;
  /** Labels as the pages print them. */
  law1Measure: string;
  law1Version: string;
  law2Measure: string;
  /** `54 U.S.C.`: the Code title as cited. */
  code: string;
  /** Section numbers. */
  num: string;
  num2: string;
  /** The section's heading. */
  heading: string;
  /** The second sentence, which § 3001(b)(1) strikes. */
  struck: string;
  /** The line subsection (a) reads as amended. */
  a: string;
  /** The subsection (b) § 3001(b)(3) adds: its designation and heading, the start of its chapeau, and its two paragraphs. */
  bHead: string;
  bChapeau: string;
  b1: string;
  b2: string;
  /** What the instructions of `law1` that do not amend `section` amend (`citation target`). */
  law1Elsewhere: string[];
  /** What `law2`'s instructions amend, as the error naming them lists it. */
  law2Targets: string;
}

export const SYNTHETIC_APPLY: ApplyCase = {
  title: 'synthetic: Synthetic Act 1 and Synthetic Act 2 on a made-up title 99',
  corpus: () => ({ dir: fixturePath('apply-uslm-synthetic'), remove: () => undefined }),
  law1: 'synthetic-act-1-s3001',
  law2: 'synthetic-act-2',
  section: 'synthetic-usc99-9304',
  sectionAfter: 'synthetic-usc99-9304-amended',
  section2: 'synthetic-usc99-9302',
  law1Measure: 'Synthetic Act 1',
  law1Version: 'Enacted, March 12, 2031',
  law2Measure: 'Synthetic Act 2',
  code: '99 U.S.C.',
  num: '9304',
  num2: '9302',
  heading: 'Statement of estimated requirements',
  struck: 'Not less than 30 percent of such amounts shall be available for example purposes.',
  a: '(a) In general.—There shall be submitted with the annual budget a statement of the requirements of the Example Fund for the next fiscal year.',
  bHead: '(b) Allocation of amounts.—',
  bChapeau: 'Of the total amount made available to the Example Fund',
  b1: '(1) not less than 30 percent shall be used for example purposes; and',
  b2: '(2) not less than 30 percent shall be used to provide grants to States.',
  law1Elsewhere: ['sec. 3001(a)(1) 99 U.S.C. 9302', 'sec. 3001(a)(2) 99 U.S.C. 9302', 'sec. 3001(c) 99 U.S.C. 9305'],
  law2Targets: '99 U.S.C. 9303; 99 U.S.C. 9302',
};

const SOURCE = 'amend-truth ground truth in ../shared/corpus/us/amend-truth (see its CASE.md for the repositories, commits and byte ranges)';

/** Ids of the temporary corpus of the real case. */
const REAL_IDS = {
  /** Pub. L. 116-9, title III, § 3001 (excerpt of the enrolled S. 47). */
  pl1169: 'us-pl116-9-s3001',
  /** Pub. L. 116-152 (the enrolled H.R. 1957). */
  pl116152: 'us-pl116-152',
  /** 54 U.S.C. 200304 before Pub. L. 116-9 (OLRC, April 2018). */
  usc200304: 'us-usc54-200304',
  /** 54 U.S.C. 200304 as the Code prints it in 2025, Pub. L. 116-9 already executed. */
  usc200304After: 'us-usc54-200304-2025',
  /** 54 U.S.C. 200302 before Pub. L. 116-9 and Pub. L. 116-152. */
  usc200302: 'us-usc54-200302',
} as const;

/** Writes the real case's corpus folder from ../shared; returns it and a remover. */
function makeFederalCorpus(): { dir: string; remove(): void } {
  const c200304 = sharedPath('corpus', 'us', 'amend-truth', 'pl116-9_54usc200304');
  const c200302 = sharedPath('corpus', 'us', 'amend-truth', 'pl116-9_pl116-152_54usc200302');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-federal-'));
  const copy = (from: string, to: string) => {
    fs.copyFileSync(from, path.join(dir, to));
    fs.chmodSync(path.join(dir, to), 0o644);
  };
  copy(path.join(c200304, 'law-excerpt.xml'), 'pl116-9-title-iii-sec-3001.xml');
  copy(path.join(c200304, 'before.xml'), 'usc54-200304-2018.xml');
  copy(path.join(c200304, 'after.xml'), 'usc54-200304-2025.xml');
  copy(path.join(c200302, 'law2-pl116-152.xml'), 'pl116-152.xml');
  copy(path.join(c200302, 'before.xml'), 'usc54-200302-2018.xml');
  const documents = [
    {
      id: REAL_IDS.pl1169,
      file: 'pl116-9-title-iii-sec-3001.xml',
      kind: 'bill',
      jurisdiction: 'United States',
      session: '116th Congress',
      measure: 'Pub. L. 116-9',
      title: 'Pub. L. 116-9 — John D. Dingell, Jr. Conservation, Management, and Recreation Act, title III, § 3001 (excerpt)',
      stage: 'Enacted',
      date: '2019-03-12',
      touches: [REAL_IDS.usc200304, REAL_IDS.usc200302],
      source: `${SOURCE}: pl116-9_54usc200304/law-excerpt.xml`,
    },
    {
      id: REAL_IDS.pl116152,
      file: 'pl116-152.xml',
      kind: 'bill',
      jurisdiction: 'United States',
      session: '116th Congress',
      measure: 'Pub. L. 116-152',
      title: 'Pub. L. 116-152 — Great American Outdoors Act',
      stage: 'Enacted',
      date: '2020-08-04',
      touches: [REAL_IDS.usc200302],
      source: `${SOURCE}: pl116-9_pl116-152_54usc200302/law2-pl116-152.xml`,
    },
    {
      id: REAL_IDS.usc200304,
      file: 'usc54-200304-2018.xml',
      kind: 'statute',
      jurisdiction: 'United States',
      title: '54 U.S.C. 200304 (OLRC release point of April 2018)',
      code: '54 U.S.C.',
      section: '200304',
      stage: 'Current law',
      source: `${SOURCE}: pl116-9_54usc200304/before.xml`,
    },
    {
      id: REAL_IDS.usc200304After,
      file: 'usc54-200304-2025.xml',
      kind: 'statute',
      jurisdiction: 'United States',
      title: '54 U.S.C. 200304 (OLRC release point of 2025, already amended by Pub. L. 116-9)',
      stage: 'Law in 2025',
      source: `${SOURCE}: pl116-9_54usc200304/after.xml`,
    },
    {
      id: REAL_IDS.usc200302,
      file: 'usc54-200302-2018.xml',
      kind: 'statute',
      jurisdiction: 'United States',
      title: '54 U.S.C. 200302 (OLRC release point of April 2018)',
      code: '54 U.S.C.',
      section: '200302',
      stage: 'Current law',
      source: `${SOURCE}: pl116-9_pl116-152_54usc200302/before.xml`,
    },
  ];
  fs.writeFileSync(path.join(dir, 'index.json'), `${JSON.stringify({ documents }, null, 2)}\n`);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const REAL_APPLY: ApplyCase = {
  title: 'federal: Pub. L. 116-9 and Pub. L. 116-152 on title 54 (../shared amend-truth)',
  corpus: makeFederalCorpus,
  law1: REAL_IDS.pl1169,
  law2: REAL_IDS.pl116152,
  section: REAL_IDS.usc200304,
  sectionAfter: REAL_IDS.usc200304After,
  section2: REAL_IDS.usc200302,
  law1Measure: 'Pub. L. 116-9',
  law1Version: 'Enacted, March 12, 2019',
  law2Measure: 'Pub. L. 116-152',
  code: '54 U.S.C.',
  num: '200304',
  num2: '200302',
  heading: 'Statement of estimated requirements',
  struck: 'Not less than 40 percent of such appropriations shall be available for Federal purposes.',
  a: '(a) In general.—There shall be submitted with the annual budget of the United States a comprehensive statement of estimated requirements during the ensuing fiscal year for appropriations from the Fund.',
  bHead: '(b) Allocation of funds.—',
  bChapeau: 'Of the total amount made available to the Fund',
  b1: '(1) not less than 40 percent shall be used for Federal purposes; and',
  b2: '(2) not less than 40 percent shall be used to provide financial assistance to States.',
  law1Elsewhere: [
    'sec. 3001(a)(1) 54 U.S.C. 200302',
    'sec. 3001(a)(2) 54 U.S.C. 200302',
    'sec. 3001(c) 54 U.S.C. 200305',
    'sec. 3001(d) 54 U.S.C. 200306',
    'sec. 3001(e) 54 U.S.C. 200306',
  ],
  law2Targets: 'title 54; 54 U.S.C. 200303; 54 U.S.C. 200302; 54 U.S.C. 200306; chapter 2003 of title 54',
};

/** The path of a corpus document, as its index.json names it. */
export function corpusFile(dir: string, id: string): string {
  const { documents } = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as { documents: Array<{ id: string; file: string }> };
  const entry = documents.find((d) => d.id === id);
  if (!entry) throw new Error(`no document ${id} in ${dir}/index.json`);
  return path.join(dir, entry.file);
}
