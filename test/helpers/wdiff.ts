/**
 * Splits a wdiff rendering (`[-deleted-]`, `{+inserted+}`) back into its two sides:
 * kept + deleted text is the old side, kept + inserted text the new side.
 */
export function wdiffSides(wdiff: string): { old: string; new: string } {
  let oldSide = '';
  let newSide = '';
  const re = /\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}|([^[{]+|[[{])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(wdiff))) {
    if (m[1] !== undefined) oldSide += m[1];
    else if (m[2] !== undefined) newSide += m[2];
    else {
      oldSide += m[3];
      newSide += m[3];
    }
  }
  return { old: oldSide, new: newSide };
}

/** Text with every white-space character removed, for comparing "white space aside". */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The first place two squashed texts differ, shown with context (for assertion messages). */
export function firstDifference(actual: string, expected: string): string {
  const a = squash(actual);
  const b = squash(expected);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return 'no difference';
  return `at character ${i}: got ${JSON.stringify(a.slice(Math.max(0, i - 30), i + 40))}, want ${JSON.stringify(b.slice(Math.max(0, i - 30), i + 40))}`;
}
