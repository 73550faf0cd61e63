import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignTrees, defaultAlignOptions, type AlignOptions } from '../align/index.js';
import { compareBillToLaw } from '../amend/bill-to-law.js';
import { applyBills, billInstructions, describeTarget, type Application } from '../amend/apply.js';
import { changesInExistingLaw } from '../amend/changes.js';
import { describeLocation } from '../amend/location.js';
import { loadCorpus, type Corpus } from '../corpus/index.js';
import { parseDocument } from '../parse/index.js';
import { defaultInputOptions, inputTooLarge } from '../parse/input.js';
import { renderHtml } from '../render/html.js';
import { writeJson } from '../render/json.js';
import { renderStatuteText } from '../render/statute-text.js';
import { renderTerminal } from '../render/terminal.js';
import { renderWdiff } from '../render/wdiff.js';
import type { Alignment, MarksMode, ParsedDocument } from '../types.js';
import { deadlineIn, type Deadline } from '../util/deadline.js';
import { BilldiffError, formatDiagnostic, isBilldiffError } from '../util/errors.js';
import { guardOutput, readFileBounded, writeAtomically } from './files.js';
import { parseCliArgs, USAGE, type CliOptions } from './options.js';
import { readDatabaseInput, runStoreCommand, STORE_USAGE } from './store-commands.js';

/** The streams and facts of the process, passed in so that `main` can be tested. */
export interface CliIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  /** Standard input, read no further than `maxBytes` and one more byte (to know that it goes on). */
  readStdin: (maxBytes: number) => Promise<Buffer>;
  env: Record<string, string | undefined>;
  cwd: string;
}

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs the command line; returns the exit status (0 same, 1 different, 2 trouble). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions | undefined;
  try {
    // The database's commands (import, search, section, --from/--to) and `--data DIR`.
    const stored = await runStoreCommand(argv, io, main);
    if (stored !== undefined) return stored;
    options = parseCliArgs(argv);
    if (options.help) {
      io.stdout.write(`${USAGE}\n\n${STORE_USAGE}\n`);
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
    const outputPath = options.output ? path.resolve(io.cwd, options.output) : undefined;
    if (outputPath) guardOutput(outputPath, inputs, io.cwd);

    // One budget covers the comparison: reading the inputs, then aligning them with what remains.
    let deadline: Deadline | undefined;
    const load = async (name: string, marks: MarksMode): Promise<{ doc: ParsedDocument; lawSection?: string }> => {
      const { bytes, file, lawSection } = await readInput(name, io, getCorpus, options!.maxBytes ?? defaultInputOptions.maxBytes);
      deadline ??= deadlineIn(options!.budget ?? defaultAlignOptions.budget);
      // No CLI format shows links, so cross-references are not looked for; the tree is all it keeps.
      const doc = parseDocument(bytes, file, { marks, references: false, blocks: false, deadline, ...(options!.maxBytes ? { maxBytes: options!.maxBytes } : {}) });
      return { doc, ...(lawSection ? { lawSection } : {}) };
    };

    if (options.instructions) {
      const rendered = await listInstructions(options, load);
      if (outputPath) writeAtomically(outputPath, rendered);
      else io.stdout.write(rendered);
      return 0;
    }

    let alignment: Alignment;
    const alignOptions = (): AlignOptions => (deadline ? { deadline } : {});
    let application: Application | undefined;
    if (options.apply) {
      const bills = [];
      for (const name of options.inputs) bills.push((await load(name, options.marks)).doc);
      const law = await load(options.law!, 'printed');
      application = applyBills(
        bills.map((b) => ({ tree: b.tree, file: b.source.file })),
        law.doc.tree,
        law.lawSection ? { lawSection: law.lawSection } : {},
      );
      if (application.instructions.length === 0) throw nothingApplies(application, bills.map((b) => b.source.file), law.doc);
      for (const i of application.instructions) {
        if (i.status === 'refused') io.stderr.write(`billdiff: refused ${i.id} (${i.bill}, ${i.citation}): ${i.reason}\n`);
      }
      if (options.format === 'text') {
        const rendered = renderStatuteText(application.amended);
        if (outputPath) writeAtomically(outputPath, rendered);
        else io.stdout.write(rendered);
        return application.instructions.some((i) => i.status === 'applied') ? 1 : 0;
      }
      alignment = changesInExistingLaw(application, alignOptions());
      alignment.messages.unshift(...bills.flatMap((b) => b.messages), ...law.doc.messages);
    } else if (options.law) {
      const bill = await load(options.inputs[0]!, options.marks);
      const law = await load(options.law, 'printed');
      alignment = compareBillToLaw(bill.doc, law.doc, { ...alignOptions(), ...(law.lawSection ? { lawSection: law.lawSection } : {}) });
    } else if (options.inputs.length === 1) {
      const before = await load(options.inputs[0]!, 'before');
      if (!before.doc.source.marks.length) {
        throw new BilldiffError('this input carries no change marks; give OLD and NEW to compare two texts', { file: before.doc.source.file, code: 'usage' });
      }
      const printed = await load(options.inputs[0]!, 'printed');
      alignment = alignTrees(before.doc.tree, printed.doc.tree, alignOptions());
      alignment.old.label = 'text before the change marks';
      alignment.new.label = 'as printed';
      alignment.messages.unshift(...before.doc.messages);
    } else {
      const [a, b] = [await load(options.inputs[0]!, options.marks), await load(options.inputs[1]!, options.marks)];
      alignment = alignTrees(a.doc.tree, b.doc.tree, alignOptions());
      alignment.messages.unshift(...a.doc.messages, ...b.doc.messages);
    }

    const format = options.format ?? (io.stdout.isTTY && !outputPath ? 'terminal' : 'wdiff');
    const color = options.color ?? (format === 'terminal' && Boolean(io.stdout.isTTY) && !outputPath && !io.env['NO_COLOR']);
    // JSON is written as it is serialised, a piece at a time.
    const rendered: string | ((write: (piece: string) => void) => void) =
      format === 'json'
        ? (write) => writeJson(alignment, write, { indent: io.stdout.isTTY && !outputPath ? 2 : 0 })
        : format === 'html'
          ? renderHtml(alignment)
          : format === 'terminal'
            ? renderTerminal(alignment, { color })
            : renderWdiff(alignment);
    if (alignment.notice && format === 'wdiff') io.stderr.write(`billdiff: ${alignment.notice}\n`);
    if (options.verbose) for (const m of alignment.messages) io.stderr.write(`${formatDiagnostic(m)}\n`);
    if (outputPath) writeAtomically(outputPath, rendered);
    else if (typeof rendered === 'string') io.stdout.write(rendered);
    else rendered((piece) => io.stdout.write(piece));
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
 * `--instructions`: every amendatory instruction of the bills as the parser reads it (citation,
 * action, target, location; the reason for one it could not read), then the count of each kind.
 */
async function listInstructions(options: CliOptions, load: (name: string, marks: MarksMode) => Promise<{ doc: ParsedDocument }>): Promise<string> {
  const rows: Array<{ bill: string; citation: string; action: string; target: string; location: string[]; reason?: string; text: string }> = [];
  for (const name of options.inputs) {
    const { doc } = await load(name, options.marks);
    for (const found of billInstructions({ tree: doc.tree, file: doc.source.file })) {
      const i = found.instruction;
      const target = describeTarget(i);
      rows.push({ bill: doc.source.file, citation: found.citation, action: i.action, target, location: describeLocation(i.location), ...(i.reason ? { reason: i.reason } : {}), text: i.text });
    }
  }
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
  const byKind = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (options.format === 'json') return `${JSON.stringify({ instructions: rows, counts: Object.fromEntries(byKind) })}\n`;
  const out = rows.map((r) => `${r.citation || '(unnumbered)'}\t${r.action}\t${r.target || '-'}\t${r.location.join(', ') || '-'}${r.reason ? `\t${r.reason}` : ''}`);
  out.push('', `${rows.length} instructions`, ...byKind.map(([kind, n]) => `${String(n).padStart(7)}  ${kind}`));
  return `${out.join('\n')}\n`;
}

/**
 * No instruction of the bills amends the statute given: say what the statute holds and what the
 * instructions amend instead, so the reader can give the right statute (or see that the bill
 * names another section than the one expected).
 */
function nothingApplies(application: Application, bills: string[], law: ParsedDocument): BilldiffError {
  const held: string[] = [];
  const walk = (node: { children: Array<{ type: string }> }): void => {
    for (const c of node.children as Array<{ type: string; kind?: string; num?: { value: string }; children?: [] }>) {
      if (c.type !== 'level') continue;
      if (c.kind === 'section' && c.num) held.push(`§ ${c.num.value}`);
      else if (c.children) walk(c as { children: [] });
    }
  };
  walk(law.tree);
  const targets = [...new Set(application.elsewhere.map((e) => e.target))];
  const shown = targets.slice(0, 8).join('; ') + (targets.length > 8 ? `; and ${targets.length - 8} more` : '');
  const statute = held.length ? `${held.slice(0, 5).join(', ')}${held.length > 5 ? ', …' : ''}` : 'no numbered section';
  return new BilldiffError(
    `no instruction in ${bills.join(', ')} amends the statute given (${law.source.file}: ${statute})` +
      (targets.length ? `; the instructions amend ${shown}` : '; no amendatory instruction was found') +
      (application.unread.length ? ` (${application.unread.length} could not be read)` : ''),
    { file: bills[0] ?? '' },
  );
}

/** A path, a corpus id, or `-` for standard input. */
async function readInput(
  name: string,
  io: CliIo,
  corpus: () => Corpus,
  maxBytes: number,
): Promise<{ bytes: Buffer; file: string; lawSection?: string }> {
  if (name === '-') {
    const bytes = await io.readStdin(maxBytes);
    if (bytes.length > maxBytes) throw inputTooLarge('<stdin>', maxBytes);
    return { bytes, file: '<stdin>' };
  }
  const stored = await readDatabaseInput(name, io);
  if (stored) return stored;
  const full = path.resolve(io.cwd, name);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(full);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new BilldiffError('is a directory; give a file', { file: name });
  if (stat) return { bytes: readFileBounded(full, name, maxBytes), file: name };
  const entry = corpus().get(name);
  if (!entry) throw new BilldiffError('no such file, and no document with this id in the corpus (billdiff --list shows them)', { file: name, code: 'not-found' });
  return { bytes: corpus().read(entry), file: entry.id, ...(entry.section ? { lawSection: entry.section } : {}) };
}
