import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import Handlebars from 'handlebars';
import { billModel, sectionModel } from '../../src/server/database-pages.js';
import { DATABASE_FEEDS, DATABASE_PAGES, loadViews, viewsDir } from '../../src/server/views.js';
import type { OverrideWords } from '../../src/store/types.js';

const read = (file: string) => fs.readFileSync(path.join(viewsDir, file), 'utf8');

describe('server: views', () => {
  it('should compile the database pages, and the partials they call, without data (no @ variable, no partial block)', () => {
    for (const page of DATABASE_PAGES) {
      const source = read(`${page}.hbs`);
      // Handlebars compiles a template that reads an @ variable with data whatever it is told.
      expect(Handlebars.precompile(source, { data: false }), page).not.to.match(/"useData":true/);
      // A partial block makes a data frame at run time, and with it a wrapper for each block as it runs.
      expect(source, page).not.to.include('{{#>');
      const partials = [...source.matchAll(/\{\{> *([\w-]+)/g)].map((m) => m[1]);
      // The page's two halves around it, and between them only the list pager (its links carry `current`, not @index).
      expect([partials[0], partials.at(-1), partials.slice(1, -1).filter((p) => p !== 'list-pager')], page).to.deep.equal(['page-top', 'page-bottom', []]);
    }
    for (const feed of DATABASE_FEEDS) {
      const source = read(`${feed}.hbs`);
      expect(Handlebars.precompile(source, { data: false }), feed).not.to.match(/"useData":true|"usePartial":true/);
    }
    for (const partial of ['page-top', 'page-bottom', 'list-pager']) {
      const source = read(`partials/${partial}.hbs`);
      expect(Handlebars.precompile(source, { data: false }), partial).not.to.match(/"useData":true|"usePartial":true/);
    }
  });

  it('should say what to import for a section’s text: California’s law section table, or a U.S. Code title’s file', () => {
    const report = (code: string, number: string, name: string) => ({ code, number, name, heading: '', shortTitles: [], units: [], text: '', history: '', historyActs: [], inDatabase: false, bills: [] });
    const views = loadViews();
    expect(views.render('section', sectionModel(report('GOV', '7284.6', 'Government Code § 7284.6'))!)).to.include(
      '<p class="hint">The text of this section is not in the database (import the Legislature’s LAW_SECTION_TBL to add it); the bills that touch it are listed above.</p>',
    );
    expect(views.render('section', sectionModel(report('usc26', '1', '26 U.S.C. § 1'))!)).to.include(
      '<p class="hint">The text of this section is not in the database (import usc26.xml, the Law Revision Counsel’s file of the title, to add it); the bills that touch it are listed above.</p>',
    );
  });

  it('should write the separators of a list from each item’s index', () => {
    const html = loadViews().render('sessions', { pageTitle: 'Sessions', bodyClass: 'sessions-page', searchQuery: '', counts: { bills: 1, versions: 1, sections: 1 }, sessions: [] });
    expect(html).to.include('<body class="sessions-page">');
    const bill = loadViews().render('bill', {
      pageTitle: 'AB 1',
      searchQuery: '',
      bill: { measure: 'AB 1', title: 'T', sessionName: 'S', pending: true },
      amended: [{ relation: 'amends', relationWord: 'Amends', url: '/a', name: 'A' }],
      touchesAny: true,
      cited: ['X', 'Y', 'Z'].map((name, index) => ({ name, url: `/${name}`, index })),
      overrides: [{ title: 'Cited “notwithstanding”: the bill’s words would prevail over the section’s', sections: ['V', 'W'].map((name, index) => ({ name, url: `/${name}`, index })), note: 'notwithstanding them' }],
      timeline: [{ actions: [], version: { name: 'v', stage: 's', dateLabel: 'd', amendsList: ['P', 'Q'].map((name, index) => ({ name, url: `/${name}`, relationWord: 'Amends', index })) } }],
    });
    expect(bill).to.include('Also cites <a href="/X">X</a>, <a href="/Y">Y</a>, <a href="/Z">Z</a>.');
    expect(bill).to.include(
      '<p class="cites overrides"><span class="relation r-cites r-overrides" title="Cited “notwithstanding”: the bill’s words would prevail over the section’s">overrides</span> <a href="/V">V</a>, <a href="/W">W</a> <span class="muted">· notwithstanding them</span></p>',
    );
    expect(bill).to.include('<p class="vsections">Amends <a href="/P">P</a>; Amends <a href="/Q">Q</a></p>');
    // A bill that amends no section and only cites some (an uncodified section's "Notwithstanding Section 7284.6, …") lists them.
    const citing = loadViews().render('bill', {
      pageTitle: 'AB 2',
      searchQuery: '',
      bill: { measure: 'AB 2', title: 'T', sessionName: 'S', pending: true },
      amended: [],
      touchesAny: true,
      cited: [{ name: 'X', url: '/X', index: 0 }],
      overrides: [{ title: 'Cited “notwithstanding”: the bill’s words would prevail over the section’s', sections: [{ name: 'V', url: '/V', index: 0 }], note: 'notwithstanding it' }],
      timeline: [],
    });
    expect(citing).to.include(
      '<h2 id="touches-h">Sections of law it touches</h2>\n\n<p class="cites overrides"><span class="relation r-cites r-overrides" title="Cited “notwithstanding”: the bill’s words would prevail over the section’s">overrides</span> <a href="/V">V</a> <span class="muted">· notwithstanding it</span></p>\n<p class="cites">Also cites <a href="/X">X</a>.</p>',
    );
    expect(citing).to.not.include('touch-list');
  });

  it('should list the sections of a bill that touches many in columns, and count them on its timeline', () => {
    const touch = (relation: 'amends' | 'adds' | 'cites', section: string) => ({ code: 'usc26', section, relation, name: `26 U.S.C. § ${section}`, url: `/sections/usc26/${section}`, inDatabase: false });
    const report = (sections: ReturnType<typeof touch>[]) => ({
      id: 'us-115-hr1', jurisdiction: 'us', session: '115', sessionName: '115th Congress', measure: 'H.R. 1', title: 'T', shortTitles: [], house: 'House', status: null, pending: false, authors: [], url: '/bills/us-115-hr1',
      versions: [{ id: 'BILLS-115hr1eas2', name: 'v', stage: 'Engrossed Amendment Senate 2', date: null, docId: 'ver:BILLS-115hr1eas2', changes: null, gutAndAmend: false, authors: [], sections }],
      history: [],
      sections,
    });
    const views = loadViews();
    const many = [...Array.from({ length: 12 }, (_, i) => touch('amends', String(i + 1))), touch('adds', '4960'), touch('cites', '7701')];
    const html = views.render('bill', billModel(report(many)));
    // Past a dozen, a count and a way past them to the versions.
    expect(html).to.include('<h2 id="touches-h">Sections of law it touches <span class="count">13</span></h2>\n<p class="muted jump">Its versions and actions are <a href="#timeline-h">below the sections</a>.</p>\n<ul class="touch-list many">');
    expect(html).to.include('<p class="vsections">amends 12 sections, adds 1</p>');
    expect(html).not.to.include('amends <a href="/sections/usc26/1">');
    // A few: one under the other, and each on the timeline.
    const few = views.render('bill', billModel(report(many.slice(0, 2))));
    expect(few).to.include('<h2 id="touches-h">Sections of law it touches</h2>\n<ul class="touch-list">');
    expect(few).to.include('<p class="vsections">amends <a href="/sections/usc26/1">26 U.S.C. § 1</a>; amends <a href="/sections/usc26/2">26 U.S.C. § 2</a></p>');
  });

  it('should list the sections a bill overrides by the words that say so, and mark each on the section’s page', () => {
    const cite = (section: string, override?: OverrideWords) => ({
      code: 'usc41',
      section,
      relation: 'cites' as const,
      ...(override ? { override } : {}),
      name: `41 U.S.C. § ${section}`,
      url: `/sections/usc41/${section}`,
      inDatabase: false,
    });
    const sections = [cite('1'), cite('2', 'shall not apply'), cite('3', 'notwithstanding'), cite('4', 'without regard to'), cite('5', 'notwithstanding'), cite('6', 'exempt from')];
    const report = {
      id: 'us-116-hr1865', jurisdiction: 'us', session: '116', sessionName: '116th Congress', measure: 'H.R. 1865', title: 'T', shortTitles: [], house: 'House', status: null, pending: false, authors: [], url: '/bills/us-116-hr1865',
      versions: [{ id: 'BILLS-116hr1865eah', name: 'v', stage: 'Engrossed Amendment House', date: null, docId: 'ver:BILLS-116hr1865eah', changes: null, gutAndAmend: false, authors: [], sections }],
      history: [],
      sections,
    };
    const views = loadViews();
    const html = views.render('bill', billModel(report));
    const mark = (title: string) => `<p class="cites overrides"><span class="relation r-cites r-overrides" title="${title}">overrides</span> `;
    expect(html).to.include(
      [
        `${mark('Cited “notwithstanding”: the bill’s words would prevail over the section’s')}<a href="/sections/usc41/3">41 U.S.C. § 3</a>, <a href="/sections/usc41/5">41 U.S.C. § 5</a> <span class="muted">· notwithstanding them</span></p>`,
        `${mark('Cited “without regard to”: the bill’s words would prevail over the section’s')}<a href="/sections/usc41/4">41 U.S.C. § 4</a> <span class="muted">· without regard to it</span></p>`,
        `${mark('Cited as a section that “shall not apply”: the bill’s words would prevail over the section’s')}<a href="/sections/usc41/2">41 U.S.C. § 2</a> <span class="muted">· it shall not apply</span></p>`,
        `${mark('Cited as a section something is “exempt from”: the bill’s words would prevail over the section’s')}<a href="/sections/usc41/6">41 U.S.C. § 6</a> <span class="muted">· exempt from it</span></p>`,
      ].join('') + '\n<p class="cites">Also cites <a href="/sections/usc41/1">41 U.S.C. § 1</a>.</p>',
    );
    const bill = (override?: OverrideWords) => ({
      id: 'us-116-hr1865', measure: 'H.R. 1865', jurisdiction: 'us', session: '116', sessionName: '116th Congress', title: 'T', authors: [], status: null, pending: false, relation: 'cites' as const,
      ...(override ? { override } : {}), version: 'eah', versionStage: 'Engrossed Amendment House', versionDate: null, url: '/bills/us-116-hr1865', billUrl: '/bills/us-116-hr1865',
    });
    const page = (override?: OverrideWords) =>
      views.render('section', sectionModel({ code: 'usc41', number: '6101', name: '41 U.S.C. § 6101', heading: '', shortTitles: [], units: [], text: '', history: '', historyActs: [], inDatabase: false, bills: [bill(override)] })!);
    expect(page('without regard to')).to.include(
      '<td><span class="relation r-cites r-overrides" title="Cited “without regard to”: the bill’s words would prevail over the section’s">overrides</span> <span class="muted">without regard to it</span></td>',
    );
    expect(page('shall not apply')).to.include(
      '<td><span class="relation r-cites r-overrides" title="Cited as a section that “shall not apply”: the bill’s words would prevail over the section’s">overrides</span> <span class="muted">it shall not apply</span></td>',
    );
    expect(page('exempt from')).to.include(
      '<td><span class="relation r-cites r-overrides" title="Cited as a section something is “exempt from”: the bill’s words would prevail over the section’s">overrides</span> <span class="muted">exempt from it</span></td>',
    );
    expect(page()).to.include('<td><span class="relation r-cites">cites</span></td>');
    // Who brings each bill, each linked to their bills of its session (synthetic names).
    const brought = views.render('section', sectionModel({ code: 'usc41', number: '6101', name: '41 U.S.C. § 6101', heading: '', shortTitles: [], units: [], text: '', history: '', historyActs: [], inDatabase: false, bills: [{ ...bill(), authors: [{ name: 'Mr. Alpha of Utopia', role: 'sponsor' }] }] })!);
    expect(brought).to.include('<span class="btitle">T</span><br><span class="bauthors">by <a href="/sessions/us/116/authors/Mr.%20Alpha%20of%20Utopia">Mr. Alpha of Utopia</a></span></th>');
    expect(page()).not.to.include('bauthors');
    // A whole unit holding the section, repealed or overridden (synthetic: Chapter 97.5 is no chapter of the U.S. Code).
    const unitPage = (relation: 'repeals' | 'cites', override?: OverrideWords) =>
      views.render('section', sectionModel({ code: 'usc41', number: '6101', name: '41 U.S.C. § 6101', heading: '', shortTitles: [], units: [], text: '', history: '', historyActs: [], inDatabase: false, bills: [{ ...bill(override), relation, unit: 'Chapter 97.5' }] })!);
    expect(unitPage('repeals')).to.include('<td><span class="relation r-repeals">repeals</span> <span class="muted">the whole of Chapter 97.5, which holds it</span></td>');
    expect(unitPage('cites', 'notwithstanding')).to.include('overrides</span> <span class="muted">notwithstanding Chapter 97.5, which holds it</span></td>');
    expect(unitPage('cites', 'shall not apply')).to.include('overrides</span> <span class="muted">Chapter 97.5, which holds it, shall not apply</span></td>');
  });

  it('should write a page in the layout as its two halves around the page', () => {
    const views = loadViews();
    const html = views.render('error', { pageTitle: 'Oops', searchQuery: 'q', status: 500, title: 'Oops', message: 'm' });
    const hbs = Handlebars.create();
    const top = hbs.compile(read('partials/page-top.hbs'))({ pageTitle: 'Oops', searchQuery: 'q', bodyClass: 'error' });
    const bottom = hbs.compile(read('partials/page-bottom.hbs'))({});
    expect(html.startsWith(top), 'top').to.equal(true);
    expect(html.endsWith(bottom), 'bottom').to.equal(true);
    expect(html.slice(top.length, -bottom.length)).to.include('m');
  });
});
