import { expect } from 'chai';
import Handlebars from 'handlebars';
import { billFeedModel, billModel, CODE_SECTIONS_PER_PAGE, codeModel, markedSnippet, pageOfList, SECTION_BILLS_PER_PAGE, FEED_ENTRIES, searchModel, sectionFeedModel, sectionModel, snippetSegments, versionChoices } from '../../src/server/database-pages.js';
import type { BillReport, SectionReport } from '../../src/store/reports.js';
import type { Author } from '../../src/types.js';
import { MARK_END, MARK_START } from '../../src/store/search.js';
import { loadViews } from '../../src/server/views.js';

/** The segments as they were read before: white space folded, then split on the marks. */
function segmentsBySplit(snippet: string): Array<{ text: string; hit: boolean }> {
  const out: Array<{ text: string; hit: boolean }> = [];
  let hit = false;
  for (const part of snippet.replace(/\s+/g, ' ').split(new RegExp(`([${MARK_START}${MARK_END}])`))) {
    if (part === MARK_START) hit = true;
    else if (part === MARK_END) hit = false;
    else if (part) out.push({ text: part, hit });
  }
  return out;
}

const S = MARK_START;
const E = MARK_END;
const SNIPPETS = [
  '',
  'no word found',
  `${S}court${E}`,
  `the ${S}court${E} shall`,
  `${S}human${E} ${S}trafficking${E}`,
  `${S}a${E}${S}b${E}`,
  `a${S}${E}b`,
  `a${E}b${E}c`,
  `open ${S}mark`,
  `  runs \n\t of   space ${S} found ${E}\u00a0and\u2003others `,
  `one space\u0020only ${S}x${E} y`,
];

describe('server: search snippets as the pages write them', () => {
  it('should read the same segments as splitting on the marks did', () => {
    for (const s of SNIPPETS) expect(snippetSegments(s), JSON.stringify(s)).to.deep.equal(segmentsBySplit(s));
  });

  it('should write a snippet as the segments one by one, each escaped, the words found marked', () => {
    const snippets = [...SNIPPETS, `<b> & ${S}"x" 'y'${E} \`z\``];
    for (const s of snippets) {
      const bySegment = segmentsBySplit(s).map((x) => (x.hit ? `<mark>${Handlebars.escapeExpression(x.text)}</mark>` : Handlebars.escapeExpression(x.text))).join('');
      const html = markedSnippet(s);
      expect(html).to.be.an.instanceOf(Handlebars.SafeString);
      expect(html.toHTML(), JSON.stringify(s)).to.equal(bySegment);
    }
    expect(markedSnippet(`a <i>${S}b&c${E}`).toHTML()).to.equal('a &lt;i&gt;<mark>b&amp;c</mark>');
  });
});

describe('server: a list page at a time (a session’s bills, a code’s sections)', () => {
  const href = (n: number) => `/codes/PEN?page=${n}`;
  it('should give the page asked for, where it stands among the others, and links to each', () => {
    const items = Array.from({ length: 1205 }, (_, i) => i + 1);
    const second = pageOfList(items, 2, 500, href)!;
    expect(second.items).to.have.length(500);
    expect([second.items[0], second.items.at(-1)]).to.deep.equal([501, 1000]);
    expect(second.pager).to.deep.equal({
      page: 2,
      pages: 3,
      from: '501',
      to: '1,000',
      total: '1,205',
      prevHref: '/codes/PEN?page=1',
      nextHref: '/codes/PEN?page=3',
      links: [
        { number: 1, href: '/codes/PEN?page=1', current: false },
        { number: 2, href: '/codes/PEN?page=2', current: true },
        { number: 3, href: '/codes/PEN?page=3', current: false },
      ],
    });
    const last = pageOfList(items, 3, 500, href)!;
    expect([last.items.length, last.pager?.to, 'nextHref' in last.pager!, last.pager?.prevHref]).to.deep.equal([205, '1,205', false, '/codes/PEN?page=2']);
  });
  it('should give a law section’s bills a page at a time, each page linking the others at the list', () => {
    // Synthetic rows: 205 bills touching one section, as a renumbered session's busiest sections are touched by thousands.
    const bills: SectionReport['bills'] = Array.from({ length: SECTION_BILLS_PER_PAGE + 5 }, (_, i) => ({
      id: `ca-20252026-0-ab${90000 + i}`,
      measure: `AB ${90000 + i}`,
      jurisdiction: 'ca',
      session: '20252026-0',
      sessionName: '2025–26 Regular Session',
      title: 'Synthetic.',
      authors: [],
      status: 'In Committee Process',
      pending: true,
      relation: 'amends',
      version: 'Introduced',
      versionStage: 'Introduced',
      versionDate: '2026-02-01',
      url: `/bills/ca-20252026-0-ab${90000 + i}`,
      billUrl: `/bills/ca-20252026-0-ab${90000 + i}`,
    }));
    const report: SectionReport = { code: 'GOV', number: '7284.6', name: 'Government Code § 7284.6', heading: '', shortTitles: [], units: [], text: '', history: '', historyActs: [], inDatabase: false, bills };
    const first = sectionModel(report)!;
    expect([first.pageTitle, first.billCount, first.bills.length, first.bills[0]!.measure, first.billPager?.nextHref]).to.deep.equal(['Government Code § 7284.6', '205', 200, 'AB 90000', '/sections/GOV/7284.6?page=2#bills-h']);
    const second = sectionModel(report, 2)!;
    expect([second.pageTitle, second.bills.map((b) => b.measure), second.billPager?.from, second.billPager?.prevHref]).to.deep.equal([
      'Government Code § 7284.6, bills page 2',
      ['AB 90200', 'AB 90201', 'AB 90202', 'AB 90203', 'AB 90204'],
      '201',
      '/sections/GOV/7284.6#bills-h',
    ]);
    expect(sectionModel(report, 3)).to.equal(undefined);
    expect(sectionModel({ ...report, bills: bills.slice(0, 1) })!.billPager).to.equal(undefined);
  });
  it('should give a law section’s feed its newest bills, each dated, its text as XML can hold it', () => {
    // Synthetic authors: two lead authors, named by the feed as a list of bills names them.
    const authors = [{ name: 'Alpha', role: 'lead author' as const, house: 'Assembly' }, { name: 'Beta', role: 'lead author' as const, house: 'Senate' }];
    const bill = (i: number, versionDate: string | null, title = 'Synthetic.') => ({
      id: `ca-20252026-0-ab${90000 + i}`,
      measure: `AB ${90000 + i}`,
      jurisdiction: 'ca',
      session: '20252026-0',
      sessionName: '2025–26 Regular Session',
      title,
      authors: i === 0 ? authors : [],
      status: null,
      pending: true,
      relation: 'cites' as const,
      unit: 'Chapter 5',
      version: 'introduced',
      versionStage: 'Introduced',
      versionDate,
      url: `/bills/ca-20252026-0-ab${90000 + i}`,
      billUrl: `/bills/ca-20252026-0-ab${90000 + i}`,
    });
    const report: SectionReport = { code: 'GOV', number: '7284.6', name: 'Government Code § 7284.6', heading: '', shortTitles: [], units: [], text: '', history: '', historyActs: [], inDatabase: false, bills: [bill(0, null, 'A\u0001 \uD800title'), ...Array.from({ length: FEED_ENTRIES + 5 }, (_, i) => bill(i + 1, `2026-02-${String((i % 28) + 1).padStart(2, '0')}`))] };
    const feed = sectionFeedModel(report);
    expect(feed.entries).to.have.length(FEED_ENTRIES);
    expect([feed.updated, feed.entries[0]!.updated, feed.entries[0]!.summary, feed.entries[1]!.updated]).to.deep.equal([
      '2026-02-28T00:00:00Z',
      '2026-02-28T00:00:00Z',
      'cites the whole of Chapter 5, which holds it · Introduced · A title · by Assembly Member Alpha and Senator Beta',
      '2026-02-01T00:00:00Z',
    ]);
    expect(sectionFeedModel({ ...report, bills: [bill(0, null)] }).updated).to.equal('1970-01-01T00:00:00Z');
  });
  it('should have no pager for one page, one empty page for none, and nothing past the last', () => {
    expect(pageOfList([1, 2, 3], 1, 500, href)).to.deep.equal({ items: [1, 2, 3], pager: undefined });
    expect(pageOfList([], 1, 500, href)).to.deep.equal({ items: [], pager: undefined });
    expect(pageOfList([1, 2, 3], 2, 500, href)).to.equal(undefined);
    expect(pageOfList([1, 2, 3], 0, 500, href)).to.equal(undefined);
  });
});

describe('server: any two of a bill’s versions compared (its page’s form)', () => {
  const version = (docId: string, name: string, stage: string, dateLabel: string) => ({ docId, name, stage, dateLabel });
  it('should offer each version, the first chosen to compare from and the latest to compare with', () => {
    expect(versionChoices([version('v1', 'introduced', 'Introduced', 'January 29, 2026')])).to.equal(undefined);
    expect(versionChoices([version('v1', 'introduced', 'Introduced', 'January 29, 2026'), version('v2', 'enrolled', 'Enrolled', '')])).to.deep.equal({
      options: [
        { docId: 'v1', label: 'Introduced, January 29, 2026', fromSelected: ' selected', withSelected: '' },
        { docId: 'v2', label: 'Enrolled', fromSelected: '', withSelected: ' selected' },
      ],
      links: [],
    });
  });
  it('should link the first against the latest from three versions, and name two versions that would read alike', () => {
    const choices = versionChoices([
      version('ca-x-introduced', 'introduced', 'Introduced', 'January 29, 2026'),
      version('ca-x-amended-assembly', 'amended-assembly', 'Amended in Assembly', 'March 5, 2026'),
      version('ca-x-amended-assembly-2', 'amended-assembly-2', 'Amended in Assembly', 'March 5, 2026'),
    ])!;
    expect(choices.options.map((o) => o.label)).to.deep.equal(['Introduced, January 29, 2026', 'Amended in Assembly, March 5, 2026 (amended-assembly)', 'Amended in Assembly, March 5, 2026 (amended-assembly-2)']);
    expect(choices.links).to.deep.equal([{ url: '/compare?old=ca-x-introduced&new=ca-x-amended-assembly-2', text: 'the first version against the latest', index: 0 }]);
  });
  it('should offer a bill’s versions and the law it became, its last version chosen against the law and linked, from either page', () => {
    const bill = [version('ver:BILLS-119hr1ih', 'introduced-house', 'Introduced in House', 'May 20, 2025'), version('ver:BILLS-119hr1eh', 'engrossed-house', 'Engrossed in House', 'May 22, 2025')];
    const law = [version('ver:PLAW-119publ21', 'public-law', 'Public Law', 'July 4, 2025')];
    const fromBill = versionChoices(bill, { measure: 'Pub. L. 119-21', versions: law, is: 'enacted' })!;
    expect(fromBill.options.map((o) => [o.label, o.fromSelected, o.withSelected])).to.deep.equal([
      ['Introduced in House, May 20, 2025', '', ''],
      ['Engrossed in House, May 22, 2025', ' selected', ''],
      ['Pub. L. 119-21: Public Law, July 4, 2025', '', ' selected'],
    ]);
    expect(fromBill.links).to.deep.equal([{ url: '/compare?old=ver%3ABILLS-119hr1eh&new=ver%3APLAW-119publ21', text: 'the last version against Pub. L. 119-21, as enacted', index: 0 }]);
    const fromLaw = versionChoices(law, { measure: 'H.R. 1', versions: bill, is: 'enacts' })!;
    expect(fromLaw.options.map((o) => o.label)).to.deep.equal(['H.R. 1: Introduced in House, May 20, 2025', 'H.R. 1: Engrossed in House, May 22, 2025', 'Public Law, July 4, 2025']);
    expect(fromLaw.links).to.deep.equal([{ url: '/compare?old=ver%3ABILLS-119hr1eh&new=ver%3APLAW-119publ21', text: 'H.R. 1’s last version against this law', index: 0 }]);
    // A law whose bill the database lacks: its one text, nothing to compare.
    expect(versionChoices(law, { measure: 'H.R. 1', versions: [], is: 'enacts' })).to.equal(undefined);
  });
});

describe('server: a bill’s feed', () => {
  it('should list its versions and actions newest first, a day’s version after its actions, an action repeated on a day counted', () => {
    // Synthetic: a bill of two versions and three actions, one of them twice on a day.
    const version = (name: string, stage: string, date: string, compareUrl?: string) => ({
      id: name,
      name,
      stage,
      date,
      docId: `ca-x-${name}`,
      changes: null,
      gutAndAmend: false,
      authors: [],
      ...(compareUrl ? { compareUrl } : {}),
      sections: [],
    });
    const report: BillReport = {
      id: 'ca-20252026-0-ab90000',
      measure: 'AB 90000',
      jurisdiction: 'ca',
      session: '20252026-0',
      sessionName: '2025–26 Regular Session',
      title: 'Synthetic & <odd>.',
      shortTitles: [],
      house: 'Assembly',
      status: null,
      pending: true,
      authors: [],
      url: '/bills/ca-20252026-0-ab90000',
      versions: [version('introduced', 'Introduced', '2026-01-05'), version('amended-assembly', 'Amended in Assembly', '2026-02-02', '/compare?old=ca-x-introduced&new=ca-x-amended-assembly')],
      history: [
        { date: '2026-01-05', action: 'Read first time.' },
        { date: '2026-02-02', action: 'Read second time.' },
        { date: '2026-02-02', action: 'Read second time.' },
      ],
      sections: [],
    };
    // The amendment sent it to a fiscal committee: its entry says so.
    report.versions[0]!.digestKey = { vote: 'majority', fiscalCommittee: false };
    report.versions[1]!.digestKey = { vote: 'majority', fiscalCommittee: true };
    const feed = billFeedModel(report);
    expect(feed.entries.find((e) => e.title.includes('Amended'))!.summary).to.equal('Fiscal committee: now yes (was no).');
    expect([feed.title, feed.updated, feed.selfUrl]).to.deep.equal(['AB 90000 (2025–26 Regular Session): Synthetic & <odd>.', '2026-02-02T00:00:00Z', '/bills/ca-20252026-0-ab90000/feed']);
    expect(feed.entries.map((e) => [e.title, e.updated, e.url])).to.deep.equal([
      ['AB 90000: Read second time.', '2026-02-02T00:00:00Z', '/bills/ca-20252026-0-ab90000'],
      ['AB 90000: Read second time.', '2026-02-02T00:00:00Z', '/bills/ca-20252026-0-ab90000'],
      ['AB 90000: Amended in Assembly, February 2, 2026', '2026-02-02T00:00:00Z', '/compare?old=ca-x-introduced&new=ca-x-amended-assembly'],
      ['AB 90000: Read first time.', '2026-01-05T00:00:00Z', '/bills/ca-20252026-0-ab90000'],
      ['AB 90000: Introduced, January 5, 2026', '2026-01-05T00:00:00Z', '/bills/ca-20252026-0-ab90000'],
    ]);
    const ids = feed.entries.map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids[0]).to.equal(`${ids[1]}:2`);
    expect(ids[2]).to.equal('urn:billdiff:version:ca-20252026-0-ab90000:amended-assembly');
  });
});

describe('server: a federal bill’s page, with the law it became', () => {
  it('should offer the bill’s last version against the law as enacted, in the form and in one click', () => {
    // Synthetic: a bill of one version whose law the database holds.
    const report: BillReport = {
      id: 'us-999-hr9002',
      measure: 'H.R. 9002',
      jurisdiction: 'us',
      session: '999',
      sessionName: '999th Congress',
      title: 'Synthetic.',
      shortTitles: [],
      house: 'House',
      status: 'Became Pub. L. 999-2',
      pending: false,
      authors: [{ name: 'Mr. Synthetic of Nowhere', role: 'sponsor' }],
      enactedAs: { id: 'us-999-pl2', measure: 'Pub. L. 999-2', url: '/bills/us-999-pl2', versions: [{ name: 'public-law', stage: 'Public Law', date: '2031-02-15', docId: 'ver:PLAW-999publ2' }] },
      url: '/bills/us-999-hr9002',
      versions: [{ id: 'v1', name: 'introduced-house', stage: 'Introduced in House', date: '2031-01-10', docId: 'ver:BILLS-999hr9002ih', changes: null, gutAndAmend: false, authors: [{ name: 'Mr. Synthetic of Nowhere', role: 'sponsor' }], sections: [] }],
      history: [],
      sections: [],
    };
    const html = loadViews().render('bill', billModel(report));
    expect(html).to.contain('<div class="authors"><p>Sponsor: <a href="/sessions/us/999/authors/Mr.%20Synthetic%20of%20Nowhere">Mr. Synthetic of Nowhere</a>.</p>\n</div>');
    expect(html).to.contain(
      '<select id="cv-old" name="old"><option value="ver:BILLS-999hr9002ih" selected>Introduced in House, January 10, 2031</option><option value="ver:PLAW-999publ2">Pub. L. 999-2: Public Law, February 15, 2031</option></select>',
    );
    expect(html).to.contain('<span class="or">or <a href="/compare?old&#x3D;ver%3ABILLS-999hr9002ih&amp;new&#x3D;ver%3APLAW-999publ2">the last version against Pub. L. 999-2, as enacted</a></span>');
    expect(html).not.to.contain('short-titles');
    // Its short titles, as a bill's text gives them: escaped.
    const named = loadViews().render('bill', billModel({ ...report, shortTitles: ['<b>Synthetic</b> & Act', 'SYN Act'] }));
    expect(named).to.contain('<p class="short-titles">Short titles: “&lt;b&gt;Synthetic&lt;/b&gt; &amp; Act”; “SYN Act”.</p>');
  });
});

describe('server: who brought a bill', () => {
  // Synthetic authors, named as California's and Congress's prints name them.
  const lead = (name: string, house = 'Assembly') => ({ name, role: 'lead author' as const, house });
  const report = (versions: Array<Array<Author>>): BillReport => ({
    id: 'ca-20252026-0-ab90001',
    measure: 'AB 90001',
    jurisdiction: 'ca',
    session: '20252026-0',
    sessionName: '2025–26 Regular Session',
    title: 'Synthetic.',
    shortTitles: [],
    house: 'Assembly',
    status: null,
    pending: true,
    authors: versions[versions.length - 1]!,
    url: '/bills/ca-20252026-0-ab90001',
    versions: versions.map((authors, i) => ({ id: `v${i}`, name: `v${i}`, stage: 'Amended in Assembly', date: `2026-01-0${i + 1}`, docId: `ca-x-v${i}`, changes: null, gutAndAmend: false, authors, sections: [] })),
    history: [],
    sections: [],
  });

  it('should name them by role under the title, members by their house, a committee by its own', () => {
    const html = loadViews().render(
      'bill',
      billModel(report([[lead('Ramos'), { ...lead('Committee on Judiciary'), committee: true }, { name: 'Limón', role: 'coauthor', house: 'Senate' }, { name: 'Senate Committee on Health', role: 'coauthor', house: 'Senate', committee: true }]])),
    );
    const a = (name: string, text: string) => `<a href="/sessions/ca/20252026-0/authors/${encodeURIComponent(name)}">${text}</a>`;
    expect(html).to.contain(
      `<div class="authors"><p>Lead authors: ${a('Ramos', 'Assembly Member Ramos')} and ${a('Committee on Judiciary', 'Assembly Committee on Judiciary')}. Coauthors: ${a('Limón', 'Senator Limón')} and ${a('Senate Committee on Health', 'Senate Committee on Health')}.</p>\n</div>`,
    );
  });

  it('should count a role of more than eight names, and name them in a disclosure, on the page and in a version’s changes', () => {
    const sponsors = (n: number) => [{ name: 'Mr. Placeholder', role: 'sponsor' as const }, ...Array.from({ length: n }, (_, i) => ({ name: `Ms. Example ${i + 1}`, role: 'cosponsor' as const }))];
    const model = billModel(report([sponsors(0), sponsors(9)]));
    expect(model.versions[1]!.authorsChange).to.equal('Added 9 cosponsors.');
    const html = loadViews().render('bill', model);
    const a = (name: string) => `<a href="/sessions/ca/20252026-0/authors/${encodeURIComponent(name)}">${name}</a>`;
    const cosponsors = Array.from({ length: 9 }, (_, i) => a(`Ms. Example ${i + 1}`));
    expect(html).to.contain(
      `<div class="authors"><p>Sponsor: ${a('Mr. Placeholder')}. Cosponsors: 9.</p>\n<details><summary>The 9 cosponsors</summary><p>${cosponsors.slice(0, -1).join(', ')} and ${cosponsors[8]}.</p></details></div>`,
    );
  });

  it('should say on a version what changed in who brought it, where both it and the version before name them', () => {
    const model = billModel(report([[lead('Ramos')], [lead('Valencia'), { name: 'Limón', role: 'coauthor', house: 'Senate' }, { name: 'Gabriel', role: 'coauthor', house: 'Assembly' }], [], [lead('Valencia')]]));
    expect(model.versions.map((v) => v.authorsChange)).to.deep.equal([
      undefined,
      'Added as lead author: Assembly Member Valencia. Added as coauthors: Senator Limón and Assembly Member Gabriel. Removed as lead author: Assembly Member Ramos.',
      undefined,
      undefined,
    ]);
    const html = loadViews().render('bill', model);
    expect(html).to.contain('<p class="vauthors">Added as lead author: Assembly Member Valencia. Added as coauthors: Senator Limón and Assembly Member Gabriel. Removed as lead author: Assembly Member Ramos.</p>');
    expect(html.match(/class="vauthors"/g)).to.have.length(1);
  });

  it('should name no one where no version names anyone', () => {
    expect(loadViews().render('bill', billModel(report([[], []])))).not.to.contain('class="authors"');
  });
});

describe('server: the search page, from its model', () => {
  it('should write each bill’s status and authors and each name found escaped, as the source gives them (synthetic)', () => {
    const answer = {
      results: [
        { kind: 'bill' as const, id: 'ca-20252026-0-ab9901', title: 'AB 9901 (2025–26 Regular Session) — Synthetic.', snippet: '', url: '/bills/ca-20252026-0-ab9901', status: '<script>alert(1)</script> & Vetoed' },
        { kind: 'bill' as const, id: 'ca-20252026-0-ab9902', title: 'AB 9902 (2025–26 Regular Session) — Synthetic.', snippet: '', url: '/bills/ca-20252026-0-ab9902' },
        {
          kind: 'bill' as const,
          id: 'us-999-hr9903',
          title: 'H.R. 9903 (999th Congress) — Synthetic.',
          snippet: '',
          url: '/bills/us-999-hr9903',
          session: '999',
          status: 'Enrolled',
          authors: [{ name: 'Mr. <b>Smith</b> of "Texas"', role: 'sponsor' as const }, { name: 'Committee on A & B', role: 'sponsor' as const, committee: true }],
        },
      ],
      total: 3,
      bills: 3,
      sections: 0,
      rankedBills: 3,
      rankedSections: 0,
      by: 'full-text' as const,
    };
    const named = [{ kind: 'section' as const, name: '<i>Synthetic</i> Act', code: 'GOV', number: '99950' }];
    const html = loadViews().render('search', searchModel([], 'synthetic', {}, { limit: 25, offset: 0 }, answer, [], named));
    expect(html).to.contain('<a href="/bills/ca-20252026-0-ab9901">AB 9901 (2025–26 Regular Session) — Synthetic.</a> <span class="status">· &lt;script&gt;alert(1)&lt;/script&gt; &amp; Vetoed</span>\n');
    expect(html).to.contain('<a href="/bills/ca-20252026-0-ab9902">AB 9902 (2025–26 Regular Session) — Synthetic.</a>\n');
    // Who brings a bill: each name escaped, and linked to their page by an escaped address.
    expect(html).to.contain(
      '<a href="/bills/us-999-hr9903">H.R. 9903 (999th Congress) — Synthetic.</a> <span class="by">· by <a href="/sessions/us/999/authors/Mr.%20%3Cb%3ESmith%3C%2Fb%3E%20of%20%22Texas%22">Mr. &lt;b&gt;Smith&lt;/b&gt; of &quot;Texas&quot;</a> and <a href="/sessions/us/999/authors/Committee%20on%20A%20%26%20B">Committee on A &amp; B</a></span> <span class="status">· Enrolled</span>\n',
    );
    expect(html).to.contain('<p class="names-found">By that name: <a href="/sections/GOV/99950">Government Code § 99950</a> (“&lt;i&gt;Synthetic&lt;/i&gt; Act”).</p>');
  });
});

describe('server: a code’s page, in the outline of its table of contents (synthetic)', () => {
  // A code of two parts: the first's chapter fills the first page and one more section.
  const first = CODE_SECTIONS_PER_PAGE + 1;
  const sections = [
    ...Array.from({ length: first }, (_, i) => ({ number: String(i + 1), heading: '', place: '{"part":"1","chapter":"1"}' })),
    { number: String(first + 1), heading: '', place: '{"part":"1","chapter":"2"}' },
    { number: String(first + 2), heading: 'CHAPTER 1. Third', place: '{"part":"2","chapter":"1"}' },
    { number: String(first + 3), heading: 'A heading of its own', place: null },
  ];
  const headings = new Map([
    ['{"part":"1"}', 'PART 1. <Synthetic> & Co.'],
    ['{"part":"1","chapter":"1"}', 'CHAPTER 1. First'],
    ['{"part":"1","chapter":"2"}', 'CHAPTER 2. Second'],
    ['{"part":"2"}', 'PART 2. Another'],
    ['{"part":"2","chapter":"1"}', 'CHAPTER 1. Third'],
  ]);
  const db = { codeSections: async () => sections, unitHeadings: async () => headings } as unknown as Parameters<typeof codeModel>[0];

  it('should name a unit above its first section on a page, and above each page’s first its units again', async () => {
    const one = (await codeModel(db, 'PEN', 1))!;
    expect(one.outlined).to.equal(true);
    expect(one.sections.slice(0, 2).map((s) => [s.name, s.units, s.depth])).to.deep.equal([
      [
        '§ 1',
        [
          { heading: 'PART 1. <Synthetic> & Co.', depth: 0, anchor: 'unit-part-1' },
          { heading: 'CHAPTER 1. First', depth: 1, anchor: 'unit-part-1-chapter-1' },
        ],
        2,
      ],
      ['§ 2', [], 2],
    ]);
    const two = (await codeModel(db, 'PEN', 2))!;
    expect(two.sections.map((s) => [s.name, s.units.map((u) => u.heading), s.depth, s.heading])).to.deep.equal([
      [`§ ${first}`, ['PART 1. <Synthetic> & Co.', 'CHAPTER 1. First'], 2, ''],
      [`§ ${first + 1}`, ['CHAPTER 2. Second'], 2, ''],
      // A heading that is its innermost unit's is said once, above it.
      [`§ ${first + 2}`, ['PART 2. Another', 'CHAPTER 1. Third'], 2, ''],
      [`§ ${first + 3}`, [], 0, 'A heading of its own'],
    ]);
    const html = loadViews().render('code', two);
    expect(html).to.contain(
      `<ul class="section-list outlined">\n<li class="unit depth-0" id="unit-part-1">PART 1. &lt;Synthetic&gt; &amp; Co.</li><li class="unit depth-1" id="unit-part-1-chapter-1">CHAPTER 1. First</li><li class="in-2"><a href="/sections/PEN/${first}">§ ${first}</a></li><li class="unit depth-1" id="unit-part-1-chapter-2">CHAPTER 2. Second</li><li class="in-2"><a href="/sections/PEN/${first + 1}">§ ${first + 1}</a></li>`,
    );
    expect(html).to.contain(`<li><a href="/sections/PEN/${first + 3}">§ ${first + 3}</a> <span class="btitle">A heading of its own</span></li>\n</ul>`);
  });

  it('should list the code’s outermost units on each page, each linked to its heading on the page of its first section', async () => {
    for (const page of [1, 2]) {
      const html = loadViews().render('code', (await codeModel(db, 'PEN', page))!);
      expect(html).to.contain(
        '<nav class="code-contents" aria-label="The code’s outermost units"><ul><li><a href="/codes/PEN#unit-part-1">PART 1. &lt;Synthetic&gt; &amp; Co.</a></li><li><a href="/codes/PEN?page&#x3D;2#unit-part-2">PART 2. Another</a></li></ul></nav>',
      );
    }
    // One outermost unit: no contents.
    const single = { codeSections: async () => sections.slice(0, 2), unitHeadings: async () => headings } as unknown as Parameters<typeof codeModel>[0];
    expect((await codeModel(single, 'PEN', 1))!.contents).to.deep.equal([]);
  });
});
