import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import Handlebars from 'handlebars';
import { loadViews, viewsDir, type DatabasePage } from '../../src/server/views.js';

const DATABASE_PAGES: DatabasePage[] = ['search', 'bill', 'section', 'session', 'sessions'];
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
      expect(partials, page).to.deep.equal(['page-top', 'page-bottom']);
    }
    for (const partial of ['page-top', 'page-bottom']) {
      const source = read(`partials/${partial}.hbs`);
      expect(Handlebars.precompile(source, { data: false }), partial).not.to.match(/"useData":true|"usePartial":true/);
    }
  });

  it('should write the separators of a list from each item’s index', () => {
    const html = loadViews().render('sessions', { pageTitle: 'Sessions', bodyClass: 'sessions-page', searchQuery: '', counts: { bills: 1, versions: 1, sections: 1 }, sessions: [] });
    expect(html).to.include('<body class="sessions-page">');
    const bill = loadViews().render('bill', {
      pageTitle: 'AB 1',
      searchQuery: '',
      bill: { measure: 'AB 1', title: 'T', sessionName: 'S', pending: true },
      amended: [{ relation: 'amends', relationWord: 'Amends', url: '/a', name: 'A' }],
      cited: ['X', 'Y', 'Z'].map((name, index) => ({ name, url: `/${name}`, index })),
      timeline: [{ actions: [], version: { name: 'v', stage: 's', dateLabel: 'd', amendsList: ['P', 'Q'].map((name, index) => ({ name, url: `/${name}`, relationWord: 'Amends', index })) } }],
    });
    expect(bill).to.include('Cites <a href="/X">X</a>, <a href="/Y">Y</a>, <a href="/Z">Z</a>.');
    expect(bill).to.include('<p class="vsections">Amends <a href="/P">P</a>; Amends <a href="/Q">Q</a></p>');
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
