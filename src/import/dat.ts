/**
 * The Legislature's `.dat` tables (pubinfo): one row a line, fields separated by tabs, text between
 * backquotes with backslash escapes (`\n`, `\t`, `\\`, `` \` ``), `NULL` for no value, numbers and
 * dates bare. The column layouts of the tables billdiff reads are below, as published with the
 * archive's MySQL load scripts.
 */
import readline from 'node:readline';
import type { Readable } from 'node:stream';

/** The tables billdiff reads, each with its columns in order. */
export const TABLES = {
  BILL_TBL: [
    'bill_id', 'session_year', 'session_num', 'measure_type', 'measure_num', 'measure_state', 'chapter_year', 'chapter_type',
    'chapter_session_num', 'chapter_num', 'latest_bill_version_id', 'active_flg', 'trans_uid', 'trans_update', 'current_location',
    'current_secondary_loc', 'current_house', 'current_status', 'days_31st_in_print',
  ],
  BILL_VERSION_TBL: [
    'bill_version_id', 'bill_id', 'version_num', 'bill_version_action_date', 'bill_version_action', 'request_num', 'subject',
    'vote_required', 'appropriation', 'fiscal_committee', 'local_program', 'substantive_changes', 'urgency', 'taxlevy', 'bill_xml',
    'active_flg', 'trans_uid', 'trans_update',
  ],
  BILL_HISTORY_TBL: [
    'bill_id', 'bill_history_id', 'action_date', 'action', 'trans_uid', 'trans_update_dt', 'action_sequence', 'action_code',
    'action_status', 'primary_location', 'secondary_location', 'ternary_location', 'end_status',
  ],
  LAW_SECTION_TBL: [
    'id', 'law_code', 'section_num', 'op_statues', 'op_chapter', 'op_section', 'effective_date', 'law_section_version_id', 'division',
    'title', 'part', 'chapter', 'article', 'history', 'content_xml', 'active_flg', 'trans_uid', 'trans_update',
  ],
  LAW_TOC_TBL: [
    'law_code', 'division', 'title', 'part', 'chapter', 'article', 'heading', 'active_flg', 'trans_uid', 'trans_update',
    'node_sequence', 'node_level', 'node_position', 'node_treepath', 'contains_law_sections', 'history_note', 'op_statues',
    'op_chapter', 'op_section',
  ],
  CODES_TBL: ['code', 'title'],
} as const;

export type TableName = keyof typeof TABLES;
export type TableRow<T extends TableName> = Record<(typeof TABLES)[T][number], string | null>;

/** One line of a table: its fields, or why it cannot be read; `length`: its characters with the line's end (for the progress bar). */
export type DatLine = { line: number; length: number; fields: Array<string | null> } | { line: number; length: number; error: string };

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', Z: '\x1a', b: '\b' };

function unescape(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/gs, (_m, c: string) => ESCAPES[c] ?? c) : text;
}

/** Splits one line into fields; throws a message for a malformed line. */
export function splitDatLine(line: string): Array<string | null> {
  const fields: Array<string | null> = [];
  let pos = 0;
  for (;;) {
    if (line.charCodeAt(pos) === 96 /* ` */) {
      const close = /[`\\]/g;
      close.lastIndex = pos + 1;
      let j: number;
      for (;;) {
        const m = close.exec(line);
        if (!m) throw new Error(`unterminated quoted text in field ${fields.length + 1}`);
        if (m[0] === '\\') close.lastIndex = m.index + 2;
        else {
          j = m.index;
          break;
        }
      }
      fields.push(unescape(line.slice(pos + 1, j)));
      pos = j + 1;
      if (pos < line.length && line[pos] !== '\t') throw new Error(`text after the closing quote of field ${fields.length}`);
    } else {
      const tab = line.indexOf('\t', pos);
      const token = line.slice(pos, tab < 0 ? line.length : tab);
      if (token.includes('`')) throw new Error(`stray quote in field ${fields.length + 1}`);
      fields.push(token === 'NULL' || token === '' ? null : token);
      pos = tab < 0 ? line.length : tab;
    }
    if (pos >= line.length) return fields;
    pos++;
  }
}

/** The lines of a table, read as a stream (a table may be larger than memory allows to hold). */
export async function* readDat(stream: Readable): AsyncGenerator<DatLine> {
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  // Blank lines are skipped, their length carried to the next line's.
  let length = 0;
  for await (const raw of lines) {
    n++;
    length += raw.length + 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!text.trim()) continue;
    try {
      yield { line: n, length, fields: splitDatLine(text) };
    } catch (error) {
      yield { line: n, length, error: (error as Error).message };
    }
    length = 0;
  }
}

/** The fields as a row of the table, or the reason they are not one. */
export function toRow<T extends TableName>(table: T, fields: Array<string | null>): TableRow<T> | string {
  const columns = TABLES[table];
  if (fields.length !== columns.length) return `${table} has ${columns.length} fields a line; this line has ${fields.length}`;
  const row = {} as Record<string, string | null>;
  columns.forEach((c, i) => (row[c] = fields[i] ?? null));
  return row as TableRow<T>;
}

/**
 * Which table a file holds: by its name (`BILL_VERSION_TBL.dat`, `law_section_slice.dat`), else by
 * the shape of its first line (the column count and the lob it names).
 */
export function tableOf(fileName: string, firstFields?: Array<string | null>): TableName | undefined {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.dat$/i, '').toUpperCase();
  const names = Object.keys(TABLES) as TableName[];
  const exact = names.find((t) => base === t);
  if (exact) return exact;
  const prefix = names.find((t) => base.startsWith(t.replace(/_TBL$/, '')));
  if (prefix && !/^BILL_VERSION_AUTHORS|^LAW_TOC_SECTIONS|^BILL_SUMMARY|^BILL_ANALYSIS|^BILL_DETAIL_VOTE|^BILL_MOTION|^COMMITTEE|^LEGISLATOR|^LOCATION|^VETO|^DAILY_FILE/.test(base)) return prefix;
  if (!firstFields) return undefined;
  const lob = firstFields[14];
  if (firstFields.length === 18 && lob && /^LAW_SECTION_TBL_\d+\.lob$/i.test(lob)) return 'LAW_SECTION_TBL';
  if (firstFields.length === 18 && lob && /^BILL_VERSION_TBL_\d+\.lob$/i.test(lob)) return 'BILL_VERSION_TBL';
  return undefined;
}
