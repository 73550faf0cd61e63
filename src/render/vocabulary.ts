/**
 * The words every rendering uses for what a comparison found, defined once: the status of an
 * aligned level, the counts of a summary, what an instruction does, and what an unnumbered text
 * is. Data keeps its own names (`modified` in the JSON); these are the words shown to a reader.
 */
import type { InstructionAction } from '../amend/types.js';
import type { PairStatus, Summary, TextRole } from '../types.js';

/** A level's status as a reader is told it: `amended`, `added`, … */
export const STATUS_WORDS: Readonly<Record<PairStatus, string>> = {
  unchanged: 'unchanged',
  modified: 'amended',
  inserted: 'added',
  deleted: 'deleted',
  moved: 'moved',
  redesignated: 'redesignated',
};

/** What a conforming change is, said once. */
export const CONFORMING_WORDS = 'conforming: a cross-reference follows a renumbering';

/** The counts of a summary, in the order shown: each status, conforming changes when there are any. */
export function summaryCounts(summary: Summary): Array<{ label: string; value: number }> {
  return [
    { label: STATUS_WORDS.modified, value: summary.modified },
    { label: STATUS_WORDS.inserted, value: summary.inserted },
    { label: STATUS_WORDS.deleted, value: summary.deleted },
    { label: STATUS_WORDS.moved, value: summary.moved },
    { label: STATUS_WORDS.redesignated, value: summary.redesignated },
    ...(summary.conforming ? [{ label: 'conforming', value: summary.conforming }] : []),
    { label: STATUS_WORDS.unchanged, value: summary.unchanged },
  ];
}

/** What an amendatory instruction does, in words: `strike and insert`. */
export const ACTION_WORDS: Readonly<Record<InstructionAction, string>> = {
  strike: 'strike',
  insert: 'insert',
  strikeInsert: 'strike and insert',
  addAtEnd: 'add at the end',
  insertAfter: 'insert after',
  insertBefore: 'insert before',
  redesignate: 'redesignate',
  amendToRead: 'amend to read',
  repeal: 'repeal',
  repealReserve: 'repeal and reserve',
  add: 'add',
  amendRenumber: 'amend and renumber',
  transfer: 'transfer',
  reformat: 'reformat',
  unknown: 'not understood',
};

/** What a reader calls an unnumbered text of a bill whose reader knows its role. */
export const TEXT_ROLE_WORDS: Readonly<Record<TextRole, string>> = {
  title: 'Title',
  digest: "Legislative Counsel's Digest",
  enacting: 'Enacting clause',
  action: 'Action',
};
