/**
 * Snippets made in JavaScript (src/store/snippets.ts): the query's words marked by their Porter
 * stems, as the full-text index matches them; bounded; nothing marked that is not in the text.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { markSnippet, MARK_END, MARK_START, queryPhrases, SNIPPET_CHARS, SNIPPET_WORDS, stemOf } from '../../src/store/snippets.js';
import { repoRoot } from '../helpers/paths.js';

/** The snippet with its marks as [brackets]. */
const shown = (snippet: string) => snippet.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']');
const mark = (passage: string, query: string) => shown(markSnippet(passage, queryPhrases(query)));

describe('store/snippets', () => {
  it('should mark every form of a word the index matches by its stem, and only those', () => {
    expect(mark('Existing law provides that a person provided with notice may, by providing proof, provide a proverb.', 'providing')).to.equal(
      'Existing law [provides] that a person [provided] with notice may, by [providing] proof, [provide] a proverb.',
    );
  });

  it('should mark a word whose stem turns its y into i, in plain ASCII as in text past it', () => {
    // Porter stems "eyed" as "ei": the stem's second letter is not the word's (SYNTHETIC sentences).
    expect(mark('Was it keyed or eyed? The one-eyed judge said oyez.', 'eyed')).to.equal('Was it keyed or [eyed]? The one-[eyed] judge said oyez.');
    expect(mark('The crier said “oyez”: eyed § 3.', 'eyed')).to.equal('The crier said “oyez”: [eyed] § 3.');
    expect(mark('Ays, ayed and aying; ayes and aims.', 'ays')).to.equal('[Ays], [ayed] and [aying]; ayes and aims.');
  });

  it('should mark a phrase as one span, and its words apart only where they stand together', () => {
    expect(mark('Notwithstanding Section 7282.5 or 7284.6, law enforcement officials shall not hold 7284 persons for 6 days.', '7284.6')).to.equal(
      'Notwithstanding Section 7282.5 or [7284.6], law enforcement officials shall not hold 7284 persons for 6 days.',
    );
    expect(mark('A good cause. Good faith and cause.', '"good cause"')).to.equal('A [good cause]. Good faith and cause.');
  });

  it('should mark the words of several phrases where they stand, whether the phrases share a first letter or not', () => {
    // SYNTHETIC sentences: words of one first letter, of others, and of none searched for, mixed.
    expect(mark('Permits and fees: a permit fee, paid per permit, and penalties.', 'permit fee penalty')).to.equal(
      '[Permits] and [fees]: a [permit] [fee], paid per [permit], and [penalties].',
    );
    expect(mark('The “permit” § 5 fee, le permis, and the café’s fees.', 'fee café permit')).to.equal(
      'The “[permit]” § 5 [fee], le permis, and the [café]’s [fees].',
    );
  });

  it('should read a query as PostgreSQL’s websearch syntax does when asked: `or` and a word after `-` are not found', () => {
    expect(queryPhrases('court or -motion "good cause"', true)).to.deep.equal([['court'], ['good', 'caus']]);
    expect(queryPhrases('court or -motion', false)).to.deep.equal([['court'], ['or'], ['motion']]);
  });

  it('should fold case and accents as the index does', () => {
    expect(mark('The CAFÉ and the Café de Flore', 'cafe')).to.equal('The [CAFÉ] and the [Café] de Flore');
  });

  it('should read text past ASCII word by word as the index does: ASCII words beside §, quotation marks and dashes, accented words, a letter past the BMP', () => {
    expect(mark('Under § 1050 “good cause”—providing Provides, and café Providing; 𝒳provide 𝒳 provide', 'providing cafe')).to.equal(
      'Under § 1050 “good cause”—[providing] [Provides], and [café] [Providing]; 𝒳provide 𝒳 [provide]',
    );
    // A sentence opens after a stop and white space (a no-break space too), not after a stop and a quotation mark.
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    expect(mark(`${words}.\u00a0Ünder the law of this state, good cause ${words}`, 'cause')).to.equal('…Ünder the law of this state, good [cause] w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15…');
    expect(mark(`${words}.”Ünder the law of this state, good cause ${words}`, 'cause')).to.equal('…of this state, good [cause] w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18…');
  });

  it('should show a window of words near the words found, from its sentence when it begins near, with ellipses where the text goes on', () => {
    const words = Array.from({ length: 80 }, (_, i) => `w${i}`);
    words[40] = 'continuance';
    const snippet = mark(words.join(' '), 'continuance');
    expect(snippet).to.equal(`…${words.slice(36, 36 + SNIPPET_WORDS).join(' ').replace('continuance', '[continuance]')}…`);
    expect(mark('First sentence here. The motion for a continuance shall be granted.', 'continuance')).to.equal('First sentence here. The motion for a [continuance] shall be granted.');
    expect(mark(`${'w '.repeat(30)}\n(a) Notwithstanding Section 7282.5 or 7284.6, officials${' x'.repeat(30)}`, '7284.6')).to.equal(
      `…(a) Notwithstanding Section 7282.5 or [7284.6], officials${' x'.repeat(15)}…`,
    );
    // Of two windows, the one holding more of the words.
    const text = `alpha ${'x '.repeat(40)}alpha beta ${'y '.repeat(40)}`;
    expect(mark(text, 'alpha beta')).to.match(/^…x x x x \[alpha\] \[beta\] y/);
  });

  it('should bound a snippet and never mark what the text does not hold, whatever the passage', () => {
    const long = `${'a'.repeat(400)} target ${'b'.repeat(400)}`;
    const snippet = markSnippet(long, queryPhrases('target'));
    expect(snippet.replace(/[\u0001\u0002…]/g, '').length).to.be.at.most(SNIPPET_CHARS);
    // Control characters of the text (the marks' own above all) are not carried into the snippet.
    const forged = markSnippet(`a \u0001fake\u0002 mark beside the real word`, queryPhrases('word'));
    expect(shown(forged)).to.equal('a  fake  mark beside the real [word]');
    expect(markSnippet('   ', queryPhrases('word'))).to.equal('');
    expect(mark('Nothing here matches.', 'continuance')).to.equal('Nothing here matches.');
    // Whatever is marked is text of the passage, word for word.
    const passage = 'The court shall hear the courts’ motions; a court-appointed officer courts danger.';
    const marked = [...markSnippet(passage, queryPhrases('court motion')).matchAll(/\u0001([^\u0002]*)\u0002/g)].map((m) => m[1]!);
    expect(marked).to.deep.equal(['court', 'courts', 'motions', 'court', 'courts']);
  });

  it('should stem every word of the bundled bills as FTS5’s porter tokenizer does', () => {
    const words = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(?:xml|txt|html?)$/.test(entry.name)) for (const w of fs.readFileSync(file, 'utf8').replace(/<[^>]*>/g, ' ').match(/[\p{L}\p{N}\p{Co}]+/gu) ?? []) words.add(w);
      }
    };
    walk(path.join(repoRoot, 'bills'));
    const list = [...words];
    expect(list.length).to.be.above(1500);
    const db = new Database(':memory:');
    try {
      db.exec("CREATE VIRTUAL TABLE t USING fts5 (x, tokenize='porter unicode61'); CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);");
      const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
      db.transaction(() => list.forEach((w, i) => insert.run(i + 1, w)))();
      const fts5 = db.prepare('SELECT doc, term FROM v ORDER BY doc').all() as Array<{ doc: number; term: string }>;
      expect(fts5.length).to.equal(list.length);
      const differ = fts5.filter((r) => stemOf(list[r.doc - 1]!) !== r.term).map((r) => `${list[r.doc - 1]}: ${r.term} ≠ ${stemOf(list[r.doc - 1]!)}`);
      expect(differ).to.deep.equal([]);
    } finally {
      db.close();
    }
  });
});
