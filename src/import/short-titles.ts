/**
 * The names a bill gives the law it makes: its short titles. "This Act may be cited as the “Coronavirus
 * Aid, Relief, and Economic Security Act” or the “CARES Act”." (Congress); "This chapter shall be known,
 * and may be cited, as the California Values Act." (a section a California bill adds, or prints as it
 * amends it); "This chapter shall be known as the Ralph M. Brown Act." (a law section, of its chapter).
 * Read from a bill version's or a law section's text, one level a line (`treeText`), so that a
 * reporter's "CARES Act" or "Ralph M. Brown Act" finds the bill or the law by its name (store/named.ts).
 *
 * Only a name the text gives its own act or a unit of it ("This Act", "This chapter", "This division")
 * is read: a fund or a building "shall be known as" something too, and a bill quoting another law's
 * short title quotes it in single quotes inside the double quotes of the text it inserts
 * ("‘Mineral Leasing Act’"), which are not read.
 */

/** Short titles read from one version, at most. */
export const MOST_SHORT_TITLES = 8;

/** Characters a short title holds, at most (the longest in the federal sample: 105). */
const LONGEST = 200;

/** "This Act may be cited as the", "This chapter shall be known, and may be cited, as", "This division may be cited as". */
const INTRODUCED = /\b[Tt]his (?:[Aa]ct|[Cc]hapter|[Pp]art|[Aa]rticle|[Dd]ivision|[Tt]itle|[Ss]ubtitle|[Ss]ubchapter|[Ss]ubdivision) (?:shall be known,? and may be cited,?|may be cited|shall be known) as:? (?:the )?/g;

/**
 * A name as the text quotes it: “…”, ``…'' or ''…'' (the GPO's quotes in older bills), "…"; or, unquoted
 * (California's codes print their names so), words up to an "Act" (and its year) that ends the sentence.
 */
const NAME = new RegExp(
  [
    String.raw`“([^“”\n]{2,${LONGEST}}?)”`,
    String.raw`(?:''|\x60\x60)([^'\x60\n]{2,${LONGEST}}?)\s*''`,
    String.raw`"([^"\n]{2,${LONGEST}}?)"`,
    // (At most LONGEST characters: a line of "This act shall be known as the A …" repeated is read in linear time.)
    String.raw`([A-Z0-9](?:[^.;:"“”‘’'\n]|'s|\.(?= [A-Z])){0,${LONGEST}}?\bAct(?: of (?:1[89]|20)\d\d)?)(?=[.;,]|\s+or\b|\s*$)`,
  ].join('|'),
  'y',
);

/** What may join a second name to the first: ", or the", " or ". */
const OR = /,? or (?:the )?/y;

/**
 * The short titles `text` gives its act or a unit of it, in the order it gives them, each once, at most
 * `MOST_SHORT_TITLES`; their spaces made one and the quotes' inner spaces trimmed.
 */
export function shortTitles(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(INTRODUCED)) {
    let at = m.index + m[0].length;
    for (;;) {
      NAME.lastIndex = at;
      const name = NAME.exec(text);
      if (!name) break;
      const title = (name[1] ?? name[2] ?? name[3] ?? name[4] ?? '').replace(/\s+/g, ' ').trim();
      // (A name with letters, and not the start of another: "''This Act may be cited as the''".)
      if (/\p{L}/u.test(title) && !/\b(?:may be cited|shall be known)\b/.test(title) && !found.includes(title)) found.push(title);
      if (found.length >= MOST_SHORT_TITLES) return found;
      at = NAME.lastIndex;
      OR.lastIndex = at;
      if (!OR.exec(text)) break;
      at = OR.lastIndex;
    }
  }
  return found;
}
