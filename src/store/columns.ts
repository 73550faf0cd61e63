import { OVERRIDE_WORDS, type OverrideWords } from './types.js';

/** The columns of a bill row (`BillRow`): never the search text nor the index built from it. */
export const BILL_COLUMNS = ['id', 'jurisdiction', 'session', 'measure', 'measure_type', 'measure_num', 'title', 'house', 'status', 'pending', 'latest_version', 'updated', 'enacted_as', 'enacts', 'leads', 'statute'] as const;

/** `b.id, b.jurisdiction, …` */
export function billColumns(alias?: string): string {
  return BILL_COLUMNS.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');
}

/** `version_sections.override`'s number for the words (0 for none). */
export function overrideColumn(words: OverrideWords | undefined): number {
  return words ? OVERRIDE_WORDS.indexOf(words) + 1 : 0;
}

/** The words `version_sections.override`'s number stands for (undefined for 0, or a number a newer billdiff wrote). */
export function overrideWords(column: number | null | undefined): OverrideWords | undefined {
  return column ? OVERRIDE_WORDS[Number(column) - 1] : undefined;
}

/** Between the bills of `version_sections.joint` ("AB 12, SB 537"). */
export const JOINT_SEPARATOR = ', ';

/** The bills of a `version_sections.joint` column (none: empty). */
export function jointBills(column: string | null | undefined): string[] {
  return column ? column.split(JOINT_SEPARATOR) : [];
}

/**
 * Where a row of `version_sections vs` with a unit (`vs.unit`) touches every section of the unit: the
 * bill repeals it whole, or would override it whole. The partial index `version_sections_unit` holds
 * these rows only (migration 9, whose predicate this must keep implying).
 */
export const WHOLE_UNIT_TOUCH = "vs.unit IS NOT NULL AND (vs.relation = 'repeals' OR vs.override <> 0)";
