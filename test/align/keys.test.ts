import { expect } from 'chai';
import { parseDocument } from '../../src/index.js';
import { createContext } from '../../src/align/context.js';
import { keyOf, lineKey } from '../../src/align/keys.js';
import { defaultAlignOptions } from '../../src/align/options.js';
import { findMoves } from '../../src/align/moves.js';
import { makePair } from '../../src/align/pairs.js';
import { alignSequences } from '../../src/align/siblings.js';
import { defaultWordDiffOptions } from '../../src/align/words.js';
import type { Content, Level } from '../../src/types.js';

// All texts are SYNTHETIC, written for these tests.

function context() {
  return createContext({ ...defaultAlignOptions, ...defaultWordDiffOptions, now: () => 0 }, Infinity);
}

function levels(text: string): Content[] {
  return parseDocument(text, 'synthetic.txt').tree.children;
}

describe('align/keys', () => {
  it('should give a renumbered level with the same words and sublevels the same key, and a changed one another', () => {
    const ctx = context();
    const [a, b, c, d] = levels(
      '(a) The board shall adopt a plan:\n(1) First part.\n(2) Second part.\n' +
        '(b) The board shall adopt a plan:\n(1) First part.\n(2) Second part.\n' +
        '(c) The board shall adopt a plan:\n(1) First part.\n(2) Second, changed part.\n' +
        '(d) The board shall adopt a plan:\n(1) First part.\n',
    );
    expect(keyOf(a!, ctx)).to.equal(keyOf(b!, ctx));
    expect(keyOf(a!, ctx)).to.not.equal(keyOf(c!, ctx));
    expect(keyOf(a!, ctx)).to.not.equal(keyOf(d!, ctx));
    // A level's own line alone keys like a level with that line and no sublevels.
    const [leaf] = levels('(e) The board shall adopt a plan:\n');
    expect(lineKey(a!)).to.equal(keyOf(leaf!, ctx));
    expect(Number.isSafeInteger(keyOf(a!, ctx))).to.equal(true);
  });

  it("should key a level's own line, heading and text, as the one text they print", () => {
    const ctx = context();
    // Headings and texts, with and without each other: the line is looked up as the one text it prints.
    for (const heading of [undefined, 'A', 'Ab', 'Short title.', 'Short titles.']) {
      for (const text of ['', 'x', 'xy', 'This Act may be cited as the Act.', 'This Act may be cited as the Acts.']) {
        if (!heading && !text) continue;
        const level: Level = { type: 'level', kind: 'section', id: 's1', num: { text: 'SEC. 1.', value: '1' }, children: text ? [{ type: 'text', value: text }] : [] };
        if (heading) level.heading = heading;
        const line = heading ? (text ? `${heading} ${text}` : heading) : text;
        expect(keyOf(level, ctx), `${heading} | ${text}`).to.equal(keyOf({ type: 'text', value: line }, ctx));
        expect(lineKey(level)).to.equal(keyOf({ type: 'text', value: line }, ctx));
      }
    }
    expect(keyOf({ type: 'text', value: 'ab' }, ctx)).to.not.equal(keyOf({ type: 'text', value: 'ba' }, ctx));
    expect(keyOf({ type: 'text', value: 'abc' }, ctx)).to.not.equal(keyOf({ type: 'text', value: 'ab' }, ctx));
  });

  it('should key lines of up to three characters by their characters, each line its own key', () => {
    const ctx = context();
    const key = (value: string) => keyOf({ type: 'text', value }, ctx);
    const lines = ['a', 'b', 'ab', 'ba', 'abc', 'abd', 'abcd', '\u0000a', 'a\u0000', '\uffff\uffff\uffff', '§', '(a)'];
    expect(new Set(lines.map(key)).size).to.equal(lines.length);
    for (const line of lines) expect(key(line), line).to.equal(key(`${line}`.slice(0)));
    expect(key('abc')).to.equal(key(['a', 'b', 'c'].join('')));
    expect(Number.isSafeInteger(key('\uffff\uffff\uffff'))).to.equal(true);
  });

  it('should never take two different levels for one because their keys collide', () => {
    const ctx = context();
    const [a] = levels('(a) The board shall adopt a plan:\n(1) First part.\n') as Level[];
    const [b] = levels('(a) The board shall revoke a plan:\n(1) First part.\n') as Level[];
    // Force the collision a hash of sublevels makes once in a great while.
    ctx.keys.set(a!, 7);
    ctx.keys.set(b!, 7);
    const pair = makePair(a!, b!, ctx);
    expect(pair.status).to.equal('modified');
    expect(pair.words).to.deep.equal([
      { op: 'equal', value: '(a) The board shall ' },
      { op: 'delete', value: 'adopt' },
      { op: 'equal', value: ' ' },
      { op: 'insert', value: 'revoke' },
      { op: 'equal', value: ' a plan:' },
    ]);
    expect(pair.children.map((p) => p.status)).to.deep.equal(['unchanged']);
  });

  it('should never take a deleted and an inserted line for one moved because their keys collide', () => {
    const text = (first: string, last: string) => `1.\n${first}(b) The board shall meet each month.\n(c) The board shall keep minutes.\n${last}`;
    const olds = levels(text('(a) The clerk shall publish the notice in a newspaper.\n', ''));
    const news = levels(text('', '(d) Each member shall disclose any interest in a contract.\n'));
    const run = (collide: boolean) => {
      const ctx = context();
      // Force the collision a hash of lines makes once in a great while (and, for the control, none).
      if (collide) for (const node of [(olds[0] as Level).children[0]!, (news[0] as Level).children[2]!]) ctx.keys.set(node, 7);
      const pairs = alignSequences(olds, news, ctx);
      findMoves(ctx, pairs);
      return pairs[0]!.children.map((p) => `${p.status} ${p.old?.id ?? ''} ${p.new?.id ?? ''}`);
    };
    expect(run(true)).to.deep.equal(['deleted s1/a ', 'unchanged s1/b s1/b', 'unchanged s1/c s1/c', 'inserted  s1/d']);
    expect(run(false)).to.deep.equal(run(true));
  });
});
