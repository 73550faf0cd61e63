/**
 * The store's rows as plain data: what the importer writes and what the pages and the API read.
 */

import type { Author } from '../types.js';

/** A bill (a measure in one session), with its latest state. */
export interface BillRow {
  /** `ca-20252026-0-ab1656`, `us-119-hr1`. */
  id: string;
  jurisdiction: 'ca' | 'us' | string;
  /** `20252026-0`, `119`. */
  session: string;
  /** `AB 1656`. */
  measure: string;
  measure_type: string;
  measure_num: number;
  title: string;
  /** `Assembly`, `Senate`, `House`. */
  house: string | null;
  /** `In Floor Process`, `Chaptered`, `Vetoed`, … as the source gives it. */
  status: string | null;
  /** 1 while the bill may still become law. */
  pending: number;
  latest_version: string | null;
  updated: string | null;
  /** A federal bill enacted: the id of its law (`us-119-pl21`) when the database holds it. */
  enacted_as: string | null;
  /** A federal law: the id of the bill it enacted (`us-119-hr1`), as the law names it ("[H.R. 1]"). */
  enacts: string | null;
  /** Who brings it, as JSON (leads.ts: `leadsOf`); NULL for none. */
  leads: string | null;
  /**
   * Its citation in the statutes: a federal law's page of the Statutes at Large ("130 Stat. 615", as its
   * file gives it), a chaptered California bill's chapter ("Stats. 2025, ch. 623", from BILL_TBL).
   */
  statute: string | null;
}

/** What is known of a bill version without its text. */
export interface VersionSummary {
  id: string;
  bill_id: string;
  corpus_id: string | null;
  version_num: number | null;
  seq: number;
  /** `introduced`, `amended-senate-2025-07-16`: what `--from`/`--to` take. */
  name: string;
  /** `Introduced`, `Amended in Senate`. */
  stage: string;
  date: string | null;
  title: string;
  format: string;
  content_hash: string;
  marks: number;
  words: number;
  /** Words inserted and deleted against the version before (or, for a first version with marks, current law). */
  words_inserted: number | null;
  words_deleted: number | null;
  clauses_changed: number | null;
  /** `marks` (the Legislative Counsel's change marks), `aligner`, or `same` (the text did not change). */
  counted_by: string | null;
  /** The version the counts are against; `law` for current law. */
  against: string | null;
  gut_and_amend: number;
}

/** A version with its bytes (as imported) and plain text. */
export interface VersionRow extends VersionSummary {
  content: Uint8Array;
  text: string;
}

/** How a bill version touches a section. */
export type SectionRelation = 'amends' | 'adds' | 'repeals' | 'cites';

export interface SectionTouch {
  code: string;
  section: string;
  relation: SectionRelation;
  /**
   * A section cited as one the bill's words would prevail over, by the words that say so:
   * "Notwithstanding Section 7282.5 or 7284.6, law enforcement officials shall …" (`cites` only).
   */
  override?: OverrideWords;
  /**
   * A whole unit of the code that the bill repeals or cites, named by its kind and number, which begins
   * with this section: "Chapter 17.25 (commencing with Section 7284) of Division 7 of Title 1 of the
   * Government Code is repealed" touches GOV 7284 with the unit `Chapter 17.25`; "Notwithstanding the
   * rulemaking provisions of the Administrative Procedure Act (Chapter 3.5 (commencing with Section
   * 11340) …)" cites GOV 11340 with the unit `Chapter 3.5`, and overrides it. The page of every other
   * section the database places in a unit the bill repeals or overrides lists the bill too.
   */
  unit?: string;
  /**
   * The last section of a range the bill cites, which begins with this section: "Sections 290 through
   * 290.024, inclusive, of the Penal Code" cites PEN 290 `through` 290.024 (and 290.024 on its own).
   * The page of every section between them lists the bill too.
   */
  through?: string;
  /**
   * The other bills, by type and number ("SB 537"), whose amendments of the section the version
   * incorporates (`amends` only): double-jointed, it would not chapter out theirs, nor they its.
   */
  jointWith?: string[];
}

/**
 * The words by which a bill's text would prevail over a section it cites: "Notwithstanding Section
 * 7284.6, …", "without regard to section 6101 of title 41", "Section 1341 of title 31 … shall not
 * apply to …", "exempt from the requirements of section 553 of title 5". Stored in
 * `version_sections.override` as their place here plus one (0: none), so that a new one goes at the end.
 */
export const OVERRIDE_WORDS = ['notwithstanding', 'without regard to', 'shall not apply', 'exempt from'] as const;
export type OverrideWords = (typeof OVERRIDE_WORDS)[number];

export interface HistoryRow {
  bill_id: string;
  id: string;
  date: string | null;
  action: string;
  seq: number | null;
}

export interface LawSectionRow {
  code: string;
  number: string;
  source_id: string | null;
  heading: string;
  history: string;
  format: string;
  content_hash: string;
  text: string;
  corpus_id: string | null;
  /** The names it gives its unit or act, one a line (`LawSectionInput.names`); none: null. */
  names: string | null;
  /** Where its code places it (places.ts: `placeOf`); none: null. */
  place: string | null;
}

/** A bill (version) that touches a section, newest first on the section page. */
export interface SectionBill {
  bill_id: string;
  measure: string;
  jurisdiction: string;
  session: string;
  title: string;
  status: string | null;
  pending: number;
  version_id: string;
  version_name: string;
  version_stage: string;
  version_date: string | null;
  corpus_id: string | null;
  relation: SectionRelation;
  /** Where the bill cites the section as one it would prevail over ("Notwithstanding Section 7284.6, …"): `overrideColumn`'s number, else 0. */
  override: number;
  /** The unit the bill repeals or cites that holds the section (`Chapter 17.25`), where it repeals or cites a whole unit; else null. */
  unit: string | null;
  /** The ends of the range of sections the bill cites that holds the section (`290`, `290.024`), where it cites a range; else null. */
  range_from: string | null;
  through: string | null;
  /** The other bills whose amendments of the section the version incorporates ("AB 12, SB 537": `jointBills`), where it amends it double-jointed; else null. */
  joint: string | null;
}

/** Filters of a search: each narrows the results when given. */
export interface SearchFilters {
  /** A session key (`20252026-0`, `119`) or a name (`2025-26`). */
  session?: string;
  /** `assembly`, `senate`, `house`. */
  house?: string;
  /** `pending`, `chaptered`, or a status as the source gives it. */
  status?: string;
  /** A code (`PEN`, `Penal Code`, `usc54`). */
  code?: string;
  /** An author as a person names them (`Davies`, `Assembly Member Davies`, `Shuster`): the bills any version of which names them. */
  author?: string;
  /**
   * The names the database files `author` under, as the filter matches them (`readAuthorFilter`, from the
   * names a search finds: "Davies" → `Davies`; "Shuster" → `Mr. Shuster`). Absent: `author` as it is.
   */
  authorNames?: string[];
}

/** The filters a search takes, by the name the API, the search page and the command line give each. */
export const FILTER_KEYS = ['session', 'house', 'status', 'code', 'author'] as const;

export interface SearchResult {
  kind: 'bill' | 'section';
  /** The bill's key, or `PEN/1050` for a section. */
  id: string;
  title: string;
  /** Text around the words found, with the words between `\u0001` and `\u0002`. */
  snippet: string;
  url: string;
  /** For bills: the measure and session. */
  measure?: string;
  session?: string;
  /** For bills: the status the source gives (`In Floor Process`, `Chaptered`, `Enrolled`), when it gives one. */
  status?: string;
  /** For bills: who brings it (its lead authors or its sponsor, leads.ts), when its versions name them. */
  authors?: Author[];
  /**
   * For a bill: the public law that enacted it, where the same search found the law on the same page.
   * The two are one result (enacted.ts), in the place of the first of them, with the bill's snippet.
   */
  law?: { id: string; measure: string; url: string };
}

/** Which results of a search: `limit` of them from the `offset`-th (0-based). */
export interface SearchPage {
  limit: number;
  offset: number;
}

/** A page of results, and how many there are in all. */
export interface SearchAnswer {
  results: SearchResult[];
  /** Every match: bills and sections. */
  total: number;
  bills: number;
  sections: number;
  /** Of the matching bills and sections, how many were ranked: all of them, or (PostgreSQL) the newest so many. */
  rankedBills: number;
  rankedSections: number;
  /**
   * `citation`: found by index lookups (a bill or section cited); `full-text`: ranked by relevance over
   * every match; `filters`: no words, an author's bills the filters keep, newest session first, then by number.
   */
  by: 'citation' | 'full-text' | 'filters';
}
