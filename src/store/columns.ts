/** The columns of a bill row (`BillRow`): never the search text nor the index built from it. */
export const BILL_COLUMNS = ['id', 'jurisdiction', 'session', 'measure', 'measure_type', 'measure_num', 'title', 'house', 'status', 'pending', 'latest_version', 'updated', 'enacted_as', 'enacts'] as const;

/** `b.id, b.jurisdiction, …` */
export function billColumns(alias?: string): string {
  return BILL_COLUMNS.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');
}
