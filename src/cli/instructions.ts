/**
 * `billdiff --instructions BILL...`: every amendatory instruction of the bills as the parser reads
 * it (citation, action, target, location; the reason for one it could not read), then the count of
 * each kind. Given several bills, the text names each bill above its instructions.
 */
import { billInstructions, describeTarget } from '../amend/apply.js';
import { describeLocation } from '../amend/location.js';
import type { CompareDocument } from '../compare/index.js';
import { parseDocument } from '../parse/index.js';
import type { MarksMode } from '../types.js';

interface Row {
  bill: string;
  citation: string;
  action: string;
  target: string;
  location: string[];
  reason?: string;
  text: string;
}

export function listInstructions(bills: CompareDocument[], options: { marks: MarksMode; maxBytes?: number; json: boolean }): string {
  const groups = bills.map((bill) => {
    const doc = parseDocument(bill.bytes, bill.file, { marks: options.marks, references: false, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) });
    const rows: Row[] = billInstructions({ tree: doc.tree, file: doc.source.file }).map((found) => {
      const i = found.instruction;
      return { bill: doc.source.file, citation: found.citation, action: i.action, target: describeTarget(i), location: describeLocation(i.location), ...(i.reason ? { reason: i.reason } : {}), text: i.text };
    });
    return { file: doc.source.file, rows };
  });
  const rows = groups.flatMap((g) => g.rows);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
  const byKind = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (options.json) return `${JSON.stringify({ instructions: rows, counts: Object.fromEntries(byKind) })}\n`;
  const line = (r: Row) => `${r.citation || '(unnumbered)'}\t${r.action}\t${r.target || '-'}\t${r.location.join(', ') || '-'}${r.reason ? `\t${r.reason}` : ''}`;
  const several = groups.length > 1;
  const out = several ? groups.flatMap((g, i) => [...(i ? [''] : []), `${g.file}: ${g.rows.length} instruction${g.rows.length === 1 ? '' : 's'}`, ...g.rows.map(line)]) : rows.map(line);
  out.push('', `${rows.length} instructions${several ? ` in ${groups.length} bills` : ''}`, ...byKind.map(([kind, n]) => `${String(n).padStart(7)}  ${kind}`));
  return `${out.join('\n')}\n`;
}
