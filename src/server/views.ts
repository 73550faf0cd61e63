/**
 * The server's one Handlebars instance: partials from `views/partials/`, pages from `views/`.
 * Every page wraps itself in the `layout` partial (`{{#> layout}}…{{/layout}}`), so no template
 * needs a triple-stash: all text, bill and user text above all, is escaped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/** The folder of templates, next to `src/` and `dist/` alike. */
export const viewsDir = fileURLToPath(new URL('../../views/', import.meta.url));

/** The pages of the corpus, the comparisons and the errors. */
const PAGES = ['index', 'compare', 'apply', 'print', 'upload', 'error'] as const;
/** The database's pages (src/server/database-routes.ts). */
export const DATABASE_PAGES = ['search', 'bill', 'version', 'section', 'session', 'sessions', 'codes', 'code', 'author', 'authors'] as const;
/** The database's feeds (a law section's, a bill's, a session's): one Atom template, compiled as the pages are (no `@` variable), but with no page around it. */
export const DATABASE_FEEDS = ['feed'] as const;

export type PageName = (typeof PAGES)[number] | DatabasePage | (typeof DATABASE_FEEDS)[number];
export type DatabasePage = (typeof DATABASE_PAGES)[number];

export interface Views {
  render(page: PageName, data: object): string;
}

/** The database's pages: each reads no `@` variable and wraps itself in `page-top` and `page-bottom`, not the layout's partial block; its feeds read none either. */
const databasePages = new Set<PageName>([...DATABASE_PAGES, ...DATABASE_FEEDS]);

/** Compiles every template in `dir` once. */
export function loadViews(dir: string = viewsDir): Views {
  const hbs = Handlebars.create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('plural', (count: number, one: string, many: string) => (count === 1 ? one : many));
  // Only the built-in helpers and these two: every other {{name}} is data, read without asking first
  // whether a helper has that name (a compare page holds tens of thousands of them; the same HTML).
  const options = { strict: false, noEscape: false, knownHelpers: { eq: true, plural: true }, knownHelpersOnly: true };
  // Without `@` data: no frame copied for each `{{#each}}` and each turn of it, and one wrapper kept for
  // each block instead of one made each time a block runs (Handlebars makes them anew while it carries
  // data). A template that reads an `@` variable is compiled with data all the same (Handlebars turns
  // it back on), only slower; the database pages need none (their items carry `index`), and the
  // layout's partial block would bring the data back, so they write the layout's two halves themselves.
  const withoutData = { ...options, data: false };
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  // Every partial compiled here, as the pages that use them always have (with data): not left to
  // whichever page first calls it, with that page's options.
  const partials = path.join(dir, 'partials');
  for (const file of fs.readdirSync(partials)) {
    if (file.endsWith('.hbs')) hbs.registerPartial(file.slice(0, -4), hbs.compile(read(path.join(partials, file)), options));
  }
  hbs.registerPartial('layout', hbs.compile(read(path.join(dir, 'layout.hbs')), options));
  const pages = new Map<string, Handlebars.TemplateDelegate>();
  for (const page of [...PAGES, ...DATABASE_PAGES, ...DATABASE_FEEDS]) {
    pages.set(page, hbs.compile(read(path.join(dir, `${page}.hbs`)), databasePages.has(page) ? withoutData : options));
  }
  return {
    render(page, data) {
      const template = pages.get(page);
      if (!template) throw new TypeError(`unknown page template ${page}`);
      return template(data);
    },
  };
}
