/**
 * Whether a command line is for the database side (store-commands.ts), told from the arguments
 * alone, so that `main` loads the database drivers, the importers and the progress bar only for the
 * commands that use them: `import`, `search`, `section`, a bill's versions by name (`--from`,
 * `--to`), `--data DIR`, and `ver:…`/`law:…` inputs (`DATABASE_ID`).
 */
import { DATABASE_ID } from '../store/documents.js';

const COMMANDS = new Set(['import', 'search', 'section']);
const OPTIONS = ['--data', '--from', '--to'];

/** `runStoreCommand` may answer `argv` (else it returns undefined without opening anything). */
export function isStoreCommand(argv: readonly string[]): boolean {
  if (COMMANDS.has(argv[0] ?? '')) return true;
  return argv.some((a) => OPTIONS.some((o) => a === o || a.startsWith(`${o}=`)));
}

/** `name` is a document of the database (`ver:…`, `law:…`), read by `readDatabaseInput`. */
export const isDatabaseId = (name: string): boolean => DATABASE_ID.test(name);
