/**
 * Double-jointing: where two pending bills amend the same section, the one enacted last would chapter
 * out the other, unless the Legislative Counsel has double-jointed them: the bill prints a second
 * version of its section that carries the other bill's amendments too, operative only if both are
 * enacted and it is enacted last. Its body says so ("Section 1.5 of this bill incorporates amendments
 * to Section 54953 of the Government Code proposed by this bill and Senate Bill 537.", AB 557, Stats.
 * 2023, ch. 534), and so does its digest ("This bill would incorporate additional changes to Section
 * 54953 of the Government Code proposed by SB 537 to be operative only if this bill and SB 537 are
 * enacted and this bill is enacted last.").
 *
 * `doubleJoints` reads those sentences from a version's text: for each section, the other bills whose
 * amendments it incorporates, as their measures ("SB 537").
 */
import { codeOf, normalizeSectionNumber } from '../store/codes.js';

/**
 * The sentence, up to the bills that propose the amendments: the sections ("Section 54953", "Sections
 * 1050 and 1050.5"), their code, and what follows "proposed by" (read to the sentence's end, the
 * period of "Senate Bill No. 7" not its end).
 */
const INCORPORATES =
  /\bincorporates?\s+(?:additional\s+)?(?:amendments|changes)\s+(?:made\s+)?to\s+Sections?\s+([\dA-Za-z.]+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[\dA-Za-z.]+)*)\s*,?\s+of\s+the\s+([A-Z][A-Za-z, ]*?Code)\s*,?\s+proposed\s+by\s+([^]*?)(?:(?<!\bNo)\.(?:\s|$)|$)/g;
/** A bill that proposes them, as the body names it ("Senate Bill 537", "Assembly Bill No. 12") or the digest does ("SB 537"). */
const BILL = /\b(?:(Assembly|Senate)\s+Bill\s+(?:No\.\s*)?(\d+)|(AB|SB)\s*(\d+))\b/g;
/** A section number of the list, as bills print them (54953, 1050.5, 11165.7a). */
const SECTION = /^\d+(?:\.\d+)*[a-z]?$/;

/** By `CODE\u0000SECTION`: the other bills whose amendments of the section the text incorporates, by type and number. */
export function doubleJoints(text: string): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const m of text.matchAll(INCORPORATES)) {
    const code = codeOf(m[2]!.replace(/\s+/g, ' ').trim());
    if (!code) continue;
    const bills = new Set<string>();
    for (const b of m[3]!.matchAll(BILL)) bills.add(b[1] ? `${b[1] === 'Assembly' ? 'AB' : 'SB'} ${Number(b[2])}` : `${b[3]} ${Number(b[4])}`);
    if (!bills.size) continue;
    for (const s of m[1]!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) {
      if (!SECTION.test(s)) continue;
      const key = `${code}\u0000${normalizeSectionNumber(s)}`;
      const set = out.get(key) ?? new Set<string>();
      for (const b of bills) set.add(b);
      out.set(key, set);
    }
  }
  return new Map([...out].map(([key, bills]) => [key, [...bills].sort(byMeasure)]));
}

/** AB before SB, then by number. */
function byMeasure(a: string, b: string): number {
  const [ta, na] = a.split(' ');
  const [tb, nb] = b.split(' ');
  return ta!.localeCompare(tb!) || Number(na) - Number(nb);
}
