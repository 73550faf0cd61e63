/**
 * A temporary corpus of federal amendment cases from `../shared/corpus/us/amend-truth/` (not
 * copied into the repo): the laws and the U.S. Code sections they amend, indexed like
 * `bills/index.json`. Building it throws (the tests fail, never skip) when ../shared is missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedPath } from '../helpers/paths.js';

const SOURCE = 'amend-truth ground truth in ../shared/corpus/us/amend-truth (see its CASE.md for the repositories, commits and byte ranges)';

/** Ids of the temporary corpus. */
export const FEDERAL = {
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

/** Writes the corpus folder; returns it and a remover. */
export function makeFederalCorpus(): { dir: string; remove(): void } {
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
      id: FEDERAL.pl1169,
      file: 'pl116-9-title-iii-sec-3001.xml',
      kind: 'bill',
      jurisdiction: 'United States',
      session: '116th Congress',
      measure: 'Pub. L. 116-9',
      title: 'Pub. L. 116-9 — John D. Dingell, Jr. Conservation, Management, and Recreation Act, title III, § 3001 (excerpt)',
      stage: 'Enacted',
      date: '2019-03-12',
      touches: [FEDERAL.usc200304, FEDERAL.usc200302],
      source: `${SOURCE}: pl116-9_54usc200304/law-excerpt.xml`,
    },
    {
      id: FEDERAL.pl116152,
      file: 'pl116-152.xml',
      kind: 'bill',
      jurisdiction: 'United States',
      session: '116th Congress',
      measure: 'Pub. L. 116-152',
      title: 'Pub. L. 116-152 — Great American Outdoors Act',
      stage: 'Enacted',
      date: '2020-08-04',
      touches: [FEDERAL.usc200302],
      source: `${SOURCE}: pl116-9_pl116-152_54usc200302/law2-pl116-152.xml`,
    },
    {
      id: FEDERAL.usc200304,
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
      id: FEDERAL.usc200304After,
      file: 'usc54-200304-2025.xml',
      kind: 'statute',
      jurisdiction: 'United States',
      title: '54 U.S.C. 200304 (OLRC release point of 2025, already amended by Pub. L. 116-9)',
      stage: 'Law in 2025',
      source: `${SOURCE}: pl116-9_54usc200304/after.xml`,
    },
    {
      id: FEDERAL.usc200302,
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
