import { parseArgs } from 'node:util';
import type { MarksMode } from '../types.js';
import { BilldiffError } from '../util/errors.js';

export type OutputFormat = 'terminal' | 'wdiff' | 'json' | 'html' | 'text';

/** What the command line asked for. */
export interface CliOptions {
  inputs: string[];
  law?: string;
  /** Execute the bills' amendatory instructions against the `law` statute. */
  apply: boolean;
  /** List the bills' amendatory instructions as read, with a count of each kind. */
  instructions: boolean;
  format?: OutputFormat;
  output?: string;
  marks: MarksMode;
  maxBytes?: number;
  budget?: number;
  color?: boolean;
  corpus?: string;
  list: boolean;
  help: boolean;
  version: boolean;
  debug: boolean;
  verbose: boolean;
}

export const USAGE = `Usage:
  billdiff OLD NEW               compare two versions (of a bill, or a statute and a bill's new text)
  billdiff BILL --law STATUTE    what the bill would change in current law
  billdiff BILL... --law STATUTE --apply
                                 execute the bills' amendatory instructions ("is amended by
                                 striking … and inserting …"), in order, against STATUTE
  billdiff BILL.xml              a CAML bill version against its own change marks
  billdiff --instructions BILL...
                                 the bills' amendatory instructions as read, and how many of each kind
  billdiff --list                the documents of the bundled corpus

OLD, NEW, BILL and STATUTE are paths (.txt, .md, CAML or federal .xml, U.S. Code .htm),
ids from the bundled corpus, or - for stdin.

Options:
  -f, --format FORMAT   terminal (default on a terminal) | wdiff (default otherwise) | json | html
                        | text (with --apply: the statute as amended, clean)
  -o, --output FILE     write to FILE (never over an input)
      --law STATUTE     compare the bill's quoted sections with this statute
      --apply           with --law: apply the bills' instructions to STATUTE; the formats other
                        than text show the Changes in Existing Law, each change with its instruction
      --marks MODE      CAML change marks: printed (the version as printed, default) | before (the text before the marks)
      --max-size BYTES  largest input read (default 32 MiB)
      --budget MS       time budget for reading and aligning (default 5000)
      --color, --no-color
      --corpus DIR      corpus folder (default: the bundled bills/)
  -v, --verbose         print notes about the inputs to stderr
      --debug           show stack traces of unexpected errors
  -h, --help            this help
      --version         the version

Exit status: 0 no differences, 1 differences, 2 trouble.`;

const FORMATS: OutputFormat[] = ['terminal', 'wdiff', 'json', 'html', 'text'];

/** Reads the arguments (pure: no I/O); a mistake is a BilldiffError with code `usage`. */
export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        law: { type: 'string' },
        apply: { type: 'boolean' },
        instructions: { type: 'boolean' },
        marks: { type: 'string' },
        'max-size': { type: 'string' },
        budget: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        corpus: { type: 'string' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        debug: { type: 'boolean' },
        verbose: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new BilldiffError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}\n\n${USAGE}`, { code: 'usage' });
  }
  const v = parsed.values;
  const options: CliOptions = {
    inputs: parsed.positionals,
    marks: 'printed',
    apply: Boolean(v.apply),
    instructions: Boolean(v.instructions),
    list: Boolean(v.list),
    help: Boolean(v.help),
    version: Boolean(v.version),
    debug: Boolean(v.debug),
    verbose: Boolean(v.verbose),
  };
  if (v.format !== undefined) {
    if (!FORMATS.includes(v.format as OutputFormat)) {
      throw new BilldiffError(`unknown format "${v.format}": use ${FORMATS.join(', ')}`, { code: 'usage' });
    }
    options.format = v.format as OutputFormat;
  }
  if (v.marks !== undefined) {
    if (v.marks !== 'printed' && v.marks !== 'before') throw new BilldiffError(`--marks takes "printed" or "before", not "${v.marks}"`, { code: 'usage' });
    options.marks = v.marks;
  }
  if (v.output !== undefined) options.output = v.output;
  if (v.law !== undefined) options.law = v.law;
  if (v.corpus !== undefined) options.corpus = v.corpus;
  if (v['max-size'] !== undefined) options.maxBytes = positiveNumber('--max-size', v['max-size']);
  if (v.budget !== undefined) options.budget = positiveNumber('--budget', v.budget);
  if (v.color) options.color = true;
  if (v['no-color']) options.color = false;
  if (options.apply && !options.law) throw new BilldiffError(`--apply needs --law STATUTE: the statute the instructions amend\n\n${USAGE}`, { code: 'usage' });
  if (options.format === 'text' && !options.apply && !options.instructions) throw new BilldiffError('--format text prints a statute as amended: use it with --law STATUTE --apply', { code: 'usage' });
  if (options.instructions && !options.help && !options.version) {
    if (options.inputs.length === 0) throw new BilldiffError(`give at least one BILL with --instructions\n\n${USAGE}`, { code: 'usage' });
    if (options.format !== undefined && options.format !== 'json' && options.format !== 'text') throw new BilldiffError('--instructions prints text or json', { code: 'usage' });
  } else if (options.apply && !options.help && !options.version && !options.list) {
    if (options.inputs.length === 0) throw new BilldiffError(`give at least one BILL with --apply\n\n${USAGE}`, { code: 'usage' });
  } else if (!options.help && !options.version && !options.list) {
    const want = options.law ? 1 : [1, 2];
    const n = options.inputs.length;
    if (Array.isArray(want) ? !want.includes(n) : n !== want) {
      throw new BilldiffError(`${options.law ? 'give one BILL with --law' : 'give OLD and NEW (or one CAML bill version)'}; got ${n} input${n === 1 ? '' : 's'}\n\n${USAGE}`, { code: 'usage' });
    }
  }
  return options;
}

function positiveNumber(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new BilldiffError(`${name} takes a positive number, not "${value}"`, { code: 'usage' });
  return n;
}
