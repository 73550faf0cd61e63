/**
 * Passages: short windows of a bill's or a law section's text, a few lines each, indexed on their
 * own. A search ranks whole bills and sections (one document each), then draws each result's snippet
 * from its best matching passage — a few hundred characters — instead of reading and tokenising the
 * whole concatenated text of every result.
 *
 * A passage's id says whose it is: `((key * 2 + kind) * 65536) + n`, the n-th passage of bill or
 * section `key`, so one owner's passages are one range of ids (an index range in both databases).
 */
import { insertRows, type Dialect, type RowColumn } from './dialect.js';

export type PassageOwner = 'bill' | 'section';

/** Passages kept per owner; text past the last is not in a passage (its words are still found). */
export const MAX_PASSAGES = 65536;
/** A passage closes once it holds this many characters; a longer line is cut at a space near it. */
const PASSAGE_CHARS = 480;

/** An owner's number, `key * 2 + kind`: its passages' ids divided by MAX_PASSAGES. */
export function ownerNumber(owner: PassageOwner, key: number): number {
  return key * 2 + (owner === 'bill' ? 0 : 1);
}

/** The same in SQL, of the key in `column`. */
export function ownerNumberSql(owner: PassageOwner, column: string): string {
  return `${column} * 2 + ${ownerNumber(owner, 0)}`;
}

/** The first and last passage id of an owner. */
export function passageRange(owner: PassageOwner, key: number): [number, number] {
  const first = ownerNumber(owner, key) * MAX_PASSAGES;
  return [first, first + MAX_PASSAGES - 1];
}

/** The text cut into passages of whole lines (a line longer than a passage is cut between words). */
export function passagesOf(text: string): string[] {
  const out: string[] = [];
  let current = '';
  const close = () => {
    if (current.trim()) out.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let rest = line;
    while (rest.length > PASSAGE_CHARS * 2) {
      const cut = rest.lastIndexOf(' ', PASSAGE_CHARS) > PASSAGE_CHARS / 2 ? rest.lastIndexOf(' ', PASSAGE_CHARS) : PASSAGE_CHARS;
      close();
      current = rest.slice(0, cut);
      close();
      rest = rest.slice(cut).trimStart();
    }
    current = current ? `${current}\n${rest}` : rest;
    if (current.length >= PASSAGE_CHARS) close();
  }
  close();
  return out.slice(0, MAX_PASSAGES);
}

/** Passages, as `writePassages` writes them. */
const PASSAGE_COLUMNS: readonly RowColumn[] = [
  { name: 'id', type: 'bigint' },
  { name: 'text', type: 'text' },
];

/** Replaces an owner's passages with those of `text` (nothing when they are the same); whether it did. */
export async function writePassages(db: Dialect, owner: PassageOwner, key: number, text: string): Promise<boolean> {
  const [first, last] = passageRange(owner, key);
  const passages = passagesOf(text);
  const stored = await db.all<{ id: number; text: string }>('SELECT id, text FROM passages WHERE id BETWEEN ? AND ? ORDER BY id', [first, last]);
  if (stored.length === passages.length && stored.every((p, i) => p.id === first + i && p.text === passages[i])) return false;
  await db.run('DELETE FROM passages WHERE id BETWEEN ? AND ?', [first, last]);
  await insertRows(db, 'passages', PASSAGE_COLUMNS, passages.map((passage, i) => [first + i, passage]));
  return true;
}

/** Every bill's and section's passages, from the texts already stored (a database written before passages). */
export async function writeAllPassages(db: Dialect): Promise<void> {
  for (const b of await db.all<{ key: number }>('SELECT key FROM bills ORDER BY key')) {
    const row = await db.get<{ search_text: string }>('SELECT search_text FROM bills WHERE key = ?', [b.key]);
    await writePassages(db, 'bill', b.key, row?.search_text ?? '');
  }
  for (const s of await db.all<{ key: number }>('SELECT key FROM law_sections ORDER BY key')) {
    const row = await db.get<{ heading: string; text: string }>('SELECT heading, text FROM law_sections WHERE key = ?', [s.key]);
    await writePassages(db, 'section', s.key, sectionPassageText(row?.heading ?? '', row?.text ?? ''));
  }
}

/** What a law section's passages are made of: its heading, then its text. */
export function sectionPassageText(heading: string, text: string): string {
  return heading ? `${heading}\n${text}` : text;
}
