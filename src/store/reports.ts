/**
 * The answers the API, the pages and the CLI share: a bill with its versions, history and sections;
 * a law section with the bills touching it; a bill version found by name (`introduced`, `latest`).
 * Links are paths of the web app (`/bills/…`, `/compare?…`), the same wherever they are shown.
 */
import { codeName, codeTyped, isUsCode, normalizeSectionNumber, parseSectionCitation, sectionName } from './codes.js';
import type { Database } from './database.js';
import { billKey, measureOfKey, parseMeasure, sessionName, statuteCitation } from './names.js';
import { billColumns, jointBills, overrideWords } from './columns.js';
import { placesAbove, readPlace, unitQuery, unitsHolding } from './places.js';
import type { BillRow, HistoryRow, OverrideWords, SectionBill, SectionRelation, SectionTouch, VersionSummary } from './types.js';
import { DIGEST_KEYS, type Author, type DigestKey } from '../types.js';
import type { AuthorMatch } from './authors.js';
import type { Named } from './named.js';

/** A document id the comparison pages take: the corpus id where it has one (old permalinks), else `ver:…`. */
export function versionDocId(v: { id: string; corpus_id: string | null }): string {
  return v.corpus_id ?? `ver:${v.id}`;
}

/** The document id of a law section: its corpus id, else `law:PEN:1050`. */
export function sectionDocId(code: string, number: string, corpusId?: string | null): string {
  return corpusId ?? `law:${code}:${number}`;
}

export function compareUrl(params: Record<string, string>): string {
  return `/compare?${new URLSearchParams(params).toString()}`;
}

/**
 * The comparison of a bill version against a law section it amends or repeals (`version` and `law` as
 * document ids): a California bill prints the section as amended, set against the law's ("bill" mode);
 * a federal bill's instructions are applied to the U.S. Code's section ("apply" mode), since it prints
 * only what to strike and insert.
 */
export function lawCompareUrl(version: string, code: string, law: string): string {
  return isUsCode(code) ? compareUrl({ mode: 'apply', old: law, new: version }) : compareUrl({ bill: version, law });
}

/** Most bills one "apply them in turn" comparison applies (the comparison takes at most 8). */
const MAX_APPLIED = 8;

/**
 * Pending bills that amend a section, their instructions applied to it in turn (`law`, the section's
 * document id): where one would chapter out the other unless they are double-jointed. Undefined for
 * fewer than two (only bills that amend it count).
 */
export function inTurnUrl(law: string, bills: Array<Pick<SectionBill, 'relation' | 'pending' | 'version_id' | 'corpus_id'>>): string | undefined {
  const amending = bills.filter((b) => b.pending === 1 && b.relation === 'amends').slice(0, MAX_APPLIED);
  return amending.length >= 2 ? compareUrl({ mode: 'apply', old: law, new: amending.map((b) => versionDocId({ id: b.version_id, corpus_id: b.corpus_id })).join(',') }) : undefined;
}

/** What a bill's page and `billdiff bill` say before the other pending bills that amend or repeal a section it does (`otherPending`). */
export const OTHER_PENDING_SAYS = 'Other pending bills that would change it';

export function sectionUrl(code: string, number: string): string {
  return `/sections/${encodeURIComponent(code)}/${encodeURIComponent(number)}`;
}

/** A code's page: `/codes/PEN`, `/codes/usc54`. */
export function codeUrl(code: string): string {
  return `/codes/${encodeURIComponent(code)}`;
}

export function billUrl(id: string): string {
  return `/bills/${encodeURIComponent(id)}`;
}

/** A version's text (`/bills/ca-20252026-0-ab1656/versions/introduced`), by the version's name. */
export function versionTextUrl(billId: string, name: string): string {
  return `${billUrl(billId)}/versions/${encodeURIComponent(name)}`;
}

/** A session's page (`/sessions/ca/20252026-0`). */
export function sessionPageUrl(jurisdiction: string, session: string): string {
  return `/sessions/${encodeURIComponent(jurisdiction)}/${encodeURIComponent(session)}`;
}

/** A session's authors (`/sessions/ca/20252026-0/authors`). */
export function sessionAuthorsUrl(jurisdiction: string, session: string): string {
  return `${sessionPageUrl(jurisdiction, session)}/authors`;
}

/** An author's bills of a session (`/sessions/ca/20252026-0/authors/Davies`), by the name the versions give. */
export function authorPageUrl(jurisdiction: string, session: string, name: string): string {
  return `${sessionAuthorsUrl(jurisdiction, session)}/${encodeURIComponent(name)}`;
}

/** What a jurisdiction calls those who bring its bills: California's authors, Congress's sponsors and cosponsors. */
export function authorsWords(jurisdiction: string): { one: string; single: string; all: string } {
  return jurisdiction === 'us' ? { one: 'a sponsor or cosponsor', single: 'sponsor or cosponsor', all: 'sponsors and cosponsors' } : { one: 'an author', single: 'author', all: 'authors' };
}

/** An author a search names, as `/api/search` and `billdiff search --format json` give them. */
export function authorJson(a: AuthorMatch) {
  return { name: a.name, title: authorName(a), jurisdiction: a.jurisdiction, session: a.session, bills: a.bills, url: authorPageUrl(a.jurisdiction, a.session, a.name) };
}

/** A bill or law section a search found by its name (`Database.named`), as `/api/search` and `billdiff search --format json` give it. */
export function namedJson(n: Named) {
  const common = { kind: n.kind, name: n.name, id: namedId(n) };
  if (n.kind === 'bill') return { ...common, measure: n.measure, session: n.session, title: namedTitle(n), url: namedUrl(n), ...(n.law ? { law: { ...n.law, url: billUrl(n.law.id) } } : {}) };
  if (n.kind === 'code') return { ...common, sections: n.sections, title: namedTitle(n), url: namedUrl(n) };
  return { ...common, title: namedTitle(n), url: namedUrl(n) };
}

/** A bill, law section or code found by its name, by its id as a search's results or the code filter give it (`us-116-hr748`, `GOV/54950`, `PEN`). */
export function namedId(n: Named): string {
  return n.kind === 'bill' ? n.id : n.kind === 'code' ? n.code : `${n.code}/${n.number}`;
}

/** The page of a bill, law section or code found by its name. */
export function namedUrl(n: Named): string {
  return n.kind === 'bill' ? billUrl(n.id) : n.kind === 'code' ? codeUrl(n.code) : sectionUrl(n.code, n.number);
}

/** What a search says after a bill, section or code found by its name: the name it gives (` (“CARES Act”)`), or how many of a code's sections the database holds. */
export function namedNote(n: Named): string {
  return n.kind === 'code' ? ` (${n.sections.toLocaleString('en-US')} ${n.sections === 1 ? 'section' : 'sections'} in the database)` : ` (“${n.name}”)`;
}

/** A bill's short titles as its page and `billdiff bill` say them: "Short titles: “Coronavirus Aid, Relief, and Economic Security Act”; “CARES Act”" (none: undefined). */
export function shortTitlesSaid(titles: readonly string[]): string | undefined {
  return titles.length ? `${titles.length === 1 ? 'Short title' : 'Short titles'}: ${titles.map((t) => `“${t}”`).join('; ')}` : undefined;
}

/** A bill, law section or code found by its name, as a search names it: "H.R. 748 (116th Congress)", "Government Code § 54950", "Penal Code". */
export function namedTitle(n: Named): string {
  return n.kind === 'bill' ? `${n.measure} (${sessionName(n.jurisdiction, n.session)})` : n.kind === 'code' ? codeName(n.code) : sectionName(n.code, n.number);
}

/** Where a search found an author, as the search page and `billdiff search` say it: "2025–26 Regular Session, 1 bill". */
export function authorWhere(a: AuthorMatch): string {
  return `${sessionName(a.jurisdiction, a.session)}, ${a.bills.toLocaleString('en-US')} ${a.bills === 1 ? 'bill' : 'bills'}`;
}

/** `/api/bills/:id`. */
export interface BillReport {
  id: string;
  measure: string;
  jurisdiction: string;
  session: string;
  sessionName: string;
  title: string;
  /** The names its versions give its act or a unit of it ("CARES Act"), in the order they give them (none: empty). */
  shortTitles: readonly string[];
  house: string | null;
  status: string | null;
  pending: boolean;
  /** Who brought the bill: the authors its latest version that names any names (a federal bill's engrossed and enrolled prints name none). */
  authors: Author[];
  /** A federal bill the database holds the law of: that law ("Became Pub. L. 119-21"). */
  enactedAs?: BillLink;
  /** A federal law: the bill it enacted, as it names it ("[H.R. 1]"); its `url` only where the database holds it. */
  enacts?: BillLink;
  /** Its citation in the statutes: a federal law's page of the Statutes at Large ("130 Stat. 615"), a California bill's chapter ("Stats. 2025, ch. 623"). */
  statute?: string;
  url: string;
  versions: Array<{
    id: string;
    name: string;
    stage: string;
    date: string | null;
    docId: string;
    changes: { wordsInserted: number | null; wordsDeleted: number | null; clauses: number | null; countedBy: string | null; against: string | null } | null;
    gutAndAmend: boolean;
    /** The authors the version names (none: empty). */
    authors: Author[];
    /** A California version's digest key, as far as it gives it ("Vote: majority …"; none: absent). */
    digestKey?: DigestKey;
    compareUrl?: string;
    /** Its text's page (`/bills/:id/versions/:name`; its JSON under `/api`). */
    textUrl?: string;
    sections: Array<SectionTouch & { url: string }>;
  }>;
  history: Array<{ date: string | null; action: string }>;
  /** The sections the latest version touches, each with its page and the bill-versus-law comparison. */
  sections: Array<
    Omit<SectionTouch, 'jointWith'> & {
      /** Of a section it amends: the other bills whose amendments of it the version incorporates (double-jointed; else absent). */
      jointWith?: JointBill[];
      name: string;
      url: string;
      lawUrl?: string;
      inDatabase: boolean;
      /**
       * Of a section it amends or repeals, other pending bills whose latest versions amend or repeal
       * it too (at most `OTHERS_SHOWN`, by type and number; `otherPendingMore` when there are others:
       * the section's page lists them all): where one would chapter out the other.
       */
      otherPending?: Array<{ id: string; measure: string; relation: 'amends' | 'repeals'; url: string }>;
      otherPendingMore?: true;
      /** Where this bill and another pending one amend a section the database holds: their instructions applied to it in turn. */
      inTurnUrl?: string;
    }
  >;
}

/**
 * A bill a section's amendment is double-jointed with, as the amending bill names it ("SB 537", of its
 * session): linked where the database holds it.
 */
export interface JointBill {
  measure: string;
  id: string;
  url?: string;
}

/** "double-jointed with SB 537" (`billdiff bill`, `billdiff section`, a section's feed; the pages link each bill: `jointList` in database-pages.ts). */
export function jointSaid(bills: ReadonlyArray<{ measure: string }>): string {
  return `double-jointed with ${listed(bills.map((b) => b.measure))}`;
}

/**
 * The bills named by `joints` (each a list of measures of the session, `jointBills`), linked where the
 * database holds them: a function from a list to its bills. One query (`heldBills`), none where no list names one.
 */
export async function jointBillsOf(db: Database, jurisdiction: string, session: string, joints: Iterable<readonly string[]>): Promise<(measures: readonly string[]) => JointBill[]> {
  const idOf = (measure: string) => {
    const [type, number] = measure.split(' ');
    return billKey(jurisdiction, session, type!, number!);
  };
  const ids = new Set<string>();
  for (const list of joints) for (const m of list) ids.add(idOf(m));
  const held = await db.heldBills(ids);
  return (measures) =>
    measures.map((measure) => {
      const id = idOf(measure);
      return held.has(id) ? { measure, id, url: billUrl(id) } : { measure, id };
    });
}

/**
 * Another bill, named, and linked where the database holds it, with its versions then (each as a
 * document to compare: a bill's last version against the law it became, in one click).
 */
export interface BillLink {
  id: string;
  measure: string;
  url?: string;
  versions?: Array<{ name: string; stage: string; date: string | null; docId: string }>;
}

/** The bill `id` as another's page links it: its versions where the database holds it (none: not held). */
async function billLink(db: Database, id: string): Promise<BillLink> {
  const versions = await db.versions(id);
  const link: BillLink = { id, measure: measureOfKey(id) ?? id };
  if (versions.length) {
    link.url = billUrl(id);
    link.versions = versions.map((v) => ({ name: v.name, stage: v.stage, date: v.date, docId: versionDocId(v) }));
  }
  return link;
}

/**
 * A bill's page, with the other pending bills that would change each section it amends or repeals, as
 * the data of `generation` have them (read here where none is given).
 */
export async function billReport(db: Database, id: string, generation?: string): Promise<BillReport | undefined> {
  // One statement (one round trip on PostgreSQL), beside the pending bills of each section, read once a generation.
  const read = generation === undefined ? db.generation() : Promise.resolve(generation);
  const [page, contests, names] = await Promise.all([db.billPage(id), read.then((g) => db.contests(g)), read.then((g) => db.shortTitles(id, g))]);
  if (!page) return undefined;
  const { bill, versions, history, touches, held, authors } = page;
  const latest = versions[versions.length - 1];
  const latestTouches = latest ? touches.get(latest.id) ?? [] : [];
  // Each object is written field by field, not spread from another: on Node 20, `{ ...t, name }` made
  // seven times the bytes and a quarter of them outlived the next young-generation collection.
  const sections: BillReport['sections'] = [];
  const jointWith = await jointBillsOf(db, bill.jurisdiction, bill.session, latestTouches.flatMap((t) => (t.jointWith ? [t.jointWith] : [])));
  for (const t of latestTouches) {
    const law = held.get(`${t.code} ${t.section}`);
    const name = touchName(t);
    const url = sectionUrl(t.code, t.section);
    const inDatabase = law !== undefined;
    const section: BillReport['sections'][number] = t.override
      ? { code: t.code, section: t.section, relation: t.relation, override: t.override, name, url, inDatabase }
      : { code: t.code, section: t.section, relation: t.relation, name, url, inDatabase };
    if (t.unit) section.unit = t.unit;
    if (t.through) section.through = t.through;
    if (t.jointWith) section.jointWith = jointWith(t.jointWith);
    if (law && latest) section.lawUrl = lawCompareUrl(versionDocId(latest), t.code, sectionDocId(t.code, t.section, law.corpus_id));
    const others = t.relation === 'amends' || t.relation === 'repeals' ? contests.othersOf(t.code, t.section, bill.id) : undefined;
    if (others && latest) {
      section.otherPending = others.bills.map((r) => ({ id: r.bill_id, measure: r.measure, relation: r.relation, url: billUrl(r.bill_id) }));
      if (others.more) section.otherPendingMore = true;
      // This bill's instructions first, where it is pending and amends the section (a repeal has none to apply).
      const mine = { relation: t.relation, pending: bill.pending, version_id: latest.id, corpus_id: latest.corpus_id };
      const inTurn = law && bill.pending === 1 && t.relation === 'amends' ? inTurnUrl(sectionDocId(t.code, t.section, law.corpus_id), [mine, ...others.bills.map((r) => ({ ...r, pending: 1 }))]) : undefined;
      if (inTurn) section.inTurnUrl = inTurn;
    }
    sections.push(section);
  }
  return {
    id: bill.id,
    measure: bill.measure,
    jurisdiction: bill.jurisdiction,
    session: bill.session,
    sessionName: sessionName(bill.jurisdiction, bill.session),
    title: bill.title,
    shortTitles: names,
    house: bill.house,
    status: bill.status,
    pending: bill.pending === 1,
    authors: latestAuthors(versions, authors),
    // The law a bill became is in the database (its import named the bill); a law's bill may not be.
    ...(bill.enacted_as ? { enactedAs: await billLink(db, bill.enacted_as) } : {}),
    ...(bill.enacts ? { enacts: await billLink(db, bill.enacts) } : {}),
    ...(bill.statute ? { statute: bill.statute } : {}),
    url: billUrl(bill.id),
    versions: versions.map((v, i) => {
      // Written in the JSON's key order: compareUrl (from the second version on) before sections.
      const version = {
        id: v.id,
        name: v.name,
        stage: v.stage,
        date: v.date,
        docId: versionDocId(v),
        changes:
          v.counted_by === null
            ? null
            : { wordsInserted: v.words_inserted, wordsDeleted: v.words_deleted, clauses: v.clauses_changed, countedBy: v.counted_by, against: v.against },
        gutAndAmend: v.gut_and_amend === 1,
        authors: authors.get(v.id) ?? [],
      } as BillReport['versions'][number];
      const digestKey = readDigestKey(v.digest_key);
      if (digestKey) version.digestKey = digestKey;
      if (i > 0) version.compareUrl = compareUrl({ old: versionDocId(versions[i - 1]!), new: versionDocId(v) });
      version.textUrl = versionTextUrl(bill.id, v.name);
      version.sections = (touches.get(v.id) ?? []).map((t) => {
        const touch: BillReport['versions'][number]['sections'][number] = t.override
          ? { code: t.code, section: t.section, relation: t.relation, override: t.override, url: sectionUrl(t.code, t.section) }
          : { code: t.code, section: t.section, relation: t.relation, url: sectionUrl(t.code, t.section) };
        if (t.unit) touch.unit = t.unit;
        if (t.through) touch.through = t.through;
        return touch;
      });
      return version;
    }),
    history: history.map((h) => ({ date: h.date, action: h.action })),
    sections,
  };
}

/**
 * An author as a page names them: `Assembly Member Davies`, `Senator Limón`, `Assembly Committee on
 * Judiciary`; a member of Congress as printed. Takes an `Author` or a row of the database (`house` null).
 */
export function authorName(a: { name: string; house?: string | null; committee?: boolean }): string {
  if (a.committee) return a.house && !a.name.startsWith(a.house) ? `${a.house} ${a.name}` : a.name;
  if (a.house === 'Assembly') return `Assembly Member ${a.name}`;
  if (a.house === 'Senate') return `Senator ${a.name}`;
  return a.name;
}

/** What comes before the `i`-th of `n` names in a list: nothing, `, `, or ` and ` before the last. */
export function listSeparator(i: number, n: number): string {
  return i === 0 ? '' : i === n - 1 ? ' and ' : ', ';
}

/** `A`, `A and B`, `A, B and C`. */
function listed(names: string[]): string {
  return names.map((name, i) => `${listSeparator(i, names.length)}${name}`).join('');
}

/** Authors by role, the roles in the order they first come. */
export function authorsByRole(authors: readonly Author[]): Map<Author['role'], Author[]> {
  const out = new Map<Author['role'], Author[]>();
  for (const a of authors) {
    const list = out.get(a.role);
    if (list) list.push(a);
    else out.set(a.role, [a]);
  }
  return out;
}

/** Names of one role past which a page counts them rather than lists them at once (a federal bill's cosponsors: 70 for 114 H.R. 1732). */
export const MANY_AUTHORS = 8;

/** A role as the heading of `count` names: `lead author`, `cosponsors`. */
export const roleWords = (role: Author['role'], count: number) => `${role}${count > 1 ? 's' : ''}`;

export const capitalized = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}`;

/**
 * The sections cited, less the last of each range cited the same way ("Sections 290 through 290.024"
 * names 290.024, which is also a citation of its own): the lists name the range for both.
 */
export function withoutRangeEnds<T extends { code: string; section: string; relation: string; override?: string | undefined; through?: string | undefined }>(sections: T[]): T[] {
  const ends = new Set(sections.filter((s) => s.through).map((s) => `${s.code}\u0000${s.through}\u0000${s.relation}\u0000${s.override ?? ''}`));
  return ends.size ? sections.filter((s) => !ends.has(`${s.code}\u0000${s.section}\u0000${s.relation}\u0000${s.override ?? ''}`)) : sections;
}

/** Who brought a bill, in words, by role in the order the roles first come: "Lead author: Assembly Member Davies. Coauthor: Senator Limón." */
export function authorsSaid(authors: readonly Author[]): string {
  return [...authorsByRole(authors)].map(([role, list]) => `${capitalized(roleWords(role, list.length))}: ${listed(list.map(authorName))}.`).join(' ');
}

/** Who brings a bill, as a line of a list of bills names them beside it: "by Assembly Member Davies" ('' for none). */
export function broughtBy(leads: readonly Author[]): string {
  return leads.length ? `by ${listed(leads.map(authorName))}` : '';
}

/**
 * What changed in who brought a bill from one version to the next, where both name their authors:
 * "Added as lead author: Assembly Member Valencia. Removed as lead author: Assembly Member Ramos.", or
 * past `MANY_AUTHORS` of a role, how many: "Added 31 cosponsors." (undefined: no change).
 */
export function authorsChanged(before: readonly Author[], after: readonly Author[]): string | undefined {
  if (!before.length || !after.length || sameAuthors(before, after)) return undefined;
  const key = (a: Author) => `${a.role}\u0000${authorName(a)}`;
  const was = new Set(before.map(key));
  const now = new Set(after.map(key));
  const said = (verb: string, list: readonly Author[]) =>
    [...authorsByRole(list)].map(([role, authors]) =>
      authors.length > MANY_AUTHORS ? `${verb} ${authors.length} ${roleWords(role, authors.length)}.` : `${verb} as ${roleWords(role, authors.length)}: ${listed(authors.map(authorName))}.`,
    );
  const out = [...said('Added', after.filter((a) => !was.has(key(a)))), ...said('Removed', before.filter((a) => !now.has(key(a))))].join(' ');
  return out || undefined;
}

/** A stored digest key (`version_keys.digest_key`), its known keys only; undefined for none, or one that does not read. */
export function readDigestKey(json: string | null | undefined): DigestKey | undefined {
  if (!json) return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!stored || typeof stored !== 'object') return undefined;
  const out: DigestKey = {};
  for (const key of DIGEST_KEYS) {
    const value = (stored as Record<string, unknown>)[key];
    if (key === 'vote' ? typeof value === 'string' : typeof value === 'boolean') (out as Record<string, unknown>)[key] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Each key of a digest as the bill's page and `billdiff bill` name it, in the digest's order. */
const DIGEST_LABELS: Record<keyof DigestKey, string> = { vote: 'Vote', appropriation: 'Appropriation', fiscalCommittee: 'Fiscal committee', localProgram: 'Local program', urgency: 'Urgency', taxLevy: 'Tax levy' };

/** One key's value in words: `majority`, `two-thirds`, `yes`, `no`. */
function digestValue(value: string | boolean): string {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
}

/** "Vote: majority · Appropriation: no · Fiscal committee: yes · Local program: no · Urgency: no · Tax levy: no": the keys it gives. */
export function digestSaid(digestKey: DigestKey): string {
  return DIGEST_KEYS.flatMap((k) => (digestKey[k] === undefined ? [] : [`${DIGEST_LABELS[k]}: ${digestValue(digestKey[k]!)}`])).join(' · ');
}

/**
 * A bill's digest key as its versions last give each key (a chaptered print of 1999 gives only some
 * of them: the rest as its amended prints gave them); undefined where none gives any.
 */
export function latestDigestKey(versions: ReadonlyArray<{ digestKey?: DigestKey }>): DigestKey | undefined {
  let out: DigestKey | undefined;
  for (const v of versions) if (v.digestKey) out = { ...out, ...v.digestKey };
  return out;
}

/** What a version's digest key changed from the version before's: "Fiscal committee: now yes (was no)." (undefined for nothing, or where either gives none). */
export function digestChanged(before: DigestKey | undefined, after: DigestKey | undefined): string | undefined {
  if (!before || !after) return undefined;
  const changes = DIGEST_KEYS.flatMap((k) => {
    const [was, now] = [before[k], after[k]];
    return was === undefined || now === undefined || was === now ? [] : [`${DIGEST_LABELS[k]}: now ${digestValue(now)} (was ${digestValue(was)})`];
  });
  return changes.length ? `${changes.join('; ')}.` : undefined;
}

/** Whether two versions name the same authors in the same order (most versions of a bill do: nothing to compare). */
function sameAuthors(a: readonly Author[], b: readonly Author[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x.name !== y.name || x.role !== y.role || x.house !== y.house || x.committee !== y.committee) return false;
  }
  return true;
}

/** The authors of the latest of `versions` that names any (none: empty). */
function latestAuthors(versions: ReadonlyArray<{ id: string }>, authors: ReadonlyMap<string, Author[]>): Author[] {
  for (let i = versions.length - 1; i >= 0; i--) {
    const named = authors.get(versions[i]!.id);
    if (named) return named;
  }
  return [];
}

/** A bill's relation to a section as the section's page and `billdiff section` name it: "overrides" for a citation "notwithstanding" it (or the like). */
export function relationWord(b: { relation: SectionRelation; override?: OverrideWords }): string {
  return b.override ? 'overrides' : b.relation;
}

/** A row of a section that a range the bill touches holds, between the range's ends (not the section it begins with, which the bill names). */
export function between(b: { range_from: string | null }, section: string): boolean {
  return b.range_from !== null && b.range_from !== section;
}

/** The range a section-bill row touches, as `holderOf` takes it. */
export function rangeOf(b: { range_from: string | null; through: string | null }): { from: string; through: string } | undefined {
  return b.range_from && b.through ? { from: b.range_from, through: b.through } : undefined;
}

/**
 * What holds the section on its page, where the bill touches a whole unit or a range of sections: the
 * note after the bill on a section's page and in `billdiff section` ("the whole of Chapter 17.25, which
 * holds it", "Sections 290 through 290.024, which include it"), and the words `OVERRIDE_SAYS`'s notes
 * name it by ("Chapter 3.5, which holds it").
 */
export function holderOf(b: { unit?: string | null; range?: { from: string; through: string } | undefined }): { note: string; holder: string } | undefined {
  if (b.unit) return { note: `the whole of ${b.unit}, which holds it`, holder: `${b.unit}, which holds it` };
  if (b.range) {
    const holder = `Sections ${b.range.from} through ${b.range.through}, which include it`;
    return { note: holder, holder };
  }
  return undefined;
}

/**
 * A section a bill touches as its pages name it: a whole unit by the section it begins with, "Chapter
 * 17.25 (commencing with Government Code § 7284)"; a range by its ends, "Penal Code §§ 290 through 290.024".
 */
export function touchName(t: { code: string; section: string; unit?: string | null; through?: string | null }): string {
  if (t.through && !t.unit) return `${codeName(t.code)} §§ ${t.section} through ${t.through}`;
  const name = sectionName(t.code, t.section);
  return t.unit ? `${t.unit} (commencing with ${name})` : name;
}

/** What every override's title says it means. */
const PREVAILS = 'the bill’s words would prevail over the section’s';

/**
 * How a page and `billdiff section` say that a bill overrides a section, by the words it cites it
 * with: the mark's title, and the note after the section's name (`many`: after several names; `holder`:
 * on a section's page, the whole unit or the range holding it that the bill overrides, `holderOf`).
 */
export const OVERRIDE_SAYS: Record<OverrideWords, { title: string; note: (many: boolean, holder?: string) => string }> = {
  notwithstanding: { title: `Cited “notwithstanding”: ${PREVAILS}`, note: (many, holder) => `notwithstanding ${them(many, holder)}` },
  'without regard to': { title: `Cited “without regard to”: ${PREVAILS}`, note: (many, holder) => `without regard to ${them(many, holder)}` },
  'shall not apply': { title: `Cited as a section that “shall not apply”: ${PREVAILS}`, note: (many, holder) => `${holder ? `${holder},` : many ? 'they' : 'it'} shall not apply` },
  'exempt from': { title: `Cited as a section something is “exempt from”: ${PREVAILS}`, note: (many, holder) => `exempt from ${them(many, holder)}` },
};

/** The sections overridden, as the note after them names them (`holder`: what holds the section, `holderOf`). */
function them(many: boolean, holder: string | undefined): string {
  return holder ?? (many ? 'them' : 'it');
}

/** `/api/sections/:code/:number`. */
export interface SectionReport {
  code: string;
  number: string;
  name: string;
  heading: string;
  /** The names it gives its unit or act ("This chapter shall be known as the Ralph M. Brown Act"), in its order (none: empty). */
  shortTitles: string[];
  /**
   * The units of its code holding it, outermost first, as the code's table of contents heads them
   * ("PART 2. OF CRIMINAL PROCEDURE", …, "CHAPTER 8. Continuances"; none known: empty), each with its
   * address among the code's sections (`/codes/PEN?title=6&part=2`).
   */
  units: Array<{ heading: string; url: string }>;
  text: string;
  history: string;
  /**
   * The acts its history note cites whose bills the database holds: a California section's chapters
   * ("Amended by Stats. 2025, Ch. 623, Sec. 2. (AB 831)"), a U.S. Code section's public laws (its source
   * credit, "… Pub. L. 114–190, title II, § 2101(a), July 15, 2016, 130 Stat. 634."): each as the note
   * prints it (`cited`), with its bill's measure and page.
   */
  historyActs: Array<{ cited: string; measure: string; url: string }>;
  /** Whether the database holds the section's text (a section only bills touch has none). */
  inDatabase: boolean;
  docId?: string;
  /** Where two or more pending bills amend it in their latest versions: their instructions applied to it in turn (`inTurnUrl`). */
  inTurnUrl?: string;
  bills: Array<{
    id: string;
    measure: string;
    jurisdiction: string;
    session: string;
    sessionName: string;
    title: string;
    /**
     * Who brings it: its lead authors or its sponsor (`LEAD_ROLES`), as its latest version naming any
     * authors names them (none: empty). Absent on the bills `sectionReport`'s `authorsOf` leaves out.
     */
    authors?: Author[];
    status: string | null;
    pending: boolean;
    relation: SectionRelation;
    /** A citation the bill's words would prevail over, by the words that say so: "Notwithstanding Section 7284.6, …" (with `cites`; else absent). */
    override?: OverrideWords;
    /** The whole unit the bill repeals, overrides or cites that holds the section (`Chapter 17.25`; else absent). */
    unit?: string;
    /** The range of sections the bill cites that holds the section, by its ends (`{"from": "290", "through": "290.024"}`; else absent). */
    range?: { from: string; through: string };
    /** Where it amends the section: the other bills whose amendments of it the bill incorporates (double-jointed; else absent). */
    jointWith?: JointBill[];
    version: string;
    versionStage: string;
    versionDate: string | null;
    /** The bill-versus-law comparison where the section is in the database, else the bill's page. */
    url: string;
    billUrl: string;
  }>;
}

/**
 * A section's heading as its page, its code's page and `billdiff section` title it: none where it is its
 * innermost unit's (`innermost`; a California section's, from the table of contents), which they name
 * with the units above it.
 */
export function headingOwn(heading: string, innermost: string | undefined): string {
  return heading === innermost ? '' : heading;
}

/** A chapter as a law section's history note cites it: "Stats. 2025, Ch. 623", "Stats. 1989, Res. Ch. 90". */
const NOTE_CHAPTER = /Stats\. \d{4},(?: \d{1,2}(?:st|nd|rd|th|d) Ex\. Sess\.,)? (?:Res\. )?Ch\. \d{1,4}/gi;

/** A public law as a U.S. Code section's source credit cites it: "Pub. L. 114–190" (its Congress, its number). */
const NOTE_LAW = /Pub\. L\. (\d{2,3})[–-](\d{1,4})/g;

/**
 * The acts a section's history note cites whose bills the database holds (`SectionReport.historyActs`):
 * a California section's chapters ("Stats. 2025, Ch. 623"), a U.S. Code section's public laws ("Pub. L.
 * 114–190"), in the note's order.
 */
async function historyActs(db: Database, note: string): Promise<SectionReport['historyActs']> {
  const laws = [...new Map([...note.matchAll(NOTE_LAW)].map((m) => [m[0], { session: String(Number(m[1])), number: Number(m[2]) }]))].slice(0, 60);
  if (laws.length) {
    const numbers = [...new Set(laws.map(([, l]) => l.number))];
    const rows = await db.dialect.all<{ id: string; measure: string; session: string; measure_num: number }>(
      `SELECT id, measure, session, measure_num FROM bills WHERE jurisdiction = 'us' AND measure_type = 'PL' AND measure_num IN (${numbers.map(() => '?').join(', ')})`,
      numbers,
    );
    const byLaw = new Map(rows.map((r) => [`${r.session}-${Number(r.measure_num)}`, r]));
    return laws.flatMap(([cited, l]) => {
      const law = byLaw.get(`${l.session}-${l.number}`);
      return law ? [{ cited, measure: law.measure, url: billUrl(law.id) }] : [];
    });
  }
  const cited = [...new Set(note.match(NOTE_CHAPTER) ?? [])].slice(0, 20);
  const keys = new Map<string, string>();
  for (const c of cited) {
    const key = statuteCitation(c);
    if (key) keys.set(c, key);
  }
  if (!keys.size) return [];
  const wanted = [...new Set(keys.values())];
  const rows = await db.dialect.all<{ id: string; measure: string; statute: string }>(
    `SELECT id, measure, statute FROM bills WHERE jurisdiction = 'ca' AND statute IN (${wanted.map(() => '?').join(', ')}) ORDER BY id`,
    wanted,
  );
  const byStatute = new Map<string, { id: string; measure: string }>();
  for (const r of rows) if (!byStatute.has(r.statute)) byStatute.set(r.statute, r);
  return [...keys].flatMap(([c, key]) => {
    const bill = byStatute.get(key);
    return bill ? [{ cited: c, measure: bill.measure, url: billUrl(bill.id) }] : [];
  });
}

/** `headingOwn` of a section's report. */
export function ownHeading(report: Pick<SectionReport, 'heading' | 'units'>): string {
  return headingOwn(report.heading, report.units[report.units.length - 1]?.heading);
}

/**
 * A law section and every bill touching it, newest first, with who brings each of the bills `authorsOf`
 * names (from `offset`, `limit` of them: the bills a page or a feed shows; every bill where it is absent):
 * a section thousands of bills touch reads only the authors it shows.
 */
export async function sectionReport(db: Database, code: string, number: string, authorsOf?: { offset: number; limit: number }): Promise<SectionReport | undefined> {
  const [law, bills, contest] = await Promise.all([db.lawSection(code, number), db.sectionBills(code, number), db.sectionContest(code, number)]);
  if (!law && bills.length === 0) return undefined;
  const [from, to] = authorsOf ? [authorsOf.offset, authorsOf.offset + authorsOf.limit] : [0, bills.length];
  const place = readPlace(law?.place);
  const [leads, headings] = await Promise.all([
    from < Math.min(to, bills.length) ? db.leadAuthors(bills.slice(from, to).map((b) => b.bill_id)) : new Map<string, Author[]>(),
    place ? db.unitHeadings(code, placesAbove(place)) : new Map<string, string>(),
  ]);
  const docId = law ? sectionDocId(code, number, law.corpus_id) : undefined;
  const inTurn = docId ? inTurnUrl(docId, contest) : undefined;
  // The bills each is double-jointed with, where any is (each of its own session; the rare bill that says so).
  const jointed = new Map<string, JointBill[]>();
  for (const b of bills) {
    const joint = jointBills(b.joint);
    if (joint.length) jointed.set(b.bill_id, (await jointBillsOf(db, b.jurisdiction, b.session, [joint]))(joint));
  }
  return {
    code,
    number,
    name: sectionName(code, number),
    heading: law?.heading ?? '',
    shortTitles: law?.names ? law.names.split('\n') : [],
    units: unitsHolding(place, headings).map((u) => ({ heading: u.heading, url: `${codeUrl(code)}${unitQuery(u.place)}` })),
    text: law?.text ?? '',
    history: law?.history ?? '',
    historyActs: law?.history ? await historyActs(db, law.history) : [],
    inDatabase: law !== undefined,
    ...(docId ? { docId } : {}),
    ...(inTurn ? { inTurnUrl: inTurn } : {}),
    bills: bills.map((b, i) => {
      const override = overrideWords(b.override);
      const range = rangeOf(b);
      return {
        id: b.bill_id,
        measure: b.measure,
        jurisdiction: b.jurisdiction,
        session: b.session,
        sessionName: sessionName(b.jurisdiction, b.session),
        title: b.title,
        ...(i >= from && i < to ? { authors: leads.get(b.bill_id) ?? [] } : {}),
        status: b.status,
        pending: b.pending === 1,
        relation: b.relation,
        ...(override ? { override } : {}),
        ...(b.unit ? { unit: b.unit } : {}),
        ...(range ? { range } : {}),
        ...(jointed.has(b.bill_id) ? { jointWith: jointed.get(b.bill_id) } : {}),
        version: b.version_name,
        versionStage: b.version_stage,
        versionDate: b.version_date,
        // A unit's repeal, or a range's, prints none of its sections (but the range's first): the bill is what there is to read.
        url: docId && !b.unit && !between(b, number) && (b.relation === 'amends' || b.relation === 'repeals') ? lawCompareUrl(versionDocId({ id: b.version_id, corpus_id: b.corpus_id }), code, docId) : billUrl(b.bill_id),
        billUrl: billUrl(b.bill_id),
      };
    }),
  };
}

/**
 * A section as a person names it: `Penal Code 1050`, `PEN 1050`, `GOV/7284.6`, `54 U.S.C. 200304`.
 * Undefined when it names none.
 */
export function readSectionName(text: string): { code: string; number: string } | undefined {
  const slash = /^([A-Za-z0-9]+)\s*[/:]\s*(\S+)$/.exec(text.trim());
  if (slash) {
    const code = codeTyped(slash[1]!);
    if (code) return { code, number: normalizeSectionNumber(slash[2]!) };
  }
  const cited = parseSectionCitation(text);
  return cited ? { code: cited.code, number: normalizeSectionNumber(cited.number) } : undefined;
}

/** A bill or a version that words name is not in the database, or not one only: the message says which (a page's 404). */
export class NotFoundError extends Error {}

/**
 * A bill by citation (`AB 1656`, `hr1-119`; a law by its citation in the statutes, `130 Stat. 615`,
 * `Stats. 2025, ch. 623`): the newest session's when the citation gives none.
 * Throws a plain message when there is none, or when one spelling fits bills of two jurisdictions.
 */
export async function findBill(db: Database, citation: string): Promise<BillRow> {
  // A law by its citation in the statutes ("130 Stat. 615", "Stats. 2025, ch. 623").
  const statute = statuteCitation(citation);
  if (statute) {
    const law = await db.dialect.get<BillRow>(`SELECT ${billColumns()} FROM bills WHERE statute = ? ORDER BY id LIMIT 1`, [statute]);
    if (!law) throw new NotFoundError(`no law cited ${statute} in the database (billdiff import PATH… brings bills in)`);
    return law;
  }
  const m = parseMeasure(citation);
  if (!m) throw new NotFoundError(`"${citation}" is not a bill citation (try AB 1656, SB 54 2017-18, H.R. 1 119th Congress)`);
  const bills = await db.billsByMeasure(m);
  if (!bills.length) throw new NotFoundError(`no bill ${citation} in the database (billdiff import PATH… brings bills in)`);
  const jurisdictions = new Set(bills.map((b) => b.jurisdiction));
  if (jurisdictions.size > 1) throw new NotFoundError(`"${citation}" names bills of ${[...jurisdictions].join(' and ')}: give the session (${bills.map((b) => `${b.measure} ${sessionName(b.jurisdiction, b.session)}`).join('; ')})`);
  return bills[0]!;
}

/**
 * A version of a bill by name: `first`, `latest`, `previous` (the one before the latest), a
 * version's name (`amended-senate-2025-07-16`) or the start of one (`amended-senate` when there is
 * one), a date (`2025-07-16`), a 1-based number, or the version's id.
 */
export function pickVersion(versions: VersionSummary[], name: string, measure: string): VersionSummary {
  const n = name.trim().toLowerCase();
  const list = `its versions: ${versions.map((v) => v.name).join(', ')}, or first, latest, previous`;
  if (!versions.length) throw new NotFoundError(`${measure} has no versions in the database`);
  if (n === 'latest' || n === 'last') return versions[versions.length - 1]!;
  if (n === 'previous') {
    if (versions.length < 2) throw new NotFoundError(`${measure} has one version only`);
    return versions[versions.length - 2]!;
  }
  if (n === 'first') return versions[0]!;
  if (/^\d{1,3}$/.test(n)) {
    const v = versions[Number(n) - 1];
    if (!v) throw new NotFoundError(`${measure} has ${versions.length} versions; ${list}`);
    return v;
  }
  const exact = versions.find((v) => v.name === n || v.id.toLowerCase() === n || v.date === n);
  if (exact) return exact;
  const starting = versions.filter((v) => v.name.startsWith(n));
  if (starting.length === 1) return starting[0]!;
  if (starting.length > 1) throw new NotFoundError(`"${name}" fits several versions of ${measure} (${starting.map((v) => v.name).join(', ')}): give one of them`);
  throw new NotFoundError(`${measure} has no version "${name}"; ${list}`);
}

/** `/api/bills/:id/versions/:version`: one version of a bill and its text, as the database holds them. */
export interface VersionTextReport {
  bill: { id: string; measure: string; session: string; sessionName: string; title: string; url: string };
  id: string;
  name: string;
  stage: string;
  date: string | null;
  /** The title the version gives the bill. */
  title: string;
  /** As a comparison takes it (`ver:20250AB165699INT`). */
  docId: string;
  url: string;
  /** Its text, a line to a paragraph, as the import read it (what the search reads). */
  text: string;
  /** The sections it touches; one it amends or repeals that the database holds, with it compared with the section (`lawUrl`). */
  sections: Array<SectionTouch & { url: string; lawUrl?: string }>;
  /** The versions before and after it, where there are. */
  previous?: VersionLink;
  next?: VersionLink;
  /** It compared with the version before. */
  compareUrl?: string;
}

/** Another version of the same bill, by its name. */
export interface VersionLink {
  name: string;
  stage: string;
  date: string | null;
  url: string;
}

/**
 * The version of bill `billId` that `name` picks (`pickVersion`: `introduced`, `latest`, a date, a
 * number, …) with its text; undefined where the database holds no such bill. Throws a plain message
 * naming the bill's versions where it has none by that name.
 */
export async function versionTextReport(db: Database, billId: string, name: string): Promise<VersionTextReport | undefined> {
  const bill = await db.bill(billId);
  if (!bill) return undefined;
  const versions = await db.versions(billId);
  const picked = pickVersion(versions, name, bill.measure);
  const at = versions.indexOf(picked);
  const [row, touches] = await Promise.all([db.version(picked.id), db.touches(billId)]);
  const own = touches.get(picked.id) ?? [];
  // The sections it amends or repeals that the database holds (a whole unit or a range: none to compare), each with its comparison.
  const changed = own.filter((t) => (t.relation === 'amends' || t.relation === 'repeals') && !t.unit && !t.through);
  const held = changed.length ? await db.lawSectionsHeld(changed) : new Map<string, { corpus_id: string | null }>();
  const link = (v: VersionSummary | undefined): VersionLink | undefined => v && { name: v.name, stage: v.stage, date: v.date, url: versionTextUrl(billId, v.name) };
  const previous = link(versions[at - 1]);
  const next = link(versions[at + 1]);
  return {
    bill: { id: bill.id, measure: bill.measure, session: bill.session, sessionName: sessionName(bill.jurisdiction, bill.session), title: bill.title, url: billUrl(bill.id) },
    id: picked.id,
    name: picked.name,
    stage: picked.stage,
    date: picked.date,
    title: picked.title,
    docId: versionDocId(picked),
    url: versionTextUrl(billId, picked.name),
    text: row?.text ?? '',
    sections: own.map((t) => {
      const law = changed.includes(t) ? held.get(`${t.code} ${t.section}`) : undefined;
      return { ...t, url: sectionUrl(t.code, t.section), ...(law ? { lawUrl: lawCompareUrl(versionDocId(picked), t.code, sectionDocId(t.code, t.section, law.corpus_id)) } : {}) };
    }),
    ...(previous ? { previous } : {}),
    ...(next ? { next } : {}),
    ...(at > 0 ? { compareUrl: compareUrl({ old: versionDocId(versions[at - 1]!), new: versionDocId(picked) }) } : {}),
  };
}
