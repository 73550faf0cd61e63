import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { alignTrees, compareBillToLaw, parseDocument, renderHtml, renderJson, renderWdiff } from '../../src/index.js';
import type { Alignment } from '../../src/types.js';
import { fixturePath } from '../helpers/paths.js';

/**
 * Golden fixtures: each folder of test/fixtures holds `old.*` + `new.*` (two versions) or
 * `bill.*` + `law.*` (a bill against current law), a SOURCE.md, and the expected renderings
 * expected.txt (wdiff), expected.json and expected.html. A missing golden fails the test; only
 * `UPDATE_GOLDENS=1 npm test` writes them (a reviewer then reads the diff).
 */
const UPDATE = process.env['UPDATE_GOLDENS'] === '1';
const root = fixturePath();

function input(dir: string, stem: string): string | undefined {
  return fs.readdirSync(dir).find((name) => name.startsWith(`${stem}.`));
}

function alignmentOf(dir: string): Alignment {
  const load = (name: string) => parseDocument(fs.readFileSync(path.join(dir, name)), name);
  const bill = input(dir, 'bill');
  const law = input(dir, 'law');
  if (bill && law) return compareBillToLaw(load(bill), load(law));
  const oldName = input(dir, 'old');
  const newName = input(dir, 'new');
  if (!oldName || !newName) throw new Error(`${dir}: needs old.* and new.*, or bill.* and law.*`);
  return alignTrees(load(oldName).tree, load(newName).tree);
}

describe('render/fixtures', () => {
  const cases = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

  it('should find the fixture folders', () => {
    expect(cases.length).to.be.greaterThan(0);
  });

  it('should have a SOURCE.md in every fixture folder', () => {
    const missing = cases.filter((name) => !fs.existsSync(path.join(root, name, 'SOURCE.md')));
    expect(missing, 'folders without SOURCE.md').to.deep.equal([]);
    for (const name of cases) {
      expect(fs.readFileSync(path.join(root, name, 'SOURCE.md'), 'utf8'), `${name}/SOURCE.md`).to.match(/synthetic, written for this test, not real law|sha256|https?:\/\//i);
    }
  });

  // Golden cases: the folders with a pair of inputs (other folders hold inputs read by other tests).
  const golden = cases.filter((name) => {
    const dir = path.join(root, name);
    return Boolean((input(dir, 'old') && input(dir, 'new')) || (input(dir, 'bill') && input(dir, 'law')));
  });

  it('should find the golden cases', () => {
    expect(golden).to.include.members(['ab1656-introduced-vs-penal-code-1050', 'renumbered-paragraphs', 'split-paragraph']);
  });

  for (const name of golden) {
    describe(name, () => {
      const dir = path.join(root, name);

      const outputs: Array<[string, (a: Alignment) => string]> = [
        ['expected.txt', renderWdiff],
        ['expected.json', (a) => renderJson(a, { indent: 2 })],
        ['expected.html', (a) => renderHtml(a)],
      ];
      for (const [file, render] of outputs) {
        it(`should render ${file}`, () => {
          const actual = render(alignmentOf(dir));
          const golden = path.join(dir, file);
          if (UPDATE) fs.writeFileSync(golden, actual);
          expect(fs.existsSync(golden), `${path.relative(root, golden)} is missing: write it with UPDATE_GOLDENS=1 npm test and review it`).to.equal(true);
          expect(actual).to.equal(fs.readFileSync(golden, 'utf8'));
        });
      }
    });
  }
});
