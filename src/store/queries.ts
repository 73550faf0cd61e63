/**
 * What the pages, the API and the CLI read: bills, their versions and history, law sections and
 * the bills touching them, sessions. Every query is parameterised; results are plain rows.
 */
import zlib from 'node:zlib';
import type { PendingTouch } from './contests.js';
import { authorsBy, readBillPage, SUMMARY_COLUMNS as SUMMARY_COLUMN_LIST, touchesByVersion, type AuthorRow, type BillPageRows, type TouchRow } from './bill-page.js';
import { compareCodeUnits, compareCodes, compareSectionNumbers, compareSections, rangeHolds } from './codes.js';
import { billColumns, WHOLE_UNIT_TOUCH } from './columns.js';
import { allOf, type Dialect } from './dialect.js';
import { citedSessions, compareSessions, newestSessionFirst, ofCitedSession, type MeasureCitation } from './names.js';
import { readPlace, unitHolds, type Place } from './places.js';
import { searchStore } from './search.js';
import type { BillRow, HistoryRow, LawSectionRow, SearchAnswer, SearchFilters, SearchPage, SectionBill, SectionRelation, SectionTouch, VersionRow, VersionSummary } from './types.js';
import type { Author, AuthorRole } from '../types.js';
import { leadsOf } from './leads.js';
import type { AuthorMatch } from './authors.js';
import type { NamedBill, NamedSection } from './named.js';
import { lawsWithTheirBills } from './enacted.js';

const SUMMARY_COLUMNS = SUMMARY_COLUMN_LIST.join(', ');

/** Of the bills whose latest versions touch a section, those that contest it: pending, and amending or repealing it. */
const contestedOf = <T extends SectionBill>(bills: T[]): T[] => bills.filter((b) => b.pending === 1 && b.relation !== 'adds');

/**
 * How strongly a relation ties a bill to a section: a bill that amends a section and cites it, amends
 * it; one that amends it and repeals one of its versions ("Section 54953 …, as added by Section 3 of
 * Chapter 285 of the Statutes of 2022, is repealed": AB 557, Stats. 2023, ch. 534) amends it, as the
 * contests count it (contests.ts); one that repeals it and adds it anew repeals it.
 */
const RELATION_ORDER: SectionRelation[] = ['amends', 'repeals', 'adds', 'cites'];

export interface SessionInfo {
  jurisdiction: string;
  session: string;
  bills: number;
  versions: number;
}

/** A bill as a session's list gives it. */
export interface SessionBill {
  id: string;
  measure: string;
  title: string;
  status: string | null;
  /** Its latest version's name (`amended-senate`), stage (`Amended in Senate`) and date, when known. */
  latest_name: string | null;
  latest_stage: string | null;
  latest_date: string | null;
  /** Who brings it (leads.ts: `leadsOf`). */
  leads: string | null;
}

/**
 * A bill of a session that names an author, as their page lists it: the newest version that names them
 * (their `role` there), the bill's latest version, and whether the newest version naming any authors
 * still names them (`still`: AB 831's introduced version named Assembly Member Ramos, its later ones
 * Assembly Member Valencia).
 */
export interface AuthorBill extends Omit<SessionBill, 'leads'> {
  role: AuthorRole;
  house: string | null;
  committee: boolean;
  version_name: string;
  version_stage: string;
  version_date: string | null;
  still: boolean;
}

/** One section and the bills of a session that touch it. */
export interface SectionActivity {
  code: string;
  section: string;
  bills: ActiveBill[];
}

/**
 * A bill of a session that touches a section, and the law that enacted it where the law touches the
 * section too (`law`): one measure, counted once, in the place of the first of the two.
 */
export type ActiveBill = SectionBill & { law?: { bill_id: string; measure: string } };

export interface SessionReport {
  gutAndAmends: Array<VersionSummary & { measure: string; bill_title: string; previous_title: string | null }>;
  mostAmended: SectionActivity[];
  /** Sections that two or more pending bills amend. */
  contested: SectionActivity[];
  /** The session's bills still pending (none once a later session is in the database). */
  pending: number;
}

export interface Queries {
  /** Changes whenever an import commits: caches keyed on it never go stale. */
  generation(): Promise<string>;
  bill(id: string): Promise<BillRow | undefined>;
  billsByMeasure(citation: MeasureCitation): Promise<BillRow[]>;
  /** Which of the bills `ids` the database holds (`heldBills`). */
  heldBills(ids: Iterable<string>): Promise<Set<string>>;
  versions(billId: string): Promise<VersionSummary[]>;
  /** A version by its id or its corpus id, with its bytes. */
  version(id: string): Promise<VersionRow | undefined>;
  history(billId: string): Promise<HistoryRow[]>;
  /** The sections each version of a bill touches, by version id. */
  touches(billId: string): Promise<Map<string, SectionTouch[]>>;
  /** What a bill's page reads, in one statement (bill-page.ts). */
  billPage(id: string): Promise<BillPageRows | undefined>;
  lawSection(code: string, number: string): Promise<(LawSectionRow & { content: Uint8Array }) | undefined>;
  /** Which of these sections the database holds (by `CODE NUMBER`), with their corpus ids: one query. */
  lawSectionsHeld(sections: Array<{ code: string; section: string }>): Promise<Map<string, { corpus_id: string | null }>>;
  /** Every bill touching the section: for each, the newest version that does. Newest first. */
  sectionBills(code: string, number: string): Promise<SectionBill[]>;
  /** The bills whose latest version amends or repeals the section and that are pending, newest first: as a session's contested sections list them. */
  sectionContest(code: string, number: string): Promise<SectionBill[]>;
  sessions(): Promise<SessionInfo[]>;
  /** Every bill of a session, by type and number (AB 1, AB 2, … SB 1): what its page lists, a page at a time. */
  sessionBills(jurisdiction: string, session: string): Promise<SessionBill[]>;
  /** The bills of a session any version of which names `name` as an author, by type and number (AuthorBill). */
  authorBills(jurisdiction: string, session: string, name: string): Promise<AuthorBill[]>;
  /** Every author the versions name, once for each session they brought bills in (with how many), newest session first. */
  authorNames(): Promise<AuthorMatch[]>;
  /** Every short title the versions give, with its bill, newest session first, then by type and number, a bill's in the order its versions give them: what `NameIndex` is made of. */
  billNames(): Promise<NamedBill[]>;
  /** Every name a law section gives its unit or act, in the codes' order (`compareSections`), a section's in the order it gives them. */
  sectionNames(): Promise<NamedSection[]>;
  /** Every section pending bills amend or repeal in their latest versions, with each bill: what `Contests` is made of. */
  pendingTouches(): Promise<PendingTouch[]>;
  /**
   * The lead authors (`LEAD_ROLES`) of each of the bills `ids` that names any, as the bill's latest
   * version naming any authors names them (the bill page's), in its order: what a list of bills names beside each.
   */
  leadAuthors(ids: Iterable<string>): Promise<Map<string, Author[]>>;
  /** Every code the database holds sections of, with how many. */
  codes(): Promise<Array<{ code: string; sections: number }>>;
  /** The sections of a code the database holds, with their headings, in the code's order. */
  codeSections(code: string): Promise<Array<{ number: string; heading: string; place: string | null }>>;
  /** The headings of a code's units (`law_units`) by their stored places: every one, or those of `places`. */
  unitHeadings(code: string, places?: string[]): Promise<Map<string, string>>;
  sessionReport(jurisdiction: string, session: string, limit?: number): Promise<SessionReport>;
  /** A page of results (20 from the first by default) and how many there are in all. */
  search(query: string, filters?: SearchFilters, page?: Partial<SearchPage>, signal?: AbortSignal): Promise<SearchAnswer>;
  counts(): Promise<{ bills: number; versions: number; sections: number; imports: number }>;
  /** `limit` bills (ids) and law sections, every n-th imported so that they span the database: what a server's warm-up renders. */
  samples(limit: number): Promise<{ bills: string[]; sections: Array<{ code: string; number: string }> }>;
}

/** The columns of a `SectionBill` row (and its code, section and version's place), `section` the section it is a row of. */
function sectionBillColumns(section = 'vs.section'): string {
  return `vs.code, ${section} AS section, vs.relation, vs.override, vs.unit, vs.joint, CASE WHEN vs.through IS NULL THEN NULL ELSE vs.section END AS range_from, vs.through, v.id AS version_id, v.name AS version_name, v.stage AS version_stage, v.date AS version_date, v.corpus_id, v.seq,
              b.id AS bill_id, b.measure, b.jurisdiction, b.session, b.title, b.status, b.pending`;
}

/** Which of the bills `ids` the database holds: one statement (none for no id). */
export async function heldBills(db: Dialect, ids: Iterable<string>): Promise<Set<string>> {
  return new Set((await allOf<{ id: string }>(db, 'SELECT id FROM bills', 'id', ids)).map((b) => b.id));
}

export function createQueries(db: Dialect): Queries {
  const sectionBillsOf = async (where: string, params: Array<string | number>): Promise<Array<SectionBill & { code: string; section: string; seq: number }>> =>
    db.all(
      `SELECT ${sectionBillColumns()}
         FROM version_sections vs JOIN versions v ON v.id = vs.version_id JOIN bills b ON b.id = v.bill_id
        WHERE ${where}`,
      params,
    );
  /** Keeps, for each bill and section, the newest version's strongest relation. */
  const newestPerBill = <T extends SectionBill & { code: string; section: string; seq: number }>(rows: T[]): T[] => {
    const best = new Map<string, T>();
    for (const row of rows) {
      const key = `${row.code}\u0000${row.section}\u0000${row.bill_id}`;
      const held = best.get(key);
      if (!held || row.seq > held.seq || (row.seq === held.seq && RELATION_ORDER.indexOf(row.relation) < RELATION_ORDER.indexOf(held.relation))) best.set(key, row);
    }
    return [...best.values()].sort((a, b) => compareSessions(b.session, a.session) || (b.version_date ?? '').localeCompare(a.version_date ?? '') || a.measure.localeCompare(b.measure));
  };
  /**
   * Every bill touching the section, as `sectionBillsOf` reads them, and those that repeal or override a
   * whole unit holding it (`places.ts`), as rows of the section (a unit only cited is listed on the page of
   * the section it begins with, not on every one of its sections): the units of its code that bills repeal
   * or cite (few, by a partial index), each with the place of the section it begins with and the section's own, kept where
   * the unit holds the section. One statement: one round trip on PostgreSQL. Then those that cite a range
   * of sections holding it ("Sections 290 through 290.024, inclusive"): the code's ranges, each once
   * (`section_ranges`), and the bills of those between whose ends the section falls (a third statement
   * only then).
   */
  const sectionAndUnitBills = async (code: string, number: string): Promise<Array<SectionBill & { code: string; section: string; seq: number }>> => {
    const rows = await db.all<SectionBill & { code: string; section: string; seq: number; first: string | null; place: string | null }>(
      `SELECT ${sectionBillColumns()}, NULL AS first, NULL AS place
         FROM version_sections vs JOIN versions v ON v.id = vs.version_id JOIN bills b ON b.id = v.bill_id
        WHERE vs.code = ? AND vs.section = ?
       UNION ALL
       SELECT ${sectionBillColumns('s.number')}, c.place AS first, s.place
         FROM law_sections s JOIN version_sections vs ON vs.code = s.code AND ${WHOLE_UNIT_TOUCH}
         JOIN law_sections c ON c.code = vs.code AND c.number = vs.section
         JOIN versions v ON v.id = vs.version_id JOIN bills b ON b.id = v.bill_id
        WHERE s.code = ? AND s.number = ? AND s.place IS NOT NULL`,
      [code, number, code, number],
    );
    const out: Array<SectionBill & { code: string; section: string; seq: number }> = [];
    for (const { first, place, ...row } of rows) if (first === null || (row.unit !== null && unitHolds(row.unit, readPlace(first), readPlace(place)))) out.push(row);
    const ranges = (await db.all<{ section: string; through: string }>('SELECT section, through FROM section_ranges WHERE code = ?', [code])).filter((r) =>
      rangeHolds(code, r.section, r.through, number),
    );
    if (ranges.length) {
      const which = ranges.map(() => '(vs.section = ? AND vs.through = ?)').join(' OR ');
      const inRanges = await db.all<SectionBill & { code: string; section: string; seq: number }>(
        `SELECT ${sectionBillColumns()} FROM version_sections vs JOIN versions v ON v.id = vs.version_id JOIN bills b ON b.id = v.bill_id WHERE vs.code = ? AND (${which})`,
        [code, ...ranges.flatMap((r) => [r.section, r.through])],
      );
      // Rows of the section, as a unit's are.
      for (const row of inRanges) out.push({ ...row, section: number });
    }
    return out;
  };
  /** The places of sections of a code (`law_sections.place`), by number (`allOf`: so many a statement). */
  const placesOf = async (code: string, numbers: string[]): Promise<Map<string, Place>> => {
    const out = new Map<string, Place>();
    for (const row of await allOf<{ number: string; place: string | null }>(db, 'SELECT number, place FROM law_sections', 'number', numbers, ' AND code = ?', [code])) {
      const place = readPlace(row.place);
      if (place) out.set(row.number, place);
    }
    return out;
  };
  /**
   * A session's bills that repeal a whole unit or a range of sections, added to the other sections of it
   * the session's bills touch (`sections`, the session report's): a chapter repealed whole and a section
   * of it amended by another bill are two bills on one section. From the places of those sections, read
   * by code; a range's by their numbers.
   */
  const addUnitRepeals = async (rows: Array<SectionBill & { code: string; section: string; seq: number }>, sections: SectionActivity[]): Promise<void> => {
    const repeals = rows.filter((row) => row.relation === 'repeals' && row.unit);
    for (const code of new Set(repeals.map((row) => row.code))) {
      const inCode = sections.filter((s) => s.code === code);
      const ofCode = repeals.filter((row) => row.code === code);
      const places = await placesOf(code, [...inCode.map((s) => s.section), ...ofCode.map((row) => row.section)]);
      for (const row of ofCode) {
        for (const s of inCode) {
          if (s.section === row.section || s.bills.some((b) => b.bill_id === row.bill_id)) continue;
          if (unitHolds(row.unit!, places.get(row.section), places.get(s.section))) s.bills.push(strip({ ...row, section: s.section }));
        }
      }
    }
    for (const row of rows) {
      if (row.relation !== 'repeals' || !row.through) continue;
      for (const s of sections) {
        if (s.code === row.code && rangeHolds(row.code, row.section, row.through, s.section) && !s.bills.some((b) => b.bill_id === row.bill_id)) s.bills.push(strip({ ...row, section: s.section }));
      }
    }
  };
  const strip = <T extends { code: string; section: string; seq: number }>({ code: _c, section: _s, seq: _q, ...rest }: T) => rest;

  return {
    async generation() {
      return (await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'generation'"))?.value ?? '0';
    },
    async bill(id) {
      return db.get<BillRow>(`SELECT ${billColumns()} FROM bills WHERE id = ?`, [id]);
    },
    async billsByMeasure(c) {
      const jurisdictions = c.jurisdictions;
      const sessions = citedSessions(c, 'session');
      const rows = await db.all<BillRow>(
        `SELECT ${billColumns()} FROM bills WHERE measure_type = ? AND measure_num = ? AND jurisdiction IN (${jurisdictions.map(() => '?').join(', ')})${sessions.sql} ORDER BY ${newestSessionFirst('session')}`,
        [c.type, c.number, ...jurisdictions, ...sessions.params],
      );
      return ofCitedSession(c, rows);
    },
    heldBills: (ids) => heldBills(db, ids),
    async versions(billId) {
      return db.all<VersionSummary>(`SELECT ${SUMMARY_COLUMNS} FROM versions WHERE bill_id = ? ORDER BY seq, date, id`, [billId]);
    },
    async version(id) {
      const row = await db.get<VersionRow>(`SELECT ${SUMMARY_COLUMNS}, content, text FROM versions WHERE id = ? OR corpus_id = ? ORDER BY (id = ?) DESC`, [id, id, id]);
      if (row) row.content = zlib.inflateSync(row.content);
      return row;
    },
    async history(billId) {
      return db.all<HistoryRow>('SELECT * FROM history WHERE bill_id = ? ORDER BY date, seq, id', [billId]);
    },
    async touches(billId) {
      const rows = await db.all<TouchRow>(
        'SELECT vs.version_id, vs.code, vs.section, vs.relation, vs.override, vs.unit, vs.through, vs.joint FROM version_sections vs JOIN versions v ON v.id = vs.version_id WHERE v.bill_id = ?',
        [billId],
      );
      return touchesByVersion(rows);
    },
    billPage: (id) => readBillPage(db, id),
    async lawSection(code, number) {
      const row = await db.get<LawSectionRow & { content: Uint8Array }>(
        'SELECT code, number, source_id, heading, history, format, content_hash, text, corpus_id, names, place, content FROM law_sections WHERE code = ? AND number = ?',
        [code, number],
      );
      if (row) row.content = zlib.inflateSync(row.content);
      return row;
    },
    async lawSectionsHeld(sections) {
      if (!sections.length) return new Map();
      const rows = await db.all<{ code: string; number: string; corpus_id: string | null }>(
        `SELECT code, number, corpus_id FROM law_sections WHERE ${sections.map(() => '(code = ? AND number = ?)').join(' OR ')}`,
        sections.flatMap((s) => [s.code, s.section]),
      );
      return new Map(rows.map((r) => [`${r.code} ${r.number}`, { corpus_id: r.corpus_id }]));
    },
    async sectionBills(code, number) {
      return newestPerBill(await sectionAndUnitBills(code, number)).map(strip);
    },
    async sectionContest(code, number) {
      return contestedOf(newestPerBill(await sectionBillsOf("vs.code = ? AND vs.section = ? AND v.id = b.latest_version AND vs.relation <> 'cites'", [code, number])).map(strip));
    },
    async sessions() {
      // Counted at import (session_counts): the list is on every search page.
      return db.all<SessionInfo>(`SELECT jurisdiction, session, bills, versions FROM session_counts ORDER BY jurisdiction, ${newestSessionFirst('session')}`);
    },
    async sessionBills(jurisdiction, session) {
      // By the index on (jurisdiction, session); a session's few thousand bills sorted here.
      return db.all<SessionBill>(
        `SELECT b.id, b.measure, b.title, b.status, b.leads, v.name AS latest_name, v.stage AS latest_stage, v.date AS latest_date
           FROM bills b LEFT JOIN versions v ON v.id = b.latest_version
          WHERE b.jurisdiction = ? AND b.session = ?
          ORDER BY b.measure_type, b.measure_num, b.id`,
        [jurisdiction, session],
      );
    },
    async authorBills(jurisdiction, session, name) {
      // By the index on version_authors (name); a bill's versions naming them, the newest kept.
      const rows = await db.all<Omit<AuthorBill, 'still' | 'committee'> & { committee: number; seq: number; named_seq: number; measure_type: string; measure_num: number }>(
        `SELECT b.id, b.measure, b.title, b.status, b.measure_type, b.measure_num, a.role, a.house, a.committee, v.seq, v.name AS version_name, v.stage AS version_stage, v.date AS version_date,
                lv.name AS latest_name, lv.stage AS latest_stage, lv.date AS latest_date,
                (SELECT MAX(nv.seq) FROM version_authors na JOIN versions nv ON nv.id = na.version_id WHERE nv.bill_id = b.id) AS named_seq
           FROM version_authors a JOIN versions v ON v.id = a.version_id JOIN bills b ON b.id = v.bill_id LEFT JOIN versions lv ON lv.id = b.latest_version
          WHERE a.name = ? AND b.jurisdiction = ? AND b.session = ?`,
        [name, jurisdiction, session],
      );
      const newest = new Map<string, (typeof rows)[number]>();
      for (const row of rows) if ((newest.get(row.id)?.seq ?? -1) < row.seq) newest.set(row.id, row);
      return [...newest.values()]
        .sort((a, b) => compareCodeUnits(a.measure_type, b.measure_type) || a.measure_num - b.measure_num || compareCodeUnits(a.id, b.id))
        .map((r) => ({
          id: r.id,
          measure: r.measure,
          title: r.title,
          status: r.status,
          latest_name: r.latest_name,
          latest_stage: r.latest_stage,
          latest_date: r.latest_date,
          role: r.role,
          house: r.house,
          committee: r.committee === 1,
          version_name: r.version_name,
          version_stage: r.version_stage,
          version_date: r.version_date,
          still: r.seq === r.named_seq,
        }));
    },
    async pendingTouches() {
      return db.all<PendingTouch>(
        `SELECT vs.code, vs.section, vs.relation, b.id AS bill_id, b.measure, b.measure_type, b.measure_num, v.id AS version_id, v.corpus_id
           FROM bills b JOIN versions v ON v.id = b.latest_version JOIN version_sections vs ON vs.version_id = v.id
          WHERE b.pending = 1 AND vs.relation IN ('amends', 'repeals')`,
      );
    },
    async sectionNames() {
      // By the index on the named sections alone (law_sections_names).
      const rows = await db.all<{ code: string; number: string; names: string }>('SELECT code, number, names FROM law_sections WHERE names IS NOT NULL');
      return rows
        .map((r) => ({ code: r.code, section: r.number, names: r.names }))
        .sort(compareSections)
        .flatMap((r) => r.names.split('\n').map((name): NamedSection => ({ kind: 'section', name, code: r.code, number: r.section })));
    },
    async billNames() {
      return db.all<NamedBill>(
        // Each name of a bill once (GROUP BY: PostgreSQL orders a DISTINCT only by what it selects).
        `SELECT 'bill' AS kind, n.name, b.id, b.measure, b.jurisdiction, b.session, b.enacts
           FROM version_names n JOIN versions v ON v.id = n.version_id JOIN bills b ON b.id = v.bill_id
          GROUP BY n.name, b.id, b.measure, b.jurisdiction, b.session, b.measure_type, b.measure_num, b.enacts
          ORDER BY ${newestSessionFirst('b.session')}, b.jurisdiction, b.measure_type, b.measure_num, b.id, MIN(n.seq), n.name`,
      );
    },
    async authorNames() {
      const rows = await db.all<Omit<AuthorMatch, 'committee' | 'bills'> & { committee: number; bills: number | string }>(
        `SELECT a.name, a.house, a.committee, b.jurisdiction, b.session, COUNT(DISTINCT b.id) AS bills
           FROM version_authors a JOIN versions v ON v.id = a.version_id JOIN bills b ON b.id = v.bill_id
          GROUP BY a.name, a.house, a.committee, b.jurisdiction, b.session
          ORDER BY ${newestSessionFirst('b.session')}, b.jurisdiction, a.name, a.house`,
      );
      return rows.map((r) => ({ name: r.name, house: r.house, committee: r.committee === 1, jurisdiction: r.jurisdiction, session: r.session, bills: Number(r.bills) }));
    },
    async leadAuthors(ids) {
      const rows = await allOf<{ id: string; leads: string }>(db, 'SELECT id, leads FROM bills', 'id', ids, ' AND leads IS NOT NULL');
      return new Map(rows.map((r) => [r.id, leadsOf(r.leads)]));
    },
    async codes() {
      const rows = await db.all<{ code: string; sections: number | string }>('SELECT code, COUNT(*) AS sections FROM law_sections GROUP BY code');
      return rows.map((r) => ({ code: r.code, sections: Number(r.sections) })).sort((a, b) => compareCodes(a.code, b.code));
    },
    async codeSections(code) {
      // By the unique index on (code, number); in the Legislature's order, which SQL cannot sort (12.10 after 12.9).
      const rows = await db.all<{ number: string; heading: string; place: string | null }>('SELECT number, heading, place FROM law_sections WHERE code = ?', [code]);
      return rows.sort((a, b) => compareSectionNumbers(a.number, b.number));
    },
    async unitHeadings(code, places) {
      // By the primary key (code, place).
      const rows =
        places === undefined
          ? await db.all<{ place: string; heading: string }>('SELECT place, heading FROM law_units WHERE code = ?', [code])
          : places.length
            ? await allOf<{ place: string; heading: string }>(db, 'SELECT place, heading FROM law_units', 'place', places, ' AND code = ?', [code])
            : [];
      return new Map(rows.map((r) => [r.place, r.heading]));
    },
    async sessionReport(jurisdiction, session, limit = 25) {
      const gutAndAmends = await db.all<VersionSummary & { measure: string; bill_title: string; previous_title: string | null }>(
        `SELECT ${SUMMARY_COLUMNS.split(', ').map((c) => `v.${c}`).join(', ')}, b.measure, b.title AS bill_title,
                (SELECT p.title FROM versions p WHERE p.bill_id = v.bill_id AND p.seq < v.seq ORDER BY p.seq DESC LIMIT 1) AS previous_title
           FROM versions v JOIN bills b ON b.id = v.bill_id
          WHERE b.jurisdiction = ? AND b.session = ? AND v.gut_and_amend = 1
          ORDER BY v.date DESC, b.measure`,
        [jurisdiction, session],
      );
      // Sections touched by each bill's latest version.
      const rows = newestPerBill(
        await sectionBillsOf("b.jurisdiction = ? AND b.session = ? AND v.id = b.latest_version AND vs.relation <> 'cites'", [jurisdiction, session]),
      );
      const bySection = new Map<string, SectionActivity>();
      for (const row of rows) {
        const key = `${row.code}\u0000${row.section}`;
        const entry = bySection.get(key) ?? { code: row.code, section: row.section, bills: [] };
        entry.bills.push(strip(row));
        bySection.set(key, entry);
      }
      const sections = [...bySection.values()];
      await addUnitRepeals(rows, sections);
      // A law and the bill it enacts, both of the session, are one measure on each section both touch.
      const enacts = new Map(
        (await db.all<{ id: string; enacts: string }>('SELECT id, enacts FROM bills WHERE jurisdiction = ? AND session = ? AND enacts IS NOT NULL', [jurisdiction, session])).map((r) => [r.id, r.enacts]),
      );
      if (enacts.size) for (const s of sections) s.bills = lawsWithTheirBills(s.bills, (b) => b.bill_id, (b) => enacts.get(b.bill_id), (bill, law) => ({ ...bill, law: { bill_id: law.bill_id, measure: law.measure } }));
      const mostAmended = sections
        .filter((s) => s.bills.length > 0)
        .sort((a, b) => b.bills.length - a.bills.length || compareSections(a, b))
        .slice(0, limit);
      const contested = sections
        .map((s) => ({ ...s, bills: contestedOf(s.bills) }))
        .filter((s) => s.bills.length >= 2)
        .sort((a, b) => b.bills.length - a.bills.length || compareSections(a, b));
      const pending = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM bills WHERE jurisdiction = ? AND session = ? AND pending = 1', [jurisdiction, session]))?.n ?? 0;
      return { gutAndAmends, mostAmended, contested, pending: Number(pending) };
    },
    async search(query, filters = {}, page = {}) {
      return searchStore(db, query, filters, { limit: page.limit ?? 20, offset: page.offset ?? 0 });
    },
    async counts() {
      const one = async (sql: string) => (await db.get<{ n: number }>(sql))?.n ?? 0;
      return {
        bills: await one('SELECT COUNT(*) AS n FROM bills'),
        versions: await one('SELECT COUNT(*) AS n FROM versions'),
        sections: await one('SELECT COUNT(*) AS n FROM law_sections'),
        imports: await one('SELECT COUNT(*) AS n FROM imports'),
      };
    },
    async samples(limit) {
      // Every step-th row, so that the sample spans the table, not only its first rows.
      const step = async (table: string) => Math.max(1, Math.floor(Number((await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0) / Math.max(1, limit)));
      const bills = await db.all<{ id: string }>('SELECT id FROM bills WHERE key % ? = 0 ORDER BY key LIMIT ?', [await step('bills'), limit]);
      const sections = await db.all<{ code: string; number: string }>('SELECT code, number FROM law_sections WHERE key % ? = 0 ORDER BY key LIMIT ?', [await step('law_sections'), limit]);
      return { bills: bills.map((b) => b.id), sections };
    },
  };
}
