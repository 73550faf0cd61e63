/**
 * Search: a bill by citation in any usual spelling, a section by citation or bare number (index
 * lookups, no full text), else full text across bill versions and law sections, ranked by the
 * database's own index (SQLite FTS5 with bm25; PostgreSQL tsvector with ts_rank) over the newest
 * matches, with snippets drawn from each result's best passage (snippet() / ts_headline on a few
 * hundred characters). Snippets mark the words found between `\u0001` and `\u0002`; the pages
 * escape the text and draw the marks.
 */
import { codeOf, normalizeSectionNumber, parseSectionCitation, sectionName } from './codes.js';
import { billColumns } from './columns.js';
import type { Dialect, SqlValue } from './dialect.js';
import { parseMeasure, sessionFromName, sessionName } from './names.js';
import { passageRange, type PassageOwner } from './passages.js';
import type { BillRow, SearchFilters, SearchResult } from './types.js';

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** Longest query read; the rest is ignored. */
const MAX_QUERY = 200;
/** Most phrases of a full-text query; the rest are ignored. */
const MAX_PHRASES = 16;

export async function searchStore(db: Dialect, raw: string, filters: SearchFilters, limit: number): Promise<SearchResult[]> {
  const query = raw.replace(/[\u0000-\u001f]/g, ' ').trim().slice(0, MAX_QUERY);
  if (!query) return [];
  const where = billFilters(filters);
  // A citation is answered by index lookups; full text only when it finds nothing.
  const cited = await citationResults(db, query, filters, where, limit);
  if (cited.length) return cited.slice(0, limit);
  return fullText(db, query, filters, where, limit);
}

/**
 * A bill by citation ("AB 1656", "hr1-119"); a section by citation ("Penal Code 1050", "GOV 7284.6")
 * or by its bare number ("7284.6"), then the bills that touch it, newest first, each with a snippet
 * from its text where the number stands.
 */
async function citationResults(db: Dialect, query: string, filters: SearchFilters, where: { sql: string; params: SqlValue[] }, limit: number): Promise<SearchResult[]> {
  const measure = parseMeasure(query);
  if (measure) {
    const rows = await db.all<BillRow>(
      `SELECT ${billColumns('b')} FROM bills b WHERE b.measure_type = ? AND b.measure_num = ? AND b.jurisdiction IN (${measure.jurisdictions.map(() => '?').join(', ')})${measure.session ? ' AND b.session = ?' : ''}${where.sql} ORDER BY b.session DESC LIMIT ?`,
      [measure.type, measure.number, ...measure.jurisdictions, ...(measure.session ? [measure.session] : []), ...where.params, limit],
    );
    if (rows.length) return rows.map((b) => billResult(b, b.title, undefined));
  }
  const cited = parseSectionCitation(query);
  const bare = !cited && /^§?\s*\d+(?:\.\d+)*[a-z]?$/i.test(query) ? normalizeSectionNumber(query) : undefined;
  if (!cited && !bare) return [];
  const code = cited ? cited.code : filters.code ? codeOf(filters.code) ?? filters.code.trim() : undefined;
  const number = cited ? cited.number : bare!;
  const params: SqlValue[] = code ? [number, code] : [number];
  const out: SearchResult[] = [];
  const seen = new Set<string>();
  if (!filters.house && !filters.status && !filters.session) {
    const found = await db.all<{ code: string; number: string; heading: string; text: string }>(
      `SELECT code, number, heading, substr(text, 1, 240) AS text FROM law_sections WHERE number = ?${code ? ' AND code = ?' : ''} ORDER BY code LIMIT ?`,
      [...params, limit],
    );
    for (const s of found) {
      seen.add(`${s.code}/${s.number}`);
      out.push(sectionResult(s.code, s.number, s.heading, s.text));
    }
  }
  const touching = await db.all<BillRow & { key: number; code: string; section: string }>(
    `SELECT ${billColumns('b')}, b.key, t.code, t.section FROM bills b JOIN (
       SELECT v.bill_id, vs.code, vs.section, MAX(v.date) AS date FROM version_sections vs JOIN versions v ON v.id = vs.version_id
        WHERE vs.section = ?${code ? ' AND vs.code = ?' : ''} GROUP BY v.bill_id, vs.code, vs.section) t ON t.bill_id = b.id
      WHERE 1 = 1${where.sql} ORDER BY t.date IS NULL, t.date DESC, b.measure LIMIT ?`,
    [...params, ...where.params, limit],
  );
  if (!filters.house && !filters.status && !filters.session) {
    for (const t of touching) {
      if (seen.has(`${t.code}/${t.section}`)) continue;
      seen.add(`${t.code}/${t.section}`);
      out.push(sectionResult(t.code, t.section, '', 'Not in the database; bills touch it.'));
    }
  }
  const bills = new Map<string, SearchResult & { key: number }>();
  for (const t of touching) if (!bills.has(t.id)) bills.set(t.id, { ...billResult(t, '', undefined), key: t.key });
  const shown = [...bills.values()].slice(0, Math.max(0, limit - out.length));
  const snippets = await passageSnippets(db, ftsQuery(number), number, shown.map((b) => ({ owner: 'bill' as const, key: b.key })));
  return [...out, ...shown.map(({ key: _key, ...b }, i) => ({ ...b, snippet: snippets[i] || b.snippet }))];
}

function billResult(b: Pick<BillRow, 'id' | 'measure' | 'jurisdiction' | 'session' | 'title' | 'status'>, snippet: string, version: string | undefined): SearchResult {
  return {
    kind: 'bill',
    id: b.id,
    title: `${b.measure} (${sessionName(b.jurisdiction, b.session)})${b.title ? ` — ${b.title}` : ''}`,
    snippet,
    url: `/bills/${encodeURIComponent(b.id)}`,
    measure: b.measure,
    session: b.session,
    ...(version ? { version } : {}),
  };
}

function sectionResult(code: string, number: string, heading: string, snippet: string): SearchResult {
  return {
    kind: 'section',
    id: `${code}/${number}`,
    title: `${sectionName(code, number)}${heading ? ` — ${heading}` : ''}`,
    snippet,
    url: `/sections/${encodeURIComponent(code)}/${encodeURIComponent(number)}`,
  };
}

/** SQL (on `bills b`) for the filters, and its parameters. */
function billFilters(filters: SearchFilters): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (filters.session) {
    const s = filters.session.trim();
    const key = /^\d{8}-\d+$/.test(s) ? s : /^\d{2,3}(?:st|nd|rd|th)?(?:\s+congress)?$/i.test(s) ? String(Number.parseInt(s, 10)) : sessionFromName(s) ?? (/^(?:19|20)\d\d$/.test(s) ? sessionFromName(`${s}-${Number(s) + 1}`) : undefined) ?? s;
    parts.push('b.session = ?');
    params.push(key);
  }
  if (filters.house) {
    parts.push('LOWER(b.house) = ?');
    params.push(filters.house.trim().toLowerCase());
  }
  if (filters.status) {
    const s = filters.status.trim().toLowerCase();
    if (s === 'pending') parts.push('b.pending = 1');
    else {
      parts.push('LOWER(b.status) = ?');
      params.push(s);
    }
  }
  if (filters.code) {
    const code = codeOf(filters.code) ?? filters.code.trim();
    parts.push('EXISTS (SELECT 1 FROM version_sections fs JOIN versions fv ON fv.id = fs.version_id WHERE fv.bill_id = b.id AND fs.code = ?)');
    params.push(code);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** The words of a query as FTS5 phrases: every token quoted, so no user text is read as syntax. */
export function ftsQuery(query: string): string {
  const terms = query.match(/"[^"]*"|[^\s"]+/g) ?? [];
  // Each phrase once, whatever its case or accents, and at most MAX_PHRASES: a repeat adds nothing, and
  // FTS5's snippet() grows combinatorially with the phrases that match the same words.
  const phrases = terms
    .map((t) => t.replace(/"/g, '').replace(/[^\p{L}\p{N}.\-'’§]+/gu, ' ').trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .map((t) => `"${t}"`);
  return [...new Set(phrases)].slice(0, MAX_PHRASES).join(' ');
}

/** Matches ranked, at most: the newest this many matching bills (and sections) are ranked, so a common word costs no more than a rare one. */
export const RANKED_CANDIDATES = 200;

async function fullText(db: Dialect, query: string, filters: SearchFilters, where: { sql: string; params: SqlValue[] }, limit: number): Promise<SearchResult[]> {
  const sqlite = db.kind === 'sqlite';
  const match = sqlite ? ftsQuery(query) : query;
  if (!match) return [];
  type Hit = (SearchResult & { rank: number; key: number; owner: PassageOwner });
  const bills = sqlite ? await sqliteBillHits(db, match, where, limit) : await postgresBillHits(db, match, where, limit);
  const out: Hit[] = bills.map(({ key, rank, ...b }) => ({ ...billResult(b, '', undefined), rank, key, owner: 'bill' }));
  if (!filters.house && !filters.status && !filters.session) {
    const code = filters.code ? codeOf(filters.code) ?? filters.code.trim() : undefined;
    const sections = sqlite ? await sqliteSectionHits(db, match, code, limit) : await postgresSectionHits(db, match, code, limit);
    for (const s of sections) out.push({ ...sectionResult(s.code, s.number, s.heading, ''), rank: s.rank, key: s.key, owner: 'section' });
    // bm25 and ts_rank are not on one scale for bills and sections: the two lists are merged turn by turn.
    out.sort((a, b) => placeOf(a, out) - placeOf(b, out));
  }
  const shown = out.slice(0, limit);
  const snippets = await passageSnippets(db, match, query, shown);
  return shown.map(({ rank: _rank, key: _key, owner: _owner, ...r }, i) => ({ ...r, snippet: snippets[i] ?? '' }));
}

/** Place of a result among those of its kind: the two lists are merged turn by turn. */
function placeOf(r: SearchResult, all: SearchResult[]): number {
  const same = all.filter((x) => x.kind === r.kind);
  return same.indexOf(r) * 2 + (r.kind === 'bill' ? 0 : 1);
}

type BillHit = BillRow & { key: number; rank: number };
type SectionHit = { key: number; code: string; number: string; heading: string; rank: number };

/**
 * FTS5: the newest matching bills (the filters applied) are the candidates, ranked by bm25; a rowid
 * range over the match list, so nothing past the candidates is read or scored.
 */
async function sqliteBillHits(db: Dialect, match: string, where: { sql: string; params: SqlValue[] }, limit: number): Promise<BillHit[]> {
  return db.all<BillHit>(
    `SELECT ${billColumns('b')}, b.key, f.rank AS rank FROM bills_fts f JOIN bills b ON b.key = f.rowid
      WHERE bills_fts MATCH ? AND f.rowid >= (SELECT COALESCE(MIN(k), 0) FROM (SELECT c.rowid AS k FROM bills_fts c JOIN bills b ON b.key = c.rowid WHERE bills_fts MATCH ?${where.sql} ORDER BY c.rowid DESC LIMIT ${RANKED_CANDIDATES}))${where.sql}
      ORDER BY f.rank, b.key DESC LIMIT ?`,
    [match, match, ...where.params, ...where.params, limit],
  );
}

async function sqliteSectionHits(db: Dialect, match: string, code: string | undefined, limit: number): Promise<SectionHit[]> {
  const filter = code ? ' AND s.code = ?' : '';
  return db.all<SectionHit>(
    `SELECT s.key, s.code, s.number, s.heading, f.rank AS rank FROM sections_fts f JOIN law_sections s ON s.key = f.rowid
      WHERE sections_fts MATCH ? AND f.rowid >= (SELECT COALESCE(MIN(k), 0) FROM (SELECT c.rowid AS k FROM sections_fts c JOIN law_sections s ON s.key = c.rowid WHERE sections_fts MATCH ?${filter} ORDER BY c.rowid DESC LIMIT ${RANKED_CANDIDATES}))${filter}
      ORDER BY f.rank, s.key DESC LIMIT ?`,
    [match, match, ...(code ? [code] : []), ...(code ? [code] : []), limit],
  );
}

/** PostgreSQL: the matching bills from the GIN index alone, the newest of them (the filters applied) ranked by ts_rank. */
async function postgresBillHits(db: Dialect, match: string, where: { sql: string; params: SqlValue[] }, limit: number): Promise<BillHit[]> {
  return db.all<BillHit>(
    `SELECT ${billColumns('b')}, b.key, -ts_rank(b.tsv, q) AS rank
       FROM bills b, websearch_to_tsquery('english', ?) q
      WHERE b.key IN (SELECT b.key FROM billdiff_bills_matching(websearch_to_tsquery('english', ?)) m JOIN bills b ON b.key = m.key WHERE 1 = 1${where.sql} ORDER BY b.key DESC LIMIT ${RANKED_CANDIDATES})
      ORDER BY rank, b.key DESC LIMIT ?`,
    [match, match, ...where.params, limit],
  );
}

async function postgresSectionHits(db: Dialect, match: string, code: string | undefined, limit: number): Promise<SectionHit[]> {
  return db.all<SectionHit>(
    `SELECT s.key, s.code, s.number, s.heading, -ts_rank(s.tsv, q) AS rank
       FROM law_sections s, websearch_to_tsquery('english', ?) q
      WHERE s.key IN (SELECT s.key FROM billdiff_sections_matching(websearch_to_tsquery('english', ?)) m JOIN law_sections s ON s.key = m.key WHERE 1 = 1${code ? ' AND s.code = ?' : ''} ORDER BY s.key DESC LIMIT ${RANKED_CANDIDATES})
      ORDER BY rank, s.key DESC LIMIT ?`,
    [match, match, ...(code ? [code] : []), limit],
  );
}

/**
 * Each result's snippet, from the passage of its text that best matches any of the words (a few
 * hundred characters), never from the whole text. `match` is the FTS5 query (SQLite), `query` the
 * words as typed (PostgreSQL).
 */
async function passageSnippets(db: Dialect, match: string, query: string, owners: Array<{ owner: PassageOwner; key: number }>): Promise<string[]> {
  if (!owners.length) return [];
  if (db.kind === 'sqlite') {
    // The first passage with every word, else the first with any (bm25 would count each word's
    // matches across the whole index: no ranking here).
    const any = match.split(/(?<=")\s+(?=")/).join(' OR ');
    const sql = `SELECT snippet(passages_fts, 0, '${MARK_START}', '${MARK_END}', '…', 24) AS snippet FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT 1`;
    const out: string[] = [];
    for (const o of owners) {
      const [first, last] = passageRange(o.owner, o.key);
      const row = (await db.get<{ snippet: string }>(sql, [match, first, last])) ?? (any !== match ? await db.get<{ snippet: string }>(sql, [any, first, last]) : undefined);
      out.push(row?.snippet ?? '');
    }
    return out;
  }
  const ranges = owners.map((o) => passageRange(o.owner, o.key));
  const rows = await db.all<{ n: number; snippet: string | null }>(
    `SELECT o.n, (SELECT ts_headline('english', p.text, CASE WHEN p.tsv @@ w.every THEN w.every ELSE w.some END, 'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…')
                    FROM passages p WHERE p.id BETWEEN o.first AND o.last AND p.tsv @@ w.some
                   ORDER BY ts_rank(p.tsv, w.every) DESC, ts_rank(p.tsv, w.some) DESC, p.id LIMIT 1) AS snippet
       FROM (VALUES ${ranges.map(() => '(?::int, ?::bigint, ?::bigint)').join(', ')}) AS o (n, first, last),
            (SELECT q AS every, replace(q::text, ' & ', ' | ')::tsquery AS some FROM websearch_to_tsquery('english', ?) q) w
      ORDER BY o.n`,
    [...ranges.flatMap(([first, last], n) => [n, first, last]), query],
  );
  const snippets = rows.map((r) => r.snippet ?? '');
  return owners.map((_, i) => snippets[i] ?? '');
}
