/**
 * A federal public law and the bill it enacted are two records (govinfo's PLAW and BILLS) of one
 * measure. Where a list holds both, it lists them as one: the bill, with its law (`enacts` names the
 * bill a law enacted), in the place of whichever of the two comes first. The session page's
 * most-amended sections, the search's results and the names a search finds all fold them so.
 */

/** A bill's status once a law in the database enacted it: "Became Pub. L. 114-190". */
export function becameStatus(lawMeasure: string): string {
  return `Became ${lawMeasure}`;
}

/**
 * `items` with each law that enacted a bill also among them folded into that bill's item (`fold(bill,
 * law)`), in the place of whichever of the two comes first. `idOf` gives an item's bill key, or
 * undefined for an item that is not a bill (a law section); `enactsOf`, a law's item the key of the
 * bill it enacted (`bills.enacts`), else nothing. A bill is folded with one law: the first.
 */
export function lawsWithTheirBills<T>(items: readonly T[], idOf: (item: T) => string | undefined, enactsOf: (item: T) => string | null | undefined, fold: (bill: T, law: T) => T): T[] {
  if (!items.some((item) => enactsOf(item))) return [...items];
  const byId = new Map<string, T>();
  for (const item of items) {
    const id = idOf(item);
    if (id !== undefined && !byId.has(id)) byId.set(id, item);
  }
  // Each law folded (by its key) into its bill's item, and each such bill's law.
  const folded = new Map<string, T>();
  const lawOfBill = new Map<string, string>();
  for (const item of items) {
    const law = idOf(item);
    const billId = law === undefined ? undefined : enactsOf(item) ?? undefined;
    const bill = billId === undefined ? undefined : byId.get(billId);
    if (bill === undefined || law === undefined || lawOfBill.has(billId!) || folded.has(law)) continue;
    folded.set(law, fold(bill, item));
    lawOfBill.set(billId!, law);
  }
  if (!folded.size) return [...items];
  const out: T[] = [];
  const placed = new Set<string>();
  for (const item of items) {
    const id = idOf(item);
    const law = id === undefined ? undefined : folded.has(id) ? id : lawOfBill.get(id);
    if (law === undefined) out.push(item);
    else if (!placed.has(law)) {
      placed.add(law);
      out.push(folded.get(law)!);
    }
  }
  return out;
}
