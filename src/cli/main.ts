import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Application } from '../amend/apply.js';
import { amendedPart, countedSections } from '../amend/changes.js';
import { amendedElsewhere, compareToWrite, requestBytes, requestLines, type CompareRequest } from '../compare/index.js';
import { resolveRequest } from '../compare/source.js';
import { loadCorpus, type Corpus } from '../corpus/index.js';
import { defaultInputOptions } from '../parse/input.js';
import { writeHtml } from '../render/html.js';
import { writeJson } from '../render/json.js';
import { renderStatuteText } from '../render/statute-text.js';
import { writeTerminal } from '../render/terminal.js';
import { writeWdiff } from '../render/wdiff.js';
import { BilldiffError, formatDiagnostic, isBilldiffError } from '../util/errors.js';
import { guardOutput, writeAtomically } from './files.js';
import { listInstructions } from './instructions.js';
import { parseCliArgs, USAGE, type CliOptions } from './options.js';
import { cliSource } from './source.js';
import { isDatabaseId, isStoreCommand } from './store-argv.js';
import { tuneV8 } from '../util/v8-tuning.js';

/** The streams and facts of the process, passed in so that `main` can be tested. */
export interface CliIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  /** Standard input, read no further than `maxBytes` and one more byte (to know that it goes on). */
  readStdin: (maxBytes: number) => Promise<Buffer>;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The process runs this one command and exits (bin.ts), so V8 may be tuned for one comparison (`tuneV8`). */
  oneComparison?: boolean;
}

/** The database side of the command line, loaded when a command needs it. */
const storeCommands = () => import('./store-commands.js');

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs the command line; returns the exit status (0 same, 1 different, 2 trouble). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions | undefined;
  try {
    // The database's commands (import, search, section, --from/--to) and `--data DIR`, loaded
    // only for them (a comparison of two files starts without the database drivers).
    if (isStoreCommand(argv)) {
      const stored = await (await storeCommands()).runStoreCommand(argv, io, main);
      if (stored !== undefined) return stored;
    }
    options = parseCliArgs(argv);
    if (options.help) {
      io.stdout.write(`${USAGE}\n\n${(await storeCommands()).STORE_USAGE}\n`);
      return 0;
    }
    if (options.version) {
      const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
      io.stdout.write(`${pkg.version}\n`);
      return 0;
    }
    const corpusDir = options.corpus ? path.resolve(io.cwd, options.corpus) : path.join(PACKAGE_ROOT, 'bills');
    let corpus: Corpus | undefined;
    const getCorpus = () => (corpus ??= loadCorpus(corpusDir));
    if (options.list) {
      for (const d of getCorpus().documents) io.stdout.write(`${d.id}\t${d.kind}\t${d.title}${d.stage ? ` — ${d.stage}` : ''}${d.date ? ` (${d.date})` : ''}\n`);
      return 0;
    }

    const inputs = [...options.inputs, ...(options.law ? [options.law] : [])];
    if (inputs.filter((i) => i === '-').length > 1) {
      throw new BilldiffError('standard input (-) can be only one of the inputs: it is read once', { code: 'usage' });
    }
    const outputPath = options.output ? path.resolve(io.cwd, options.output) : undefined;
    if (outputPath) guardOutput(outputPath, inputs, io.cwd);
    // A string, or a function that hands out its text a piece at a time as it makes it (JSON, wdiff, terminal, HTML).
    const write = (rendered: string | ((piece: (text: string) => void) => void)): void => {
      if (outputPath) writeAtomically(outputPath, rendered);
      else if (typeof rendered === 'string') io.stdout.write(rendered);
      else rendered((text) => io.stdout.write(text));
    };
    const source = cliSource({
      cwd: io.cwd,
      readStdin: io.readStdin,
      database: async (name) => (isDatabaseId(name) ? (await storeCommands()).readDatabaseInput(name, io) : undefined),
      corpus: getCorpus,
      maxBytes: options.maxBytes ?? defaultInputOptions.maxBytes,
    });

    if (options.instructions) {
      const { documents } = await resolveRequest({ documents: options.inputs }, source);
      write(listInstructions(documents, { marks: options.marks, json: options.format === 'json', ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) }));
      return 0;
    }

    const { request } = await resolveRequest(
      {
        documents: options.inputs,
        ...(options.law ? { law: options.law } : {}),
        apply: options.apply,
        marks: options.marks,
        // No CLI format shows links, so cross-references are not looked for.
        references: false,
        ...(options.budget ? { budget: options.budget } : {}),
        ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      },
      source,
    );
    tuneV8({ oneComparison: io.oneComparison === true, inputBytes: requestBytes(request), inputLines: requestLines(request) });
    // Every format is written from pairs whose sides are made as they are written (see `compareToWrite`).
    const { alignment, application, sideOf } = compareToWrite(request);
    if (application) {
      if (application.instructions.length === 0) throw nothingApplies(application, request);
      for (const i of application.instructions) {
        if (i.status === 'refused') io.stderr.write(`billdiff: refused ${i.id} (${i.bill}, ${i.citation}): ${i.reason}\n`);
      }
      if (options.format === 'text') {
        // A title or a compilation prints the sections the bills amend; one section prints whole.
        write(renderStatuteText(countedSections(application.amended) > 1 ? amendedPart(application, application.amended) : application.amended));
        return application.instructions.some((i) => i.status === 'applied') ? 1 : 0;
      }
    }

    // `io.stdout` is asked only when the output goes there: with -o, standard output is never made.
    const format = options.format ?? (!outputPath && io.stdout.isTTY ? 'terminal' : 'wdiff');
    const color = options.color ?? (format === 'terminal' && !outputPath && Boolean(io.stdout.isTTY) && !io.env['NO_COLOR']);
    // Every format is written as it is made, a piece at a time.
    const rendered: string | ((piece: (text: string) => void) => void) =
      format === 'json'
        ? (piece) => writeJson(alignment, piece, { indent: !outputPath && io.stdout.isTTY ? 2 : 0, sideOf })
        : format === 'html'
          ? (piece) => writeHtml(alignment, piece, { sideOf })
          : format === 'terminal'
            ? (piece) => writeTerminal(alignment, piece, { color, sideOf })
            : (piece) => writeWdiff(alignment, piece, { sideOf });
    if (alignment.notice && format === 'wdiff') io.stderr.write(`billdiff: ${alignment.notice}\n`);
    if (options.verbose) for (const m of alignment.messages) io.stderr.write(`${formatDiagnostic(m)}\n`);
    write(rendered);
    const s = alignment.summary;
    return s.modified + s.inserted + s.deleted + s.moved + s.redesignated > 0 ? 1 : 0;
  } catch (error) {
    if (isBilldiffError(error)) {
      io.stderr.write(`${error.file ? error.toString() : `billdiff: ${error.message}`}\n`);
      return 2;
    }
    const err = error as NodeJS.ErrnoException;
    io.stderr.write(`billdiff: unexpected error: ${err?.message ?? String(error)}\n`);
    if (options?.debug && err?.stack) io.stderr.write(`${err.stack}\n`);
    return 2;
  }
}

/**
 * No instruction of the bills amends the statute given: say what the statute holds and what the
 * instructions amend instead, so the reader can give the right statute (or see that the bill
 * names another section than the one expected).
 */
function nothingApplies(application: Application, request: CompareRequest): BilldiffError {
  const held: string[] = [];
  const walk = (node: { children: Array<{ type: string }> }): void => {
    for (const c of node.children as Array<{ type: string; kind?: string; num?: { value: string }; children?: [] }>) {
      if (c.type !== 'level') continue;
      if (c.kind === 'section' && c.num) held.push(`§ ${c.num.value}`);
      else if (c.children) walk(c as { children: [] });
    }
  };
  walk(application.law);
  const bills = request.documents.map((d) => d.file);
  const elsewhere = amendedElsewhere(application);
  const statute = held.length ? `${held.slice(0, 5).join(', ')}${held.length > 5 ? ', …' : ''}` : 'no numbered section';
  return new BilldiffError(
    `no instruction in ${bills.join(', ')} amends the statute given (${request.law?.file}: ${statute})` +
      (elsewhere ? `; the instructions amend ${elsewhere}` : '; no amendatory instruction was found') +
      (application.unread.length ? ` (${application.unread.length} could not be read)` : ''),
    { file: bills[0] ?? '' },
  );
}
