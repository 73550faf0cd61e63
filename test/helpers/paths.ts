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

/** Paths under ../shared: see ./shared.ts (suites that need them are skipped by name on a bare clone). */
export { sharedPath } from './shared.js';

/** The three bundled versions of AB 1656, oldest first. */
export const AB1656_VERSIONS = [
  'ca/ca-ab1656-2025-introduced.xml',
  'ca/ca-ab1656-2025-amended-assembly-2026-03-05.xml',
  'ca/ca-ab1656-2025-amended-senate-2026-06-11.xml',
];
