import fs from 'node:fs';
import { expect } from 'chai';
import { executeInstructions } from '../../src/amend/execute.js';
import { parseInstructions } from '../../src/amend/instructions.js';
import { parseDocument } from '../../src/parse/index.js';
import type { Content, Level } from '../../src/types.js';
import { fixturePath } from '../helpers/paths.js';

// The executor on the forms of issue 14. Every section here is synthetic, written for the test
// (the XHTML one is `test/fixtures/olrc-xhtml/synthetic-so-in-original.htm`); the instructions are
// in the forms real bills use.

/** The text of the level with this id, its own texts joined. */
function textOf(section: Level, id: string): string {
  const find = (level: Level): Level | undefined => (level.id === id ? level : level.children.filter((c): c is Level => c.type === 'level').map(find).find(Boolean));
  const level = find(section);
  if (!level) throw new Error(`no level ${id}`);
  return level.children
    .filter((c) => c.type !== 'level')
    .map((c) => (c as { value: string }).value)
    .join(' | ');
}

const leaf = (kind: Level['kind'], value: string, id: string, children: Content[]): Level => ({ type: 'level', kind, num: { text: `(${value})`, value }, id, children });

/** § 9 (synthetic): a chapeau, paragraphs (1) and (2), flush text after them; two subsections (c). */
function section(): Level {
  return {
    type: 'level',
    kind: 'section',
    num: { text: '§ 9.', value: '9' },
    id: 's9',
    heading: 'Annual reports',
    children: [
      leaf('subsection', 'a', 's9/a', [
        { type: 'chapeau', value: 'The Secretary shall report—' },
        leaf('paragraph', '1', 's9/a/1', [{ type: 'text', value: 'on grants; and' }]),
        leaf('paragraph', '2', 's9/a/2', [{ type: 'text', value: 'on loans,' }]),
        { type: 'continuation', value: 'each year, in a report to Congress. The report shall be public.' },
      ]),
      leaf('subsection', 'b', 's9/b', [{ type: 'text', value: 'The report shall name each State and each State agency, except a State agency of a territory.' }]),
      leaf('subsection', 'c', 's9/c', [{ type: 'text', value: 'Reports are due in May.' }]),
      leaf('subsection', 'c', 's9/c~2', [{ type: 'text', value: 'Reports are due in June.' }]),
    ],
  };
}

/** The instructions of a synthetic bill section amending § 9 of the Example Act. */
function instructions(items: string): ReturnType<typeof parseInstructions> {
  return parseInstructions(`Section 9 of the Example Act is amended— ${items}`);
}

describe('amend/execute — the forms of issue 14', () => {
  it('should amend and strike the flush text after the last paragraph', () => {
    const { section: result, results } = executeInstructions(
      instructions('(1) in subsection (a), in the flush text following paragraph (2), by striking “each year” and inserting “each quarter”; and (2) in subsection (a), by striking the flush text at the end.'),
      section(),
    );
    expect(results.map((r) => r.status)).to.deep.equal(['applied', 'applied']);
    expect(textOf(result, 's9/a')).to.equal('The Secretary shall report—');
  });

  it('should amend the first of two subsections designated (c), and refuse "the first" where there is only one', () => {
    const { section: result, results } = executeInstructions(
      [...parseInstructions('The first subsection (c) of section 9 of the Example Act is amended by striking “May” and inserting “April”.'), ...parseInstructions('The first subsection (b) of section 9 of the Example Act is amended by striking “State” and inserting “Nation”.')],
      section(),
    );
    expect(results.map((r) => r.reason ?? r.status)).to.deep.equal(['applied', 'first subsection (b): § 9 has 1 subsection (b), not several']);
    expect(textOf(result, 's9/c')).to.equal('Reports are due in April.');
    expect(textOf(result, 's9/c~2')).to.equal('Reports are due in June.');
  });

  it('should check "both places it appears", and leave out the place the instruction excepts', () => {
    const { section: result, results } = executeInstructions(
      instructions(
        '(1) in subsection (b), by striking “State” both places it appears and inserting “Commonwealth”; and (2) by striking “report” each place it appears (except in subsection (a)) and inserting “statement”.',
      ),
      section(),
    );
    expect(results.map((r) => r.reason ?? r.status)).to.deep.equal(['“State” appears 3 times in § 9(b), not 2 as the instruction says', 'applied']);
    expect(textOf(result, 's9/a')).to.equal('The Secretary shall report— | each year, in a report to Congress. The report shall be public.');
    expect(textOf(result, 's9/b')).to.equal('The statement shall name each State and each State agency, except a State agency of a territory.');
  });

  it('should strike all that precedes and all that follows quoted words, and stop before the period at the end', () => {
    const { section: result, results } = executeInstructions(
      instructions(
        '(1) in subsection (b), by striking all that precedes “each State” and inserting “The report shall list”; (2) in subsection (b), by striking “, except” and all that follows before the period at the end; (3) in subsection (a)(1), by striking all that follows “grants” and inserting a semicolon; and (4) in subsection (c), by striking all that follows “due”.',
      ),
      section(),
    );
    expect(results.map((r) => r.reason ?? r.status)).to.deep.equal(['applied', 'applied', 'applied', 'subsection (c) found more than once in § 9']);
    expect(textOf(result, 's9/b')).to.equal('The report shall list each State and each State agency.');
    expect(textOf(result, 's9/a/1')).to.equal('on grants;');
  });

  it('should apply a direction to the printer without changing the text, and say so', () => {
    const before = section();
    const { section: result, results } = executeInstructions(instructions('(1) in subsection (a), by moving paragraph (2) 2 ems to the left.'), before);
    expect(results[0]).to.deep.include({ status: 'applied', changes: [], notes: ['a direction to the printer (margins, indentation): billdiff keeps the words, not their margins, so the text is unchanged'] });
    expect(result).to.deep.equal(before);
  });

  it('should apply an instruction that quotes words without the doubled comma a "So in original" footnote flags, with a note; and refuse it where no footnote does, naming the nearest words', () => {
    const file = fixturePath('olrc-xhtml', 'synthetic-so-in-original.htm');
    const { tree } = parseDocument(fs.readFileSync(file, 'utf8'), file, { references: false });
    const s903 = tree.children.find((c): c is Level => c.type === 'level')!;
    expect(s903.footnotes).to.deep.equal([{ after: '(a) Order.—Claims shall be paid first, second,,', text: 'So in original.' }]);
    const { section: result, results } = executeInstructions(
      parseInstructions(
        'Section 903 of title 99, United States Code, is amended— (1) in subsection (a), by striking “first, second, and third” and inserting “in turn”; and (2) in subsection (b), by striking “first, second, and third” and inserting “each”.',
      ),
      s903,
    );
    expect(results[0]).to.deep.include({ status: 'applied' });
    expect(results[0]!.notes).to.deep.equal([
      'the law prints “first, second,, and third”, a doubled comma its footnote marks “So in original.”; the instruction quotes the words without it, and is applied to the words as printed',
    ]);
    expect(textOf(result, 's903/a')).to.equal('Claims shall be paid in turn in the order received.');
    expect(results[1]).to.deep.include({
      status: 'refused',
      reason: '“first, second, and third” not found in 99 U.S.C. 903(b); nearest: “first, second,, and third” (a doubled comma)',
    });
  });

  it('should strike the proviso, and refuse "the proviso" of a text that has two, saying how many (116th S. 47, sec. 2105(1)(B) form)', () => {
    const withProvisos = section();
    const b = withProvisos.children[1] as Level;
    b.children = [{ type: 'text', value: 'The Secretary may accept donations: Provided, That no donation shall be of land.' }];
    const c = withProvisos.children[2] as Level;
    c.children = [{ type: 'text', value: 'Reports are due in May: Provided, That a late report is accepted: Provided further, That it is complete.' }];
    const { section: result, results } = executeInstructions(
      [
        ...parseInstructions('Section 9 of the Example Act is amended— (1) in subsection (b), by striking the proviso; and (2) in the first subsection (c), by striking the proviso.'),
        ...parseInstructions('The first subsection (c) of section 9 of the Example Act is amended by striking the second proviso.'),
      ],
      withProvisos,
    );
    expect(results.map((r) => r.reason ?? r.status)).to.deep.equal(['applied', 'the proviso: the text of § 9(c) has 2 provisos; the instruction does not say which', 'applied']);
    expect(textOf(result, 's9/b')).to.equal('The Secretary may accept donations.');
    expect(textOf(result, 's9/c')).to.equal('Reports are due in May: Provided, That a late report is accepted.');
  });

  it('should redesignate a subsection as a paragraph and move it to the end of another subsection, its units one rung lower (116th S. 47, sec. 2109(b)(3)(A))', () => {
    const before = section();
    (before.children[1] as Level).children.push(leaf('paragraph', '1', 's9/b/1', [{ type: 'text', value: 'each State;' }]));
    const { section: result, results } = executeInstructions(
      instructions('(1) by redesignating subsection (b) as paragraph (3), indenting the paragraph appropriately, and moving the paragraph so as to appear at the end of subsection (a).'),
      before,
    );
    expect(results[0]).to.deep.include({ status: 'applied' });
    const a = result.children[0] as Level;
    const moved = a.children.filter((c): c is Level => c.type === 'level');
    expect(moved.map((l) => `${l.kind} ${l.num?.text} ${l.id}`)).to.deep.equal(['paragraph (1) s9/a/1', 'paragraph (2) s9/a/2', 'paragraph (3) s9/a/3']);
    expect((moved[2]!.children[1] as Level).kind).to.equal('subparagraph');
    expect(a.children[a.children.length - 1]).to.deep.include({ type: 'continuation' });
    expect(result.children.filter((c) => c.type === 'level').map((l) => (l as Level).num?.value)).to.deep.equal(['a', 'c', 'c']);
  });
});
