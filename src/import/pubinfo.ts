/**
 * One pubinfo set (a session's `pubinfo_2025.zip`, a day's `pubinfo_Mon.zip`, or either unzipped):
 * CODES_TBL, LAW_TOC_TBL, LAW_SECTION_TBL and its lobs, BILL_TBL, BILL_VERSION_TBL and its lobs,
 * BILL_HISTORY_TBL, where present, in that order. Each row is upserted: a daily file changes only
 * the rows it carries. A bad row is reported `file:line: reason`, skipped and counted.
 */
import { codeOf, normalizeSectionNumber } from '../store/codes.js';
import { contentHash, type Writer } from '../store/database.js';
import type { HistoryRow } from '../store/types.js';
import { billKey, chapterCitation, stageLabel } from '../store/names.js';
import { placeOf } from '../store/places.js';
import { treeText } from './analyze.js';
import { shortTitles } from './short-titles.js';
import type { FileSet } from './archive.js';
import { readDat, tableOf, toRow, type TableName, type TableRow } from './dat.js';
import { parseDocument } from '../parse/index.js';
import { setDigestKey } from '../parse/read-caml.js';
import type { DigestKey } from '../types.js';
import { isBilldiffError } from '../util/errors.js';
import type { Problem, Tally } from './report.js';
import { finishBills, storeVersion, type BillFacts } from './versions.js';

/** The tables of a set in the order they are read, each with its file name. */
export async function tablesOf(set: FileSet): Promise<Array<{ table: TableName; file: string }>> {
  const found: Array<{ table: TableName; file: string }> = [];
  for (const file of set.files.values()) {
    if (!/\.dat$/i.test(file)) continue;
    let table = tableOf(file);
    if (!table) {
      for await (const line of readDat(await set.open(file))) {
        if ('fields' in line) table = tableOf(file, line.fields);
        break;
      }
    }
    if (table) found.push({ table, file });
  }
  const order: TableName[] = ['CODES_TBL', 'LAW_TOC_TBL', 'LAW_SECTION_TBL', 'BILL_TBL', 'BILL_VERSION_TBL', 'BILL_HISTORY_TBL'];
  return found.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table) || a.file.localeCompare(b.file));
}

/** Rows in a set's tables, for the progress bar (counted by lines, without parsing). */
export async function countRows(set: FileSet, tables: Array<{ file: string }>): Promise<number> {
  let n = 0;
  for (const { file } of tables) {
    for await (const chunk of await set.open(file)) {
      const buffer = chunk as Buffer;
      for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) n++;
    }
  }
  return n;
}

/**
 * The bytes a set's import reads, for the progress bar's measure of work: its tables and every lob
 * beside them, each lob with `LOB_WORK_BYTES` more (those no row names, if any, are counted as read
 * when the set is done).
 */
export function setBytes(set: FileSet, tables: Array<{ file: string }>): number {
  let n = 0;
  for (const { file } of tables) n += set.size(file);
  for (const file of set.files.values()) if (/\.lob$/i.test(file)) n += set.size(file) + LOB_WORK_BYTES;
  return n;
}

/**
 * A lob's work beyond its bytes, in bytes, for the progress bar: it is a document to parse, analyse
 * and write with its search text, whatever its length. The bench's synthetic session (SQLite):
 * a law section's row, a lob of 1.6 KB, took 1.35 ms, a bill version's, 16.9 KB, 2.4 ms, and a
 * history row, a line of 0.2 KB and no lob, 0.03 ms: about 0.07 µs a byte and 1.2 ms a lob, the
 * time of some 17 KB. Counted by bytes alone, the bar said 3m46s left 15 s into an import of 115 s.
 */
const LOB_WORK_BYTES = 16 * 1024;

/** History rows written together (`writeHistory`). */
const HISTORY_BATCH = 500;

/** `202520260AB1656` → the bill's facts. */
export function pubinfoBill(billId: string): BillFacts | undefined {
  const m = /^(\d{4})(\d{4})(\d)([A-Z]+)(\d+)$/.exec(billId);
  if (!m) return undefined;
  return { jurisdiction: 'ca', session: `${m[1]}${m[2]}-${m[3]}`, type: m[4]!, number: Number(m[5]) };
}

/** A BILL_VERSION_TBL row's digest key ("Majority", "Two Thirds", "Yes", "No"), where it gives any. */
export function digestKeyOf(r: Partial<Record<'vote_required' | 'appropriation' | 'fiscal_committee' | 'local_program' | 'urgency' | 'taxlevy', string | null>>): { digestKey?: DigestKey } {
  const digestKey: DigestKey = {};
  setDigestKey(digestKey, 'vote', r.vote_required);
  setDigestKey(digestKey, 'appropriation', r.appropriation);
  setDigestKey(digestKey, 'fiscalCommittee', r.fiscal_committee);
  setDigestKey(digestKey, 'localProgram', r.local_program);
  setDigestKey(digestKey, 'urgency', r.urgency);
  setDigestKey(digestKey, 'taxLevy', r.taxlevy);
  return Object.keys(digestKey).length ? { digestKey } : {};
}

/** Statuses after which a bill can no longer become law. */
const FINAL = /^(?:chaptered|vetoed|failed|died|dead|filed with secretary of state|enacted)/i;
/**
 * A simple resolution's (HR, SR) adoption, by its one house, is final too; a joint or concurrent
 * one adopted by both houses is chaptered (a resolution chapter), and FINAL reads that.
 */
const SIMPLE_RESOLUTION = /^[HS]R$/;
const ADOPTED = /^adopted/i;

/** Whether a BILL_TBL row's bill is still pending: not at a final status, nor a simple resolution adopted. */
export function pendingOf(type: string, status: string | null | undefined, state: string | null | undefined): 0 | 1 {
  const final = (s: string | null | undefined) => FINAL.test(s ?? '') || (SIMPLE_RESOLUTION.test(type) && ADOPTED.test(s ?? ''));
  return final(status) || final(state) ? 0 : 1;
}

export async function importPubinfo(writer: Writer, set: FileSet, tally: Tally): Promise<void> {
  const tables = await tablesOf(set);
  const headings = new Map<string, string>();
  const touched = new Set<string>();
  const where = (file: string) => `${set.name}/${file}`;
  /** History rows not yet written, and the problems found since the first of them (reported after it). */
  const history: Array<{ row: HistoryRow; noBill: () => void } | { problem: Problem }> = [];
  const report = (p: Problem) => (history.length ? void history.push({ problem: p }) : tally.problem(p));

  for (const { table, file } of tables) {
    for await (const line of readDat(await set.open(file))) {
      tally.read(line.length);
      if (history.length >= HISTORY_BATCH) await writeHistory();
      const problem = (reason: string) => report({ file: where(file), line: line.line, reason });
      if ('error' in line) {
        problem(line.error);
        continue;
      }
      const row = toRow(table, line.fields);
      if (typeof row === 'string') {
        problem(row);
        continue;
      }
      try {
        const reason = await importRow(table, row as never, problem);
        if (reason) problem(reason);
      } catch (error) {
        // A lob that does not parse is named with its own line and column.
        problem(isBilldiffError(error) ? error.toString() : (error as Error).message);
      }
    }
    await writeHistory();
  }
  tally.step('finishing each bill: its versions in order, their changes, its search text', touched.size, 'bills');
  await finishBills(writer, touched, () => tally.stepDone());

  async function importRow<T extends TableName>(table: T, row: TableRow<T>, problem: (reason: string) => void): Promise<string | undefined> {
    switch (table) {
      case 'CODES_TBL': {
        const r = row as TableRow<'CODES_TBL'>;
        if (!r.code || !r.title) return 'a code needs its abbreviation and title';
        tally.count(await writer.upsertCode(r.code, r.title.trim()));
        return undefined;
      }
      case 'LAW_TOC_TBL': {
        const r = row as TableRow<'LAW_TOC_TBL'>;
        if (!r.law_code || !r.heading) return 'a table-of-contents row needs its code and heading';
        const heading = r.heading.replace(/\s*\[[^\]]*\]\s*$/, '').trim();
        headings.set(tocKey(r.law_code, r), heading);
        // The unit, by its place as its sections' rows give theirs; one no longer active is removed.
        const place = placeOf(r);
        if (place) await writer.upsertUnit(codeOf(r.law_code) ?? r.law_code.toUpperCase(), place, r.active_flg === 'N' ? undefined : heading);
        tally.count('contents');
        return undefined;
      }
      case 'LAW_SECTION_TBL':
        return lawSection(row as TableRow<'LAW_SECTION_TBL'>);
      case 'BILL_TBL':
        return bill(row as TableRow<'BILL_TBL'>);
      case 'BILL_VERSION_TBL':
        return version(row as TableRow<'BILL_VERSION_TBL'>);
      case 'BILL_HISTORY_TBL':
        return historyRow(row as TableRow<'BILL_HISTORY_TBL'>, problem);
    }
    return undefined;
  }

  async function lawSection(r: TableRow<'LAW_SECTION_TBL'>): Promise<string | undefined> {
    if (r.active_flg === 'N') {
      tally.count('inactive');
      return undefined;
    }
    const code = r.law_code ? codeOf(r.law_code) ?? r.law_code.toUpperCase() : undefined;
    if (!code || !r.section_num) return 'a law section needs its code and number';
    let number = normalizeSectionNumber(r.section_num);
    if (code === 'CONS' && r.article) number = `${r.article.replace(/\.$/, '')}-${number.replace(/^SEC(?:TION)?\.?\s*/i, '')}`;
    const lob = await readLob(r.content_xml, 'LAW_SECTION_TBL');
    if (typeof lob === 'string') return lob;
    const doc = parseDocument(lob, r.content_xml!, { format: 'caml', references: false });
    const heading = headings.get(tocKey(r.law_code!, r)) ?? '';
    const place = placeOf(r);
    const text = treeText(doc.tree);
    const result = await writer.upsertLawSection({
      code,
      number,
      ...(r.id ? { sourceId: r.id } : {}),
      heading,
      history: r.history?.replace(/\s+/g, ' ').trim() ?? '',
      format: 'caml',
      bytes: lob,
      hash: contentHash(lob),
      text,
      ...(place ? { place } : {}),
      names: shortTitles(text),
    });
    tally.count(result);
    return undefined;
  }

  async function bill(r: TableRow<'BILL_TBL'>): Promise<string | undefined> {
    const facts = r.bill_id ? pubinfoBill(r.bill_id) : undefined;
    if (!facts) return `not a bill id: ${JSON.stringify(r.bill_id)}`;
    const status = r.current_status ?? r.measure_state;
    const id = billKey('ca', facts.session, facts.type, facts.number);
    const result = await writer.upsertBill({
      id,
      jurisdiction: 'ca',
      session: facts.session,
      measure: `${facts.type} ${facts.number}`,
      measure_type: facts.type,
      measure_num: facts.number,
      house: facts.type.startsWith('S') ? 'Senate' : 'Assembly',
      status: status ?? null,
      pending: pendingOf(facts.type, status, r.measure_state),
      ...(r.trans_update ? { updated: r.trans_update } : {}),
      ...chapterOf(r),
    });
    tally.count(result);
    return undefined;
  }

  async function version(r: TableRow<'BILL_VERSION_TBL'>): Promise<string | undefined> {
    const facts = r.bill_id ? pubinfoBill(r.bill_id) : undefined;
    if (!facts || !r.bill_version_id) return `not a bill version: bill ${JSON.stringify(r.bill_id)}, version ${JSON.stringify(r.bill_version_id)}`;
    if (r.active_flg === 'N') {
      tally.count('inactive');
      return undefined;
    }
    const lob = await readLob(r.bill_xml, 'BILL_VERSION_TBL');
    if (typeof lob === 'string') return lob;
    const versionNum = r.version_num ? Number(r.version_num) : undefined;
    const stage = stageLabel(r.bill_version_action ?? 'Version');
    const { result, billId } = await storeVersion(writer, {
      id: r.bill_version_id,
      bill: facts,
      ...(versionNum !== undefined && Number.isFinite(versionNum) ? { versionNum } : {}),
      stage,
      ...(r.bill_version_action_date ? { date: r.bill_version_action_date.slice(0, 10) } : {}),
      ...(r.subject ? { title: r.subject.trim() } : {}),
      first: versionNum === 99 || /^introduced/i.test(stage),
      bytes: lob,
      file: r.bill_xml!,
      format: 'caml',
      ...digestKeyOf(r),
    });
    touched.add(billId);
    tally.count(result);
    return undefined;
  }

  /**
   * A history row, kept to be written with the next ones (`writeHistory`): a row is a line of 0.2 KB,
   * and one at a time, each a look-up of its bill, of its row and a write, they took most of a
   * PostgreSQL import's time (three round trips a row).
   */
  function historyRow(r: TableRow<'BILL_HISTORY_TBL'>, problem: (reason: string) => void): string | undefined {
    const facts = r.bill_id ? pubinfoBill(r.bill_id) : undefined;
    if (!facts || !r.action) return 'a history row needs its bill and action';
    // (Else PostgreSQL refuses the batch's statement, and SQLite stores no number.)
    if (r.action_sequence && !/^\d{1,9}$/.test(r.action_sequence)) return `a history row's action_sequence is a number, not ${JSON.stringify(r.action_sequence.slice(0, 40))}`;
    history.push({
      row: {
        bill_id: billKey('ca', facts.session, facts.type, facts.number),
        id: r.bill_history_id ?? contentHash(`${r.action_date}\u0000${r.action}`).slice(0, 16),
        date: r.action_date ? r.action_date.slice(0, 10) : null,
        action: r.action.replace(/\s+/g, ' ').trim(),
        seq: r.action_sequence ? Number(r.action_sequence) : null,
      },
      noBill: () => problem(`no bill ${facts.type} ${facts.number} (${r.bill_id}) in the database or in this set's BILL_TBL`),
    });
    return undefined;
  }

  /**
   * Writes the history rows kept, and then reports, in the order of their lines, their outcomes and
   * the problems found since the first of them.
   */
  async function writeHistory(): Promise<void> {
    if (!history.length) return;
    const kept = history.splice(0);
    const rows = kept.flatMap((k) => ('row' in k ? [k.row] : []));
    const bills = await writer.heldBills(rows.map((r) => r.bill_id));
    const results = await writer.upsertHistory(rows.filter((r) => bills.has(r.bill_id)));
    let next = 0;
    for (const k of kept) {
      if (!('row' in k)) tally.problem(k.problem);
      else if (!bills.has(k.row.bill_id)) k.noBill();
      else tally.count(results[next++]!);
    }
  }

  /** A lob named by a row: looked up among the set's files by its name, never joined into a path. */
  async function readLob(name: string | null, table: string): Promise<Buffer | string> {
    if (!name) return 'the row names no lob file';
    if (!new RegExp(`^${table}_\\d+\\.lob$`, 'i').test(name)) return `not a ${table} lob name: ${JSON.stringify(name.slice(0, 80))}`;
    if (!set.files.has(name.toUpperCase())) return `missing lob ${name}`;
    try {
      const bytes = await set.read(name);
      tally.read(bytes.length + LOB_WORK_BYTES);
      if (!bytes.length) return `empty lob ${name}`;
      return bytes;
    } catch (error) {
      return `unreadable lob ${name}: ${(error as Error).message}`;
    }
  }
}

/** A TOC node's key: code and its division, title, part, chapter and article. */
function tocKey(code: string, r: { division: string | null; title: string | null; part: string | null; chapter: string | null; article: string | null }): string {
  return [code, r.division, r.title, r.part, r.chapter, r.article].map((v) => v ?? '').join('\u0000');
}

/**
 * A chaptered bill's chapter as BILL_TBL gives it (`chapter_year`, `chapter_type` CHP or, for a
 * resolution, CHR, `chapter_session_num` 0 or an extraordinary session's, `chapter_num`), as the
 * California Style Manual cites it: `{ statute: "Stats. 2025, ch. 623" }`; none where it gives none.
 */
export function chapterOf(r: Pick<TableRow<'BILL_TBL'>, 'chapter_year' | 'chapter_type' | 'chapter_session_num' | 'chapter_num'>): { statute?: string } {
  const year = r.chapter_year?.trim();
  const number = Number(r.chapter_num);
  if (!year || !/^\d{4}$/.test(year) || !Number.isInteger(number) || number <= 0) return {};
  const extraordinary = Number(r.chapter_session_num ?? 0);
  return { statute: chapterCitation({ year, extraordinary: Number.isInteger(extraordinary) && extraordinary > 0 ? extraordinary : 0, resolution: r.chapter_type?.trim().toUpperCase() === 'CHR', number }) };
}
