import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two folders up from test/helpers). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A file of the bundled corpus in `bills/` (committed with the repo). */
export function billsPath(...parts: string[]): string {
  return path.join(repoRoot, 'bills', ...parts);
}

export function readBill(...parts: string[]): string {
  return fs.readFileSync(billsPath(...parts), 'utf8');
}

/** A fixture folder under test/fixtures. */
export function fixturePath(...parts: string[]): string {
  return path.join(repoRoot, 'test', 'fixtures', ...parts);
}

/**
 * A folder of the shared workspace next to the repo (`../shared/...`). These texts must not be
 * copied into the repo; a test that needs them fails (never skips) when the folder is missing.
 */
export function sharedPath(...parts: string[]): string {
  const full = path.resolve(repoRoot, '..', 'shared', ...parts);
  if (!fs.existsSync(full)) throw new Error(`missing shared folder ${full}: these tests need ../shared next to the repo`);
  return full;
}

/** The three bundled versions of AB 1656, oldest first. */
export const AB1656_VERSIONS = [
  'ca/ca-ab1656-2025-introduced.xml',
  'ca/ca-ab1656-2025-amended-assembly-2026-03-05.xml',
  'ca/ca-ab1656-2025-amended-senate-2026-06-11.xml',
];
