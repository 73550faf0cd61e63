/**
 * Page models of the database's pages: search, bill, law section, session. Plain data for the
 * templates; every text is escaped by Handlebars, a search snippet's by Handlebars' own
 * `escapeExpression` as the model is made (markedSnippet), so no template needs raw HTML.
 */
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { codeName, compareCodeUnits, isUsCode, sectionName } from '../store/codes.js';
import { jointBills } from '../store/columns.js';
import { leadsOf } from '../store/leads.js';
import { readPlace, unitsHolding } from '../store/places.js';
import type { AuthorMatch } from '../store/authors.js';
import type { Named } from '../store/named.js';
import type { Database } from '../store/database.js';
import { jurisdictionOfKey, sessionName } from '../store/names.js';
import type { AuthorBill, SectionActivity, SessionBill, SessionInfo } from '../store/queries.js';
import { authorName, authorPageUrl, broughtBy, codeUrl, authorsByRole, authorsWords, authorsChanged, authorWhere, digestChanged, digestSaid, latestDigestKey, between, capitalized, MANY_AUTHORS, roleWords, sessionAuthorsUrl, sessionPageUrl, billUrl, compareUrl, holderOf, inTurnUrl, lawCompareUrl, OTHER_PENDING_SAYS, OVERRIDE_SAYS, rangeOf, listSeparator, headingOwn, jointBillsOf, jointSaid, namedNote, namedTitle, namedUrl, ownHeading, shortTitlesSaid, relationWord, sectionDocId, sectionUrl, touchName, versionDocId, versionTextUrl, withoutRangeEnds, type BillReport, type JointBill, type SectionReport, type VersionTextReport } from '../store/reports.js';
import { MARK_END, MARK_START, matchesListed, whyNothingFound } from '../store/search.js';
import { becameStatus } from '../store/enacted.js';
import { authorsSought, LAST_PAGE } from '../store/search-params.js';
import { FILTER_KEYS, OVERRIDE_WORDS, type SearchAnswer, type SearchFilters, type SearchPage, type SearchResult } from '../store/types.js';
import { foldWhiteSpace } from '../util/white-space.js';
import type { Author } from '../types.js';

/** A count as the pages write it, "4,321" (one formatter: `toLocaleString('en-US')` makes one a call, a fifth of a search page's model). */
const count = new Intl.NumberFormat('en-US').format;

const START = MARK_START.charCodeAt(0);
const END = MARK_END.charCodeAt(0);

/**
 * The segments of a text between the marks (each mark starts or ends a found word), in order, each with
 * whether it was found: scanned once, without a regular expression's split (its captures take V8's
 * slow path).
 */
function segmentsOf(flat: string, take: (text: string, hit: boolean) => void): void {
  let hit = false;
  let from = 0;
  for (let i = 0; i < flat.length; i++) {
    const c = flat.charCodeAt(i);
    if (c !== START && c !== END) continue;
    if (i > from) take(flat.slice(from, i), hit);
    hit = c === START;
    from = i + 1;
  }
  if (from < flat.length) take(flat.slice(from), hit);
}

/** A snippet as text segments, the words found flagged, runs of white space folded into one space. */
export function snippetSegments(snippet: string): Array<{ text: string; hit: boolean }> {
  const out: Array<{ text: string; hit: boolean }> = [];
  segmentsOf(foldWhiteSpace(snippet), (text, hit) => out.push({ text, hit }));
  return out;
}

/** Whether a snippet has a segment to write: any character but the marks (folding white space leaves a space). */
function hasText(snippet: string): boolean {
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet.charCodeAt(i);
    if (c !== START && c !== END) return true;
  }
  return false;
}

const escape = Handlebars.escapeExpression;

/**
 * A snippet as the search page writes it: its segments in order, each escaped by Handlebars' own
 * `escapeExpression`, the words found in `<mark>`, as a SafeString the template writes as it is
 * (`{{snippet}}`). Made here rather than by `{{#each parts}}{{text}}{{#if mark}}<mark>{{mark}}</mark>{{/if}}{{/each}}`
 * in the template: that loop made two helper calls a word found (each an options object, the
 * wrapper's arguments and an iteration's block parameters) and a part object before them, ~700 calls
 * a page and a third of the bytes a search page allocated. Not a registered helper: the views are
 * loaded in the diff workers too, which have no use for the store's modules. The same HTML.
 */
export function markedSnippet(snippet: string): Handlebars.SafeString {
  let html = '';
  // Escaped whole, then cut at the marks: escaping writes each character on its own and leaves the
  // marks (control characters) as they are, so the segments of the escaped text are the escaped
  // segments; one test and at most one replacement a snippet, not one a segment.
  segmentsOf(escape(foldWhiteSpace(snippet)), (text, hit) => {
    html += hit ? `<mark>${text}</mark>` : text;
  });
  return new Handlebars.SafeString(html);
}

/** A bill's status beside its title in the results (` <span class="status">· Vetoed</span>`), escaped; none: ''. */
function statusHtml(status: string | undefined): Handlebars.SafeString | '' {
  return status ? new Handlebars.SafeString(` <span class="status">· ${escape(status)}</span>`) : '';
}

/** A bill's status where the page lists the law that enacted it with it: "· Became <a …>Pub. L. 114-190</a>", escaped. */
function enactedHtml(law: NonNullable<SearchResult['law']>): Handlebars.SafeString {
  return new Handlebars.SafeString(` <span class="status">· ${becameStatus(`<a href="${escape(law.url)}">${escape(law.measure)}</a>`)}</span>`);
}

/**
 * Who brings a bill, beside its title in the results (` <span class="by">· by <a href="…">Assembly Member
 * Davies</a></span>`, each name linked to its author's page), escaped; none: ''.
 */
function byHtml(r: SearchResult): Handlebars.SafeString | '' {
  const leads = r.authors;
  if (!leads?.length || r.session === undefined) return '';
  const jurisdiction = jurisdictionOfKey(r.id);
  const links = leads.map((a, i) => `${listSeparator(i, leads.length)}<a href="${escape(authorPageUrl(jurisdiction, r.session!, a.name))}">${escape(authorName(a))}</a>`);
  return new Handlebars.SafeString(` <span class="by">· by ${links.join('')}</span>`);
}

/** The API's form of a result: the snippet as plain text and the places of the words found. */
export function resultJson(r: SearchResult) {
  let text = '';
  const highlights: Array<[number, number]> = [];
  for (const s of snippetSegments(r.snippet)) {
    if (s.hit) highlights.push([text.length, text.length + s.text.length]);
    text += s.text;
  }
  return { ...r, snippet: text, highlights };
}

const RELATION_WORDS = { amends: 'amends', adds: 'adds', repeals: 'repeals', cites: 'cites' } as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Dates written, kept: a session's pages show the same few hundred days again and again. */
const DATE_LABELS = new Map<string, string>();
const KEPT_DATE_LABELS = 4096;

/** "January 29, 2026", as the compare pages write dates (the pages show dozens: no Intl formatter per date). */
export function dateLabel(date: string | null): string {
  if (!date) return '';
  let label = DATE_LABELS.get(date);
  if (label === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
    const day = m ? Number(m[3]) : 0;
    label = m && month && day >= 1 && day <= 31 ? `${month} ${day}, ${m[1]}` : date;
    if (DATE_LABELS.size >= KEPT_DATE_LABELS) DATE_LABELS.clear();
    DATE_LABELS.set(date, label);
  }
  return label;
}

/** How the results were ordered: "the best first: every match ranked by relevance (…)", or among the newest how many. */
export function rankNote(a: SearchAnswer): string {
  const n = count;
  const of = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;
  if (a.by === 'citation') return 'found by citation';
  if (a.by === 'filters') return 'the newest session first, then by number';
  if (a.rankedBills === a.bills && a.rankedSections === a.sections) {
    return `the best first: every match ranked by relevance (${of(a.bills, 'bill', 'bills')} and ${of(a.sections, 'law section', 'law sections')}, listed in turn)`;
  }
  const among = (ranked: number, total: number, one: string, many: string) => (ranked === total ? `all ${of(total, one, many)}` : `the newest ${n(ranked)} of ${of(total, one, many)}`);
  const parts = [a.bills ? among(a.rankedBills, a.bills, 'matching bill', 'matching bills') : '', a.sections ? among(a.rankedSections, a.sections, 'matching law section', 'matching law sections') : ''];
  return `the best first, ranked by relevance among ${parts.filter(Boolean).join(' and ')}`;
}

/**
 * What the search page says of the laws it lists with the bills they enacted: "Pub. L. 114-190 is listed
 * with the bill it enacted." or "Pub. L. 114-190 and Pub. L. 114-4 are listed with the bills they enacted."
 */
export function lawsListedNote(results: readonly SearchResult[]): string {
  const laws = results.flatMap((r) => (r.law ? [r.law.measure] : []));
  const one = laws.length === 1;
  return `${laws.map((m, i) => `${listSeparator(i, laws.length)}${m}`).join('')} ${one ? 'is' : 'are'} listed with the ${one ? 'bill it' : 'bills they'} enacted.`;
}

/** The link to another page of the same search. */
function searchUrl(query: string, filters: SearchFilters, page: number): string {
  const params = new URLSearchParams(query ? { q: query } : {});
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/** An option's `selected` attribute as the search form writes it. */
const selected = (is: boolean) => (is ? ' selected' : '');

const HOUSES = ['Assembly', 'Senate', 'House'].map((h) => ({ value: h.toLowerCase(), label: h }));

/** The search form's label of each session, made once for each list of sessions (the routes read it once a generation of the data). */
const SESSION_LABELS = new WeakMap<SessionInfo[], string[]>();

function sessionLabels(sessions: SessionInfo[]): string[] {
  let labels = SESSION_LABELS.get(sessions);
  if (!labels) {
    labels = sessions.map((s) => `${sessionName(s.jurisdiction, s.session)} (${s.bills})`);
    SESSION_LABELS.set(sessions, labels);
  }
  return labels;
}

export function searchModel(sessions: SessionInfo[], query: string, filters: SearchFilters, page: SearchPage, answer: SearchAnswer | undefined, authors: readonly AuthorMatch[] = [], named: readonly Named[] = []) {
  const results = answer?.results ?? [];
  const total = answer?.total ?? 0;
  // The matches the page lists: its results, and the laws listed with their bills.
  const listed = matchesListed(results);
  const laws = listed - results.length;
  const number = Math.floor(page.offset / page.limit) + 1;
  const n = count;
  const house = filters.house?.toLowerCase();
  return {
    pageTitle: query ? `Search: ${query}` : filters.author ? `Search: author ${filters.author}` : 'Search',
    // Each page's body class is on its model, not in the template's partial call
    // (`{{> page-top bodyClass="search"}}`): a hash makes Handlebars copy the whole model for the partial.
    bodyClass: 'search',
    searchQuery: query,
    query,
    filters,
    // Each option's `selected` is the attribute's text (' selected' or ''), written as it is: not an
    // `{{#if}}` an option (a helper call each, a dozen a page).
    sessions: sessionLabels(sessions).map((label, i) => ({ value: sessions[i]!.session, label, selected: selected(sessions[i]!.session === filters.session) })),
    houses: HOUSES.map((h) => ({ value: h.value, label: h.label, selected: selected(house === h.value) })),
    statuses: [
      { value: 'pending', label: 'Pending', selected: selected(filters.status === 'pending') },
      { value: 'chaptered', label: 'Chaptered', selected: selected(filters.status === 'chaptered') },
    ],
    searched: query !== '' || filters.author !== undefined,
    // What was searched for, as the ledes say it: the words, or (none) the author.
    searchedFor: query ? `“${query}”` : `the author “${filters.author ?? ''}”`,
    // "Authors named “Davies”: Assembly Member Davies (2025–26 Regular Session, 1 bill)." (`sep`: what comes before one), the query's own quotes aside.
    authorsQuery: authorsSought(query, filters).replace(/^["“”\s]+|["“”\s]+$/g, ''),
    authorsFound: authors.map((a, i) => ({ sep: listSeparator(i, authors.length), text: authorName(a), url: authorPageUrl(a.jurisdiction, a.session, a.name), where: authorWhere(a) })),
    // "By that name: Government Code § 54950 (“Ralph M. Brown Act”) and H.R. 748 (116th Congress) (“CARES Act”)." Each once, with the name it gives.
    // A bill found with the law that enacted it: the law after it (", enacted as Pub. L. 114-190").
    namedFound: named.map((b, i) => ({ sep: listSeparator(i, named.length), text: namedTitle(b), url: namedUrl(b), note: namedNote(b), law: b.kind === 'bill' && b.law ? { measure: b.law.measure, url: billUrl(b.law.id) } : undefined })),
    // Above the results: the authors or the bills the words name ("Nothing else found" then).
    foundAbove: authors.length > 0 || named.length > 0,
    // Field by field, not spread (see billReport in src/store/reports.ts), and only those search.hbs reads.
    // The kind's word written from the model, not by an `{{#if}}` a result; the snippet's HTML only when
    // it has text to write (the template's `{{#if snippet}}`).
    // A bill's authors and status as their HTML, escaped here (none: ''): written as they are, not by an `{{#if}}` a result.
    results: results.map((r) => ({ kind: r.kind, title: r.title, url: r.url, kindLabel: r.kind === 'bill' ? 'Bill' : 'Law section', by: byHtml(r), status: r.law ? enactedHtml(r.law) : statusHtml(r.status), snippet: hasText(r.snippet) ? markedSnippet(r.snippet) : undefined })),
    // "Pub. L. 114-190 is listed with the bill it enacted." (a law and its bill are one result: enacted.ts)
    lawsNote: laws ? lawsListedNote(results) : undefined,
    // "Results 26–50 of 4,321 for “court”, the best first: every match ranked by relevance."
    // The list numbered from the first result of the page (an <ol start>), as the range says.
    firstNumber: page.offset > 0 ? page.offset + 1 : undefined,
    range: results.length ? `${n(page.offset + 1)}–${n(page.offset + listed)}` : '',
    total: n(total),
    one: total === 1,
    rankNote: answer ? rankNote(answer) : '',
    // Past the last page, "previous" is the last page.
    previousUrl: number > 1 ? searchUrl(query, filters, !results.length && total > 0 ? Math.min(number - 1, Math.ceil(total / page.limit)) : number - 1) : undefined,
    nextUrl: page.offset + listed < total && number < LAST_PAGE ? searchUrl(query, filters, number + 1) : undefined,
    paged: number > 1 || (page.offset + listed < total && number < LAST_PAGE),
    pastEnd: !results.length && total > 0,
    pageNumber: number,
    lastPage: Math.ceil(total / page.limit),
    onePage: total <= page.limit,
    lastPageNote: page.offset + listed < total && number >= LAST_PAGE ? `Pages stop after the first ${n(page.offset + listed)} results: add words or a filter to narrow the search.` : undefined,
    ...(answer && total === 0 ? nothingFound(query, filters, sessions.length) : {}),
  };
}

/** A search that found nothing: what the database lacks (`whyNothingFound`), and, filtered, the same search without the filters. */
export function nothingFound(query: string, filters: SearchFilters, sessions: number): { nothingNote?: string; unfilteredUrl?: string } {
  const { note, filtered } = whyNothingFound(query, filters, sessions);
  // No words: the author's bills without the other filters (none besides it: no link).
  const unfiltered = query ? searchUrl(query, {}, 1) : filters.author && FILTER_KEYS.some((key) => key !== 'author' && filters[key]) ? searchUrl('', { author: filters.author }, 1) : undefined;
  return { ...(note ? { nothingNote: note } : {}), ...(filtered && unfiltered ? { unfilteredUrl: unfiltered } : {}) };
}

/** A bill's events by date, a version before the actions of its day; undated events last. */
function compareEvents(a: { date: string | null; isVersion: boolean }, b: { date: string | null; isVersion: boolean }): number {
  // Dates are ISO (YYYY-MM-DD): compared as text, without a collator.
  return compareCodeUnits(a.date ?? '9999', b.date ?? '9999') || Number(!a.isVersion) - Number(!b.isVersion);
}

const JOINT_TITLE = 'It incorporates their amendments of the section too: whichever is enacted last carries both, and neither chapters out the other';

/**
 * The bills a section's amendment is double-jointed with, as the bill, section and session pages say
 * it, each linked where the database holds it ("double-jointed with <a>AB 9301</a> and SB 9309"),
 * escaped here (a page calls no partial of its own); undefined for none.
 */
function jointList(bills: readonly JointBill[] | undefined): Handlebars.SafeString | undefined {
  if (!bills?.length) return undefined;
  const named = bills.map((b, i) => `${listSeparator(i, bills.length)}${b.url ? `<a href="${escape(b.url)}">${escape(b.measure)}</a>` : escape(b.measure)}`).join('');
  return new Handlebars.SafeString(`<span class="joint" title="${JOINT_TITLE}">double-jointed with ${named}</span>`);
}

/**
 * A section the latest version touches, with the word for its relation (field by field, not spread),
 * and the other pending bills that would change it, each with what comes before its name.
 */
function withRelationWord(s: BillReport['sections'][number]) {
  const others = s.otherPending?.map((b, i, all) => ({ measure: b.measure, url: b.url, sep: listSeparator(i, all.length + (s.otherPendingMore ? 1 : 0)) }));
  // This bill and those of the others that amend it, in turn.
  const inTurn = s.inTurnUrl ? 1 + (s.otherPending ?? []).filter((b) => b.relation === 'amends').length : 0;
  return {
    code: s.code,
    section: s.section,
    relation: s.relation,
    name: s.name,
    url: s.url,
    inDatabase: s.inDatabase,
    lawUrl: s.lawUrl,
    relationWord: RELATION_WORDS[s.relation],
    others,
    othersSay: OTHER_PENDING_SAYS,
    othersMore: s.otherPendingMore,
    inTurnUrl: s.inTurnUrl,
    inTurnWhich: inTurn === 2 ? 'both' : 'them',
    jointWith: jointList(s.jointWith),
  };
}

/** The bill's digest key as its versions last give it, in words (a federal bill's: none). */
function latestDigest(report: BillReport): string | undefined {
  const key = latestDigestKey(report.versions);
  return key ? digestSaid(key) : undefined;
}

/** A bill's versions as its page and its feed show them: each dated, with its change counts in words and the sections it touches. */
function versionsModel(report: BillReport) {
  return report.versions.map((v, i) => {
    const c = v.changes;
    const against = c?.against === 'law' ? 'current law' : c?.against ? report.versions.find((x) => x.id === c.against)?.stage ?? 'the version before' : undefined;
    const changeWords =
      c && c.wordsInserted !== null && c.wordsDeleted !== null
        ? `${c.wordsInserted} words inserted, ${c.wordsDeleted} deleted against ${against}${c.countedBy === 'marks' ? ' (the Legislative Counsel’s change marks)' : c.countedBy === 'same' ? ' (the text did not change)' : ''}`
        : i === 0
          ? 'first version'
          : undefined;
    // Field by field, not spread (see billReport in src/store/reports.ts).
    return {
      id: v.id,
      name: v.name,
      stage: v.stage,
      date: v.date,
      docId: v.docId,
      changes: v.changes,
      gutAndAmend: v.gutAndAmend,
      authors: v.authors,
      compareUrl: v.compareUrl,
      textUrl: v.textUrl ?? versionTextUrl(report.id, v.name),
      sections: v.sections,
      dateLabel: dateLabel(v.date),
      // Who brought it, where it differs from the version before (both naming their authors).
      authorsChange: i > 0 ? authorsChanged(report.versions[i - 1]!.authors, v.authors) : undefined,
      // Its digest key, where it differs from the version before's ("Fiscal committee: now yes (was no).").
      digestChange: i > 0 ? digestChanged(report.versions[i - 1]!.digestKey, v.digestKey) : undefined,
      changeWords,
      ...versionTouches(v.sections),
      latest: i === report.versions.length - 1,
    };
  });
}

/** Sections a version changes, a group to a relation in the order they first come: `{ sep, word: "Amends", sections: [{ sep, name, url }] }`. */
function changeGroups(sections: ReadonlyArray<VersionTextReport['sections'][number]>) {
  const groups = new Map<string, Array<{ name: string; url: string; lawUrl?: string }>>();
  for (const s of sections) {
    const word = relationWord(s);
    const list = groups.get(word) ?? [];
    list.push({ name: touchName(s), url: s.url, ...(s.lawUrl ? { lawUrl: s.lawUrl } : {}) });
    groups.set(word, list);
  }
  return [...groups].map(([word, list], i) => ({
    sep: i ? '; ' : '',
    word: i ? word : capitalized(word),
    sections: list.map((x, j) => ({ ...x, sep: listSeparator(j, list.length) })),
  }));
}

/** A version's text page (`/bills/:id/versions/:version`): the version's lines, the sections it touches, its neighbours. */
export function versionModel(report: VersionTextReport) {
  const when = (v: { stage: string; date: string | null }) => `${v.stage}${v.date ? `, ${dateLabel(v.date)}` : ''}`;
  const lines = report.text.split('\n').filter((l) => l.trim());
  return {
    pageTitle: `${report.bill.measure} (${report.bill.sessionName}), ${when(report)}`,
    bodyClass: 'version-page',
    report,
    when: when(report),
    title: report.title || report.bill.title,
    jsonUrl: `/api${report.url}`,
    lines,
    // What it changes, by each relation ("Amends A, B and C; repeals D."), then what it cites only.
    changes: changeGroups(withoutRangeEnds(report.sections.filter((s) => s.relation !== 'cites'))),
    cites: withoutRangeEnds(report.sections.filter((s) => s.relation === 'cites')).map((s, index, all) => ({ sep: listSeparator(index, all.length), overrides: s.override !== undefined, name: touchName(s), url: s.url })),
    previous: report.previous && { url: report.previous.url, label: when(report.previous) },
    next: report.next && { url: report.next.url, label: when(report.next) },
  };
}

export function billModel(report: BillReport) {
  type Event = { date: string | null; dateLabel: string; action?: string; version?: BillReport['versions'][number] & { changeWords?: string; amendsList: unknown[]; amendsSummary?: string }; isVersion: boolean };
  const events: Event[] = [];
  for (const h of report.history) events.push({ date: h.date, dateLabel: dateLabel(h.date), action: h.action, version: undefined, isVersion: false });
  const versions = versionsModel(report);
  for (const v of versions) events.push({ date: v.date, dateLabel: v.dateLabel, action: undefined, version: v, isVersion: true });
  events.sort(compareEvents);
  // The events in order as runs: a version (none before the first) and the actions after it. The
  // template writes each run's version, then its actions in a loop of their own: no `{{#if}}` an
  // event (a helper call each, most of them actions), the same list.
  const timeline: Array<{ version: Event['version']; actions: Array<{ dateLabel: string; action: string | undefined }> }> = [];
  for (const e of events) {
    if (e.isVersion || !timeline.length) timeline.push({ version: e.version, actions: [] });
    if (!e.isVersion) timeline[timeline.length - 1]!.actions.push({ dateLabel: e.dateLabel, action: e.action });
  }
  const amended = withoutRangeEnds(report.sections).filter((s) => s.relation !== 'cites').map(withRelationWord);
  const overrides = overrideGroups(report);
  const linked = report.enactedAs ?? report.enacts;
  const compareVersions = versionChoices(
    versions,
    linked?.versions && { measure: linked.measure, versions: linked.versions.map((v) => ({ ...v, dateLabel: dateLabel(v.date) })), is: report.enactedAs ? 'enacted' : 'enacts' },
  );
  return {
    pageTitle: `${report.measure} (${report.sessionName})${report.title ? `: ${report.title}` : ''}`,
    bodyClass: 'bill-page',
    bill: report,
    // One string: the template loops over none.
    shortTitles: shortTitlesSaid(report.shortTitles),
    // The latest version's digest key: "Vote: majority · Appropriation: no · …".
    digestKey: latestDigest(report),
    authorGroups: authorGroups(report),
    versions,
    timeline,
    amended,
    // A bill that touches many sections (115 H.R. 1 EAS 2: 231 of the Internal Revenue Code) lists them in columns.
    manyAmended: amended.length > MANY_SECTIONS,
    // Each with its place (`index`) for the separators: the template reads no `@index`, so it renders without Handlebars' data frames (src/server/views.ts).
    touchesAny: report.sections.length > 0,
    cited: withoutRangeEnds(report.sections)
      .filter((s) => s.relation === 'cites' && !s.override)
      .map((s, index) => ({ name: s.name, url: s.url, index })),
    // Cited "notwithstanding" them (or the like): sections the bill's words would prevail over.
    overrides,
    gutAndAmends: versions.filter((v) => v.gutAndAmend).length,
    compareVersions,
    sessionUrl: sessionPageUrl(report.jurisdiction, report.session),
    jsonUrl: `/api/bills/${encodeURIComponent(report.id)}`,
    feedUrl: `${report.url}/feed`,
    feedTitle: `${report.measure} (${report.sessionName}): its versions and actions`,
  };
}

/** The sections the bill overrides, by the words that say so (in `OVERRIDE_WORDS`' order), each with its place (`index`). */
function overrideGroups(report: BillReport) {
  const groups = [];
  for (const words of OVERRIDE_WORDS) {
    const overridden = withoutRangeEnds(report.sections).filter((s) => s.override === words);
    const sections = overridden.map((s, index) => ({ name: s.name, url: s.url, index }));
    // A range is many sections: "notwithstanding them".
    if (sections.length) groups.push({ title: OVERRIDE_SAYS[words].title, sections, note: OVERRIDE_SAYS[words].note(sections.length > 1 || overridden.some((s) => s.through)) });
  }
  return groups;
}

/** A text a bill's versions form offers: one of its versions, or of the bill or law it is linked to. */
interface VersionChoice {
  docId: string;
  name: string;
  stage: string;
  dateLabel: string;
}

/**
 * Any two of a bill's versions compared, as leginfo's "Compare Versions" offers: the texts to choose
 * from, each named by its stage and date (and by its name too where two would read alike: two versions
 * amended in one house on one day), and links for one click. Undefined where there is one text alone.
 *
 * - A bill on its own: its versions, the first chosen to compare from and the latest to compare with;
 *   from three versions on, the first against the latest linked (the timeline links each to the one before).
 * - A bill and the law it became (`enacted`, "Became Pub. L. 119-21"), or a law and the bill it enacted
 *   (`enacts`): the bill's versions, then the law's, each of the other named by its measure ("Pub. L.
 *   119-21: Public Law, July 4, 2025"); the bill's last version chosen against the law, and linked.
 */
export function versionChoices(versions: readonly VersionChoice[], linked?: { measure: string; versions: readonly VersionChoice[]; is: 'enacted' | 'enacts' }) {
  const other = linked?.versions.length ? linked : undefined;
  const bill = other?.is === 'enacts' ? other.versions : versions;
  const law = other ? (other.is === 'enacts' ? versions : other.versions) : [];
  const all = [...bill, ...law];
  if (all.length < 2) return undefined;
  const named = (v: VersionChoice) => `${other && other.versions.includes(v) ? `${other.measure}: ` : ''}${v.stage}${v.dateLabel ? `, ${v.dateLabel}` : ''}`;
  const labels = all.map(named);
  const [from, to] = other ? [bill.length - 1, all.length - 1] : [0, all.length - 1];
  // Each option's `selected` attribute as its text, as the search form's (no `{{#if}}` an option).
  const options = all.map((v, i) => ({
    docId: v.docId,
    label: labels.indexOf(labels[i]!) !== labels.lastIndexOf(labels[i]!) ? `${labels[i]} (${v.name})` : labels[i]!,
    fromSelected: selected(i === from),
    withSelected: selected(i === to),
  }));
  const links: Array<{ url: string; text: string }> = [];
  if (versions.length >= 3) links.push({ url: compareUrl({ old: versions[0]!.docId, new: versions[versions.length - 1]!.docId }), text: 'the first version against the latest' });
  if (other && bill.length && law.length) {
    links.push({
      url: compareUrl({ old: all[from]!.docId, new: all[to]!.docId }),
      text: other.is === 'enacted' ? `the last version against ${other.measure}, as enacted` : `${other.measure}’s last version against this law`,
    });
  }
  return { options, links: links.map((l, index) => ({ ...l, index })) };
}

/**
 * A law section's page: its bills `SECTION_BILLS_PER_PAGE` at a time, page `page` of them (a section
 * of a session the bench makes up is touched by thousands), and its text. Undefined past the last page.
 */
export function sectionModel(report: SectionReport, page = 1) {
  const base = sectionUrl(report.code, report.number);
  const paged = pageOfList(report.bills, page, SECTION_BILLS_PER_PAGE, (n) => (n === 1 ? `${base}#bills-h` : `${base}?page=${n}#bills-h`));
  if (!paged) return undefined;
  const heading = ownHeading(report);
  return {
    pageTitle: `${report.name}${heading ? ` — ${heading}` : ''}${page > 1 ? `, bills page ${page}` : ''}`,
    bodyClass: 'section-page',
    section: report,
    heading,
    // "DIVISION 7. … › CHAPTER 1. Advertising", each linked to its place among the code's sections.
    units: report.units.map((u, i) => ({ ...u, sep: i ? ' › ' : '' })),
    // "Short title: “Ralph M. Brown Act”" (one string: the template loops over none).
    shortTitles: shortTitlesSaid(report.shortTitles),
    codeName: codeName(report.code),
    // Its code's list of sections, which holds it (a code of none in the database has no list).
    codeUrl: report.inDatabase ? codeUrl(report.code) : undefined,
    // What to import for its text: a U.S. Code title's file, or California's law section table.
    textSource: isUsCode(report.code) ? `${report.code}.xml, the Law Revision Counsel’s file of the title,` : 'the Legislature’s LAW_SECTION_TBL',
    lines: report.text.split('\n').filter((l) => l.trim()),
    // The history note, the acts it cites whose bills the database holds linked to them.
    historyHtml: historyHtml(report),
    bills: paged.items.map(sectionBillRow),
    billCount: count(report.bills.length),
    oneBill: report.bills.length === 1,
    billPager: paged.pager,
    jsonUrl: `/api/sections/${encodeURIComponent(report.code)}/${encodeURIComponent(report.number)}`,
    feedUrl: `${base}/feed`,
    feedTitle: sectionFeedTitle(report),
  };
}

/** A section's history note, escaped, with each act it cites whose bill the database holds linked to the bill ("Stats. 2025, Ch. 623" → AB 831's page, "Pub. L. 113–287" → the law's). */
function historyHtml(report: Pick<SectionReport, 'history' | 'historyActs'>): Handlebars.SafeString {
  const html = escape(report.history);
  if (!report.historyActs.length) return new Handlebars.SafeString(html);
  // Each act cited whole ("Ch. 62" not inside "Ch. 623"), the longest first; escaped as the note is.
  const acts = new Map(report.historyActs.map((a) => [escape(a.cited), a]));
  const cited = new RegExp(`(?:${[...acts.keys()].sort((a, b) => b.length - a.length).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?!\\d)`, 'g');
  return new Handlebars.SafeString(html.replace(cited, (c) => `<a href="${escape(acts.get(c)!.url)}" title="${escape(acts.get(c)!.measure)}">${c}</a>`));
}

/** Who brings a bill, each linked to their bills of its session, as a list of bills names them: "by Assembly Member Davies" (`sep`: what comes before each). */
function leadLinks(leads: readonly Author[], jurisdiction: string, session: string) {
  return leads.map((a, i) => ({ sep: listSeparator(i, leads.length), text: authorName(a), url: authorPageUrl(jurisdiction, session, a.name) }));
}

/** A bill of a law section's page and feed: how it touches the section, in the page's words. */
function sectionBillRow(b: SectionReport['bills'][number]) {
  const held = holderOf(b);
  return {
    ...b,
    leads: leadLinks(b.authors ?? [], b.jurisdiction, b.session),
    dateLabel: dateLabel(b.versionDate),
    compares: b.url.startsWith('/compare'),
    relationWord: relationWord(b),
    jointWith: jointList(b.jointWith),
    ...(b.override ? { overrideTitle: OVERRIDE_SAYS[b.override].title, overrideNote: OVERRIDE_SAYS[b.override].note(false, held?.holder) } : held ? { holderNote: held.note } : {}),
  };
}

/** The most entries a feed holds: a law section's newest bills, a bill's newest versions and actions, a session's newest bills. */
export const FEED_ENTRIES = 50;

function sectionFeedTitle(report: SectionReport): string {
  return `Bills that would amend, repeal, add beside, override or cite ${report.name}`;
}

/** Text as XML 1.0 can hold it: without the control characters and lone surrogates it forbids (a bill's text is untrusted). */
function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** The newest of a feed's dates (ISO, compared as text), which its undated entries and the feed itself are dated as; the epoch when none is dated. */
function newestDate(dates: ReadonlyArray<string | null>): string {
  let newest: string | undefined;
  for (const d of dates) if (d !== null && (newest === undefined || d > newest)) newest = d;
  return newest ?? '1970-01-01';
}

/**
 * Who brought a bill as its page names them, by role in the order the roles first come, each name linked
 * to their bills of the session: "Lead author: Assembly Member Davies." (`sep`: what comes before a name
 * or a group). A role of more than `MANY_AUTHORS` names (`many`) is counted, its names in a disclosure.
 */
function authorGroups(report: BillReport) {
  const groups: Array<{ sep: string; label: string; lower: string; many: boolean; count: string; people: Array<{ sep: string; text: string; url: string }> }> = [];
  for (const [role, authors] of authorsByRole(report.authors)) {
    const people = authors.map((a, i) => ({ sep: listSeparator(i, authors.length), text: authorName(a), url: authorPageUrl(report.jurisdiction, report.session, a.name) }));
    const lower = roleWords(role, authors.length);
    groups.push({ sep: groups.length ? ' ' : '', label: capitalized(lower), lower, many: authors.length > MANY_AUTHORS, count: count(authors.length), people });
  }
  return groups;
}

/** An author as their page and feed name them: as the newest of the versions naming them does (`bills`: `authorBills`', one or more). */
function authorTitle(name: string, bills: readonly AuthorBill[]): string {
  const newest = bills.reduce((a, b) => (compareCodeUnits(a.version_date ?? '', b.version_date ?? '') >= 0 ? a : b));
  return authorName({ name, house: newest.house, committee: newest.committee });
}

/** The role an author has on a bill, as their page and feed say it: one no longer naming them, by the version that last did. */
function authorAs(b: AuthorBill): string {
  return b.still ? b.role : `${b.role} of ${b.version_stage}${b.version_date ? `, ${dateLabel(b.version_date)}` : ''}; no longer named`;
}

/** The bills of a session that name an author (`authorBills`, one or more), for their page. */
export function authorModel(jurisdiction: string, session: string, name: string, bills: readonly AuthorBill[]) {
  const who = authorTitle(name, bills);
  const sessionTitle = sessionName(jurisdiction, session);
  const words = authorsWords(jurisdiction);
  const pageUrl = authorPageUrl(jurisdiction, session, name);
  return {
    pageTitle: `${who}: bills of the ${sessionTitle}`,
    feedUrl: `${pageUrl}/feed`,
    feedTitle: authorFeedTitle(who, sessionTitle),
    bodyClass: 'author-page',
    who,
    asWhat: words.one,
    authorsUrl: sessionAuthorsUrl(jurisdiction, session),
    authorsWord: words.all,
    sessionTitle,
    sessionUrl: sessionPageUrl(jurisdiction, session),
    billCount: count(bills.length),
    oneBill: bills.length === 1,
    formerly: bills.filter((b) => !b.still).length,
    bills: bills.map((b) => ({
      measure: b.measure,
      title: b.title,
      status: b.status,
      url: billUrl(b.id),
      latest: b.latest_stage ?? '',
      dateLabel: dateLabel(b.latest_date),
      // As the newest version naming them names them; one no longer naming them, by that version.
      as: authorAs(b),
      still: b.still,
    })),
  };
}

function authorFeedTitle(who: string, sessionTitle: string): string {
  return `${who}: bills of the ${sessionTitle}, by their latest versions`;
}

/**
 * An author's Atom feed: the session's bills naming them (`latestVersionsFeed`), so that a reader
 * following a member sees each of their bills introduced or amended after an import, and a bill that
 * no longer names them says so.
 */
export function authorFeedModel(jurisdiction: string, session: string, name: string, bills: readonly AuthorBill[]) {
  const title = authorFeedTitle(authorTitle(name, bills), sessionName(jurisdiction, session));
  const id = `urn:billdiff:author:${jurisdiction}:${session}:${encodeURIComponent(name)}`;
  return latestVersionsFeed({ title, id, pageUrl: authorPageUrl(jurisdiction, session, name) }, bills, (b) => capitalized(authorAs(b)));
}

/** ", double-jointed with AB 9301 and SB 9309" after a feed entry's relation ('' for none). */
function jointedSaid(bills: readonly JointBill[] | undefined): string {
  return bills?.length ? `, ${jointSaid(bills)}` : '';
}

/** An Atom date from a version's (YYYY-MM-DD), midnight UTC: Atom has no date without a time. */
function atomDate(date: string): string {
  return `${date.slice(0, 10)}T00:00:00Z`;
}

/**
 * A law section's Atom feed (RFC 4287): its newest `FEED_ENTRIES` bills, one entry a bill's
 * version that touches it, so that a reader subscribed to a section sees each new bill, and each new
 * version of one, after an import. Each entry links where the section's page links it (the comparison
 * with current law, else the bill) and its bill's page. Links are relative, to the feed's own address.
 * An entry of an undated version (a federal enrolled bill's XML gives none) is dated as the newest
 * dated entry, the feed as its newest entry (the epoch when none is dated).
 */
export function sectionFeedModel(report: SectionReport) {
  const rows = report.bills.slice(0, FEED_ENTRIES).map(sectionBillRow);
  const newest = newestDate(rows.map((b) => b.versionDate));
  const base = sectionUrl(report.code, report.number);
  return {
    title: xmlText(sectionFeedTitle(report)),
    id: xmlText(`urn:billdiff:section:${report.code}:${report.number}`),
    selfUrl: `${base}/feed`,
    pageUrl: base,
    updated: atomDate(newest),
    entries: rows.map((b, i) => ({
      id: xmlText(`urn:billdiff:touch:${b.id}:${b.version}:${report.code}:${report.number}`),
      title: xmlText(`${b.measure} (${b.sessionName}) ${b.relationWord} ${report.name}`),
      updated: atomDate(b.versionDate ?? newest),
      url: b.url,
      relatedUrl: b.billUrl,
      summary: xmlText([`${b.relationWord}${'overrideNote' in b ? ` ${b.overrideNote}` : 'holderNote' in b ? ` ${b.holderNote}` : ''}${jointedSaid(report.bills[i]!.jointWith)}`, `${b.versionStage}${b.dateLabel ? `, ${b.dateLabel}` : ''}`, b.status, b.title, broughtBy(b.authors ?? [])].filter(Boolean).join(' · ')),
    })),
  };
}

/**
 * A bill's Atom feed: its versions and history actions, newest first (`FEED_ENTRIES` of them),
 * so that a reader tracking a bill sees each new version (linked to its changes from the one before,
 * the first to the bill) and each action after an import. An action's id is its bill's, its date and a
 * hash of its words (history rows carry no id of their own), counted where one day repeats an action;
 * undated events are dated as the newest.
 */
export function billFeedModel(report: BillReport) {
  type Entry = { id: string; title: string; date: string | null; url: string; relatedUrl?: string; summary: string };
  const entries: Entry[] = [];
  for (const v of versionsModel(report)) {
    const sections = withoutRangeEnds(v.sections).filter((s) => s.relation !== 'cites').map((s) => `${RELATION_WORDS[s.relation]} ${touchName(s)}`);
    entries.push({
      id: `urn:billdiff:version:${report.id}:${v.name}`,
      title: `${report.measure}: ${v.stage}${v.dateLabel ? `, ${v.dateLabel}` : ''}`,
      date: v.date,
      url: v.compareUrl ?? report.url,
      ...(v.compareUrl ? { relatedUrl: report.url } : {}),
      // What it changed: its words, the sections it touches, who brings it and its digest key.
      summary: [v.changeWords, sections.join('; '), v.authorsChange, v.digestChange].filter(Boolean).join(' · '),
    });
  }
  // The same action twice on one day (read a second time, say) is two entries: the second's id counts it.
  const seen = new Map<string, number>();
  for (const h of report.history) {
    const key = `${h.date ?? 'undated'}:${createHash('sha1').update(h.action).digest('hex').slice(0, 16)}`;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    entries.push({
      id: `urn:billdiff:action:${report.id}:${key}${nth > 1 ? `:${nth}` : ''}`,
      title: `${report.measure}: ${h.action}`,
      date: h.date,
      url: report.url,
      summary: `${dateLabel(h.date) || 'Undated'}: ${h.action}`,
    });
  }
  const newest = newestDate(entries.map((e) => e.date));
  // Newest first; on one day a version before the actions it follows, as the timeline reads them, turned round.
  const order = entries.map((e, i) => ({ e, i })).sort((a, b) => compareCodeUnits(b.e.date ?? newest, a.e.date ?? newest) || b.i - a.i);
  return {
    title: xmlText(`${report.measure} (${report.sessionName})${report.title ? `: ${report.title}` : ''}`),
    id: xmlText(`urn:billdiff:bill:${report.id}`),
    selfUrl: `${report.url}/feed`,
    pageUrl: report.url,
    updated: atomDate(newest),
    entries: order.slice(0, FEED_ENTRIES).map(({ e }) => ({
      id: xmlText(e.id),
      title: xmlText(e.title),
      updated: atomDate(e.date ?? newest),
      url: e.url,
      ...(e.relatedUrl ? { relatedUrl: e.relatedUrl } : {}),
      summary: xmlText(e.summary),
    })),
  };
}

function sessionFeedTitle(name: string): string {
  return `Bills of the ${name}, by their latest versions`;
}

/**
 * A session's Atom feed: its bills (`latestVersionsFeed`), so that a reader following a session sees
 * each bill introduced or amended after an import.
 */
export async function sessionFeedModel(db: Database, jurisdiction: string, session: string) {
  const id = `urn:billdiff:session:${jurisdiction}:${session}`;
  return latestVersionsFeed({ title: sessionFeedTitle(sessionName(jurisdiction, session)), id, pageUrl: sessionPageUrl(jurisdiction, session) }, await db.sessionBills(jurisdiction, session));
}

/**
 * A feed of bills by their latest versions, newest first (`FEED_ENTRIES` of them), as a session's and
 * an author's feeds list them. An entry's id is its bill's latest version's (as the bill's own feed
 * names it): a new version is a new entry. Undated versions last, dated as the newest. An entry's
 * summary is the bill's title and status, and what `more` says of it.
 */
function latestVersionsFeed<B extends Omit<SessionBill, 'leads'>>(head: { title: string; id: string; pageUrl: string }, bills: readonly B[], more: (b: B) => string = () => '') {
  const versioned = bills.filter((b) => b.latest_name !== null);
  const newest = newestDate(versioned.map((b) => b.latest_date));
  const shown = versioned.sort((a, b) => compareCodeUnits(b.latest_date ?? '', a.latest_date ?? '')).slice(0, FEED_ENTRIES);
  return {
    title: xmlText(head.title),
    id: xmlText(head.id),
    selfUrl: `${head.pageUrl}/feed`,
    pageUrl: head.pageUrl,
    updated: atomDate(newest),
    entries: shown.map((b) => ({
      id: xmlText(`urn:billdiff:version:${b.id}:${b.latest_name}`),
      title: xmlText(`${b.measure}: ${b.latest_stage ?? b.latest_name}${b.latest_date ? `, ${dateLabel(b.latest_date)}` : ''}`),
      updated: atomDate(b.latest_date ?? newest),
      url: billUrl(b.id),
      summary: xmlText([b.title, b.status, more(b)].filter(Boolean).join(' · ')),
    })),
  };
}

/**
 * The sections a version amends, adds or repeals, as its place on the timeline lists them: each, or
 * past `MANY_SECTIONS` their counts ("amends 231 sections"), the bill's list above naming them.
 */
function versionTouches(sections: BillReport['versions'][number]['sections']) {
  const touched = withoutRangeEnds(sections).filter((s) => s.relation !== 'cites');
  if (touched.length <= MANY_SECTIONS) {
    return { amendsList: touched.map((s, index) => ({ code: s.code, section: s.section, relation: s.relation, url: s.url, name: touchName(s), relationWord: RELATION_WORDS[s.relation], index })) };
  }
  const counts = new Map<string, number>();
  for (const s of touched) {
    const word = RELATION_WORDS[s.relation];
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const parts = [...counts].map(([word, n], i) => `${word} ${count(n)}${i === 0 ? ` section${n === 1 ? '' : 's'}` : ''}`);
  return { amendsList: [], amendsSummary: parts.join(', ') };
}

/** A bill that touches more sections than this has them listed in columns on its page, with their count. */
const MANY_SECTIONS = 12;
/** Bills shown beside each section of a session page; the section's page has them all. */
const BILLS_SHOWN = 12;
/** Gut-and-amend versions listed on a session page, newest first. */
const GUTS_SHOWN = 200;

export async function sessionModel(db: Database, jurisdiction: string, session: string) {
  const report = await db.sessionReport(jurisdiction, session);
  // Who brings each bill the contested sections show side by side.
  const leads = await db.leadAuthors(report.contested.flatMap((s) => s.bills.slice(0, BILLS_SHOWN).map((b) => b.bill_id)));
  const name = sessionName(jurisdiction, session);
  // The bills each contested section's bills are double-jointed with, linked where the database holds them.
  const jointWith = await jointBillsOf(db, jurisdiction, session, report.contested.flatMap((s) => s.bills.flatMap((b) => (b.joint ? [jointBills(b.joint)] : []))));
  const laws = new Map<string, string | null>();
  const lawOf = async (code: string, section: string) => {
    const key = `${code}\u0000${section}`;
    if (!laws.has(key)) {
      const law = await db.lawSection(code, section);
      laws.set(key, law ? sectionDocId(code, section, law.corpus_id) : null);
    }
    return laws.get(key) ?? null;
  };
  const activity = async (s: SectionActivity) => {
    const law = await lawOf(s.code, s.section);
    const bills = s.bills.map((b, index) => ({
      ...b,
      index,
      billUrl: billUrl(b.bill_id),
      dateLabel: dateLabel(b.version_date),
      // A whole unit or a range repealed prints none of the section: the bill is what there is to read.
      lawUrl: law && !b.unit && !between(b, s.section) && b.relation !== 'cites' && b.relation !== 'adds' ? lawCompareUrl(versionDocId({ id: b.version_id, corpus_id: b.corpus_id }), s.code, law) : undefined,
      holderNote: holderOf({ unit: b.unit, range: rangeOf(b) })?.note,
      leads: leadLinks(leads.get(b.bill_id) ?? [], b.jurisdiction, b.session),
      law: b.law && { measure: b.law.measure, url: billUrl(b.law.bill_id) },
      jointWith: jointList(jointWith(jointBills(b.joint))),
    }));
    return {
      code: s.code,
      section: s.section,
      name: sectionName(s.code, s.section),
      url: sectionUrl(s.code, s.section),
      count: s.bills.length,
      // The section's own page lists them all.
      bills: bills.slice(0, BILLS_SHOWN),
      more: Math.max(0, bills.length - BILLS_SHOWN),
      // Both bills' instructions applied in turn to current law: where the second would undo the first.
      applyUrl: law ? inTurnUrl(law, s.bills) : undefined,
    };
  };
  return {
    pageTitle: name,
    bodyClass: 'session-page',
    name,
    jurisdiction,
    session,
    feedUrl: `${sessionPageUrl(jurisdiction, session)}/feed`,
    feedTitle: sessionFeedTitle(name),
    authorsUrl: sessionAuthorsUrl(jurisdiction, session),
    authorsWord: authorsWords(jurisdiction).all,
    gutAndAmendCount: report.gutAndAmends.length,
    gutAndAmends: report.gutAndAmends.slice(0, GUTS_SHOWN).map((v) => ({
      ...v,
      billUrl: billUrl(v.bill_id),
      dateLabel: dateLabel(v.date),
      compareUrl: v.against && v.against !== 'law' ? compareUrl({ old: `ver:${v.against}`, new: versionDocId(v) }) : undefined,
    })),
    mostAmended: await Promise.all(report.mostAmended.map(activity)),
    contested: await Promise.all(report.contested.map(activity)),
    nonePending: report.pending === 0,
  };
}

/** Every author of a session (`/sessions/ca/20252026-0/authors`), by surname, each with how many of its bills name them. */
export function sessionAuthorsModel(jurisdiction: string, session: string, authors: readonly AuthorMatch[]) {
  const name = sessionName(jurisdiction, session);
  const words = authorsWords(jurisdiction).all;
  const heading = `${capitalized(words)} of the ${name}`;
  return {
    pageTitle: heading,
    bodyClass: 'authors-page',
    heading,
    sessionTitle: name,
    sessionUrl: sessionPageUrl(jurisdiction, session),
    words,
    authorCount: count(authors.length),
    counted: authors.length === 1 ? authorsWords(jurisdiction).single : words,
    authors: authors.map((a) => ({ text: authorName(a), url: authorPageUrl(a.jurisdiction, a.session, a.name), bills: `${count(a.bills)} ${a.bills === 1 ? 'bill' : 'bills'}` })),
  };
}

export async function sessionsModel(db: Database) {
  const sessions = await db.sessions();
  return {
    pageTitle: 'Sessions',
    bodyClass: 'sessions-page',
    sessions: sessions.map((s) => ({ ...s, name: sessionName(s.jurisdiction, s.session), url: sessionPageUrl(s.jurisdiction, s.session) })),
    counts: await db.counts(),
  };
}

/** Bills listed a page of a session's page and of a law section's; sections a page of a code's. */
export const SESSION_BILLS_PER_PAGE = 200;
export const SECTION_BILLS_PER_PAGE = 200;
export const CODE_SECTIONS_PER_PAGE = 500;

/**
 * Page `page` (1-based) of `items`, `size` a page, and the links to the others (`hrefOf(n)`): undefined
 * when `page` is past the last (a list of none has one page, empty).
 */
export function pageOfList<T>(items: T[], page: number, size: number, hrefOf: (n: number) => string) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  if (page < 1 || page > pages) return undefined;
  const from = (page - 1) * size;
  const shown = items.slice(from, from + size);
  const pager =
    pages > 1
      ? {
          page,
          pages,
          from: count(from + 1),
          to: count(from + shown.length),
          total: count(items.length),
          ...(page > 1 ? { prevHref: hrefOf(page - 1) } : {}),
          ...(page < pages ? { nextHref: hrefOf(page + 1) } : {}),
          links: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: hrefOf(i + 1), current: i + 1 === page })),
        }
      : undefined;
  return { items: shown, pager };
}

/** The bills of a session, a page at a time, for its page (`sessionModel`): undefined past its last page. */
export async function sessionBillsModel(db: Database, jurisdiction: string, session: string, page: number) {
  const bills = await db.sessionBills(jurisdiction, session);
  const base = sessionPageUrl(jurisdiction, session);
  const paged = pageOfList(bills, page, SESSION_BILLS_PER_PAGE, (n) => (n === 1 ? `${base}#bills-h` : `${base}?page=${n}#bills-h`));
  if (!paged) return undefined;
  return {
    billCount: count(bills.length),
    oneBill: bills.length === 1,
    bills: paged.items.map((b) => ({
      measure: b.measure,
      title: b.title,
      // Who brings it, each linked to their bills of the session.
      leads: leadLinks(leadsOf(b.leads), jurisdiction, session),
      status: b.status,
      url: billUrl(b.id),
      latest: b.latest_stage ?? '',
      dateLabel: dateLabel(b.latest_date),
    })),
    billPager: paged.pager,
  };
}

/** Every code the database holds sections of. */
export async function codesModel(db: Database) {
  const codes = await db.codes();
  const entry = (c: { code: string; sections: number }) => ({ name: codeName(c.code), code: c.code, sections: count(c.sections), many: c.sections !== 1, url: codeUrl(c.code) });
  return {
    pageTitle: 'Codes',
    bodyClass: 'codes-page',
    california: codes.filter((c) => !isUsCode(c.code)).map(entry),
    unitedStates: codes.filter((c) => isUsCode(c.code)).map(entry),
    empty: codes.length === 0,
  };
}

/** A code's sections in the database, a page at a time: undefined for a code it holds none of, or past the last page. */
export async function codeModel(db: Database, code: string, page: number) {
  const [sections, headings] = await Promise.all([db.codeSections(code), db.unitHeadings(code)]);
  if (!sections.length) return undefined;
  const paged = pageOfList(sections, page, CODE_SECTIONS_PER_PAGE, (n) => codePageUrl(code, n));
  if (!paged) return undefined;
  const name = codeName(code);
  const outline = new Outline(headings);
  return {
    pageTitle: page > 1 ? `${name}, page ${page}` : name,
    bodyClass: 'code-page',
    name,
    code,
    sectionCount: count(sections.length),
    oneSection: sections.length === 1,
    sections: paged.items.map((s, i) => {
      const { units, depth, innermost } = outline.row(s.place, i === 0 ? undefined : paged.items[i - 1]!.place);
      return {
        name: `§ ${s.number}`,
        heading: headingOwn(s.heading, innermost),
        url: sectionUrl(code, s.number),
        units,
        depth,
      };
    }),
    outlined: headings.size > 0,
    // The code's outermost units, each linked where its first section is: on every page, where there are two or more.
    contents: outline.outermost(sections, (n) => codePageUrl(code, pageHolding(n))),
    pager: paged.pager,
  };
}

/**
 * Where a unit of a code is among its sections (`place`, stored): the page of its first section, at its
 * heading (`/codes/BPC?page=3#unit-division-7`); undefined where the code has no such unit, or no section in it.
 */
export async function unitPageUrl(db: Database, code: string, place: string): Promise<string | undefined> {
  const [sections, headings] = await Promise.all([db.codeSections(code), db.unitHeadings(code)]);
  if (!headings.has(place)) return undefined;
  const outline = new Outline(headings);
  const first = sections.findIndex((s) => outline.units(s.place).some((u) => u.place === place));
  if (first < 0) return undefined;
  return `${codePageUrl(code, pageHolding(first))}#${unitAnchor(place)}`;
}

/** A page of a code's sections: `/codes/PEN`, `/codes/PEN?page=2`. */
function codePageUrl(code: string, page: number): string {
  return page === 1 ? codeUrl(code) : `${codeUrl(code)}?page=${page}`;
}

/** The page of a code's sections that lists its `index`-th (from 0). */
function pageHolding(index: number): number {
  return Math.floor(index / CODE_SECTIONS_PER_PAGE) + 1;
}

/**
 * A code's sections in its outline (`headings`: its units' headings by their places; none for a code
 * with no table of contents). A chapter's sections share their place, so each place's units are found once.
 */
class Outline {
  readonly #held = new Map<string | null, Array<{ place: string; heading: string }>>();

  constructor(private readonly headings: ReadonlyMap<string, string>) {}

  /** The units holding a section placed at `place`, outermost first. */
  units(place: string | null): Array<{ place: string; heading: string }> {
    let units = this.#held.get(place);
    if (!units) this.#held.set(place, (units = unitsHolding(readPlace(place), this.headings)));
    return units;
  }

  /**
   * A section's row in a page of the outline: the units holding it that do not hold the section before
   * it on the page (`before`; all of them for the page's first), each with its depth and its anchor;
   * how many units hold it; its innermost unit's heading.
   */
  row(place: string | null, before: string | null | undefined) {
    const units = this.units(place);
    const above = before === undefined ? [] : this.units(before);
    let same = 0;
    while (same < units.length && same < above.length && units[same]!.place === above[same]!.place) same++;
    return {
      units: units.slice(same).map((u, i) => ({ heading: u.heading, depth: same + i, anchor: unitAnchor(u.place) })),
      depth: units.length,
      innermost: units[units.length - 1]?.heading,
    };
  }

  /** The outermost units of the code's sections, in their order, each once, linked to its first section's page (`pageOf` its index) at its heading; none where fewer than two. */
  outermost(sections: ReadonlyArray<{ place: string | null }>, pageOf: (index: number) => string): Array<{ heading: string; url: string }> {
    if (!this.headings.size) return [];
    const seen = new Set<string>();
    const out: Array<{ heading: string; url: string }> = [];
    sections.forEach((s, i) => {
      const top = this.units(s.place)[0];
      if (!top || seen.has(top.place)) return;
      seen.add(top.place);
      out.push({ heading: top.heading, url: `${pageOf(i)}#${unitAnchor(top.place)}` });
    });
    return out.length > 1 ? out : [];
  }
}

/** A unit's anchor on its code's page, from its place: `unit-division-7-part-3`. */
function unitAnchor(place: string): string {
  const levels = readPlace(place) ?? {};
  return `unit-${Object.entries(levels)
    .map(([level, n]) => `${level}-${n}`)
    .join('-')
    .replace(/[^A-Za-z0-9.-]+/g, '-')}`;
}

