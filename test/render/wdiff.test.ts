import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { alignTrees, parseDocument, renderWdiff } from '../../src/index.js';
import { AB1656_VERSIONS, billsPath, sharedPath } from '../helpers/paths.js';
import { firstDifference, squash, wdiffSides } from '../helpers/wdiff.js';
import { describeShared, sharedPathIfPresent } from '../helpers/shared.js';

describe('render/wdiff', () => {
  describe('#wdiffSides (test helper)', () => {
    it('should split a wdiff line into its old and new sides', () => {
      expect(wdiffSides('(a) The [-old-] {+new+} text [x]')).to.deep.equal({ old: '(a) The old  text [x]', new: '(a) The  new text [x]' });
    });
  });

  describe('#sharedPath (test helper)', () => {
    it('should throw when a shared folder is missing', () => {
      expect(() => sharedPath('no-such-folder-for-billdiff')).to.throw(/missing shared folder/);
    });
  });

  describe('#renderWdiff', () => {
    it('should write one level a line with [- -] and {+ +} cues', () => {
      const a = alignTrees(parseDocument('(a) The old text.\n(b) Same.\n', 'old.txt').tree, parseDocument('(a) The new text.\n(b) Same.\n', 'new.txt').tree);
      expect(renderWdiff(a)).to.equal('(a) The [-old-] {+new+} text.\n(b) Same.\n');
    });

    describeShared('losslessness on ../shared/eval/cases', () => {
      // Read in place (never copied into the repo); listed at load time, so only when it is there.
      const dir = sharedPathIfPresent('eval', 'cases');
      const cases = dir ? fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'old.txt'))).sort() : [];

      it('should find the eval cases', () => {
        expect(cases.length).to.be.greaterThan(40);
      });

      for (const name of cases) {
        it(`should give back old.txt and new.txt of ${name}`, () => {
          const oldText = fs.readFileSync(path.join(dir!, name, 'old.txt'), 'utf8');
          const newText = fs.readFileSync(path.join(dir!, name, 'new.txt'), 'utf8');
          const out = renderWdiff(alignTrees(parseDocument(oldText, 'old.txt').tree, parseDocument(newText, 'new.txt').tree));
          const sides = wdiffSides(out);
          expect(squash(sides.old) === squash(oldText), `old side ${firstDifference(sides.old, oldText)}`).to.equal(true);
          expect(squash(sides.new) === squash(newText), `new side ${firstDifference(sides.new, newText)}`).to.equal(true);
        });
      }
    }, 'eval');

    describe('losslessness on the bundled AB 1656 versions', () => {
      const parsed = AB1656_VERSIONS.map((file) => parseDocument(fs.readFileSync(billsPath(file), 'utf8'), file));
      const text = (i: number) => parsed[i]!.source.blocks.map((b) => b.text).join('\n');
      for (let i = 0; i < parsed.length; i++) {
        for (let j = 0; j < parsed.length; j++) {
          if (i === j) continue;
          it(`should give back both texts for ${path.basename(AB1656_VERSIONS[i]!)} → ${path.basename(AB1656_VERSIONS[j]!)}`, () => {
            const sides = wdiffSides(renderWdiff(alignTrees(parsed[i]!.tree, parsed[j]!.tree)));
            expect(squash(sides.old) === squash(text(i)), `old side ${firstDifference(sides.old, text(i))}`).to.equal(true);
            expect(squash(sides.new) === squash(text(j)), `new side ${firstDifference(sides.new, text(j))}`).to.equal(true);
          });
        }
      }

      it('should give back both texts of one version read before and after its marks', () => {
        const file = AB1656_VERSIONS[2]!;
        const xml = fs.readFileSync(billsPath(file), 'utf8');
        const before = parseDocument(xml, file, { marks: 'before' });
        const sides = wdiffSides(renderWdiff(alignTrees(before.tree, parsed[2]!.tree)));
        const beforeText = before.source.blocks.map((b) => b.text).join('\n');
        expect(squash(sides.old) === squash(beforeText), `old side ${firstDifference(sides.old, beforeText)}`).to.equal(true);
        expect(squash(sides.new) === squash(text(2)), `new side ${firstDifference(sides.new, text(2))}`).to.equal(true);
      });
    });
  });
});
