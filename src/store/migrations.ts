/**
 * Versioned schema migrations. Each migration runs once, in its own transaction, and records its
 * version in `billdiff_schema`; opening a database runs the ones it lacks, so a newer billdiff
 * opens a database an older one wrote. Migrations are only ever added, never edited.
 *
 * The tables are written once with two placeholders: `{{key}}` (the integer row key) and
 * `{{blob}}` (bytes); full-text search is each database's own: FTS5 tables kept in step by
 * triggers in SQLite, `tsvector` columns with GIN indexes in PostgreSQL. A bill is indexed once, by
 * the text of all its versions (each line once: versions repeat most of each other), so a search
 * ranks bills, not near-identical versions.
 *
 * PostgreSQL finds full-text matches through the GIN indexes alone (`billdiff_bills_matching`,
 * `billdiff_sections_matching`): a bill's tsvector is kilobytes, stored apart (TOAST), and a plan that
 * scans the table instead reads every one of them; the planner does not count that cost. Their rows
 * keep their long values apart too (toast_tuple_target), so the matches' rows are few pages.
 */
import type { Dialect, DialectKind } from './dialect.js';
import { writeAllLeads } from './leads.js';
import { writeAllPassageWords } from './passage-words.js';
import { writeAllPassages } from './passages.js';
import { rebuildTermIndex } from './term-index.js';

export interface Migration {
  version: number;
  /** What it does, for the record. */
  name: string;
  common: string;
  sqlite: string;
  postgres: string;
  /** Rows the new tables need from the old ones, computed in JavaScript (in the same transaction, with a new generation). */
  backfill?: (tx: Dialect) => Promise<void>;
}

/** The sessions and their counts, as the session list shows them: computed again at the end of every import. */
export const REFRESH_SESSIONS = [
  'DELETE FROM session_counts',
  `INSERT INTO session_counts (jurisdiction, session, bills, versions)
   SELECT b.jurisdiction, b.session, COUNT(*), SUM((SELECT COUNT(*) FROM versions v WHERE v.bill_id = b.id)) FROM bills b GROUP BY b.jurisdiction, b.session`,
];

/** SQLite keeps a row's columns in order: the large ones (bytes, text) go last, so reading the others skips them. */
const VERSION_COLUMNS =
  'key, id, bill_id, corpus_id, version_num, seq, name, stage, date, title, format, content_hash, marks, words, words_inserted, words_deleted, clauses_changed, counted_by, against, gut_and_amend, analyzed_key, text, content';
const SECTION_COLUMNS = 'key, code, number, source_id, heading, history, format, content_hash, corpus_id, text, content';

const TABLES = `
CREATE TABLE codes (
  code TEXT PRIMARY KEY,
  title TEXT NOT NULL
);
CREATE TABLE bills (
  key {{key}},
  id TEXT NOT NULL UNIQUE,
  jurisdiction TEXT NOT NULL,
  session TEXT NOT NULL,
  measure TEXT NOT NULL,
  measure_type TEXT NOT NULL,
  measure_num INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  house TEXT,
  status TEXT,
  pending INTEGER NOT NULL DEFAULT 1,
  latest_version TEXT,
  updated TEXT,
  search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX bills_measure ON bills (measure_type, measure_num);
CREATE INDEX bills_session ON bills (jurisdiction, session);
CREATE TABLE versions (
  key {{key}},
  id TEXT NOT NULL UNIQUE,
  bill_id TEXT NOT NULL REFERENCES bills (id),
  corpus_id TEXT,
  version_num INTEGER,
  seq INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL,
  date TEXT,
  title TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL,
  content {{blob}} NOT NULL,
  content_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  marks INTEGER NOT NULL DEFAULT 0,
  words INTEGER NOT NULL DEFAULT 0,
  words_inserted INTEGER,
  words_deleted INTEGER,
  clauses_changed INTEGER,
  counted_by TEXT,
  against TEXT,
  gut_and_amend INTEGER NOT NULL DEFAULT 0,
  analyzed_key TEXT
);
CREATE INDEX versions_bill ON versions (bill_id, seq);
CREATE TABLE version_sections (
  version_id TEXT NOT NULL,
  code TEXT NOT NULL,
  section TEXT NOT NULL,
  relation TEXT NOT NULL,
  PRIMARY KEY (version_id, code, section, relation)
);
CREATE INDEX version_sections_section ON version_sections (code, section);
CREATE TABLE history (
  bill_id TEXT NOT NULL,
  id TEXT NOT NULL,
  date TEXT,
  action TEXT NOT NULL,
  seq INTEGER,
  PRIMARY KEY (bill_id, id)
);
CREATE TABLE law_sections (
  key {{key}},
  code TEXT NOT NULL,
  number TEXT NOT NULL,
  source_id TEXT,
  heading TEXT NOT NULL DEFAULT '',
  history TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL,
  content {{blob}} NOT NULL,
  content_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  corpus_id TEXT,
  UNIQUE (code, number)
);
CREATE TABLE imports (
  hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_skipped INTEGER NOT NULL DEFAULT 0,
  finished TEXT NOT NULL
);
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('generation', '0');
`;

/** The triggers that keep sections_fts in step with law_sections (made again when the table is). */
const SECTIONS_FTS_TRIGGERS = `CREATE TRIGGER sections_fts_insert AFTER INSERT ON law_sections BEGIN
  INSERT INTO sections_fts (rowid, heading, text) VALUES (new.key, new.heading, new.text);
END;
CREATE TRIGGER sections_fts_delete AFTER DELETE ON law_sections BEGIN
  INSERT INTO sections_fts (sections_fts, rowid, heading, text) VALUES ('delete', old.key, old.heading, old.text);
END;
CREATE TRIGGER sections_fts_update AFTER UPDATE OF heading, text ON law_sections BEGIN
  INSERT INTO sections_fts (sections_fts, rowid, heading, text) VALUES ('delete', old.key, old.heading, old.text);
  INSERT INTO sections_fts (rowid, heading, text) VALUES (new.key, new.heading, new.text);
END;
`;

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'bills, versions, sections touched, history, law sections, imports; full-text search',
    common: TABLES,
    sqlite: `
CREATE VIRTUAL TABLE bills_fts USING fts5 (search_text, content='bills', content_rowid='key', tokenize='porter unicode61');
CREATE TRIGGER bills_fts_insert AFTER INSERT ON bills BEGIN
  INSERT INTO bills_fts (rowid, search_text) VALUES (new.key, new.search_text);
END;
CREATE TRIGGER bills_fts_delete AFTER DELETE ON bills BEGIN
  INSERT INTO bills_fts (bills_fts, rowid, search_text) VALUES ('delete', old.key, old.search_text);
END;
CREATE TRIGGER bills_fts_update AFTER UPDATE OF search_text ON bills BEGIN
  INSERT INTO bills_fts (bills_fts, rowid, search_text) VALUES ('delete', old.key, old.search_text);
  INSERT INTO bills_fts (rowid, search_text) VALUES (new.key, new.search_text);
END;
CREATE VIRTUAL TABLE sections_fts USING fts5 (heading, text, content='law_sections', content_rowid='key', tokenize='porter unicode61');
${SECTIONS_FTS_TRIGGERS}`,
    postgres: `
ALTER TABLE bills ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', search_text)) STORED;
CREATE INDEX bills_tsv ON bills USING GIN (tsv);
ALTER TABLE law_sections ADD COLUMN tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', heading), 'A') || to_tsvector('english', text)) STORED;
CREATE INDEX law_sections_tsv ON law_sections USING GIN (tsv);
`,
  },
  {
    version: 2,
    name: 'passages (short windows of text that snippets are drawn from); session counts kept; sections touched found by number alone; SQLite: large columns last in their rows',
    common: `
CREATE TABLE session_counts (
  jurisdiction TEXT NOT NULL,
  session TEXT NOT NULL,
  bills INTEGER NOT NULL,
  versions INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction, session)
);
DROP INDEX version_sections_section;
CREATE INDEX version_sections_section ON version_sections (section, code);
`,
    sqlite: `
CREATE TABLE versions_v2 (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  bill_id TEXT NOT NULL REFERENCES bills (id),
  corpus_id TEXT,
  version_num INTEGER,
  seq INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL,
  date TEXT,
  title TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  marks INTEGER NOT NULL DEFAULT 0,
  words INTEGER NOT NULL DEFAULT 0,
  words_inserted INTEGER,
  words_deleted INTEGER,
  clauses_changed INTEGER,
  counted_by TEXT,
  against TEXT,
  gut_and_amend INTEGER NOT NULL DEFAULT 0,
  analyzed_key TEXT,
  text TEXT NOT NULL,
  content BLOB NOT NULL
);
INSERT INTO versions_v2 (${VERSION_COLUMNS}) SELECT ${VERSION_COLUMNS} FROM versions;
DROP TABLE versions;
ALTER TABLE versions_v2 RENAME TO versions;
CREATE INDEX versions_bill ON versions (bill_id, seq);
CREATE TABLE law_sections_v2 (
  key INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  number TEXT NOT NULL,
  source_id TEXT,
  heading TEXT NOT NULL DEFAULT '',
  history TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  corpus_id TEXT,
  text TEXT NOT NULL,
  content BLOB NOT NULL,
  UNIQUE (code, number)
);
INSERT INTO law_sections_v2 (${SECTION_COLUMNS}) SELECT ${SECTION_COLUMNS} FROM law_sections;
DROP TABLE law_sections;
ALTER TABLE law_sections_v2 RENAME TO law_sections;
${SECTIONS_FTS_TRIGGERS}CREATE TABLE passages (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL
);
CREATE VIRTUAL TABLE passages_fts USING fts5 (text, content='passages', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
  INSERT INTO passages_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
  INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
`,
    postgres: `
CREATE TABLE passages (
  id BIGINT PRIMARY KEY,
  text TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
ALTER TABLE bills ALTER COLUMN tsv SET STORAGE EXTERNAL;
ALTER TABLE bills SET (toast_tuple_target = 128);
ALTER TABLE law_sections SET (toast_tuple_target = 128);
CREATE FUNCTION billdiff_bills_matching(q tsquery) RETURNS TABLE (key BIGINT) LANGUAGE sql STABLE
  SET enable_seqscan = off SET enable_indexscan = off
  AS $$ SELECT b.key FROM bills b WHERE b.tsv @@ q $$;
CREATE FUNCTION billdiff_sections_matching(q tsquery) RETURNS TABLE (key BIGINT) LANGUAGE sql STABLE
  SET enable_seqscan = off SET enable_indexscan = off
  AS $$ SELECT s.key FROM law_sections s WHERE s.tsv @@ q $$;
`,
    backfill: async (tx) => {
      for (const statement of REFRESH_SESSIONS) await tx.run(statement);
      await writeAllPassages(tx);
      if (tx.kind === 'sqlite') await tx.run("INSERT INTO passages_fts (passages_fts) VALUES ('optimize')");
    },
  },
  {
    version: 3,
    name: 'term index: each word’s bills and sections with its count in each, and their lengths (ranked searches of common words without FTS5 reading every match); triggers mark it stale; a bill’s history read from one index, in order',
    common: `
CREATE TABLE term_postings (
  owner INTEGER NOT NULL,
  term TEXT NOT NULL,
  docs INTEGER NOT NULL,
  data {{blob}} NOT NULL,
  PRIMARY KEY (owner, term)
);
CREATE INDEX history_bill_order ON history (bill_id, date, seq, id, action);
INSERT INTO meta (key, value) VALUES ('terms:bill', 'stale');
INSERT INTO meta (key, value) VALUES ('terms:section', 'stale');
`,
    sqlite: `${staleTriggers('bill', 'bills', 'search_text')}${staleTriggers('section', 'law_sections', 'heading, text')}`,
    postgres: `
CREATE FUNCTION billdiff_terms_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE meta SET value = 'stale' WHERE key = TG_ARGV[0] AND value <> 'stale';
  RETURN NULL;
END $$;
CREATE TRIGGER terms_bill_stale AFTER INSERT OR DELETE OR UPDATE OF search_text ON bills FOR EACH STATEMENT EXECUTE FUNCTION billdiff_terms_stale('terms:bill');
CREATE TRIGGER terms_section_stale AFTER INSERT OR DELETE OR UPDATE OF heading, text ON law_sections FOR EACH STATEMENT EXECUTE FUNCTION billdiff_terms_stale('terms:section');
`,
    backfill: rebuildTermIndex,
  },
  {
    version: 4,
    name: 'passage words: for each bill and section, which of its passages hold each word (a search finds its results’ snippet passages from one read, not a full-text query each)',
    common: '',
    sqlite: 'CREATE TABLE passage_words (owner INTEGER PRIMARY KEY, words TEXT NOT NULL);',
    postgres: 'CREATE TABLE passage_words (owner BIGINT PRIMARY KEY, words TEXT NOT NULL);',
    backfill: writeAllPassageWords,
  },
  {
    version: 5,
    name: 'law sections by number alone: a search for a bare section number finds the sections of every code by one index seek, where PostgreSQL read the whole (code, number) index and SQLite stepped through it code by code',
    common: 'CREATE INDEX law_sections_number ON law_sections (number);',
    sqlite: '',
    postgres: '',
  },
  {
    version: 6,
    name: 'a federal bill and the law that enacted it: the law names its bill ("[H.R. 1]"), and the bill, no longer pending, names its law; a section cited "notwithstanding" it, one the bill would override (both filled as the inputs are imported again)',
    common: `ALTER TABLE bills ADD COLUMN enacted_as TEXT;
ALTER TABLE bills ADD COLUMN enacts TEXT;
CREATE INDEX bills_enacts ON bills (enacts);
ALTER TABLE version_sections ADD COLUMN notwithstanding INTEGER NOT NULL DEFAULT 0;`,
    sqlite: '',
    postgres: '',
  },
  {
    version: 7,
    name: 'a section a bill would override, by the words that say so (`OVERRIDE_WORDS`): 1 "notwithstanding" it (as before), 2 "without regard to" it, 3 it "shall not apply" (the column `notwithstanding` renamed `override`; 2 and 3 filled as the inputs are imported again)',
    common: 'ALTER TABLE version_sections RENAME COLUMN notwithstanding TO override;',
    sqlite: '',
    postgres: '',
  },
  {
    version: 8,
    name: 'a unit a bill repeals whole ("Chapter 17.25 (commencing with Section 7284) … is repealed"), kept with the section it begins with, and each law section’s place in its code (division, title, part, chapter, article), by which the unit’s other sections list the bill (both filled as the inputs are imported again)',
    common: `ALTER TABLE version_sections ADD COLUMN unit TEXT;
ALTER TABLE law_sections ADD COLUMN place TEXT;
CREATE INDEX version_sections_unit ON version_sections (code, unit) WHERE unit IS NOT NULL;`,
    sqlite: '',
    postgres: '',
  },
  {
    version: 9,
    name: 'the index of units narrowed to those a bill repeals or would override whole, which are what a section’s page and a search for its number look up (a unit only cited is kept with the section it begins with, and found by it): a session whose bills cite the Penal Code’s units twelve thousand times had the pages read every one of them',
    common: `DROP INDEX version_sections_unit;
CREATE INDEX version_sections_unit ON version_sections (code, unit) WHERE unit IS NOT NULL AND (relation = 'repeals' OR override <> 0);`,
    sqlite: '',
    postgres: '',
  },
  {
    version: 10,
    name: 'a range of sections a bill cites ("Sections 290 through 290.024, inclusive"), kept with the section it begins with as the last one (`through`), by which the sections between list the bill; each range once in `section_ranges`, which a page and a search read whole for a code (the session bench cites one range 7,500 times) (both filled as the inputs are imported again)',
    common: `ALTER TABLE version_sections ADD COLUMN through TEXT;
CREATE TABLE section_ranges (
  code TEXT NOT NULL,
  section TEXT NOT NULL,
  through TEXT NOT NULL,
  PRIMARY KEY (code, section, through)
);`,
    sqlite: '',
    postgres: '',
  },
  {
    version: 11,
    name: 'who brought each bill version: its authors as it names them (California: lead authors, principal coauthors and coauthors, with their house; Congress: the sponsor and cosponsors), in its order, and by name the bills each brought (filled as the inputs are imported again)',
    common: `CREATE TABLE version_authors (
  version_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  house TEXT,
  committee INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (version_id, seq)
);
CREATE INDEX version_authors_name ON version_authors (name);`,
    sqlite: '',
    postgres: '',
  },
  {
    version: 12,
    name: 'the names each bill version gives its act or a unit of it, its short titles ("This Act may be cited as the “CARES Act”"), in its order, and those a law section gives its unit ("This chapter shall be known as the Ralph M. Brown Act": `names`, one a line, in an index of the named sections alone), by which a search finds a bill or a law by its name (filled as the inputs are imported again)',
    common: `CREATE TABLE version_names (
  version_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (version_id, seq)
);
ALTER TABLE law_sections ADD COLUMN names TEXT;
CREATE INDEX law_sections_names ON law_sections (code, number, names) WHERE names IS NOT NULL;`,
    sqlite: '',
    postgres: '',
  },
  {
    version: 13,
    name: 'who brings each bill, kept on its row (`leads`: the lead authors or the sponsor its latest version naming any authors names, as JSON), so that search results, a section’s bills and a session’s contested sections name them with the rows they read (written here for every bill, and by each import for the bills it finishes)',
    common: 'ALTER TABLE bills ADD COLUMN leads TEXT;',
    sqlite: '',
    postgres: '',
    backfill: writeAllLeads,
  },
  {
    version: 14,
    name: 'the units of the codes as a table of contents heads them (`law_units`: a unit by its code and its place, as `law_sections.place` gives a section’s, with its heading: "CHAPTER 8. Continuances"), which a code’s page names above its sections and a section’s page above its text (filled as the inputs are imported again)',
    common: `CREATE TABLE law_units (
  code TEXT NOT NULL,
  place TEXT NOT NULL,
  heading TEXT NOT NULL,
  PRIMARY KEY (code, place)
);`,
    sqlite: '',
    postgres: '',
  },
  {
    version: 15,
    name: 'a law’s citation in the statutes (`statute`): a federal law’s page of the Statutes at Large ("130 Stat. 615", as its file gives it), a chaptered California bill’s chapter ("Stats. 2025, ch. 623", from BILL_TBL), by which a search finds the law and its page names it (filled as the inputs are imported again)',
    common: `ALTER TABLE bills ADD COLUMN statute TEXT;
CREATE INDEX bills_statute ON bills (statute);`,
    sqlite: '',
    postgres: '',
  },
  {
    version: 16,
    name: 'a section a version amends double-jointed with other bills (`version_sections.joint`: "SB 537", the bills whose amendments of it the version incorporates), which the session, bill and section pages name beside the bills that would otherwise chapter each other out; a California version’s digest key (`version_keys.digest_key`: "Vote: majority Appropriation: no Fiscal Committee: yes Local Program: no", and whether it is an urgency statute or a tax levy), which the bill’s page gives (both filled as the inputs are imported again)',
    common: `ALTER TABLE version_sections ADD COLUMN joint TEXT;
CREATE TABLE version_keys (
  version_id TEXT PRIMARY KEY,
  digest_key TEXT NOT NULL
);`,
    sqlite: '',
    postgres: '',
  },
];

/** Triggers marking an owner's term index stale when its rows or their text change. */
function staleTriggers(owner: string, table: string, columns: string): string {
  const body = `BEGIN UPDATE meta SET value = 'stale' WHERE key = 'terms:${owner}' AND value <> 'stale'; END;`;
  return `CREATE TRIGGER terms_${owner}_insert AFTER INSERT ON ${table} ${body}
CREATE TRIGGER terms_${owner}_delete AFTER DELETE ON ${table} ${body}
CREATE TRIGGER terms_${owner}_update AFTER UPDATE OF ${columns} ON ${table} ${body}
`;
}

/** Every migration, oldest first. */
export const ALL_MIGRATIONS: readonly Migration[] = MIGRATIONS;

/** The newest schema this billdiff knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

function ddl(kind: DialectKind, migration: Migration): string {
  const common = migration.common
    .replaceAll('{{key}}', kind === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
    .replaceAll('{{blob}}', kind === 'sqlite' ? 'BLOB' : 'BYTEA');
  return `${common}\n${kind === 'sqlite' ? migration.sqlite : migration.postgres}`;
}

/** Marks the data as changed (meta `generation`, from the first migration on), so that servers drop what they cached. */
export async function bumpGeneration(db: Dialect): Promise<void> {
  await db.run("UPDATE meta SET value = ? WHERE key = 'generation'", [`${Date.now()}-${Math.random().toString(36).slice(2, 8)}`]);
}

/**
 * Brings the schema up to date. Several processes may open a PostgreSQL database at once: the
 * migrations then run under an advisory lock, one process after the other.
 */
export async function migrate(db: Dialect, migrations: Migration[] = MIGRATIONS): Promise<number> {
  const newest = migrations[migrations.length - 1]?.version ?? 0;
  await db.exec('CREATE TABLE IF NOT EXISTS billdiff_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)');
  const current = async (tx: Dialect) => (await tx.get<{ v: number | null }>('SELECT MAX(version) AS v FROM billdiff_schema'))?.v ?? 0;
  const have = await current(db);
  if (have > newest) {
    throw new Error(`this database was written by a newer billdiff (schema ${have}; this one knows up to ${newest}): upgrade billdiff to open it`);
  }
  for (const migration of migrations) {
    if (migration.version <= have) continue;
    await db.transaction(async (tx) => {
      if (tx.kind === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(727465)');
      if ((await current(tx)) >= migration.version) return;
      await tx.exec(ddl(tx.kind, migration));
      // Rows a search or a page reads, written again: a new generation, so that servers drop what they
      // kept (a search thread given a generation trusts what it read with it: term-rank.ts).
      if (migration.backfill) {
        await migration.backfill(tx);
        await bumpGeneration(tx);
      }
      await tx.run('INSERT INTO billdiff_schema (version, name, applied) VALUES (?, ?, ?)', [migration.version, migration.name, new Date().toISOString()]);
    });
  }
  return current(db);
}
