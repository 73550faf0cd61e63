/**
 * The short titles a bill version gives its act or a unit of it, as the import reads them from its
 * text. The real sentences are those of the bundled bills (bills/SOURCES.md: SB 54 of 2017, H.R. 766
 * of the 114th Congress, H.R. 1058 of the 116th) and of bills in ../shared/corpus/us (H.J.Res. 59 of
 * the 113th, H.R. 1865 of the 116th) and ../shared/corpus/ca-pubinfo (SB 1 of 1999–2000 First
 * Extraordinary Session); the others are SYNTHETIC, in the forms of real ones.
 */
import { expect } from 'chai';
import { shortTitles } from '../../src/import/short-titles.js';

describe('import/short-titles', () => {
  it('should read the names a text gives its act or a unit of it, quoted or not, each once, in order', () => {
    // Sentences as the store reads the bundled bills' text (bills/SOURCES.md), and as other real bills print them.
    expect(shortTitles('7284. This chapter shall be known, and may be cited, as the California Values Act.\n7284.2. The Legislature finds')).to.deep.equal(['California Values Act']);
    expect(shortTitles("Section 1. Short title This Act may be cited as the ''Financial Institution Customer Protection Act of 2015'' .\nSec. 2.")).to.deep.equal(['Financial Institution Customer Protection Act of 2015']);
    expect(
      shortTitles('SECTION 1. SHORT TITLE. This Act may be cited as the “Autism Collaboration, Accountability, Research, Education, and Support Act of 2019” or the “Autism CARES Act of 2019”.'),
    ).to.deep.equal(['Autism Collaboration, Accountability, Research, Education, and Support Act of 2019', 'Autism CARES Act of 2019']);
    expect(shortTitles('(a) Short Title.— This division may be cited as the “Bipartisan Budget Act of 2013”.\n(a) Short Title.— This title may be cited as the “Pathway for SGR Reform Act of 2013”.')).to.deep.equal([
      'Bipartisan Budget Act of 2013',
      'Pathway for SGR Reform Act of 2013',
    ]);
    expect(shortTitles('Section 1. Short Title. This Act may be cited as the “Further Consolidated Appropriations Act, 2020”.')).to.deep.equal(['Further Consolidated Appropriations Act, 2020']);
    expect(shortTitles('52050. This chapter shall be known and may be cited as the Public Schools Accountability Act of 1999.')).to.deep.equal(['Public Schools Accountability Act of 1999']);
    // Synthetic: an initial inside an unquoted name; the same name twice.
    expect(shortTitles('This act shall be known as the Ralph Q. Synthetic Act. This act shall be known as the Ralph Q. Synthetic Act.')).to.deep.equal(['Ralph Q. Synthetic Act']);
  });

  it('should not read a fund’s or a building’s name, nor another law’s short title quoted inside the text a bill inserts', () => {
    // Synthetic sentences in the forms of real ones.
    expect(shortTitles('There is established in the Treasury a fund which shall be known as the “Synthetic Crises Fund”.')).to.deep.equal([]);
    expect(shortTitles('The building shall be known and designated as the “Synthetic Federal Building”.')).to.deep.equal([]);
    expect(shortTitles('Section 1 of the Act is amended to read as follows: “SEC. 1. SHORT TITLE. This Act may be cited as the ‘Synthetic Leasing Act’.”')).to.deep.equal([]);
    expect(shortTitles('This act shall be known as the')).to.deep.equal([]);
  });

  it('should read a hostile text of a megabyte, the start of a name over and over with no end, and find none', () => {
    // Before the unquoted name was bounded, each start scanned the rest of the line: a megabyte took hours.
    expect(shortTitles('This act shall be known as the A '.repeat(32_000))).to.deep.equal([]);
    expect(shortTitles("This Act may be cited as the ''".repeat(32_000))).to.deep.equal([]);
  });
});
