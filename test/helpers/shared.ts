/**
 * Tests that read `../shared` (the corpus and the Legislative Counsel benchmark beside the repo).
 *
 * Those texts may not be committed, so a bare clone has no `../shared`. There, every suite declared
 * with `describeShared` is skipped, each test by name, and one line at the end says how many and why.
 * In CI (`CI` set) nothing may be skipped: a missing folder fails the run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two folders up from test/helpers). */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared` beside the repository. */
export const sharedRoot = path.resolve(repoRoot, '..', 'shared');

/** The shared folders the tests read, and whether each is there. */
const FOLDERS = ['corpus', 'eval'] as const;
type SharedFolder = (typeof FOLDERS)[number];
const present = new Map<SharedFolder, boolean>(FOLDERS.map((f) => [f, fs.existsSync(path.join(sharedRoot, f))]));

/** True when `../shared/<folder>` is there. */
export function haveShared(folder: SharedFolder = 'corpus'): boolean {
  return present.get(folder) === true;
}

/** In CI every test runs: a missing shared folder is a failure, never a skip. */
const mustRun = Boolean(process.env['CI']);

const skipped = new Map<SharedFolder, number>();

function countTests(suite: Mocha.Suite): number {
  return suite.tests.length + suite.suites.reduce((n, s) => n + countTests(s), 0);
}

/**
 * A suite that reads `../shared/<folder>`. Without that folder its tests are reported pending, by
 * name, and counted; in CI the suite is instead one failing test that says which folder is missing.
 * The body runs at load time, so code there must not read the folder; read it in `before`/`it`, or
 * list files with `sharedPathIfPresent`.
 */
export function describeShared(title: string, fn: (this: Mocha.Suite) => void, folder: SharedFolder = 'corpus'): void {
  describe(title, function () {
    if (!haveShared(folder)) {
      const where = path.join('..', 'shared', folder);
      if (mustRun) {
        // One failure that says why, instead of each test failing on a missing file.
        it(`needs ${where}`, () => {
          throw new Error(`${where} not found beside the repository (${sharedRoot}); CI runs every test`);
        });
        return;
      }
      before(function () {
        skipped.set(folder, (skipped.get(folder) ?? 0) + countTests(this.test!.parent!));
        this.skip();
      });
    }
    fn.call(this);
  });
}

/** A path under `../shared`; throws when it is not there (inside a `describeShared` suite it always is). */
export function sharedPath(...parts: string[]): string {
  const full = path.join(sharedRoot, ...parts);
  if (!fs.existsSync(full)) throw new Error(`missing shared folder ${full}: these tests need ../shared next to the repo`);
  return full;
}

/** A path under `../shared` for use at load time (to list cases): `undefined` when it is not there. */
export function sharedPathIfPresent(...parts: string[]): string | undefined {
  const full = path.join(sharedRoot, ...parts);
  return fs.existsSync(full) ? full : undefined;
}

/** The line printed once at the end of a run: how many tests were skipped, and why (none when nothing was). */
export function skippedSummary(): string[] {
  const counted = [...skipped].filter(([, n]) => n > 0);
  if (counted.length === 0) return [];
  const total = counted.reduce((sum, [, n]) => sum + n, 0);
  const kinds = counted.map(([folder, n]) => `${n} ${folder}`).join(' and ');
  const where = counted.map(([folder]) => `../shared/${folder}`).join(' and ');
  return [`${counted.length === 1 ? kinds : `${total} (${kinds})`} tests skipped: ${where} not found`];
}
