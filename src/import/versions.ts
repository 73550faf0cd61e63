/**
 * Bill versions into the store, whatever they came from: each is analysed once (`analyzeVersion`)
 * unless its bytes are already stored; then `finishBills` orders and names each touched bill's
 * versions and counts the changes of those without change marks against the version before.
 */
import { unpackContent, type Writer, type WriteResult } from '../store/database.js';
import { billLeads } from '../store/leads.js';
import { billKey, measureName, nameVersions } from '../store/names.js';
import type { DigestKey, SourceFormat } from '../types.js';
import { analyzeVersion, countChanges, versionHash, type SectionContext, type VersionAnalysis } from './analyze.js';

/** The bill a version belongs to. */
export interface BillFacts {
  jurisdiction: 'ca' | 'us';
  session: string;
  type: string;
  number: number;
  house?: string | null;
  status?: string | null;
  pending?: number;
  title?: string;
  /** A federal law: the id of the bill it enacted, as it names it (`us-119-hr1`). */
  enacts?: string;
  /** A federal law: its citation in the Statutes at Large, as its file gives it ("130 Stat. 615"). */
  statute?: string;
}

export interface VersionFacts {
  id: string;
  bill: BillFacts;
  corpusId?: string;
  versionNum?: number;
  /** `Introduced`, `Amended in Senate`; from the document when absent. */
  stage?: string;
  date?: string;
  title?: string;
  /** Whether this is the bill's first version (its marks, if any, are against current law). */
  first: boolean;
  bytes: Uint8Array;
  /** The name problems and parse messages use. */
  file: string;
  format?: SourceFormat;
  context?: SectionContext;
  /** Its digest key as its table row gives it (BILL_VERSION_TBL), over what the version's own text gives. */
  digestKey?: DigestKey;
}

/** House of origin from the measure type: `AB` → Assembly, `SB` → Senate, `HR` (Congress) → House. */
export function houseOf(jurisdiction: string, type: string): string {
  if (jurisdiction === 'us') return type.startsWith('S') ? 'Senate' : 'House';
  return type.startsWith('S') ? 'Senate' : 'Assembly';
}

/** Stores one version (and its bill); returns what was written and the analysis, when one was made. */
export async function storeVersion(writer: Writer, facts: VersionFacts): Promise<{ result: WriteResult; billId: string; analysis?: VersionAnalysis }> {
  const b = facts.bill;
  const billId = billKey(b.jurisdiction, b.session, b.type, b.number);
  await writer.upsertBill({
    id: billId,
    jurisdiction: b.jurisdiction,
    session: b.session,
    measure: measureName(b.jurisdiction, b.type, b.number, b.session),
    measure_type: b.type,
    measure_num: b.number,
    house: b.house ?? houseOf(b.jurisdiction, b.type),
    ...(b.status !== undefined ? { status: b.status } : {}),
    ...(b.pending !== undefined ? { pending: b.pending } : {}),
    ...(b.enacts !== undefined ? { enacts: b.enacts } : {}),
    ...(b.statute !== undefined ? { statute: b.statute } : {}),
  });
  // Its bytes and the analysis: a version analysed by an earlier billdiff is analysed again.
  const hash = versionHash(facts.bytes);
  const stored = await writer.db.get<{ content_hash: string }>('SELECT content_hash FROM versions WHERE id = ?', [facts.id]);
  const analysis = stored?.content_hash === hash ? undefined : analyzeVersion(facts.bytes, facts.file, { first: facts.first, ...(facts.format ? { format: facts.format } : {}), ...(facts.context ? { context: facts.context } : {}) });
  const title = facts.title ?? analysis?.title;
  const result = await writer.upsertVersion({
    id: facts.id,
    billId,
    ...(facts.corpusId ? { corpusId: facts.corpusId } : {}),
    ...(facts.versionNum !== undefined ? { versionNum: facts.versionNum } : {}),
    stage: facts.stage ?? 'Version',
    ...(facts.date ? { date: facts.date } : {}),
    ...(title ? { title } : {}),
    format: analysis?.format ?? facts.format ?? 'caml',
    bytes: facts.bytes,
    hash,
    text: analysis?.text ?? '',
    words: analysis?.words ?? 0,
    marks: analysis?.marks ?? 0,
    ...(analysis?.marked ? { marked: analysis.marked } : {}),
    sections: analysis?.sections ?? [],
    ...(analysis?.authors.length ? { authors: analysis.authors } : {}),
    ...(analysis?.names.length ? { names: analysis.names } : {}),
    ...(analysis?.meta?.digestKey || facts.digestKey ? { digestKey: { ...analysis?.meta?.digestKey, ...facts.digestKey } } : {}),
  });
  return { result, billId, ...(analysis ? { analysis } : {}) };
}

interface Ordered {
  id: string;
  version_num: number | null;
  stage: string;
  date: string | null;
  title: string;
  content_hash: string;
  counted_by: string | null;
  against: string | null;
  analyzed_key: string | null;
  words_inserted: number | null;
  words_deleted: number | null;
  gut_and_amend: number;
  format: string;
}

/** Stages in the order a bill passes them, for versions of one day (Congress prints several). */
const STAGE_ORDER = ['introduced', 'reported', 'amended', 'engrossed', 'received', 'placed', 'referred', 'enrolled', 'chaptered', 'public law'];

function stageRank(stage: string): number {
  const s = stage.toLowerCase();
  const i = STAGE_ORDER.findIndex((w) => s.startsWith(w));
  return i < 0 ? STAGE_ORDER.length : i;
}

/**
 * Orders each bill's versions (by date, then by the Legislature's version number, which counts
 * down from 99, then by stage), names them, sets the bill's latest version and title, and counts the
 * changes of each version against the one before where the change marks did not. `onBill` is called
 * as each bill is done (for the progress bar).
 */
export async function finishBills(writer: Writer, billIds: Iterable<string>, onBill?: () => void, budget = 2000): Promise<void> {
  for (const billId of billIds) {
    await finishBill(writer, billId, budget);
    onBill?.();
  }
}

async function finishBill(writer: Writer, billId: string, budget: number): Promise<void> {
  const versions = await writer.db.all<Ordered>(
    'SELECT id, version_num, stage, date, title, content_hash, counted_by, against, analyzed_key, words_inserted, words_deleted, gut_and_amend, format FROM versions WHERE bill_id = ?',
    [billId],
  );
  versions.sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') || (b.version_num ?? 0) - (a.version_num ?? 0) || stageRank(a.stage) - stageRank(b.stage) || a.id.localeCompare(b.id),
  );
  const names = nameVersions(versions);
  const amended = await sectionsAmended(writer, billId);
  for (const [i, v] of versions.entries()) {
    await writer.setVersionOrder(v.id, i + 1, names[i]!);
    const previous = versions[i - 1];
    // A version that no longer touches any section the one before did has been gutted and amended.
    const swapped = previous ? disjoint(amended.get(previous.id), amended.get(v.id)) : false;
    if (v.counted_by === 'marks') {
      const against = previous ? previous.id : 'law';
      const gut = previous ? v.gut_and_amend === 1 || swapped : false;
      if (v.against !== against || (v.gut_and_amend === 1) !== gut) {
        await writer.setCounts(v.id, { inserted: v.words_inserted, deleted: v.words_deleted, clauses: null, by: 'marks', against, gutAndAmend: gut, key: `marks:${v.content_hash}` });
      }
      continue;
    }
    const key = previous ? `${previous.id}:${previous.content_hash}:${v.content_hash}` : `first:${v.content_hash}`;
    if (v.analyzed_key === key) continue;
    if (!previous) {
      await writer.setCounts(v.id, { inserted: null, deleted: null, clauses: null, by: null, against: null, gutAndAmend: false, key });
      continue;
    }
    const load = async (id: string) => (await writer.db.get<{ content: Uint8Array; text: string; format: string }>('SELECT content, text, format FROM versions WHERE id = ?', [id]))!;
    const [before, after] = [await load(previous.id), await load(v.id)];
    if (before.text === after.text) {
      await writer.setCounts(v.id, { inserted: 0, deleted: 0, clauses: 0, by: 'same', against: previous.id, gutAndAmend: false, key });
      continue;
    }
    const counts = countChanges(
      { bytes: unpackContent(before.content), file: previous.id, format: before.format as SourceFormat },
      { bytes: unpackContent(after.content), file: v.id, format: after.format as SourceFormat },
      budget,
    );
    await writer.setCounts(v.id, { inserted: counts.inserted, deleted: counts.deleted, clauses: counts.clauses, by: 'aligner', against: previous.id, gutAndAmend: counts.gutAndAmend || swapped, key });
  }
  await indexBill(writer, billId);
  // Its latest version, title and who brings it in one statement, where any changed (billLeads: one update of the row, not two).
  const leads = await billLeads(writer.db, billId);
  const latest = versions[versions.length - 1];
  if (latest) {
    await writer.db.run(
      "UPDATE bills SET latest_version = ?, title = CASE WHEN ? <> '' THEN ? ELSE title END, leads = ? WHERE id = ? AND (latest_version IS NULL OR latest_version <> ? OR title <> ? OR leads IS DISTINCT FROM ?)",
      [latest.id, latest.title, latest.title, leads, billId, latest.id, latest.title, leads],
    );
  } else {
    await writer.db.run('UPDATE bills SET leads = ? WHERE id = ? AND leads IS DISTINCT FROM ?', [leads, billId, leads]);
  }
}

/** The sections each version of a bill amends, adds or repeals (`PEN 1050`), by version id. */
async function sectionsAmended(writer: Writer, billId: string): Promise<Map<string, Set<string>>> {
  const rows = await writer.db.all<{ version_id: string; code: string; section: string }>(
    "SELECT vs.version_id, vs.code, vs.section FROM version_sections vs JOIN versions v ON v.id = vs.version_id WHERE v.bill_id = ? AND vs.relation <> 'cites'",
    [billId],
  );
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.version_id, (out.get(r.version_id) ?? new Set()).add(`${r.code} ${r.section}`));
  return out;
}

function disjoint(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (!a?.size || !b?.size) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

/**
 * The text a bill is found by: every line of its versions, once, newest version first (the versions
 * of a bill repeat most of each other's lines; indexing each line once ranks bills, not copies).
 */
async function indexBill(writer: Writer, billId: string): Promise<void> {
  const rows = await writer.db.all<{ text: string }>('SELECT text FROM versions WHERE bill_id = ? ORDER BY seq DESC', [billId]);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { text } of rows) {
    for (const line of text.split('\n')) {
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(line);
    }
  }
  await writer.setSearchText(billId, lines.join('\n'));
}
