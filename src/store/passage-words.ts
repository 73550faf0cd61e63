/**
 * Passage words: for each bill and law section, which of its passages (passages.ts) hold each word,
 * the words as the full-text index reads them (SQLite: FTS5's own `porter unicode61` tokenizer;
 * PostgreSQL: the passages' `english` tsvectors), kept at import beside the passages. A search draws
 * each result's snippet from the first of its passages holding every word searched for, else the
 * first holding any: found here from one read of the page's results' rows, where a full-text query
 * a result (two when none holds every word) cost ~25 µs each, a third of a search thread.
 *
 * One row an owner, `owner` its passages' ids divided by MAX_PASSAGES (key * 2 + kind), its words as
 * text: `\n` word `\t` the numbers of the passages holding it (ascending, by commas), for each word.
 * Found by a plain search for `\n` word `\t` (neither character is ever in a word of either index).
 */
import { LRUCache } from 'lru-cache';
import { insertRows, oneOf, type Dialect } from './dialect.js';
import { MAX_PASSAGES, ownerNumber, passageRange, type PassageOwner } from './passages.js';
import { keptOwner, NO_WORDS, type KeptOwner, type KeptRows } from './search-rows.js';

/** Owners whose words one statement makes, at most (a migration's backfill: rows of that many owners). */
const OWNERS_A_BATCH = 256;

/**
 * Makes the words of every owner whose passages' ids lie in [first, last] again, from the passages
 * stored (inside the caller's transaction).
 */
export async function writePassageWords(db: Dialect, first: number, last: number): Promise<void> {
  const rows =
    db.kind === 'sqlite'
      ? await sqliteWords(db, first, last)
      : await db.all<{ term: string; doc: number }>('SELECT u.term, p.id AS doc FROM passages p, unnest(tsvector_to_array(p.tsv)) AS u (term) WHERE p.id BETWEEN ? AND ? ORDER BY u.term, p.id', [first, last]);
  const texts = new Map<number, string>();
  let term: string | undefined;
  let owner = -1;
  let n = -1;
  for (const row of rows) {
    if (/[\t\n]/.test(row.term)) continue;
    const o = Math.floor(row.doc / MAX_PASSAGES);
    const p = row.doc % MAX_PASSAGES;
    if (row.term === term && o === owner) {
      if (p !== n) texts.set(o, `${texts.get(o)},${p}`);
    } else {
      texts.set(o, `${texts.get(o) ?? ''}\n${row.term}\t${p}`);
    }
    term = row.term;
    owner = o;
    n = p;
  }
  await db.run('DELETE FROM passage_words WHERE owner BETWEEN ? AND ?', [Math.floor(first / MAX_PASSAGES), Math.floor(last / MAX_PASSAGES)]);
  await insertRows(db, 'passage_words', [{ name: 'owner', type: 'bigint' }, { name: 'words', type: 'text' }], [...texts]);
}

/**
 * SQLite: the words of the passages, by FTS5's tokenizer (a contentless table of the connection's temp
 * schema, emptied after): each word's instances in order of word, then passage.
 */
async function sqliteWords(db: Dialect, first: number, last: number): Promise<Array<{ term: string; doc: number }>> {
  await db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.billdiff_passage_text USING fts5 (text, content='', tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS temp.billdiff_passage_instances USING fts5vocab(temp, billdiff_passage_text, instance);`);
  await db.run('INSERT INTO temp.billdiff_passage_text (rowid, text) SELECT id, text FROM passages WHERE id BETWEEN ? AND ?', [first, last]);
  const rows = await db.all<{ term: string; doc: number }>('SELECT term, doc FROM temp.billdiff_passage_instances');
  await db.run("INSERT INTO temp.billdiff_passage_text (billdiff_passage_text) VALUES ('delete-all')");
  return rows;
}

/** Every owner's words, from the passages stored (a database written before them). */
export async function writeAllPassageWords(db: Dialect): Promise<void> {
  const last = Number((await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM passages'))?.id ?? -1);
  const span = OWNERS_A_BATCH * MAX_PASSAGES;
  for (let first = 0; first <= last; first += span) await writePassageWords(db, first, first + span - 1);
}

/** The words of one owner, made again (after its passages were written). */
export function writeOwnerWords(db: Dialect, owner: PassageOwner, key: number): Promise<void> {
  const [first, last] = passageRange(owner, key);
  return writePassageWords(db, first, last);
}

/**
 * For each owner, the id of its first passage holding every word of `terms`, else of the first holding
 * any, else undefined: from one read of the owners' rows (those whose words are `kept` not read; those
 * read are kept). An owner's entry `held` already (search-text.ts) is not looked up again.
 */
export async function firstPassages(
  db: Dialect,
  owners: Array<{ owner: PassageOwner; key: number; held?: KeptOwner | undefined }>,
  terms: string[],
  kept?: KeptRows,
): Promise<Array<number | undefined>> {
  const held: Array<KeptOwner | undefined> = [];
  const words: Array<string | undefined> = [];
  const numbers: number[] = [];
  for (let i = 0; i < owners.length; i++) {
    const o = owners[i]!;
    const entry = kept ? (o.held ?? keptOwner(kept, ownerNumber(o.owner, o.key))) : undefined;
    held.push(entry);
    words.push(entry?.words);
    if (entry?.words === undefined) numbers.push(ownerNumber(o.owner, o.key));
  }
  if (numbers.length) {
    const owned = oneOf(db.kind, 'owner', numbers);
    const rows = await db.all<{ owner: number; words: string }>(`SELECT owner, words FROM passage_words WHERE ${owned.sql}`, owned.params);
    const read = new Map<number, string>();
    for (const r of rows) read.set(Number(r.owner), r.words);
    for (let i = 0; i < owners.length; i++) {
      if (words[i] !== undefined) continue;
      words[i] = read.get(ownerNumber(owners[i]!.owner, owners[i]!.key)) ?? NO_WORDS;
      if (held[i]) held[i]!.words = words[i];
    }
  }
  return owners.map((o, i) => firstPassage(words[i] === NO_WORDS ? undefined : words[i], terms, o.owner, o.key, held[i]));
}

/**
 * The same for one owner, from its words as read (`passage_words.words`; undefined: it has none), with
 * the passages' lists of its words kept on its entry `held` when there is one.
 */
export function firstPassage(words: string | undefined, terms: string[], owner: PassageOwner, key: number, held?: KeptOwner): number | undefined {
  return words === undefined ? undefined : firstHolding(words, terms, passageRange(owner, key)[0], held);
}

/**
 * Each word's list of passages (null: the owner has not the word), as read from an owner's words, kept
 * for the owners read last (by their words' text): the same owners and words come back search after
 * search, and finding a word in an owner's ~2 kB of words was 8% of a search thread's time.
 */
const KEPT_OWNERS = 4096;
/** Words' lists kept an owner; beyond it they start again. */
const KEPT_LISTS = 64;
const listsKept = new LRUCache<string, Map<string, number[] | null>>({ max: KEPT_OWNERS });

/** The lists kept of an owner's words (listOf), by its words' text: read once for all the terms of a search. */
function listsOf(text: string): Map<string, number[] | null> {
  let lists = listsKept.get(text);
  if (lists === undefined) listsKept.set(text, (lists = new Map()));
  return lists;
}

/** The numbers of the passages holding `term`, in an owner's words `text` (null: none), kept in `lists` (listsOf). */
function listOf(text: string, lists: Map<string, number[] | null>, term: string): number[] | null {
  let list = lists.get(term);
  if (list === undefined) {
    const at = text.indexOf(`\n${term}\t`);
    if (at < 0) list = null;
    else {
      // The numbers by their digits, from the tab to the line's end: no slice, split or strings of each.
      list = [];
      let n = 0;
      for (let i = at + term.length + 2; ; i++) {
        const c = i < text.length ? text.charCodeAt(i) : 10;
        if (c === 44 || c === 10) {
          list.push(n);
          if (c === 10) break;
          n = 0;
        } else n = n * 10 + c - 48;
      }
    }
    if (lists.size >= KEPT_LISTS) lists.clear();
    lists.set(term, list);
  }
  return list;
}

/** In one owner's words, the id of the first passage holding every term, else the first holding any. */
function firstHolding(text: string, terms: string[], base: number, held?: KeptOwner): number | undefined {
  // The terms' lists, the first `count` of the module's scratch LISTS (a passage's owner is read at a
  // time): no array made an owner.
  const lists = LISTS;
  let count = 0;
  const kept = held ? (held.lists ??= listsOf(text)) : listsOf(text);
  for (let t = 0; t < terms.length; t++) {
    const list = listOf(text, kept, terms[t]!);
    if (list) lists[count++] = list;
  }
  if (!count) return undefined;
  if (count === terms.length) {
    const all = firstInAll(lists, count);
    if (all !== undefined) return base + all;
  }
  let any = lists[0]![0]!;
  for (let l = 1; l < count; l++) if (lists[l]![0]! < any) any = lists[l]![0]!;
  return base + any;
}

/** firstHolding's scratch: the lists of its terms, and where firstInAll is in each. */
const LISTS: number[][] = [];
let AT = new Int32Array(16);

/** The first number in every one of the first `count` ascending lists, or undefined. */
function firstInAll(lists: number[][], count: number): number | undefined {
  if (count > AT.length) AT = new Int32Array(count);
  const at = AT.fill(0, 0, count);
  let candidate = lists[0]![0]!;
  for (;;) {
    let agreed = true;
    for (let l = 0; l < count; l++) {
      const list = lists[l]!;
      let i = at[l]!;
      while (i < list.length && list[i]! < candidate) i++;
      at[l] = i;
      if (i >= list.length) return undefined;
      if (list[i]! > candidate) {
        candidate = list[i]!;
        agreed = false;
      }
    }
    if (agreed) return candidate;
  }
}
