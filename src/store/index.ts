/** The store: one database (SQLite embedded, or PostgreSQL) of bills, versions, history and law sections. */
export { openDatabase, databaseOptionsFrom, describeDatabase, contentHash, DATABASE_FILE, Writer, type Database, type DatabaseOptions, type VersionInput, type LawSectionInput, type WriteResult } from './database.js';
export { SCHEMA_VERSION } from './migrations.js';
export { codeOf, codeName, sectionName, parseSectionCitation, normalizeSectionNumber, compareSectionNumbers, compareSections, CALIFORNIA_CODES } from './codes.js';
export { parseMeasure, measureName, billKey, sessionName, californiaSession, sessionFromName, nameVersions, stageLabel, type MeasureCitation } from './names.js';
export { MARK_START, MARK_END, ftsQuery } from './search.js';
export { type Queries, type SessionReport, type SectionActivity, type SessionInfo } from './queries.js';
export type * from './types.js';
