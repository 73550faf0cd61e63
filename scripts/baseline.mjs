// The plain baseline of issue 12, for `npm run score` to set beside billdiff bill by bill: no clause
// tree and no rules of its own. Lines kept whole are matched first (a longest common subsequence of
// lines); between them, changed lines are paired in order by word similarity, a pair alike enough is
// diffed word by word (a longest common subsequence of words, Myers' minimal diff) with kept runs of
// one or two words between changes absorbed into them, and a line too unlike any other is deleted or
// inserted whole. Its two numbers are the issue's, fixed before any figure was looked at.
import { diffArrays } from 'diff';

/** Least word similarity (Dice: twice the kept words over the words of both) for two changed lines to be diffed word by word. */
const PAIR = 0.5;
/** Longest kept run, in words, absorbed into the changes around it. */
const ABSORB = 2;

const wordsOf = (line) => line.split(/\s+/).filter(Boolean);

/** `[-deleted-]{+inserted+}` over the two texts, one line a line, as `billdiff --format wdiff` prints. */
export function baselineWdiff(oldText, newText) {
  const a = oldText.split('\n').filter((l) => l.trim());
  const b = newText.split('\n').filter((l) => l.trim());
  const out = [];
  let gapA = [];
  let gapB = [];
  const flush = () => {
    out.push(...changedLines(gapA, gapB));
    gapA = [];
    gapB = [];
  };
  for (const part of diffArrays(a, b)) {
    if (part.removed) gapA.push(...part.value);
    else if (part.added) gapB.push(...part.value);
    else {
      flush();
      out.push(...part.value);
    }
  }
  flush();
  return out.join('\n') + '\n';
}

/** Changed lines paired in order with the most alike line still free after the last pair. */
function changedLines(a, b) {
  const out = [];
  let j = 0;
  for (const line of a) {
    let best = -1;
    let bestShare = PAIR;
    const words = wordsOf(line);
    for (let k = j; k < b.length; k++) {
      const share = similarity(words, wordsOf(b[k]));
      if (share >= bestShare) [best, bestShare] = [k, share];
    }
    if (best === -1) {
      out.push(`[-${line}-]`);
      continue;
    }
    for (; j < best; j++) out.push(`{+${b[j]}+}`);
    out.push(wordDiff(words, wordsOf(b[j++])));
  }
  for (; j < b.length; j++) out.push(`{+${b[j]}+}`);
  return out;
}

function similarity(a, b) {
  let kept = 0;
  for (const part of diffArrays(a, b)) if (!part.added && !part.removed) kept += part.value.length;
  return (2 * kept) / Math.max(a.length + b.length, 1);
}

/** Word LCS of two lines, kept runs of up to `ABSORB` words between changes joined to them. */
function wordDiff(a, b) {
  const runs = diffArrays(a, b).map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', words: p.value }));
  const merged = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const inner = run.op === 'equal' && run.words.length <= ABSORB && i > 0 && i < runs.length - 1;
    if (inner) merged.push({ op: 'delete', words: run.words }, { op: 'insert', words: run.words });
    else merged.push(run);
  }
  // Deletions before insertions within each stretch of changes, each side one phrase.
  const parts = [];
  for (let i = 0; i < merged.length; ) {
    if (merged[i].op === 'equal') {
      parts.push(merged[i].words.join(' '));
      i++;
      continue;
    }
    const del = [];
    const ins = [];
    for (; i < merged.length && merged[i].op !== 'equal'; i++) (merged[i].op === 'delete' ? del : ins).push(...merged[i].words);
    parts.push([del.length ? `[-${del.join(' ')}-]` : '', ins.length ? `{+${ins.join(' ')}+}` : ''].filter(Boolean).join(' '));
  }
  return parts.join(' ');
}
