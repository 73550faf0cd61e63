import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { CALIFORNIA_CODES, codeOf, codeTyped, compareCodes, compareSectionNumbers, compareSections, parseSectionCitation, rangeHolds } from '../../src/store/codes.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

const sorted = (numbers: string[]) => [...numbers].sort(compareSectionNumbers);

describe('store/codes', () => {
  describe('#rangeHolds', () => {
    it('should hold the sections strictly between a range’s ends, in the Legislature’s order', () => {
      const held = (from: string, through: string, numbers: string[], code = 'PEN') => numbers.filter((n) => rangeHolds(code, from, through, n));
      expect(held('290', '290.024', ['290', '290.01', '290.024', '290.1', '291', '29', '2900'])).to.deep.equal(['290.01']);
      expect(held('999b', '999h', ['999', '999a', '999b', '999c', '999g', '999h', '999i', '1000'])).to.deep.equal(['999c', '999g']);
      expect(held('11340', '11361', ['11340.5', '11342.1', '11361', '1135', '113400'])).to.deep.equal(['11340.5', '11342.1']);
    });

    it('should hold no number with a point in a U.S. Code title, whose sections have none', () => {
      const numbers = ['7250', '7251', '7252', '7284', '7284.6', '7284a', '7298', '7299'];
      expect(numbers.filter((n) => rangeHolds('usc38', '7251', '7298', n))).to.deep.equal(['7252', '7284', '7284a']);
      expect(numbers.filter((n) => rangeHolds('GOV', '7251', '7298', n))).to.deep.equal(['7252', '7284', '7284.6', '7284a']);
    });
  });

  describe('#codeTyped, #parseSectionCitation', () => {
    it('should read the California Style Manual’s abbreviations wherever a code is named, as the full names are', () => {
      const abbreviated = ['Bus. & Prof. Code', 'Civ. Code', 'Code Civ. Proc.', 'Com. Code', 'Cal. Const.', 'Corp. Code', 'Ed. Code', 'Elec. Code', 'Evid. Code', 'Fam. Code', 'Fin. Code', 'Fish & G. Code', 'Food & Agr. Code', 'Gov. Code', 'Harb. & Nav. Code', 'Health & Saf. Code', 'Ins. Code', 'Lab. Code', 'Mil. & Vet. Code', 'Pen. Code', 'Prob. Code', 'Pub. Contract Code', 'Pub. Resources Code', 'Pub. Util. Code', 'Rev. & Tax. Code', 'Sts. & Hy. Code', 'Unemp. Ins. Code', 'Veh. Code', 'Wat. Code', 'Welf. & Inst. Code'];
      // One for each of California's codes and its Constitution, in the order of their abbreviations.
      expect(abbreviated.map((name) => codeOf(name))).to.deep.equal(['BPC', 'CIV', 'CCP', 'COM', 'CONS', 'CORP', 'EDC', 'ELEC', 'EVID', 'FAM', 'FIN', 'FGC', 'FAC', 'GOV', 'HNC', 'HSC', 'INS', 'LAB', 'MVC', 'PEN', 'PROB', 'PCC', 'PRC', 'PUC', 'RTC', 'SHC', 'UIC', 'VEH', 'WAT', 'WIC']);
      expect(new Set(abbreviated.map((name) => codeOf(name)))).to.have.property('size', Object.keys(CALIFORNIA_CODES).length);
    });

    it('should read the practitioners’ shorthand and the Bluebook’s "Cal." only in what a person types, never in a bill’s text', () => {
      expect(['PC', 'pc', 'VC', 'H&S', 'HS', 'W&I', 'w & i', 'B&P', 'R&T', 'CC', 'GC', "Cal. Gov't Code", 'Cal. Penal Code', 'California Penal Code', 'Cal. Welf. & Inst. Code'].map(codeTyped)).to.deep.equal([
        'PEN', 'PEN', 'VEH', 'HSC', 'HSC', 'WIC', 'WIC', 'BPC', 'RTC', 'CIV', 'GOV', 'GOV', 'PEN', 'PEN', 'WIC',
      ]);
      expect(['PC', 'W&I', 'Cal. Penal Code'].map(codeOf)).to.deep.equal([undefined, undefined, undefined]);
      // Two letters said of two codes each, a U.S. Code title after "Cal.", and what names no code.
      expect(['EC', 'FC', 'LC', 'Cal. 42 U.S.C.', 'Cal.', 'AB', 'HR', 'Penal'].map(codeTyped)).to.deep.equal([undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'PEN']);
    });

    it('should read a section cited as courts, the Bluebook and practitioners cite it', () => {
      const cite = (text: string) => {
        const c = parseSectionCitation(text);
        return c && `${c.code} ${c.number}`;
      };
      expect(['Gov. Code, § 7284.6', 'Cal. Gov. Code § 7284.6', "Cal. Gov't Code § 7284.6", 'Gov Code 7284.6', 'Pen. Code, § 1050', 'PC 1050', 'section 1050 of the Pen. Code', 'W&I 5150', 'H&S 11350', 'Welf. & Inst. Code, § 300', 'Code Civ. Proc., § 425.16'].map(cite)).to.deep.equal([
        'GOV 7284.6', 'GOV 7284.6', 'GOV 7284.6', 'GOV 7284.6', 'PEN 1050', 'PEN 1050', 'PEN 1050', 'WIC 5150', 'HSC 11350', 'WIC 300', 'CCP 425.16',
      ]);
      expect(['AB 1656', 'HR 1', 'cal 1050', 'EC 1101'].map(cite)).to.deep.equal([undefined, undefined, undefined, undefined]);
    });
  });

  describe('#compareSectionNumbers', () => {
    it('should order by the whole number, then the part after the point as a whole number, then a letter suffix', () => {
      expect(sorted(['100.5', '12.10', '100', '12', '7284.10', '12.5', '7284.6', '12.1', '7284.5', '100.5a', '12.9'])).to.deep.equal([
        '12', '12.1', '12.5', '12.9', '12.10', '100', '100.5', '100.5a', '7284.5', '7284.6', '7284.10',
      ]);
      // A number without a point before its decimals; letters in alphabetical order; decimals opening with a zero before .1.
      expect(sorted(['266.5', '267', '266b', '266', '266a', '1203.1', '1203.02', '1203.01', '1203.016', '1203.1b', '1203.1ab', '1203.10', '1203.2', '1203'])).to.deep.equal([
        '266', '266a', '266b', '266.5', '267', '1203', '1203.01', '1203.016', '1203.02', '1203.1', '1203.1ab', '1203.1b', '1203.2', '1203.10',
      ]);
    });

    it('should order U.S. Code and constitution numbers by their parts, and numbers that are none last', () => {
      expect(sorted(['1395w-22', '1395w-4', '1395', '200304', '1395w', '1395x', 'I-1', '2-1', '1-10', '1-2'])).to.deep.equal([
        '1-2', '1-10', '2-1', '1395', '1395w', '1395w-4', '1395w-22', '1395x', '200304', 'I-1',
      ]);
    });

    it('should order sections by code, then number', () => {
      const list = ['PEN 1050.5', 'GOV 7284.10', 'PEN 646.9', 'GOV 7284.6', 'PEN 13700', 'PEN 1050'].map((s) => ({ code: s.split(' ')[0]!, section: s.split(' ')[1]! }));
      expect(list.sort(compareSections).map((s) => `${s.code} ${s.section}`)).to.deep.equal(['GOV 7284.6', 'GOV 7284.10', 'PEN 646.9', 'PEN 1050', 'PEN 1050.5', 'PEN 13700']);
      // U.S. Code titles by their number: 6 U.S.C. before 20 U.S.C. (as text, "usc6" came after "usc42").
      const titles = ['usc42 1308', 'usc6 659', 'usc20 1011c', 'usc5a 3', 'usc26 4221', 'usc5 552'].map((s) => ({ code: s.split(' ')[0]!, section: s.split(' ')[1]! }));
      expect(titles.sort(compareSections).map((s) => `${s.code} ${s.section}`)).to.deep.equal(['usc5 552', 'usc5a 3', 'usc6 659', 'usc20 1011c', 'usc26 4221', 'usc42 1308']);
    });

    it('should list codes as the codes page does: California’s by name, then the U.S. Code’s titles by number', () => {
      const codes = ['usc42', 'PEN', 'usc6', 'BPC', 'CONS', 'GOV', 'usc5a', 'CIV', 'usc5'];
      expect(codes.sort(compareCodes)).to.deep.equal(['BPC', 'CONS', 'CIV', 'GOV', 'PEN', 'usc5', 'usc5a', 'usc6', 'usc42']);
    });
  });
});

describeShared('store/codes: sections in the order the Legislative Counsel lists them', () => {
  it('should order each list of sections in the sample bills ("An act to amend Sections 186.2, 186.9, and 186.10 …") as the bill does', () => {
    const number = String.raw`\d+(?:\.\d+)?[a-z]{0,3}`;
    const list = new RegExp(String.raw`Sections ((?:${number}, )+(?:${number},? )?(?:and|to) ${number})`, 'g');
    const lists = new Set<string>();
    for (const folder of [sharedPath('corpus', 'ca-pubinfo'), sharedPath('corpus', 'bundle')]) {
      for (const file of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(?:lob|xml|txt)$/.test(f))) {
        const text = fs.readFileSync(path.join(folder, file), 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
        for (const m of text.matchAll(list)) lists.add(m[1]!);
      }
    }
    const numbers = [...lists].map((l) => l.split(/,? (?:and|to) |, /));
    // The lists that tell decimals read as whole numbers from decimals read as fractions are among them.
    expect(numbers.some((l) => l.includes('186.9') && l.includes('186.10'))).to.equal(true);
    expect(numbers.some((l) => l.includes('311.4') && l.includes('311.10'))).to.equal(true);
    expect(numbers.length).to.be.greaterThan(20);
    for (const l of numbers) expect(sorted(l)).to.deep.equal(l);
  });
});
