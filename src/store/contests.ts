/**
 * The pending bills that would change each section: for every section that two or more pending bills
 * amend or repeal in their latest versions, those bills, read once a generation of the data (one
 * statement over the pending bills' latest versions, PerGeneration). A bill's page names, under each
 * section it amends or repeals, the others (where one would chapter out the other unless they are
 * double-jointed) with no query of its own: read for each page, a section of the session bench that
 * 2,500 bills amend cost its pages 6 ms each, as most of its rows were of versions no longer the latest
 * or of bills no longer pending.
 */
import { compareCodeUnits } from './codes.js';

/** A pending bill whose latest version amends or repeals a section. */
export interface PendingTouch {
  code: string;
  section: string;
  relation: 'amends' | 'repeals';
  bill_id: string;
  measure: string;
  measure_type: string;
  measure_num: number;
  version_id: string;
  corpus_id: string | null;
}

/** Other pending bills a bill's page names for each section: the section's page lists them all. */
export const OTHERS_SHOWN = 3;

/** The other pending bills that would change a section, at most OTHERS_SHOWN, and whether there are more. */
export interface OtherPending {
  bills: PendingTouch[];
  more: boolean;
}

export class Contests {
  /** By `CODE NUMBER`: each bill once, by type and number; only sections two or more bills touch. */
  readonly #bySection = new Map<string, PendingTouch[]>();

  constructor(rows: readonly PendingTouch[]) {
    const grouped = new Map<string, Map<string, PendingTouch>>();
    for (const row of rows) {
      const key = `${row.code} ${row.section}`;
      let bills = grouped.get(key);
      if (!bills) grouped.set(key, (bills = new Map()));
      // A version that both amends and repeals the section (each a touch of its own): as amending it.
      const seen = bills.get(row.bill_id);
      if (!seen || (seen.relation !== 'amends' && row.relation === 'amends')) bills.set(row.bill_id, row);
    }
    for (const [key, bills] of grouped) if (bills.size >= 2) this.#bySection.set(key, [...bills.values()].sort(byMeasure));
  }

  /** The pending bills other than `billId` that would change the section, undefined for none. */
  othersOf(code: string, section: string, billId: string): OtherPending | undefined {
    const all = this.#bySection.get(`${code} ${section}`);
    if (!all) return undefined;
    // The first OTHERS_SHOWN and whether there is one more, no further (the session bench's PEN 1050 has 2,500).
    const bills: PendingTouch[] = [];
    for (const b of all) {
      if (b.bill_id === billId) continue;
      if (bills.length === OTHERS_SHOWN) return { bills, more: true };
      bills.push(b);
    }
    return bills.length ? { bills, more: false } : undefined;
  }
}

/** Bills by type and number (AB 2 before AB 10), then id. */
function byMeasure(a: PendingTouch, b: PendingTouch): number {
  return compareCodeUnits(a.measure_type, b.measure_type) || Number(a.measure_num) - Number(b.measure_num) || compareCodeUnits(a.bill_id, b.bill_id);
}
