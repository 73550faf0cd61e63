/**
 * Where a code places a section: a California section's division, title, part, chapter and article, as
 * LAW_SECTION_TBL gives them (`1.`, `17.25.`); a U.S. Code section's subtitle, chapter, subchapter, part
 * and subpart, as its title's file nests them. A bill may repeal a whole unit by the section it begins
 * with: "Chapter 17.25 (commencing with Section 7284) of Division 7 of Title 1 of the Government Code
 * is repealed." The sections of that chapter are those placed as Section 7284 is, down to the chapter.
 */

/** The levels a law section row names, in the columns' order. */
export const PLACE_LEVELS = ['division', 'title', 'part', 'chapter', 'article'] as const;
type CaliforniaLevel = (typeof PLACE_LEVELS)[number];

/**
 * The levels of a U.S. Code title below it that California's codes do not have (a title's chapters,
 * parts and divisions are the levels of those names): after California's, so that a stored place's
 * keys, in this order, are the same as before for a California section.
 */
const US_CODE_LEVELS = ['subtitle', 'subchapter', 'subpart'] as const;

/** Every level a place names, in a stored place's order. */
const LEVELS = [...PLACE_LEVELS, ...US_CODE_LEVELS] as const;
export type PlaceLevel = (typeof LEVELS)[number];

/** Whether a level's name (`chapter`, `subchapter`) is one a place names. */
export function isPlaceLevel(name: string): name is PlaceLevel {
  return (LEVELS as readonly string[]).includes(name);
}

/** A section's place: the number of each level that holds it (levels it is in none of are absent). */
export type Place = Partial<Record<PlaceLevel, string>>;

/**
 * The levels whose numbers must be the same for two sections to be in the same unit of a kind. The
 * codes order their levels differently (the Government Code's titles hold divisions, the Penal Code's
 * parts hold titles), so a level is left free only where it is below the unit in every code: a part's
 * sections must share its title too, which in the Penal Code leaves out those in its other titles.
 * A unit found short is a bill missing from a few section pages; a unit found too long would list a
 * bill on sections it does not touch.
 */
const SAME_ABOVE: Record<CaliforniaLevel, readonly CaliforniaLevel[]> = {
  division: ['title'],
  title: ['division', 'part'],
  part: ['division', 'title'],
  chapter: ['division', 'title', 'part'],
  article: ['division', 'title', 'part', 'chapter'],
};

/** A number as the row prints it (`17.25.`) and as a bill names it (`17.25`). */
function levelNumber(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim().replace(/\.$/, '');
  return trimmed ? trimmed : undefined;
}

/** A law section row's place, as stored (`law_sections.place`): JSON of its levels' numbers; undefined when it names none. */
export function placeOf(row: Partial<Record<PlaceLevel, string | null>>): string | undefined {
  const place: Place = {};
  for (const level of LEVELS) {
    const n = levelNumber(row[level]);
    if (n) place[level] = n;
  }
  return Object.keys(place).length ? JSON.stringify(place) : undefined;
}

/** A stored place read back (an unreadable one is no place). */
export function readPlace(stored: string | null | undefined): Place | undefined {
  if (!stored) return undefined;
  try {
    const value: unknown = JSON.parse(stored);
    if (!value || typeof value !== 'object') return undefined;
    const place: Place = {};
    for (const level of LEVELS) {
      const n = (value as Record<string, unknown>)[level];
      if (typeof n === 'string' && n) place[level] = n;
    }
    return place;
  } catch {
    return undefined;
  }
}

/** The unit a name as a bill prints it and `version_sections.unit` keeps it (`Chapter 17.25`) stands for, or undefined for one that is not a level of the places. */
function readUnit(name: string): { level: CaliforniaLevel; number: string } | undefined {
  const m = /^(\w+) (\S+)$/.exec(name);
  const level = m?.[1]!.toLowerCase() as CaliforniaLevel | undefined;
  return m && level && PLACE_LEVELS.includes(level) ? { level, number: m[2]! } : undefined;
}

/**
 * Whether the unit `unit` (`Chapter 17.25`) that begins with a section placed at `first` holds the
 * section placed at `place`: both are in that chapter, and in the same levels above it.
 */
export function unitHolds(unit: string, first: Place | undefined, place: Place | undefined): boolean {
  const named = readUnit(unit);
  if (!named || !first || !place) return false;
  if (first[named.level] !== named.number || place[named.level] !== named.number) return false;
  return SAME_ABOVE[named.level].every((level) => first[level] === place[level]);
}

/**
 * The stored places (`placeOf`) of every unit that may hold a section placed at `place`, the fewest
 * levels first: each set of its levels. The codes nest their levels differently (a Penal Code part
 * holds titles; a Government Code title holds divisions), so which of them are units is the table of
 * contents' to say (`unitsHolding`).
 */
export function placesAbove(place: Place | undefined): string[] {
  if (!place) return [];
  const levels = LEVELS.filter((level) => place[level] !== undefined);
  const sets: Array<{ key: string; size: number }> = [];
  for (let mask = 1; mask < 1 << levels.length; mask++) {
    // In the columns' order, as a stored place's keys are.
    const unit: Place = {};
    let size = 0;
    levels.forEach((level, i) => {
      if (mask & (1 << i)) {
        unit[level] = place[level]!;
        size++;
      }
    });
    sets.push({ key: JSON.stringify(unit), size });
  }
  return sets.sort((a, b) => a.size - b.size).map((u) => u.key);
}

/**
 * The units of its code holding a section placed at `place`, outermost first, with their headings as
 * the code's table of contents gives them (`headings`, by stored place: `law_units`).
 */
export function unitsHolding(place: Place | undefined, headings: ReadonlyMap<string, string>): Array<{ place: string; heading: string }> {
  if (!headings.size) return [];
  const units: Array<{ place: string; heading: string }> = [];
  for (const key of placesAbove(place)) {
    const heading = headings.get(key);
    if (heading !== undefined) units.push({ place: key, heading });
  }
  return units;
}

/** A unit's address among its code's sections, as a query: `?division=7&part=3` (its levels in a stored place's order). */
export function unitQuery(place: string): string {
  const levels = readPlace(place) ?? {};
  return `?${Object.entries(levels)
    .map(([level, n]) => `${level}=${encodeURIComponent(n)}`)
    .join('&')}`;
}

/** Characters of a unit's number in a query, at most. */
const UNIT_NUMBER_CHARS = 20;

/**
 * The stored place of the unit a code page's query names (`division=7&part=3`), undefined where it names
 * no level; throws a RangeError saying what is wrong where a level is given twice, empty or too long.
 */
export function unitOfQuery(query: Record<string, unknown>): string | undefined {
  const place: Record<string, string> = {};
  for (const level of LEVELS) {
    const value = query[level];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !value.trim() || value.length > UNIT_NUMBER_CHARS) {
      throw new RangeError(`the ${level} parameter must be a unit's number, 1 to ${UNIT_NUMBER_CHARS} characters, given once`);
    }
    place[level] = value;
  }
  return placeOf(place);
}
