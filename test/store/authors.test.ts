import { expect } from 'chai';
import { AuthorIndex, authorKeys, MOST_AUTHORS_FOUND, nameQuery, type AuthorMatch } from '../../src/store/authors.js';

/** Synthetic authors: made-up names, as California's and Congress's prints give them. */
const author = (name: string, session = '20252026-0', house: string | null = 'Assembly'): AuthorMatch => ({ name, house, committee: false, jurisdiction: session.length > 3 ? 'ca' : 'us', session, bills: 1 });

describe('store/authors: authors found by name (synthetic names)', () => {
  it('should find a name as printed, without its title or state, and by its surname', () => {
    expect(authorKeys('Placeholder')).to.deep.equal(['placeholder']);
    expect(authorKeys('Smallwood-Example')).to.deep.equal(['smallwood-example']);
    expect(authorKeys('Mr. Danny K. Placeholder of Illinois')).to.deep.equal(['mr. danny k. placeholder of illinois', 'danny k. placeholder', 'placeholder']);
    expect(authorKeys('Committee on Placeholders')).to.deep.equal(['committee on placeholders', 'placeholders']);
  });

  it('should read a query as a name, a title typed before it left out, and no query with digits or of many words as one', () => {
    expect(nameQuery('  Senator   Placeholder ')).to.equal('placeholder');
    expect(nameQuery('Assembly Member Placeholder')).to.equal('placeholder');
    expect(nameQuery('Assemblymember Placeholder')).to.equal('placeholder');
    expect(nameQuery('“Mr. Placeholder”')).to.equal('placeholder');
    expect(nameQuery('AB 1656')).to.equal(undefined);
    expect(nameQuery('a b c d e f g')).to.equal(undefined);
    expect(nameQuery('x'.repeat(81))).to.equal(undefined);
    expect(nameQuery('   ')).to.equal(undefined);
  });

  it('should read every name once a generation of the data, keep no failed read, and name at most ten', async () => {
    let reads = 0;
    let fail = false;
    const names = [author('Placeholder'), author('Mr. Placeholder of Nowhere', '999', null), ...Array.from({ length: 12 }, (_, i) => author(`Ms. Example of State ${String.fromCharCode(65 + i)}`, '999', null))];
    const index = new AuthorIndex(async () => {
      reads++;
      if (fail) throw new Error('the database is away');
      return names;
    });
    expect((await index.find('placeholder', 'g1')).map((a) => a.name)).to.deep.equal(['Placeholder', 'Mr. Placeholder of Nowhere']);
    expect(await index.find('Senator Placeholder', 'g1')).to.have.length(2);
    expect(await index.find('AB 1', 'g1')).to.deep.equal([]);
    expect(reads).to.equal(1);
    expect(await index.find('example', 'g1')).to.have.length(MOST_AUTHORS_FOUND);
    fail = true;
    let error: unknown;
    await index.find('placeholder', 'g2').catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('the database is away');
    fail = false;
    expect(await index.find('placeholder', 'g2')).to.have.length(2);
    expect(reads).to.equal(3);
  });
});
