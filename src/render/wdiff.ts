import type { Alignment } from '../types.js';
import { linearRows } from './linear.js';

/**
 * `[-deleted-]{+inserted+}` over the whole text, one level a line: the kept and deleted parts
 * give back the old text, the kept and inserted parts the new text (white space aside).
 */
export function renderWdiff(alignment: Alignment): string {
  const lines: string[] = [];
  for (const row of linearRows(alignment.pairs)) {
    lines.push(
      row.changes
        .map((c) => (c.op === 'equal' ? c.value : c.op === 'delete' ? `[-${c.value}-]` : `{+${c.value}+}`))
        .join(''),
    );
  }
  return lines.join('\n') + '\n';
}
