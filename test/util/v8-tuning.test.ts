/**
 * V8's tuning for one comparison (the CLI): the young generation stops growing once tuned. V8 reads
 * the growth factor at each growth; this checks it still does on the Node that runs the tests. In a
 * child process, since the flags are the process's (needs `npm run build` first, as the test script does).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { requestLines } from '../../src/compare/index.js';
import { MANY_SHORT_LINES, MANY_SHORT_LINES_V8_FLAGS, MEMORY_TUNING_FROM_BYTES, ONE_COMPARISON_INLINING_V8_FLAGS, ONE_COMPARISON_MEMORY_V8_FLAGS, V8_FLAGS, v8FlagsFor } from '../../src/util/v8-tuning.js';
import { repoRoot } from '../helpers/paths.js';

/** The young generation's size (MB) when tuned and after 40 MB of small objects all kept. */
function youngGeneration(options: { oneComparison: boolean; inputBytes?: number; inputLines?: number }): { tuned: number; after: number } {
  const tuning = pathToFileURL(path.join(repoRoot, 'dist', 'util', 'v8-tuning.js')).href;
  const probe = `
    import v8 from 'node:v8';
    const { tuneV8 } = await import(${JSON.stringify(tuning)});
    const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
    tuneV8(${JSON.stringify(options)});
    const tuned = young();
    const kept = [];
    for (let i = 0; i < 1e6; i++) kept.push({ line: i, column: 1, offset: i });
    process.stdout.write(JSON.stringify({ tuned, after: young(), kept: kept.length }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  expect(child.stderr).to.equal('');
  const { tuned, after, kept } = JSON.parse(child.stdout) as { tuned: number; after: number; kept: number };
  expect(kept).to.equal(1e6);
  return { tuned, after };
}

describe('util/v8-tuning', () => {
  it('should name the flags as node takes them', () => {
    expect([...V8_FLAGS, ...ONE_COMPARISON_MEMORY_V8_FLAGS, ...ONE_COMPARISON_INLINING_V8_FLAGS]).to.deep.equal([
      '--max-inlined-bytecode-size-cumulative=200',
      '--semi-space-growth-factor=1',
      '--heap-growing-percent=600',
      '--max-inlined-bytecode-size-cumulative=100',
    ]);
  });

  it('should keep the young generation of one comparison at its size, and leave it to grow otherwise', function () {
    this.timeout(20000);
    // Its two semi-spaces at the size they had (only one of them may have been in use when tuned).
    const one = youngGeneration({ oneComparison: true });
    expect(one.after).to.be.at.most(2 * one.tuned);
    // Untuned, 40 MB kept grows them to V8's largest (16 MB each on 64 bits; 1 MB at start).
    const server = youngGeneration({ oneComparison: false });
    expect(server.after).to.be.at.least(8 * one.after);
  });

  it('should tune the memory of one comparison from 256 KiB of input, not below', function () {
    this.timeout(20000);
    const tuned = youngGeneration({ oneComparison: true, inputBytes: MEMORY_TUNING_FROM_BYTES });
    expect(tuned.after).to.be.at.most(2 * tuned.tuned);
    const small = youngGeneration({ oneComparison: true, inputBytes: MEMORY_TUNING_FROM_BYTES - 1 });
    expect(small.after).to.be.at.least(8 * tuned.after);
  });

  it('should let the young generation of one comparison of many short lines grow (200,000 one-character lines)', function () {
    this.timeout(20000);
    expect(MANY_SHORT_LINES_V8_FLAGS).to.deep.equal(['--semi-space-growth-factor=16']);
    const lines = youngGeneration({ oneComparison: true, inputBytes: 800_000, inputLines: 400_000 });
    const statute = youngGeneration({ oneComparison: true, inputBytes: 800_000, inputLines: 7_300 });
    expect(statute.after).to.be.at.most(2 * statute.tuned);
    expect(lines.after).to.be.at.least(8 * statute.after);
  });

  it('should take many short lines as at least 50,000 lines of 12 bytes or fewer on average, in one comparison only', () => {
    const growth = (options: Parameters<typeof v8FlagsFor>[0]) => v8FlagsFor(options).filter((f) => f.startsWith('--semi-space-growth-factor')).at(-1);
    const { lines, bytesPerLine } = MANY_SHORT_LINES;
    expect(growth({ oneComparison: true, inputBytes: lines * bytesPerLine, inputLines: lines })).to.equal('--semi-space-growth-factor=16');
    expect(growth({ oneComparison: true, inputBytes: lines * bytesPerLine + 1, inputLines: lines })).to.equal('--semi-space-growth-factor=1');
    expect(growth({ oneComparison: true, inputBytes: (lines - 1) * 2, inputLines: lines - 1 })).to.equal(undefined);
    expect(growth({ oneComparison: false, inputBytes: 800_000, inputLines: 400_000 })).to.equal(undefined);
  });

  it('should count a request’s lines, the law’s included, a last line without a line feed among them', () => {
    const doc = (bytes: string | Uint8Array) => ({ bytes }) as never;
    expect(requestLines({ documents: [doc('a\nb\n'), doc(new TextEncoder().encode('a\nb\nc'))], law: doc('') } as never)).to.equal(5);
    expect(requestLines({ documents: [doc('\n\n'), doc({ text: 'x\ny', ascii: true } as never)] } as never)).to.equal(4);
  });
});
