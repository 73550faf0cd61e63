import { Readable } from 'node:stream';
import { expect } from 'chai';
import { readDat, splitDatLine, tableOf, toRow } from '../../src/import/dat.js';

describe('import/dat', () => {
  describe('#splitDatLine', () => {
    it('should read quoted text, bare values and NULL', () => {
      expect(splitDatLine('`PEN`\t`1050.`\t2003\tNULL\t2004-01-01 00:00:00\tLAW_SECTION_TBL_87902.lob')).to.deep.equal(['PEN', '1050.', '2003', null, '2004-01-01 00:00:00', 'LAW_SECTION_TBL_87902.lob']);
    });

    it('should undo the escapes: \\n, \\t, \\\\, \\` and a tab inside quotes', () => {
      expect(splitDatLine('`Effective June 30, 2022.  \\n\\n   Repealed`\t`a\\tb`\t`back\\\\slash`\t`quote \\` inside`')).to.deep.equal([
        'Effective June 30, 2022.  \n\n   Repealed',
        'a\tb',
        'back\\slash',
        'quote ` inside',
      ]);
      expect(splitDatLine('`tab\tinside`\t1')).to.deep.equal(['tab\tinside', '1']);
    });

    it('should say what is wrong with a malformed line', () => {
      expect(() => splitDatLine('`20250AB900299INT`\t`202520260AB9002\t99')).to.throw('unterminated quoted text in field 2');
      expect(() => splitDatLine('`a`b\t1')).to.throw('text after the closing quote of field 1');
      expect(() => splitDatLine('a`b\t1')).to.throw('stray quote in field 1');
    });
  });

  it('should number lines, skip blank ones and report bad ones without stopping, each with its length', async () => {
    const lines = [];
    for await (const line of readDat(Readable.from(['`a`\t1\r\n', '\n', '`b\t2\n`c`\t3\n']))) lines.push(line);
    // Each with its length, line end included (a blank line's added to the next one's), for the progress bar.
    expect(lines).to.deep.equal([
      { line: 1, length: 6, fields: ['a', '1'] },
      { line: 3, length: 6, error: 'unterminated quoted text in field 1' },
      { line: 4, length: 6, fields: ['c', '3'] },
    ]);
  });

  it('should name the table of a file by its name or, failing that, by its first line', () => {
    expect(tableOf('BILL_VERSION_TBL.dat')).to.equal('BILL_VERSION_TBL');
    expect(tableOf('law_section_slice.dat')).to.equal('LAW_SECTION_TBL');
    expect(tableOf('BILL_VERSION_AUTHORS_TBL.dat')).to.equal(undefined);
    expect(tableOf('LAW_TOC_SECTIONS_TBL.dat')).to.equal(undefined);
    const row = ['RTC34011.20225619', 'RTC', '34011.', '2022', '56', '19', null, 'id', '2.', null, '14.5.', '2.', null, 'history', 'LAW_SECTION_TBL_8829.lob', 'Y', 'LEG_ESI', null];
    expect(tableOf('escaped_rows.dat', row)).to.equal('LAW_SECTION_TBL');
    expect(tableOf('escaped_rows.dat', ['x', 'y'])).to.equal(undefined);
  });

  it('should take a row by the table layout, or say how many fields it lacks', () => {
    expect(toRow('CODES_TBL', ['PEN', 'Penal Code'])).to.deep.equal({ code: 'PEN', title: 'Penal Code' });
    expect(toRow('BILL_VERSION_TBL', ['a', 'b', 'c'])).to.equal('BILL_VERSION_TBL has 18 fields a line; this line has 3');
  });
});
