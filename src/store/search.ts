/**
 * Search: a bill by citation in any usual spelling, a section by citation or bare number (index
 * lookups, no full text), else full text across bill versions and law sections, ranked over every
 * match by the database's own index (search-text.ts). One page of results at a time, with the number
 * of all there are.
 */
import { BARE_SECTION_NUMBER, codeTyped, normalizeSectionNumber, parseSectionCitation, rangeHolds, sectionName } from './codes.js';
import { billColumns, overrideWords, WHOLE_UNIT_TOUCH } from './columns.js';
import { oneOf, type Dialect, type SqlValue } from './dialect.js';
import { citedSessions, newestSessionFirst, ofCitedSession, parseMeasure, sessionKeyOf, statuteCitation, type MeasureCitation } from './names.js';
import { readPlace, unitHolds } from './places.js';
import { holderOf, OVERRIDE_SAYS } from './reports.js';
import { billResult, citationSnippets, fullText, noResults, QUICK, sectionResult, withLawsFolded, type BillFilter } from './search-text.js';
import { FILTER_KEYS, type BillRow, type SearchAnswer, type SearchFilters, type SearchPage, type SearchResult } from './types.js';

export { MARK_END, MARK_START, matchesListed } from './search-text.js';

/** A list of values a column is one of (`oneOf`). */
type SqlInList = ReturnType<typeof oneOf>;

/** What a search takes: the longest query, the most results a page, the deepest page (each page ranks all before it). */
export const SEARCH_BOUNDS = { query: 200, limit: 100, offset: 1000 } as const;
/** Most phrases of a full-text query; the rest are ignored. */
const MAX_PHRASES = 16;

/**
 * The page of results `page` asks for, and how many there are in all. `generation`: the data's generation
 * the caller keeps the answer for only if its own read finds it (the server's pages): the thread's caches of
 * that generation are trusted without reading it again (term-rank.ts).
 */
export async function searchStore(db: Dialect, raw: string, filters: SearchFilters, page: SearchPage, generation?: string): Promise<SearchAnswer> {
  return (await answer(db, raw, filters, page, false, generation))!;
}

/**
 * The same when it is quick — a citation (index lookups), or a few words the term index ranks, a page
 * of at most 25 — else undefined: the caller runs `searchStore` where a slow search holds up nothing.
 */
export function quickSearch(db: Dialect, raw: string, filters: SearchFilters, page: SearchPage, generation?: string): Promise<SearchAnswer | undefined> {
  return answer(db, raw, filters, page, true, generation);
}

/** Whether a search is narrowed by a filter: a session, a house, a status, a code or an author. */
function isFiltered(filters: SearchFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key]);
}

/** Whether law sections are among the results: not where a filter only bills have is given (a code narrows both). */
function listsSections(filters: SearchFilters): boolean {
  return !filters.house && !filters.status && !filters.session && !filters.author;
}

/**
 * Whether a search may be quick, from its words alone: no filter, a page of at most 25, at most four
 * words and no quotes. (Whether it is, the term index says: `quickSearch`.)
 */
export function mayBeQuick(raw: string, filters: SearchFilters, page: SearchPage): boolean {
  const words = raw.trim().split(/\s+/);
  return !isFiltered(filters) && page.limit <= QUICK.limit && words.length <= QUICK.words && !raw.includes('"');
}

async function answer(db: Dialect, raw: string, filters: SearchFilters, page: SearchPage, quick: boolean, generation: string | undefined): Promise<SearchAnswer | undefined> {
  const query = raw.replace(/[\u0000-\u001f]/g, ' ').trim().slice(0, SEARCH_BOUNDS.query);
  const bounded = { limit: Math.min(Math.max(1, page.limit), SEARCH_BOUNDS.limit), offset: Math.min(Math.max(0, page.offset), SEARCH_BOUNDS.offset) };
  const where = billFilters(filters);
  if (!query) return filters.author ? filteredBills(db, where, bounded) : noResults();
  // A citation is answered by index lookups; full text only when it finds nothing.
  const cited = await citationResults(db, query, filters, where, bounded);
  if (cited) return cited;
  const match = db.kind === 'sqlite' ? ftsQuery(query) : query;
  if (!match) return noResults();
  const sectionsToo = listsSections(filters);
  const code = filters.code ? codeTyped(filters.code) ?? filters.code.trim() : undefined;
  return fullText(db, match, query, where, sectionsToo && { ...(code ? { code } : {}) }, bounded, quick, generation);
}

/** No words but an author (and any other filter): the bills the filters keep, newest session first, then by type and number. */
async function filteredBills(db: Dialect, where: BillFilter, page: SearchPage): Promise<SearchAnswer> {
  const [counted] = await db.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM bills b WHERE 1 = 1${where.sql}`, where.params);
  const total = Number(counted?.n ?? 0);
  const rows = await db.all<BillRow>(
    `SELECT ${billColumns('b')} FROM bills b WHERE 1 = 1${where.sql} ORDER BY ${newestSessionFirst('b.session')}, b.measure_type, b.measure_num, b.id LIMIT ? OFFSET ?`,
    [...where.params, page.limit, page.offset],
  );
  return { results: withLawsFolded(rows.map((b) => billResult(b, b.title)), rows), total, bills: total, sections: 0, rankedBills: 0, rankedSections: 0, by: 'filters' };
}

/**
 * What a query cites, read before any full text: a law's citation in the statutes ("130 Stat. 615",
 * "Stats. 2025, ch. 623": `statute`), a bill's citation ("AB 1656", `measure`), a section's
 * ("Penal Code 1050", or its bare number, "7284.6", its dash the hyphen it is filed with: `section`,
 * with its code where it names one), or neither (undefined). Every citation holds a number
 * (statuteCitation's, parseMeasure's, parseSectionCitation's and a bare number's patterns each need a digit): words alone
 * skip the parsers, whose regular expressions, made at each call, were 1-3% of a search of words.
 */
function readCitation(query: string): { measure?: MeasureCitation; statute?: string; section?: { code?: string; number: string } } | undefined {
  if (!/[0-9]/.test(query)) return undefined;
  // A law by its citation in the statutes ("130 Stat. 615", "Stats. 2025, ch. 623").
  const statute = statuteCitation(query);
  if (statute) return { statute };
  const measure = parseMeasure(query);
  const cited = parseSectionCitation(query);
  const plain = cited ? undefined : normalizeSectionNumber(query);
  const section = cited ?? (plain !== undefined && BARE_SECTION_NUMBER.test(plain) ? { number: plain } : undefined);
  return measure || section ? { ...(measure ? { measure } : {}), ...(section ? { section } : {}) } : undefined;
}

/** What a query cites (`readCitation`'s reading): a bill, else a law by its citation in the statutes, else a section, else neither. */
const kindCited = (cited: ReturnType<typeof readCitation>) => (cited?.measure ? 'bill' : cited?.statute ? 'statute' : cited?.section ? 'section' : undefined);

/**
 * What a search that found nothing says after "Nothing found for “…”", as the pages and the command
 * line say it: what the database lacks where the query cites a bill or a section (and, for a bill, how
 * many sessions it holds, `sessions`); else "with these filters" where there are some; else nothing.
 */
export function whyNothingFound(query: string, filters: SearchFilters, sessions: number): { note?: string; filtered: boolean } {
  const filtered = isFiltered(filters);
  const cited = readCitation(query);
  switch (kindCited(cited)) {
    case 'bill':
      return {
        note: filtered ? 'no bill of that number matches the filters' : `no bill of that number is in the database, which holds the bills of ${sessions.toLocaleString('en-US')} session${sessions === 1 ? '' : 's'} (billdiff import brings in others)`,
        filtered,
      };
    case 'statute':
      return { note: filtered ? 'no law so cited matches the filters' : `no law cited ${cited!.statute} is in the database (billdiff import brings in others)`, filtered };
    case 'section': {
      // The section as it was read ("W&I 5150": Welfare and Institutions Code § 5150), where the query names its code.
      const { code, number } = cited!.section!;
      const which = code ? `no ${sectionName(code, normalizeSectionNumber(number))}` : 'no such section';
      return { note: `the database holds ${which}, and no bill${filtered ? ' matching the filters' : ' in it'} touches ${code ? 'it' : 'one'}`, filtered };
    }
    default:
      return { filtered };
  }
}

/**
 * A bill by citation ("AB 1656", "hr1-119"); a section by citation ("Penal Code 1050", "GOV 7284.6")
 * or by its bare number ("7284.6"), then the bills that touch it, newest first, each with a snippet
 * from its text where the number stands. Undefined when the query cites nothing the database has.
 */
async function citationResults(db: Dialect, query: string, filters: SearchFilters, where: BillFilter, page: SearchPage): Promise<SearchAnswer | undefined> {
  const citation = readCitation(query);
  if (!citation) return undefined;
  const { measure, statute, section } = citation;
  if (statute) {
    const rows = await db.all<BillRow>(`SELECT ${billColumns('b')} FROM bills b WHERE b.statute = ?${where.sql} ORDER BY b.id`, [statute, ...where.params]);
    return rows.length ? { results: rows.slice(page.offset, page.offset + page.limit).map((b) => billResult(b, b.title)), total: rows.length, bills: rows.length, sections: 0, rankedBills: 0, rankedSections: 0, by: 'citation' } : undefined;
  }
  if (measure) {
    const sessions = citedSessions(measure, 'b.session');
    const rows = ofCitedSession(
      measure,
      await db.all<BillRow>(
        `SELECT ${billColumns('b')} FROM bills b WHERE b.measure_type = ? AND b.measure_num = ? AND b.jurisdiction IN (${measure.jurisdictions.map(() => '?').join(', ')})${sessions.sql}${where.sql} ORDER BY ${newestSessionFirst('b.session')}`,
        [measure.type, measure.number, ...measure.jurisdictions, ...sessions.params, ...where.params],
      ),
    );
    if (rows.length) return { results: rows.slice(page.offset, page.offset + page.limit).map((b) => billResult(b, b.title)), total: rows.length, bills: rows.length, sections: 0, rankedBills: 0, rankedSections: 0, by: 'citation' };
  }
  if (!section) return undefined;
  // A bare number ("7284.6", "§ 1395w–4") is of the code the filter names, if any.
  const code = section.code ?? (filters.code ? codeTyped(filters.code) ?? filters.code.trim() : undefined);
  const number = section.number;
  const params: SqlValue[] = code ? [number, code] : [number];
  const sections: SearchResult[] = [];
  const sectionIs = `vs.section = ?${code ? ' AND vs.code = ?' : ''}`;
  // Bills that repeal or override a whole unit (places.ts): the units of the codes that hold the section, by
  // the partial index on version_sections (code, unit), each with its bill and the place of the section it
  // begins with (as `place`). Kept below where the unit holds the section (`unitHolds`, as its page does).
  const units = `SELECT 3 AS kind, vs.code, vs.unit AS number, vs.version_id AS heading, (SELECT v.bill_id FROM versions v WHERE v.id = vs.version_id) AS text,
         CASE WHEN vs.relation = 'repeals' THEN 1 ELSE 0 END AS n, vs.override AS o, c.place
    FROM version_sections vs JOIN law_sections c ON c.code = vs.code AND c.number = vs.section
   WHERE ${WHOLE_UNIT_TOUCH} AND vs.code IN (SELECT code FROM law_sections WHERE number = ?${code ? ' AND code = ?' : ''} AND place IS NOT NULL)`;
  // The ranges of sections bills cite ("Sections 290 through 290.024, inclusive"), each once (as `number`
  // and `heading`), of the code named; else of the codes that hold the section, or of every code when none
  // holds it (PostgreSQL tests that once, and reads no range for a section it holds). Kept below where
  // the section falls between their ends (`rangeHolds`).
  const rangeColumns = 'SELECT 4 AS kind, r.code, r.section AS number, r.through AS heading, NULL AS text, 0 AS n, 0 AS o, NULL AS place FROM section_ranges r';
  const ranges = code
    ? `${rangeColumns} WHERE r.code = ?`
    : `${rangeColumns} WHERE r.code IN (SELECT code FROM law_sections WHERE number = ?)
        UNION ALL ${rangeColumns} WHERE NOT EXISTS (SELECT 1 FROM law_sections WHERE number = ?)`;
  const rangeParams = code ? [code] : [number, number];
  const touchingOf = (also: SqlInList | undefined) =>
    `SELECT v.bill_id, MAX(v.date) AS date FROM version_sections vs JOIN versions v ON v.id = vs.version_id WHERE ${also ? `(${sectionIs}) OR ${also.sql}` : sectionIs} GROUP BY v.bill_id`;
  const countingOf = (also: SqlInList | undefined) => `SELECT COUNT(*) AS n FROM bills b JOIN (${touchingOf(also)}) t ON t.bill_id = b.id WHERE 1 = 1${where.sql}`;
  // Unfiltered, the same by each version's bill (a version's bill is in bills): no join to plan.
  const touchingCount = `SELECT COUNT(DISTINCT (SELECT v.bill_id FROM versions v WHERE v.id = vs.version_id)) AS n FROM version_sections vs WHERE ${sectionIs}`;
  /**
   * A row of the statement below, by `kind`: 0 a law section (its place); 1 a code's bills that touch a
   * section it lacks (`n` bills, `o` overriding); 2 the bills counted (`n`); 3 a unit (`number` its name,
   * `heading` the version, `text` its bill, `n` 1 for a repeal, `o` the override, `place` its first
   * section's); 4 a range (`number` and `heading` its ends).
   */
  type Row = { kind: number; code: string; number: string; heading: string; text: string; n: number; o: number; place: string | null };
  let rows: Row[];
  const sectionsListed = listsSections(filters);
  if (sectionsListed) {
    // The section in each code that has it, then those only bills touch (their text is not in the
    // database; with how many bills touch each, and how many of them would override it), the bills that
    // touch it, and the units: one statement (on PostgreSQL one round trip where there were four).
    // Unfiltered, the bills counted by each version's bill (touchingCount): PostgreSQL plans the
    // statement once for any number, where with the joins it planned it anew at each search (0.2 ms).
    rows = await db.all<Row>(
      `SELECT 0 AS kind, code, number, heading, substr(text, 1, 240) AS text, 0 AS n, 0 AS o, place FROM law_sections WHERE number = ?${code ? ' AND code = ?' : ''}
        UNION ALL SELECT 1 AS kind, code, NULL, NULL, NULL, COUNT(DISTINCT bill_id), COUNT(DISTINCT CASE WHEN override > 0 THEN bill_id END), NULL
          FROM (SELECT vs.code, vs.override, (SELECT v.bill_id FROM versions v WHERE v.id = vs.version_id) AS bill_id FROM version_sections vs WHERE ${sectionIs}) d GROUP BY code
        UNION ALL SELECT 2 AS kind, NULL, NULL, NULL, NULL, n, 0, NULL FROM (${where.sql ? countingOf(undefined) : touchingCount}) c
        UNION ALL ${units}
        UNION ALL ${ranges}
        ORDER BY kind, code`,
      [...params, ...params, ...params, ...where.params, ...params, ...rangeParams],
    );
    const held = rows.filter((r) => Number(r.kind) === 0);
    for (const s of held) sections.push(sectionResult(s.code, s.number, s.heading, s.text));
    for (const t of rows) if (Number(t.kind) === 1 && !held.some((s) => s.code === t.code)) sections.push(sectionResult(t.code, number, '', notHeld(Number(t.n), Number(t.o))));
  } else {
    // Filtered, no section is listed: the places of the sections, the units, and the bills counted.
    rows = await db.all<Row>(
      `SELECT 0 AS kind, code, number, NULL AS heading, NULL AS text, 0 AS n, 0 AS o, place FROM law_sections WHERE number = ?${code ? ' AND code = ?' : ''} AND place IS NOT NULL
        UNION ALL SELECT 2 AS kind, NULL, NULL, NULL, NULL, n, 0, NULL FROM (${countingOf(undefined)}) c
        UNION ALL ${units}
        UNION ALL ${ranges}
        ORDER BY kind, code`,
      [...params, ...params, ...where.params, ...params, ...rangeParams],
    );
  }
  const places = new Map(rows.filter((r) => Number(r.kind) === 0).map((r) => [r.code, readPlace(r.place)]));
  // How each bill that touches the section by a unit or a range says so: its relation, override and what holds the section.
  const holders: Array<{ version: string; bill: string; code: string; relation: 'repeals' | 'cites'; override: number; holder: ReturnType<typeof holderOf> }> = [];
  for (const r of rows) {
    if (Number(r.kind) === 3 && unitHolds(r.number, readPlace(r.place), places.get(r.code))) {
      holders.push({ version: r.heading, bill: r.text, code: r.code, relation: Number(r.n) === 1 ? 'repeals' : 'cites', override: Number(r.o), holder: holderOf({ unit: r.number }) });
    }
  }
  const inRanges = rows.filter((r) => Number(r.kind) === 4 && rangeHolds(r.code, r.number, r.heading, number));
  if (inRanges.length) {
    // The versions citing them (the rare search that has some: a second statement).
    const which = inRanges.map(() => '(vs.code = ? AND vs.section = ? AND vs.through = ?)').join(' OR ');
    const citing = await db.all<{ version_id: string; bill_id: string; code: string; section: string; through: string; relation: string; override: number }>(
      `SELECT vs.version_id, (SELECT v.bill_id FROM versions v WHERE v.id = vs.version_id) AS bill_id, vs.code, vs.section, vs.through, vs.relation, vs.override FROM version_sections vs WHERE ${which}`,
      inRanges.flatMap((r) => [r.code, r.number, r.heading]),
    );
    for (const c of citing) {
      holders.push({ version: c.version_id, bill: c.bill_id, code: c.code, relation: c.relation === 'repeals' ? 'repeals' : 'cites', override: Number(c.override), holder: holderOf({ range: { from: c.section, through: c.through } }) });
    }
    // A section the database lacks that only a range names is listed too, as one bills touch (a range holds only sections of its code).
    if (sectionsListed) {
      for (const rangeCode of new Set(citing.map((c) => c.code))) {
        if (places.has(rangeCode)) continue;
        const direct = await db.all<{ bill_id: string; override: number }>(
          'SELECT (SELECT v.bill_id FROM versions v WHERE v.id = vs.version_id) AS bill_id, vs.override FROM version_sections vs WHERE vs.section = ? AND vs.code = ?',
          [number, rangeCode],
        );
        const touching = [...direct.map((d) => ({ bill: d.bill_id, override: Number(d.override) })), ...holders.filter((h) => h.code === rangeCode)];
        const overriding = new Set(touching.filter((t) => t.override > 0).map((t) => t.bill)).size;
        const result = sectionResult(rangeCode, number, '', notHeld(new Set(touching.map((t) => t.bill)).size, overriding));
        const at = sections.findIndex((r) => r.id === result.id);
        if (at >= 0) sections[at] = result;
        else sections.push(result);
      }
    }
  }
  let billCount = Number(rows.find((r) => Number(r.kind) === 2)?.n ?? 0);
  // The versions that repeal, override or cite a unit or a range holding it are bills touching it too:
  // counted again with them (the rare search that has them; the others' statement stays the one above).
  const also = holders.length ? oneOf(db.kind, 'vs.version_id', [...new Set(holders.map((h) => h.version))]) : undefined;
  if (also) billCount = Number((await db.get<{ n: number }>(countingOf(also), [...params, ...also.params, ...where.params]))?.n ?? 0);
  if (!sections.length && !billCount) return undefined;
  const first = Math.max(0, page.offset - sections.length);
  const wanted = Math.max(0, page.offset + page.limit - sections.length) - first;
  // No bill past those of the pages before: none read (a sort of nothing, 25 µs on SQLite).
  const bills = wanted && billCount > first
    ? await db.all<BillRow & { key: number }>(
        `SELECT ${billColumns('b')}, b.key FROM bills b JOIN (${touchingOf(also)}) t ON t.bill_id = b.id WHERE 1 = 1${where.sql} ORDER BY ${newestSessionFirst('b.session')}, t.date IS NULL, t.date DESC, b.measure LIMIT ? OFFSET ?`,
        [...params, ...(also?.params ?? []), ...where.params, wanted, first],
      )
    : [];
  const snippets = await citationSnippets(db, ftsQuery(number), number, bills.map((b) => ({ owner: 'bill' as const, key: b.key })));
  // A bill whose text does not name the section says how it touches it: the unit it repeals or
  // overrides, the range it cites (a repeal first, then an override).
  const says = new Map<string, { rank: number; snippet: string }>();
  for (const h of holders) {
    const rank = h.relation === 'repeals' ? 2 : h.override ? 1 : 0;
    if (h.holder && rank >= (says.get(h.bill)?.rank ?? -1)) says.set(h.bill, { rank, snippet: holderSnippet(h.holder, h.relation, h.override) });
  }
  for (let i = 0; i < bills.length; i++) if (!snippets[i]) snippets[i] = says.get(bills[i]!.id)?.snippet ?? '';
  return {
    results: [...sections.slice(page.offset, page.offset + page.limit), ...withLawsFolded(bills.map((b, i) => billResult(b, snippets[i] ?? '')), bills)],
    total: sections.length + billCount,
    bills: billCount,
    sections: sections.length,
    rankedBills: 0,
    rankedSections: 0,
    by: 'citation',
  };
}

/**
 * The snippet of a bill that repeals, overrides (by `override`'s words) or cites the whole unit or the
 * range (`holderOf`) holding the section searched for.
 */
export function holderSnippet(held: { note: string; holder: string }, relation: 'repeals' | 'cites', override: number): string {
  const words = overrideWords(override);
  if (relation === 'repeals') return `Repeals ${held.note}.`;
  return words ? `Would override it: ${OVERRIDE_SAYS[words].note(false, held.holder)}.` : `Cites ${held.note}.`;
}

/** The snippet of a section the database lacks, which `bills` bills touch, `overriding` of them citing it to override it. */
export function notHeld(bills: number, overriding: number): string {
  const touch = bills === 1 ? '1 bill touches' : `${bills} bills touch`;
  const override =
    overriding === 0 ? '' : bills === 1 ? ', and would override it' : overriding < bills ? `, ${overriding} of them would override it` : bills === 2 ? ', both would override it' : ', all would override it';
  return `Not in the database; ${touch} it${override}.`;
}

/** SQL (on `bills b`) for the filters, and its parameters. */
function billFilters(filters: SearchFilters): BillFilter {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (filters.session) {
    parts.push('b.session = ?');
    params.push(sessionKeyOf(filters.session) ?? filters.session.trim());
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
    const code = codeTyped(filters.code) ?? filters.code.trim();
    parts.push('EXISTS (SELECT 1 FROM version_sections fs JOIN versions fv ON fv.id = fs.version_id WHERE fv.bill_id = b.id AND fs.code = ?)');
    params.push(code);
  }
  if (filters.author) {
    // By the index on version_authors (name): any version of the bill naming them.
    const names = filters.authorNames ?? [filters.author.trim()];
    parts.push(`EXISTS (SELECT 1 FROM version_authors fa JOIN versions fv ON fv.id = fa.version_id WHERE fv.bill_id = b.id AND fa.name IN (${names.map(() => '?').join(', ')}))`);
    params.push(...names);
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

