/**
 * Changes in Existing Law on a page: each changed row linked to the instructions that made it, and
 * the list of the bills' instructions (refused first), each with the changes it made.
 */
import type { InstructionAction } from '../../amend/types.js';
import type { AlignedPair, InstructionRecord } from '../../types.js';
import { ACTION_WORDS } from '../vocabulary.js';
import { clip, excerptOf } from './changes.js';
import { completeRow } from './rows.js';
import type { ChangeItem, LevelRow, InstructionChange, InstructionItem, InstructionLink, InstructionList, RowWithPair, Segment } from './types.js';

/** Whether a row shows a change of its own (a fold of redesignated rows counts). */
const showsChange = (row: LevelRow) => row.changed || row.status === 'redesignated';

/**
 * Gives every changed row links to the instructions that made its change (`amendedBy`). A level
 * whose own line is unchanged but whose text (held in text children: undivided text turned into
 * subsection (a), a closing text) was amended passes its instructions to those children.
 */
export function linkInstructions(rows: RowWithPair[], pairs: AlignedPair[], instructions: InstructionRecord[], billNames: Record<string, string>): void {
  const byId = new Map(instructions.map((i) => [i.id, i]));
  const order = new Map(instructions.map((i, n) => [i.id, n]));
  const several = new Set(instructions.map((i) => i.bill)).size > 1;
  const rowOf = new Map(rows.map((r) => [r.pair, r]));
  const parentOf = new Map<AlignedPair, AlignedPair>();
  const walk = (list: AlignedPair[]) => {
    for (const pair of list) {
      for (const child of pair.children) parentOf.set(child, pair);
      walk(pair.children);
    }
  };
  walk(pairs);
  for (const row of rows) {
    if (!showsChange(row)) continue;
    let ids: string[] = row.pair.amendedBy ?? [];
    row.anchors = [row.anchor];
    const parent = parentOf.get(row.pair);
    const parentRow = parent ? rowOf.get(parent) : undefined;
    const side = row.pair.old ?? row.pair.new;
    // The parent's former text shown in this row (changesInExistingLaw gives the row the parent's
    // instructions): the parent's change records describe it.
    if (parentRow && !showsChange(parentRow) && side && side.type !== 'level') row.anchors.push(parentRow.anchor);
    ids = [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    if (!ids.length) continue;
    row.by = ids.map((id) => {
      const record = byId.get(id);
      const citation = record?.citation || id;
      const label = several && record ? `${billNames[record.bill] ?? record.bill} ${citation}` : citation;
      return { id, href: `#ins-${id}`, label, title: record ? clip(`${record.citation ? `${record.citation}: ` : ''}${record.text}`, 240) : id };
    });
  }
}

export function unionOfLinks(rows: LevelRow[]): InstructionLink[] | undefined {
  const seen = new Map<string, InstructionLink>();
  for (const row of rows) for (const link of row.by ?? []) if (!seen.has(link.id)) seen.set(link.id, link);
  return seen.size ? [...seen.values()] : undefined;
}

/**
 * The instruction list of a Changes in Existing Law comparison: refused instructions first (with
 * their reasons), then the applied ones in the order applied, each with the changes it made.
 */
export function instructionList(records: InstructionRecord[], rows: RowWithPair[], changes: ChangeItem[], billNames: Record<string, string>): InstructionList {
  const made = new Map<string, InstructionChange[]>();
  const anchors = new Set(rows.map((r) => r.anchor));
  for (const row of rows) {
    if (!row.by || !showsChange(row)) continue;
    const item = row.number !== undefined ? changes[row.number - 1] : undefined;
    // A redesignation fold is one change: its rows are listed once, by the fold.
    const inFold = item !== undefined && item.href !== `#${row.anchor}`;
    for (const link of row.by) {
      const list = made.get(link.id) ?? [];
      made.set(link.id, list);
      if (inFold) {
        if (!list.some((c) => c.href === item.href)) list.push({ href: item.href, citation: item.citation, description: item.description, excerpt: [] });
        continue;
      }
      const own = ownChanges(records.find((r) => r.id === link.id), row);
      list.push({
        href: `#${row.anchor}`,
        citation: row.citation,
        description: own ? own.description : (item?.description ?? row.statusLabel),
        excerpt: own ? own.excerpt : changeExcerpt(row),
      });
    }
  }
  const item = (record: InstructionRecord): InstructionItem => {
    let list = made.get(record.id) ?? [];
    if (!list.length && record.status === 'applied') {
      // Nothing of its own shows (its change nets out, or sits in a level's children): name the levels it reports.
      // Where another bill's instruction, applied after it, amends the same section to read as it prints
      // it, that is why: the later bill's text replaces its changes (one bill chaptering out the other).
      const replacedBy = records.slice(records.indexOf(record) + 1).find((r) => r.status === 'applied' && r.action === 'amendToRead' && r.bill !== record.bill && r.sections.some((x) => record.sections.includes(x)));
      const none = replacedBy
        ? `none of its changes remains: ${billNames[replacedBy.bill] ?? replacedBy.bill}${replacedBy.citation ? `, ${replacedBy.citation}` : ''}, applied after it, amends the section to read as it prints it`
        : 'no change of its own shows in this clause';
      const changed = [...new Set(record.changes.map((c) => `c-${c.clause}`))].filter((a) => anchors.has(a));
      list = changed.map((a) => {
        const row = rows.find((r) => r.anchor === a)!;
        completeRow(row);
        return { href: `#${a}`, citation: row.citation, description: row.changed ? row.statusLabel : none, excerpt: [] };
      });
    }
    return {
      id: record.id,
      anchor: `ins-${record.id}`,
      status: record.status,
      applied: record.status === 'applied',
      bill: billNames[record.bill] ?? record.bill,
      citation: record.citation || 'unnumbered',
      target: record.target,
      action: ACTION_WORDS[record.action as InstructionAction] ?? record.action,
      text: record.text,
      ...(record.reason ? { reason: record.reason } : {}),
      notes: record.notes ?? [],
      changes: list,
    };
  };
  const refused = records.filter((r) => r.status === 'refused');
  const applied = records.filter((r) => r.status !== 'refused');
  return { items: [...refused, ...applied].map(item), total: records.length, applied: applied.length, refused: refused.length };
}

/**
 * What one instruction itself struck and inserted in an amended level, from its change records
 * (a level amended by several instructions shows them all at once; each instruction shows its own
 * part). Undefined when the records say nothing the row does not (a level added or deleted whole,
 * a section amended to read as it did).
 */
function ownChanges(record: InstructionRecord | undefined, row: RowWithPair): { description: string; excerpt: Segment[] } | undefined {
  if (!record || row.status !== 'modified') return undefined;
  const anchors = row.anchors ?? [row.anchor];
  const own = record.changes.filter(
    (c) => anchors.includes(`c-${c.clause}`) && c.kind !== 'redesignated' && (c.struck ?? '') !== (c.inserted ?? '') && (c.struck || c.inserted),
  );
  if (!own.length) return undefined;
  const excerpt: Segment[] = [];
  for (const change of own.slice(0, 4)) {
    if (excerpt.length) excerpt.push({ text: ' … ' });
    if (change.struck) excerpt.push({ text: clip(change.struck.trim(), 200), del: true });
    if (change.struck && change.inserted) excerpt.push({ text: ' ' });
    if (change.inserted) excerpt.push({ text: clip(change.inserted.trim(), 200), ins: true });
  }
  const struck = own.some((c) => c.struck);
  const inserted = own.some((c) => c.inserted);
  return { description: struck && inserted ? 'text struck and inserted' : struck ? 'text struck' : 'text inserted', excerpt };
}

/** What a change did, shortly: the struck and inserted runs of an amended level, or the text added or deleted. */
function changeExcerpt(row: LevelRow): Segment[] {
  if (row.status === 'modified') return excerptOf(row, 300);
  if (row.status === 'inserted' || row.status === 'deleted') {
    const side = row.status === 'inserted' ? row.new : row.old;
    const text = clip(side.map((s) => s.text).join('').trim(), 240);
    return text ? [row.status === 'inserted' ? { text, ins: true } : { text, del: true }] : [];
  }
  return [];
}
