/**
 * A diff worker's first task when the server starts: one comparison of a SYNTHETIC statute with an
 * edited copy, through the same path as a compare page. The text is made up here (section numbers
 * and sentences rotated from a short word list), is never shown to anyone, and its page is thrown
 * away: the comparison only makes the worker compile the templates and optimise the code a request
 * runs, so that no visitor's request pays for that (a cold worker took twice the CPU of a warm one
 * on its first 1 MB page).
 */
import type { DiffTask, PageTask } from './diff-task.js';

const WORDS = [
  'the', 'agency', 'shall', 'record', 'each', 'notice', 'of', 'a', 'permit', 'within', '30', 'days', 'after',
  'board', 'receives', 'report', 'from', 'any', 'applicant', 'under', 'this', 'chapter', 'and', 'may', 'adopt', 'rules',
  'fee', 'county', 'hearing',
];
/** Sections of the synthetic statute: about 120 KB a side, enough for the hot code to be optimised. */
const SECTIONS = 100;

/** A made-up sentence, different for every (section, line): a prime number of words, so that no step of the rotation cycles early. */
function sentence(section: number, line: number, words = 14): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(section * 7 + line * 3 + i * (line + 2)) % WORDS.length]!);
  return `${out.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/** The synthetic statute, as first written (`edited` false) or with edits: words changed, a paragraph inserted, one deleted. */
export function syntheticStatute(edited: boolean): string {
  const lines: string[] = [];
  for (let s = 0; s < SECTIONS; s++) {
    lines.push(`${1000 + s}.`);
    for (const [a, letter] of ['a', 'b', 'c'].entries()) {
      lines.push(`(${letter}) ${sentence(s, a)}`);
      const paragraphs = [1, 2, 3].map((p) => sentence(s, 10 * a + p, 18));
      if (edited && s % 7 === a) paragraphs[1] = paragraphs[1]!.replace(' shall ', ' may not ');
      if (edited && s % 11 === a) paragraphs.splice(1, 0, sentence(s + 1, 40 + a, 12));
      if (edited && s % 13 === a) paragraphs.pop();
      paragraphs.forEach((text, p) => lines.push(`(${p + 1}) ${text}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The warm-up: the synthetic statute compared with its edited copy, as the compare page (side by side) shows it. */
export function warmUpTask(): DiffTask & { render: PageTask } {
  const doc = (id: string, edited: boolean) => ({ id, file: `${id}.txt`, name: 'Synthetic statute', label: id, bytes: syntheticStatute(edited) });
  const [old, next] = [doc('synthetic-old', false), doc('synthetic-new', true)];
  const info = ({ bytes: _bytes, ...rest }: ReturnType<typeof doc>) => rest;
  return {
    request: { documents: [old, next], references: false },
    render: {
      kind: 'page',
      page: 'compare',
      view: 'side',
      changesOnly: false,
      pageNumber: 1,
      comparison: { mode: 'versions', old: old.id, new: next.id },
      documents: { old: info(old), new: info(next) },
      baselines: [],
    },
  };
}
