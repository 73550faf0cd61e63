/**
 * The command line's database side: `billdiff import PATH...`, `billdiff search QUERY`,
 * `billdiff section "Penal Code 1050"`, versions by name (`billdiff "AB 1656" --from introduced
 * --to latest`), and `ver:…`/`law:…` ids as inputs. The database is `--data DIR`, else
 * `BILLDIFF_DATA`, else `DATABASE_URL=postgres://…`, else `./data`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatNotRecognised, formatProblem, formatSummary, importPaths } from '../import/index.js';
import { DATABASE_FILE, databaseOptionsFrom, describeDatabase, openDatabase, type Database } from '../store/database.js';
import { databaseDocument, DATABASE_ID } from '../store/documents.js';
import { authorJson, authorName, namedId, namedJson, namedNote, namedTitle, ownHeading, shortTitlesSaid, authorsChanged, broughtBy, authorWhere, authorsSaid, billReport, findBill, digestChanged, digestSaid, holderOf, latestDigestKey, jointSaid, OTHER_PENDING_SAYS, OVERRIDE_SAYS, pickVersion, readSectionName, relationWord, sectionReport, versionTextReport, withoutRangeEnds, type BillReport, type VersionTextReport } from '../store/reports.js';
import { sessionName } from '../store/names.js';
import { sectionName } from '../store/codes.js';
import { MARK_END, MARK_START, matchesListed, whyNothingFound } from '../store/search.js';
import { becameStatus } from '../store/enacted.js';
import { authorsSought, readAuthorFilter, readSearchParams, SearchParamError, type SearchRequest } from '../store/search-params.js';
import { BilldiffError, isBilldiffError } from '../util/errors.js';
import type { CliIo } from './main.js';
import { createImportProgress } from './import-progress.js';
import { isStoreCommandName, type StoreCommand } from './store-argv.js';

export const STORE_USAGE = `Database commands:
  billdiff import PATH...        import pubinfo zips or folders, govinfo XML folders, or bills/
           [--format json]       the summary as data: rows = inserted + updated + unchanged
                                 + contents + inactive + skipped
           [-v, --verbose]       list the files not recognised (a README, a .csv), and why
  billdiff search QUERY          bills and law sections: AB 1656, hr1-119, 7284.6, any words
                                 (no words but --author: the author's bills)
           [--session S] [--house H] [--status pending|S] [--code PEN] [--author NAME]
           [--format json]
  billdiff section "Penal Code 1050" [--format json]
                                 the section's text and every bill touching it
  billdiff bill "AB 1656" [--format json]
                                 the bill: who brought it, its versions by name, its history
                                 and the sections it touches
           [--version NAME]      one version's text (introduced, latest, a name, a date, a number)
  billdiff "AB 1656" --from introduced --to latest
                                 two versions of a bill from the database, by name
  --data DIR                     the database folder (default $BILLDIFF_DATA, or ./data;
                                 DATABASE_URL=postgres://… for PostgreSQL)
  -h, --help                     this help (billdiff import --help, search --help …)`;

type Main = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Runs a database command, or returns undefined when `argv` is none (`main` goes on). `--data DIR`
 * is taken out of any command line and passed on as `BILLDIFF_DATA`.
 */
export async function runStoreCommand(argv: string[], io: CliIo, main: Main): Promise<number | undefined> {
  const at = argv.findIndex((a) => a === '--data' || a.startsWith('--data='));
  if (at >= 0) {
    const value = argv[at]!.startsWith('--data=') ? argv[at]!.slice(7) : argv[at + 1];
    if (!value) return usage(io, '--data takes a folder');
    const rest = [...argv.slice(0, at), ...argv.slice(at + (argv[at]!.includes('=') ? 1 : 2))];
    return (await runStoreCommand(rest, { ...io, env: { ...io.env, BILLDIFF_DATA: value, DATABASE_URL: undefined } }, main)) ?? main(rest, { ...io, env: { ...io.env, BILLDIFF_DATA: value, DATABASE_URL: undefined } });
  }
  const [command, ...rest] = argv;
  if (isStoreCommandName(command)) {
    // The command line read before the database is opened: `import --help`, or a mistyped option, neither
    // makes an empty database nor asks for one that is not there.
    let args: ParsedArgs;
    try {
      args = parse(rest, COMMAND_OPTIONS[command]);
    } catch (error) {
      io.stderr.write(`${(error as Error).toString()}\n`);
      return 2;
    }
    if (args.values['help']) {
      io.stdout.write(`${STORE_USAGE}\n`);
      return 0;
    }
    if (command === 'import') return withDatabase(io, (db) => importCommand(db, args, io), { create: true });
    if (command === 'search') return withDatabase(io, (db) => searchCommand(db, args, io));
    if (command === 'bill') return withDatabase(io, (db) => billCommand(db, args, io));
    return withDatabase(io, (db) => sectionCommand(db, args, io));
  }
  if (argv.some((a) => a === '--from' || a === '--to' || a.startsWith('--from=') || a.startsWith('--to='))) return versionsByName(argv, io, main);
  return undefined;
}

/** Reads a `ver:…` or `law:…` input from the database, for `main`'s inputs. */
export async function readDatabaseInput(name: string, io: CliIo): Promise<{ bytes: Buffer; file: string; lawSection?: string } | undefined> {
  if (!DATABASE_ID.test(name)) return undefined;
  const db = await open(io);
  try {
    const doc = await databaseDocument(db, name);
    if (!doc) throw new BilldiffError(`no document ${name} in ${describeDatabase(databaseOptionsFrom(io.env, io.cwd))}`, { file: name, code: 'not-found' });
    return { bytes: Buffer.from(doc.bytes), file: name, ...(doc.section ? { lawSection: doc.section } : {}) };
  } finally {
    await db.close();
  }
}

/**
 * The database; only `import` (`create`) makes an embedded one where there is none: a command that
 * reads one says there is none, rather than leave an empty database behind it.
 */
async function open(io: CliIo, { create = false } = {}): Promise<Database> {
  const options = databaseOptionsFrom(io.env, io.cwd);
  if (!create && options.dataDir !== undefined && !fs.existsSync(path.join(options.dataDir, DATABASE_FILE))) {
    throw new BilldiffError(`no database at ${describeDatabase(options)}: import a session first (billdiff import PATH... [--data DIR]), or set BILLDIFF_DATA or DATABASE_URL`, { code: 'not-found' });
  }
  try {
    return await openDatabase(options);
  } catch (error) {
    throw new BilldiffError(`cannot open the database (${describeDatabase(options)}): ${(error as Error).message}`, { code: 'input' });
  }
}

async function withDatabase(io: CliIo, fn: (db: Database) => Promise<number>, options: { create?: boolean } = {}): Promise<number> {
  let db: Database | undefined;
  try {
    db = await open(io, options);
    return await fn(db);
  } catch (error) {
    io.stderr.write(`${isBilldiffError(error) ? error.toString() : `billdiff: ${(error as Error).message}`}\n`);
    return 2;
  } finally {
    await db?.close();
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`billdiff: ${message}\n\n${STORE_USAGE}\n`);
  return 2;
}

type OptionsOf = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type ParsedArgs = { values: Record<string, string | boolean | undefined>; positionals: string[] };

const HELP = { help: { type: 'boolean', short: 'h' } } as const;
const FORMAT = { format: { type: 'string', short: 'f' } } as const;

/** Each database command's options. */
const COMMAND_OPTIONS: Record<StoreCommand, OptionsOf> = {
  import: { ...HELP, ...FORMAT, verbose: { type: 'boolean', short: 'v' } },
  search: {
    ...HELP,
    ...FORMAT,
    session: { type: 'string' },
    house: { type: 'string' },
    status: { type: 'string' },
    code: { type: 'string' },
    author: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  },
  section: { ...HELP, ...FORMAT },
  bill: { ...HELP, ...FORMAT, version: { type: 'string' } },
};

function parse(args: string[], options: OptionsOf): ParsedArgs {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new BilldiffError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}\n\n${STORE_USAGE}`, { code: 'usage' });
  }
}

/**
 * `billdiff import PATH...`: a progress bar on a terminal, one summary line otherwise (`--format json`:
 * the summary as data); exit 1 when rows were skipped or inputs not imported.
 */
async function importCommand(db: Database, { values, positionals }: ParsedArgs, io: CliIo): Promise<number> {
  if (values['format'] !== undefined && values['format'] !== 'json' && values['format'] !== 'text') return usage(io, `--format of import is text or json, not ${JSON.stringify(values['format'])}`);
  if (!positionals.length) return usage(io, 'give the files or folders to import');
  const interactive = Boolean((io.stderr as { isTTY?: boolean }).isTTY);
  const progress = createImportProgress(
    io.stderr,
    interactive,
    (p) => io.stderr.write(`${formatProblem(p)}\n`),
    values['verbose'] ? (file, reason) => io.stderr.write(`${formatNotRecognised(file, reason)}\n`) : undefined,
  );
  const summary = await importPaths(
    db,
    positionals.map((p) => path.resolve(io.cwd, p)),
    progress,
  );
  const database = describeDatabase(databaseOptionsFrom(io.env, io.cwd));
  if (values['format'] === 'json') io.stdout.write(`${JSON.stringify({ ...summary, database })}\n`);
  else io.stdout.write(`${formatSummary(summary)} into ${database}\n`);
  return summary.problems ? 1 : 0;
}

/** `whyNothingFound`'s words after "nothing found for …". */
function nothingSaid({ note, filtered }: ReturnType<typeof whyNothingFound>): string {
  return note ? `: ${note}` : filtered ? ' with these filters' : '';
}

/** `billdiff search QUERY`: a page of results (`--limit`, `--offset`), and how many there are in all; no words but `--author NAME`: their bills. */
async function searchCommand(db: Database, { values, positionals }: ParsedArgs, io: CliIo): Promise<number> {
  let request: SearchRequest;
  try {
    request = readSearchParams({ ...values, format: undefined, q: positionals.join(' ') }, await db.sessions(), 'cli');
    request.filters = await readAuthorFilter(request.filters, async (name) => db.authorsNamed(name, await db.generation()));
  } catch (error) {
    if (error instanceof SearchParamError) return usage(io, error.message.replace(/^the (\w+) parameter/, '--$1').replace(/^--q /, 'the query '));
    throw error;
  }
  const { query, filters, page } = request;
  const answer = await db.search(query, filters, page);
  const { results } = answer;
  // The authors the query names (no words: the author named), as the search page names them (on a first page).
  const generation = await db.generation();
  const authors = page.offset === 0 ? await db.authorsNamed(authorsSought(query, filters), generation) : [];
  // The law sections and bills the words name by their short titles, as the search page names them (on a first page).
  const named = page.offset === 0 && query ? await db.named(query, generation) : [];
  const searched = query ? `"${query}"` : `the author "${filters.author ?? ''}"`;
  if (values['format'] === 'json') {
    io.stdout.write(
      `${JSON.stringify({ results: results.map((r) => ({ ...r, snippet: plain(r.snippet) })), authors: authors.map(authorJson), named: named.map(namedJson), total: answer.total, offset: page.offset, limit: page.limit }, null, io.stdout.isTTY ? 2 : 0)}\n`,
    );
  } else {
    for (const a of authors) io.stdout.write(`author\t${authorJson(a).url}\t${authorName(a)} (${authorWhere(a)})\n`);
    // A code the words name ("code\tPEN\tPenal Code (2 sections in the database)"), then bills and sections by their short titles.
    // A bill found with the law that enacted it: the law after it ("; enacted as Pub. L. 114-190 (us-114-pl190)").
    for (const n of named) {
      const law = n.kind === 'bill' && n.law ? `; enacted as ${n.law.measure} (${n.law.id})` : '';
      io.stdout.write(n.kind === 'code' ? `code\t${namedId(n)}\t${namedTitle(n)}${namedNote(n)}\n` : `named\t${namedId(n)}\t${namedTitle(n)}: ${n.name}${law}\n`);
    }
    const nothing = authors.length || named.length ? 'nothing else found' : 'nothing found';
    if (!results.length) io.stdout.write(answer.total ? `no results past the first ${answer.total} for ${searched}\n` : `${nothing} for ${searched}${nothingSaid(whyNothingFound(query, filters, (await db.sessions()).length))}\n`);
    for (const r of results) {
      // A bill's status, when the source gives one, in a fourth column; who brings it in a fifth ("by Assembly Member Davies"; the fourth empty without a status).
      // A bill the page lists with its law: the law's key too ("Became Pub. L. 114-190 (us-114-pl190)").
      const status = r.law ? `${becameStatus(r.law.measure)} (${r.law.id})` : r.status;
      const by = r.authors?.length ? `\t${broughtBy(r.authors)}` : '';
      io.stdout.write(`${r.kind}\t${r.id}\t${r.title}${status || by ? `\t${status ?? ''}` : ''}${by}\n`);
      if (r.snippet) io.stdout.write(`\t${r.snippet.replace(/\s+/g, ' ').replaceAll(MARK_START, '[').replaceAll(MARK_END, ']')}\n`);
    }
    // Where the page is not all there is: the matches it lists (a law listed with its bill counts), and where the next page begins.
    const end = page.offset + matchesListed(results);
    if (results.length && (page.offset > 0 || end < answer.total)) {
      io.stdout.write(`${page.offset + 1}–${end} of ${answer.total}${answer.by === 'full-text' ? ', ranked by relevance' : ''}${end < answer.total ? ` (--offset ${end} for more)` : ''}\n`);
    }
  }
  return results.length || authors.length || named.length ? 0 : 1;
}

/** `billdiff section "Penal Code 1050"`. */
async function sectionCommand(db: Database, { values, positionals }: ParsedArgs, io: CliIo): Promise<number> {
  const name = positionals.join(' ');
  const cited = readSectionName(name);
  if (!cited) return usage(io, `"${name}" does not name a section (try "Penal Code 1050", PEN 1050, GOV/7284.6, "54 U.S.C. 200304")`);
  const report = await sectionReport(db, cited.code, cited.number);
  if (!report) {
    io.stderr.write(`billdiff: ${cited.code} ${cited.number}: not in the database, and no bill in it touches it\n`);
    return 1;
  }
  if (values['format'] === 'json') {
    io.stdout.write(`${JSON.stringify(report, null, io.stdout.isTTY ? 2 : 0)}\n`);
    return 0;
  }
  const heading = ownHeading(report);
  const lines = [`${report.name}${heading ? ` — ${heading}` : ''}`];
  if (report.units.length) lines.push(report.units.map((u) => u.heading).join(' › '));
  const named = shortTitlesSaid(report.shortTitles);
  if (named) lines.push(named);
  lines.push('', report.inDatabase ? report.text : '(its text is not in the database)', '');
  // The history note, and the chapters it cites whose bills the database holds ("Stats. 2025, Ch. 623 is AB 831 (ca-20252026-0-ab831)").
  if (report.history) lines.push(report.history, ...report.historyActs.map((a) => `${a.cited} is ${a.measure} (${a.url.replace(/^\/bills\//, '')})`), '');
  lines.push(report.bills.length ? `${report.bills.length} bill${report.bills.length === 1 ? '' : 's'} touching it, newest first:` : 'No bill in the database touches it.');
  // The relations in a column as wide as the longest and a space ("overrides" beside "amends").
  const width = Math.max(8, ...report.bills.map((b) => relationWord(b).length + 1));
  for (const b of report.bills) {
    const held = holderOf(b);
    lines.push(`  ${relationWord(b).padEnd(width)}${b.measure} (${b.sessionName})${b.authors?.length ? ` ${broughtBy(b.authors)}` : ''}${b.override ? ` ${OVERRIDE_SAYS[b.override].note(false, held?.holder)}` : held ? ` ${held.note}` : ''}${b.jointWith ? `, ${jointSaid(b.jointWith)}` : ''}, ${b.versionStage}${b.versionDate ? ` ${b.versionDate}` : ''} [${b.version}]${b.title ? ` — ${b.title}` : ''}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/**
 * `billdiff bill "AB 1656"`: the bill as its page shows it, in lines: who brought it, its versions by the
 * names `--from` and `--to` take, with their change counts, its history and the sections its latest
 * version touches (`--format json`: `/api/bills/:id`'s JSON).
 */
async function billCommand(db: Database, { values, positionals }: ParsedArgs, io: CliIo): Promise<number> {
  if (values['format'] !== undefined && values['format'] !== 'json' && values['format'] !== 'text') return usage(io, `--format of bill is text or json, not ${JSON.stringify(values['format'])}`);
  const citation = positionals.join(' ');
  if (!citation) return usage(io, 'name the bill: billdiff bill "AB 1656"');
  const version = values['version'];
  if (version !== undefined) {
    if (typeof version !== 'string' || !version.trim()) return usage(io, '--version takes a version of the bill: introduced, latest, a name, a date or a number');
    let text: VersionTextReport | undefined;
    try {
      text = await versionTextReport(db, (await findBill(db, citation)).id, version);
    } catch (error) {
      if (isBilldiffError(error)) throw error;
      io.stderr.write(`billdiff: ${(error as Error).message}\n`);
      return 1;
    }
    if (!text) return 1;
    if (values['format'] === 'json') io.stdout.write(`${JSON.stringify(text, null, io.stdout.isTTY ? 2 : 0)}\n`);
    else io.stdout.write(`${text.bill.measure} (${text.bill.sessionName}) — ${text.stage}${text.date ? `, ${text.date}` : ''} (${text.name})\n\n${text.text.replace(/\n*$/, '\n')}`);
    return 0;
  }
  let report: BillReport | undefined;
  try {
    report = await billReport(db, (await findBill(db, citation)).id);
  } catch (error) {
    if (isBilldiffError(error)) throw error;
    io.stderr.write(`billdiff: ${(error as Error).message}\n`);
    return 1;
  }
  if (!report) return 1;
  if (values['format'] === 'json') {
    io.stdout.write(`${JSON.stringify(report, null, io.stdout.isTTY ? 2 : 0)}\n`);
    return 0;
  }
  const r = report;
  const lines = [`${r.measure} (${r.sessionName})${r.title ? ` — ${r.title}` : ''}`];
  const named = shortTitlesSaid(r.shortTitles);
  if (named) lines.push(named);
  lines.push([r.house, r.statute, r.enactedAs ? becameStatus(r.enactedAs.measure) : r.status, r.pending ? 'pending' : 'no longer pending'].filter(Boolean).join(' · '));
  if (r.authors.length) lines.push(authorsSaid(r.authors));
  const digest = latestDigestKey(r.versions);
  if (digest) lines.push(digestSaid(digest));
  lines.push('', `${r.versions.length} version${r.versions.length === 1 ? '' : 's'} (the names --from, --to and --version take):`);
  const width = Math.max(...r.versions.map((v) => v.name.length)) + 2;
  r.versions.forEach((v, i) => {
    const c = v.changes;
    const counts = c && c.wordsInserted !== null && c.wordsDeleted !== null ? ` · ${c.wordsInserted} words inserted, ${c.wordsDeleted} deleted` : '';
    lines.push(`  ${v.name.padEnd(width)}${v.stage}${v.date ? `, ${v.date}` : ''}${counts}${v.gutAndAmend ? ' · gut and amend' : ''}${i === r.versions.length - 1 ? ' · latest' : ''}`);
    const changed = i > 0 ? authorsChanged(r.versions[i - 1]!.authors, v.authors) : undefined;
    if (changed) lines.push(`  ${''.padEnd(width)}${changed}`);
    const digest = i > 0 ? digestChanged(r.versions[i - 1]!.digestKey, v.digestKey) : undefined;
    if (digest) lines.push(`  ${''.padEnd(width)}${digest}`);
  });
  if (r.history.length) {
    lines.push('', 'History:');
    for (const h of r.history) lines.push(`  ${(h.date ?? '').padEnd(10)}  ${h.action}`);
  }
  lines.push('', r.sections.length ? 'Sections its latest version touches:' : 'Its latest version touches no section of law.');
  const relations = Math.max(8, ...r.sections.map((s) => relationWord(s).length + 1));
  // A range's last section named once, with its range ("Penal Code §§ 999b through 999h"), as the bill's page does.
  for (const s of withoutRangeEnds(r.sections)) {
    lines.push(`  ${relationWord(s).padEnd(relations)}${s.name}`);
    if (s.jointWith) lines.push(`  ${''.padEnd(relations)}${jointSaid(s.jointWith)}`);
    if (s.otherPending) {
      const more = s.otherPendingMore ? ` and more (all: billdiff section "${sectionName(s.code, s.section)}")` : '';
      lines.push(`  ${''.padEnd(relations)}${OTHER_PENDING_SAYS.toLowerCase()}: ${s.otherPending.map((b) => b.measure).join(', ')}${more}`);
    }
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** `billdiff "AB 1656" --from introduced --to latest [other options]`: the two versions compared as usual. */
async function versionsByName(argv: string[], io: CliIo, main: Main): Promise<number> {
  const take = (flag: string): { value?: string; rest: string[] } => {
    const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i < 0) return { rest: argv };
    const value = argv[i]!.includes('=') ? argv[i]!.slice(flag.length + 1) : argv[i + 1];
    return { ...(value !== undefined ? { value } : {}), rest: [...argv.slice(0, i), ...argv.slice(i + (argv[i]!.includes('=') ? 1 : 2))] };
  };
  const from = take('--from');
  argv = from.rest;
  const to = take('--to');
  argv = to.rest;
  const withValue = new Set(['-f', '--format', '-o', '--output', '--law', '--marks', '--max-size', '--budget', '--corpus']);
  const positional = argv.findIndex((a, i) => !a.startsWith('-') && !withValue.has(argv[i - 1] ?? ''));
  if (positional < 0) return usage(io, 'name the bill whose versions to compare: billdiff "AB 1656" --from introduced --to latest');
  const citation = argv[positional]!;
  return withDatabase(io, async (db) => {
    let ids: string[];
    try {
      const bill = await findBill(db, citation);
      const versions = await db.versions(bill.id);
      // Named with its session: "H.R. 1" alone finds the newest Congress's.
      const named = `${bill.measure} (${sessionName(bill.jurisdiction, bill.session)})`;
      const older = pickVersion(versions, from.value ?? 'previous', named);
      const newer = pickVersion(versions, to.value ?? 'latest', named);
      // One version against itself would print "no differences", as if the bill had never changed.
      if (older.id === newer.id) throw new Error(`--from ${from.value ?? 'previous'} and --to ${to.value ?? 'latest'} both name the same version of ${named}, ${older.name}${versions.length === 1 ? ': it has one version only in the database' : `; its versions: ${versions.map((v) => v.name).join(', ')}`}`);
      ids = [`ver:${older.id}`, `ver:${newer.id}`];
    } catch (error) {
      throw new BilldiffError((error as Error).message, { code: 'not-found' });
    }
    await db.close();
    return main([...argv.slice(0, positional), ...ids, ...argv.slice(positional + 1)], io);
  });
}

/** A snippet without its marks. */
function plain(snippet: string): string {
  return snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, '').replace(/\s+/g, ' ').trim();
}
