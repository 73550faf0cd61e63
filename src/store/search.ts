/**
 * Search: a bill by citation in any usual spelling, a section by citation or bare number, and
 * full text across bill versions and law sections, ranked by the database's own index (SQLite
 * FTS5 with bm25 and snippet(); PostgreSQL tsvector with ts_rank and ts_headline). Snippets mark
 * the words found between `\u0001` and `\u0002`; the pages escape the text and draw the marks.
 */
import { codeOf, normalizeSectionNumber, parseSectionCitation, sectionName } from './codes.js';
import { billColumns } from './columns.js';
import type { Dialect, SqlValue } from './dialect.js';
import { parseMeasure, sessionFromName, sessionName } from './names.js';
import type { BillRow, SearchFilters, SearchResult } from './types.js';

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** Longest query read; the rest is ignored. */
const MAX_QUERY = 200;

export async function searchStore(db: Dialect, raw: string, filters: SearchFilters, limit: number): Promise<SearchResult[]> {
  const query = raw.replace(/[\u0000-\u001f]/g, ' ').trim().slice(0, MAX_QUERY);
  if (!query) return [];
  const where = billFilters(filters);
  const results: SearchResult[] = [];
  const seen = new Set<string>();
  const add = (r: SearchResult) => {
    if (seen.has(`${r.kind}:${r.id}`)) return;
    seen.add(`${r.kind}:${r.id}`);
    results.push(r);
  };

  // A bill by citation: "AB 1656", "hr1-119".
  const measure = parseMeasure(query);
  if (measure) {
    const rows = await db.all<BillRow>(
      `SELECT ${billColumns('b')} FROM bills b WHERE b.measure_type = ? AND b.measure_num = ? AND b.jurisdiction IN (${measure.jurisdictions.map(() => '?').join(', ')})${measure.session ? ' AND b.session = ?' : ''}${where.sql} ORDER BY b.session DESC LIMIT ?`,
      [measure.type, measure.number, ...measure.jurisdictions, ...(measure.session ? [measure.session] : []), ...where.params, limit],
    );
    for (const b of rows) add(billResult(b, b.title, undefined));
  }

  // A section by citation ("Penal Code 1050", "GOV 7284.6") or by its bare number ("7284.6").
  const cited = parseSectionCitation(query);
  const bare = !cited && /^§?\s*\d+(?:\.\d+)*[a-z]?$/i.test(query) ? normalizeSectionNumber(query) : undefined;
  if ((cited || bare) && !filters.house && !filters.status) {
    const code = filters.code ? codeOf(filters.code) : undefined;
    const params: SqlValue[] = cited ? [cited.code, cited.number] : [bare!];
    const sql = cited ? 'code = ? AND number = ?' : `number = ?${code ? ' AND code = ?' : ''}`;
    if (!cited && code) params.push(code);
    const found = await db.all<{ code: string; number: string; heading: string; text: string }>(`SELECT code, number, heading, substr(text, 1, 240) AS text FROM law_sections WHERE ${sql} LIMIT 20`, params);
    const touched = await db.all<{ code: string; section: string }>(
      `SELECT DISTINCT code, section FROM version_sections WHERE ${cited ? 'code = ? AND section = ?' : `section = ?${code ? ' AND code = ?' : ''}`} LIMIT 20`,
      params,
    );
    for (const s of found) add(sectionResult(s.code, s.number, s.heading, s.text));
    for (const t of touched) add(sectionResult(t.code, t.section, '', 'Not in the database; bills touch it.'));
  }

  if (results.length < limit) {
    const text = await fullText(db, query, filters, where, limit);
    for (const r of text) add(r);
  }
  return results.slice(0, limit);
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
  return terms
    .map((t) => t.replace(/"/g, '').replace(/[^\p{L}\p{N}.\-'’§]+/gu, ' ').trim())
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .map((t) => `"${t}"`)
    .join(' ');
}

async function fullText(db: Dialect, query: string, filters: SearchFilters, where: { sql: string; params: SqlValue[] }, limit: number): Promise<SearchResult[]> {
  const sqlite = db.kind === 'sqlite';
  const match = sqlite ? ftsQuery(query) : query;
  if (!match) return [];
  type Hit = BillRow & { snippet: string; rank: number };
  const billHits = sqlite
    ? await sqliteBillHits(db, match, where, limit)
    : await db.all<Hit>(
        `SELECT ${billColumns('h')}, h.rank, ts_headline('english', b.search_text, q, 'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=10, MaxFragments=1, FragmentDelimiter=…') AS snippet
           FROM (SELECT ${billColumns('b')}, b.key, -ts_rank(b.tsv, q) AS rank
                   FROM bills b, websearch_to_tsquery('english', ?) q
                  WHERE b.tsv @@ q${where.sql} ORDER BY rank LIMIT ?) h
           JOIN bills b ON b.key = h.key, websearch_to_tsquery('english', ?) q
          ORDER BY h.rank`,
        [match, ...where.params, limit, match],
      );
  const out: Array<SearchResult & { rank: number }> = billHits.map((h) => ({ ...billResult(h, h.snippet, undefined), rank: h.rank }));
  if (!filters.house && !filters.status && !filters.session) {
    const code = filters.code ? codeOf(filters.code) ?? filters.code.trim() : undefined;
    type SectionHit = { code: string; number: string; heading: string; snippet: string; rank: number };
    const sectionHits = sqlite
      ? await sqliteSectionHits(db, match, code, limit)
      : await db.all<SectionHit>(
          `SELECT h.code, h.number, h.heading, h.rank, ts_headline('english', s.text, q, 'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=10, MaxFragments=1, FragmentDelimiter=…') AS snippet
             FROM (SELECT s.key, s.code, s.number, s.heading, -ts_rank(s.tsv, q) AS rank
                     FROM law_sections s, websearch_to_tsquery('english', ?) q
                    WHERE s.tsv @@ q${code ? ' AND s.code = ?' : ''} ORDER BY rank LIMIT ?) h
             JOIN law_sections s ON s.key = h.key, websearch_to_tsquery('english', ?) q
            ORDER BY h.rank`,
          [match, ...(code ? [code] : []), limit, match],
        );
    for (const s of sectionHits) out.push({ ...sectionResult(s.code, s.number, s.heading, s.snippet), rank: s.rank });
    // Both ranks are "lower is better"; bm25 and ts_rank are not on one scale, so interleave by place.
    out.sort((a, b) => placeOf(a, out) - placeOf(b, out));
  }
  return out.slice(0, limit).map(({ rank: _rank, ...r }) => r);
}

/** Place of a result among those of its kind: the two lists are merged turn by turn. */
function placeOf(r: SearchResult, all: SearchResult[]): number {
  const same = all.filter((x) => x.kind === r.kind);
  return same.indexOf(r) * 2 + (r.kind === 'bill' ? 0 : 1);
}


/**
 * FTS5 in two steps: rank the matching bills (bm25) keeping only their keys, then make snippets for
 * the results shown alone (a snippet reads and tokenises the whole text).
 */
async function sqliteBillHits(db: Dialect, match: string, where: { sql: string; params: SqlValue[] }, limit: number) {
  const ranked = await db.all<BillRow & { key: number; rank: number }>(
    `SELECT ${billColumns('b')}, b.key, f.rank AS rank FROM bills_fts f JOIN bills b ON b.key = f.rowid
      WHERE bills_fts MATCH ?${where.sql} ORDER BY f.rank LIMIT ?`,
    [match, ...where.params, limit],
  );
  if (!ranked.length) return [];
  const snippets = new Map(
    (
      await db.all<{ key: number; snippet: string }>(
        `SELECT rowid AS key, snippet(bills_fts, 0, '${MARK_START}', '${MARK_END}', '…', 20) AS snippet FROM bills_fts WHERE bills_fts MATCH ? AND rowid IN (?${', ?'.repeat(ranked.length - 1)})`,
        [match, ...ranked.map((r) => r.key)],
      )
    ).map((x) => [x.key, x.snippet]),
  );
  return ranked.map(({ key, ...bill }) => ({ ...bill, snippet: snippets.get(key) ?? '' }));
}

async function sqliteSectionHits(db: Dialect, match: string, code: string | undefined, limit: number) {
  const ranked = await db.all<{ key: number; code: string; number: string; heading: string; rank: number }>(
    `SELECT f.rowid AS key, s.code, s.number, s.heading, f.rank AS rank FROM sections_fts f JOIN law_sections s ON s.key = f.rowid
      WHERE sections_fts MATCH ?${code ? ' AND s.code = ?' : ''} ORDER BY f.rank LIMIT ?`,
    [match, ...(code ? [code] : []), limit],
  );
  if (!ranked.length) return [];
  const snippets = new Map(
    (
      await db.all<{ key: number; snippet: string }>(
        `SELECT rowid AS key, snippet(sections_fts, 1, '${MARK_START}', '${MARK_END}', '…', 20) AS snippet FROM sections_fts WHERE sections_fts MATCH ? AND rowid IN (?${', ?'.repeat(ranked.length - 1)})`,
        [match, ...ranked.map((r) => r.key)],
      )
    ).map((s) => [s.key, s.snippet]),
  );
  return ranked.map(({ key, ...r }) => ({ ...r, snippet: snippets.get(key) ?? '' }));
}
