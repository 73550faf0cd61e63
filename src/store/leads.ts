/**
 * Who brings each bill, as a list of bills names it ("by Davies", "by Mr. Raskin"): the lead authors or
 * the sponsor (`LEAD_ROLES`) that the bill's latest version naming any authors names, in its order.
 * They are kept on the bill's row (`bills.leads`, JSON; NULL for none), so that a search's results, a
 * section's bills and a session's contested sections read them with the rows they read anyway. An
 * import writes them when it finishes a bill (`billLeads`, with the rest of its row); migration 13 wrote them for every bill.
 */
import { LEAD_ROLES, type Author } from '../types.js';
import { authorsBy, type AuthorRow } from './bill-page.js';
import type { Dialect } from './dialect.js';

/** The lead authors of the bill `billId`, or of every bill naming any (none given), as `leads` holds them. */
async function readLeads(db: Dialect, billId?: string): Promise<Map<string, Author[]>> {
  const rows = await db.all<AuthorRow & { bill_id: string }>(
    `SELECT v.bill_id, a.name, a.role, a.house, a.committee FROM versions v JOIN version_authors a ON a.version_id = v.id
      WHERE a.role IN (${LEAD_ROLES.map(() => '?').join(', ')})${billId === undefined ? '' : ' AND v.bill_id = ?'}
        AND v.seq = (SELECT MAX(nv.seq) FROM versions nv JOIN version_authors na ON na.version_id = nv.id WHERE nv.bill_id = v.bill_id)
      ORDER BY v.bill_id, a.seq`,
    billId === undefined ? [...LEAD_ROLES] : [...LEAD_ROLES, billId],
  );
  return authorsBy(rows, (r) => r.bill_id);
}

/**
 * `bills.leads` of the bill `billId` as its versions' authors make it, for an import to write with the
 * rest of the bill's row: on PostgreSQL each update of a bill's row writes the row again, with its
 * entries in every index of the table, the full-text one's included.
 */
export async function billLeads(db: Dialect, billId: string): Promise<string | null> {
  return leadsColumn((await readLeads(db, billId)).get(billId));
}

/** `bills.leads` of every bill written from its versions' authors (migration 13). */
export async function writeAllLeads(db: Dialect): Promise<void> {
  for (const [billId, leads] of await readLeads(db)) await db.run('UPDATE bills SET leads = ? WHERE id = ?', [leadsColumn(leads), billId]);
}

/** The column's value of a bill's lead authors. */
function leadsColumn(leads: readonly Author[] | undefined): string | null {
  return leads?.length ? JSON.stringify(leads) : null;
}

/** A bill's lead authors, from its row's `leads` (none: []). */
export function leadsOf(column: string | null | undefined): Author[] {
  return column ? (JSON.parse(column) as Author[]) : [];
}
