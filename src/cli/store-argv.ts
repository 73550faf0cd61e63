/**
 * Whether a command line is for the database side (store-commands.ts), told from the arguments
 * alone, so that `main` loads the database drivers, the importers and the progress bar only for the
 * commands that use them: `import`, `search`, `section`, `bill`, a bill's versions by name (`--from`,
 * `--to`), `--data DIR`, and `ver:…`/`law:…` inputs (`DATABASE_ID`).
 */
import { DATABASE_ID } from '../store/documents.js';

/** The database's commands (`billdiff import …`, `billdiff bill "AB 1656"` …). */
export const STORE_COMMANDS = ['import', 'search', 'section', 'bill'] as const;
export type StoreCommand = (typeof STORE_COMMANDS)[number];
const COMMANDS = new Set<string>(STORE_COMMANDS);

/** `command` is one of the database's commands. */
export const isStoreCommandName = (command: string | undefined): command is StoreCommand => COMMANDS.has(command ?? '');
const OPTIONS = ['--data', '--from', '--to'];

/** `runStoreCommand` may answer `argv` (else it returns undefined without opening anything). */
export function isStoreCommand(argv: readonly string[]): boolean {
  if (isStoreCommandName(argv[0])) return true;
  return argv.some((a) => OPTIONS.some((o) => a === o || a.startsWith(`${o}=`)));
}

/** `name` is a document of the database (`ver:…`, `law:…`), read by `readDatabaseInput`. */
export const isDatabaseId = (name: string): boolean => DATABASE_ID.test(name);
