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

export type PageName = 'index' | 'compare' | 'apply' | 'print' | 'upload' | 'error' | DatabasePage;
/** The database's pages (src/server/database-routes.ts). */
export type DatabasePage = 'search' | 'bill' | 'section' | 'session' | 'sessions';

export interface Views {
  render(page: PageName, data: object): string;
}

/** Compiles every template in `dir` once. */
export function loadViews(dir: string = viewsDir): Views {
  const hbs = Handlebars.create();
  const partials = path.join(dir, 'partials');
  for (const file of fs.readdirSync(partials)) {
    if (file.endsWith('.hbs')) hbs.registerPartial(file.slice(0, -4), fs.readFileSync(path.join(partials, file), 'utf8'));
  }
  hbs.registerPartial('layout', fs.readFileSync(path.join(dir, 'layout.hbs'), 'utf8'));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('plural', (count: number, one: string, many: string) => (count === 1 ? one : many));
  // Only the built-in helpers and these two: every other {{name}} is data, read without asking first
  // whether a helper has that name (a compare page holds tens of thousands of them; the same HTML).
  const options = { strict: false, noEscape: false, knownHelpers: { eq: true, plural: true }, knownHelpersOnly: true };
  const pages = new Map<string, Handlebars.TemplateDelegate>();
  for (const page of ['index', 'compare', 'apply', 'print', 'upload', 'error', 'search', 'bill', 'section', 'session', 'sessions'] satisfies PageName[]) {
    pages.set(page, hbs.compile(fs.readFileSync(path.join(dir, `${page}.hbs`), 'utf8'), options));
  }
  return {
    render(page, data) {
      const template = pages.get(page);
      if (!template) throw new TypeError(`unknown page template ${page}`);
      return template(data);
    },
  };
}
