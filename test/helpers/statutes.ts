/**
 * Synthetic statutes, written for these tests, not real law. Each is built from plain sentences
 * so that a test can move, insert and renumber paragraphs and know the exact expected diff.
 */

export const PARAGRAPHS = [
  'The court shall consider the welfare of the minor child before ruling.',
  'A motion to continue shall be in writing and filed two court days before the hearing.',
  'The prosecuting attorney shall notify every victim named in the complaint of the hearing.',
  'A continuance shall be granted only upon a showing of good cause by the moving party.',
  'The convenience of counsel alone does not constitute good cause for any continuance.',
  'A pending trial in another matter may constitute good cause if counsel is engaged there.',
  'The court shall state on the record the facts that establish good cause for a continuance.',
  'This section does not limit the authority of the court to manage its own calendar today.',
  'Nothing in this section affects the right of a defendant to a speedy public trial.',
];

export const INSERTED_PARAGRAPH = 'A request by a victim of human trafficking for a continuance shall be given precedence.';

/** Section 1050 (synthetic) with subdivision (a) listing the paragraphs and a fixed (b). */
export function statute(paragraphs: string[]): string {
  return (
    '1050.\n(a) For purposes of this section:\n' +
    paragraphs.map((text, i) => `(${i + 1}) ${text}`).join('\n') +
    '\n(b) This subdivision stays the same in both versions of the text.\n'
  );
}
