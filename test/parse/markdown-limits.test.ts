import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from '../../src/index.js';
import { deadlineIn } from '../../src/util/deadline.js';
import { failure } from '../helpers/errors.js';
import { runCli } from '../helpers/cli.js';

// Regression tests for the QA round's Markdown inputs that cost remark-parse minutes or gigabytes:
// images nested in images, floods of brackets, and tens of thousands of link reference
// definitions. Each is answered at once, with its place. All texts are SYNTHETIC.


const NESTED_IMAGES = '!['.repeat(4000) + 'x' + '](y)'.repeat(4000);

describe('parse: Markdown the parser would spend minutes on', () => {
  it('should read 4,000 images nested in images as plain characters, with a warning at the bracket past the limit', () => {
    const md = `(a) Synthetic clause.\n\n${NESTED_IMAGES}\n`;
    const { tree, messages } = parseDocument(md, 'images.md');
    expect(messages.map((m) => `${m.place!.start.line}:${m.place!.start.column}: ${m.reason}`)).to.deep.equal([
      '3:34: brackets ([ and ![) nested deeper than 16; all read as plain characters',
    ]);
    expect(tree.children[0]!.children[1]).to.deep.include({ type: 'text', value: NESTED_IMAGES });
  });

  it('should read brackets nested 16 deep, and a link inside them, as Markdown does', () => {
    const { tree, messages } = parseDocument(`(a) ${'['.repeat(15)}[synthetic](y) words${']'.repeat(15)}.\n`, 'links.md');
    expect(messages).to.deep.equal([]);
    expect(tree.children[0]!.children[0]).to.deep.include({ type: 'text', value: `${'['.repeat(15)}synthetic words${']'.repeat(15)}.` });
  });

  it('should read a paragraph of more than 2,000 brackets as plain characters, with a warning at the paragraph', () => {
    const md = `(a) Synthetic clause.\n\n${'[x] y\n'.repeat(2001)}`;
    const { messages } = parseDocument(md, 'brackets.md');
    expect(messages.map((m) => `${m.place!.start.line}:${m.place!.start.column}: ${m.reason}`)).to.deep.equal([
      '3:1: more than 2000 brackets ([ and ![) in one paragraph; all read as plain characters',
    ]);
  });

  it('should refuse more than 1,000 link reference definitions at the first past the limit', () => {
    const md = Array.from({ length: 50_000 }, (_, i) => `[r${i}]: http://example.com/${i}\n`).join('');
    expect(failure(() => parseDocument(md, 'defs.md'))).to.equal(
      'defs.md:1001:1: more than 1000 link reference definitions ([label]: destination); a bill has none',
    );
  });

  it('should count definitions inside block quotes, and read 1,000 of them', () => {
    const md = Array.from({ length: 1000 }, (_, i) => `> [r${i}]: /${i}\n`).join('') + '\n(a) Synthetic clause.\n';
    const { tree } = parseDocument(md, 'defs.md');
    expect(tree.children).to.have.length(1);
    expect(tree.children[0]).to.deep.include({ type: 'level', id: 'a' });
    expect(failure(() => parseDocument(`${md}> [last]: /x\n`, 'defs.md'))).to.equal(
      'defs.md:1003:3: more than 1000 link reference definitions ([label]: destination); a bill has none',
    );
  });

  it('should stop the parser itself when the budget runs out while it resolves links', () => {
    let calls = 0;
    // The deadline is read once when set and once before the parser starts; after that it has passed.
    const deadline = deadlineIn(100, () => (calls++ < 2 ? 0 : 500));
    const md = `${'!['.repeat(16)}x${'](y)'.repeat(16)}\n`;
    expect(failure(() => parseDocument(md, 'slow.md', { deadline }))).to.equal(
      "slow.md:1:1: reading the input took longer than the comparison's 100 ms budget; give more time (--budget) or a shorter text",
    );
    expect(calls).to.equal(3);
  });

  describe('through the CLI', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'billdiff-md-'));
      writeFileSync(join(dir, 'images.md'), NESTED_IMAGES);
      writeFileSync(join(dir, 'defs.md'), Array.from({ length: 50_000 }, (_, i) => `[r${i}]: http://example.com/${i}\n`).join(''));
      writeFileSync(join(dir, 'small.md'), 'x\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('should answer the nested images at once, losslessly', async () => {
      const { code, stdout, stderr } = await runCli(['images.md', 'small.md', '--verbose'], { cwd: dir });
      expect(code).to.equal(1);
      expect(stdout).to.equal(`[-${NESTED_IMAGES}-] {+x+}\n`);
      expect(stderr.split('\n')[0]).to.equal('images.md:1:34: warning: brackets ([ and ![) nested deeper than 16; all read as plain characters');
    });

    it('should refuse 50,000 link reference definitions with their place', async () => {
      const { code, stdout, stderr } = await runCli(['defs.md', 'small.md'], { cwd: dir });
      expect({ code, stdout, stderr }).to.deep.equal({
        code: 2,
        stdout: '',
        stderr: 'defs.md:1001:1: more than 1000 link reference definitions ([label]: destination); a bill has none\n',
      });
    });
  });
});
