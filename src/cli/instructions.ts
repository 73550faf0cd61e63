/**
 * `billdiff --instructions BILL...`: every amendatory instruction of the bills as the parser reads
 * it (citation, action, target, location; the reason for one it could not read), then the count of
 * each kind.
 */
import { billInstructions, describeTarget } from '../amend/apply.js';
import { describeLocation } from '../amend/location.js';
import type { CompareDocument } from '../compare/index.js';
import { parseDocument } from '../parse/index.js';
import type { MarksMode } from '../types.js';

export function listInstructions(bills: CompareDocument[], options: { marks: MarksMode; maxBytes?: number; json: boolean }): string {
  const rows: Array<{ bill: string; citation: string; action: string; target: string; location: string[]; reason?: string; text: string }> = [];
  for (const bill of bills) {
    const doc = parseDocument(bill.bytes, bill.file, { marks: options.marks, references: false, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) });
    for (const found of billInstructions({ tree: doc.tree, file: doc.source.file })) {
      const i = found.instruction;
      rows.push({ bill: doc.source.file, citation: found.citation, action: i.action, target: describeTarget(i), location: describeLocation(i.location), ...(i.reason ? { reason: i.reason } : {}), text: i.text });
    }
  }
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
  const byKind = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (options.json) return `${JSON.stringify({ instructions: rows, counts: Object.fromEntries(byKind) })}\n`;
  const out = rows.map((r) => `${r.citation || '(unnumbered)'}\t${r.action}\t${r.target || '-'}\t${r.location.join(', ') || '-'}${r.reason ? `\t${r.reason}` : ''}`);
  out.push('', `${rows.length} instructions`, ...byKind.map(([kind, n]) => `${String(n).padStart(7)}  ${kind}`));
  return `${out.join('\n')}\n`;
}
