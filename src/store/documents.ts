/**
 * Documents of the database by the ids the comparison pages and the CLI take: `ver:<version id>`
 * (`ver:20250AB165699INT`) and `law:<code>:<number>` (`law:PEN:1050`). Ids are looked up, never
 * joined into paths.
 */
import { describeVersion } from '../corpus/index.js';
import { codeName, sectionName } from './codes.js';
import type { Database } from './database.js';

/** A database document id: `ver:…` or `law:CODE:NUMBER`. */
export const DATABASE_ID = /^(?:ver:[A-Za-z0-9._\-]{1,80}|law:[A-Za-z0-9]{1,40}:[0-9A-Za-z.,\-]{1,40})$/;

export interface DatabaseDocument {
  id: string;
  bytes: Uint8Array;
  kind: 'bill' | 'statute';
  /** "AB 1656" or "Penal Code § 1050". */
  name: string;
  /** "Amended in Senate, June 11, 2026" or "current Penal Code 1050". */
  label: string;
  title: string;
  measure?: string;
  stage?: string;
  date?: string;
  /** For a statute: the code's name and the section number (a CAML law section does not print its own). */
  code?: string;
  section?: string;
}

/** The document with this id, or undefined. */
export async function databaseDocument(db: Database, id: string): Promise<DatabaseDocument | undefined> {
  if (!DATABASE_ID.test(id)) return undefined;
  if (id.startsWith('ver:')) {
    const v = await db.version(id.slice(4));
    if (!v) return undefined;
    const bill = await db.bill(v.bill_id);
    const measure = bill?.measure ?? v.bill_id;
    return {
      id,
      bytes: v.content,
      kind: 'bill',
      name: measure,
      label: describeVersion({ stage: v.stage, title: v.title, ...(v.date ? { date: v.date } : {}) } as Parameters<typeof describeVersion>[0]),
      title: `${measure}${v.title ? ` — ${v.title}` : ''}`,
      measure,
      stage: v.stage,
      ...(v.date ? { date: v.date } : {}),
    };
  }
  const [, code, number] = id.split(':') as [string, string, string];
  const s = await db.lawSection(code, number);
  if (!s) return undefined;
  return {
    id,
    bytes: s.content,
    kind: 'statute',
    name: sectionName(code, number),
    label: `current ${codeName(code)} ${number}`,
    title: `${sectionName(code, number)} (current law)`,
    code: codeName(code),
    section: number,
  };
}
