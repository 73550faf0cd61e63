import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { STORE_USAGE } from '../../src/cli/store-commands.js';
import { runCli } from '../helpers/cli.js';
import { billsPath, fixturePath } from '../helpers/paths.js';
import { describeBackends } from '../store/backends.js';

const SYNTHETIC = fixturePath('store-pubinfo-synthetic');

describeBackends('cli: import, search, section, versions by name', (backend) => {
  const run = (argv: string[]) => runCli(argv, { env: backend().env });

  it('billdiff import should print one summary line, the problems on stderr, and exit 1 when rows were skipped', async () => {
    const result = await run(['import', billsPath(), path.join(SYNTHETIC, 'session')]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.match(/^Imported 2 inputs: 31 rows = 26 new \+ 0 updated \+ 0 unchanged \+ 5 skipped \(bad rows\); \d+\.\d s into .+\n$/);
    expect(result.stderr.split('\n').filter(Boolean).map((l) => l.replace(`${SYNTHETIC}/`, ''))).to.deep.equal([
      'session/LAW_SECTION_TBL.dat:3: LAW_SECTION_TBL_13.lob:1:131: XML is not well-formed: unexpected close tag.',
      'session/BILL_VERSION_TBL.dat:3: unterminated quoted text in field 2',
      'session/BILL_VERSION_TBL.dat:7: missing lob BILL_VERSION_TBL_404.lob',
      'session/BILL_VERSION_TBL.dat:9: BILL_VERSION_TBL has 18 fields a line; this line has 3',
      "session/BILL_HISTORY_TBL.dat:3: no bill AB 9999 (202520260AB9999) in the database or in this set's BILL_TBL",
    ]);
    const again = await run(['import', billsPath()]);
    expect(again.code).to.equal(0);
    expect(again.stdout).to.match(/^Imported 0 inputs \(1 already imported, unchanged\): 0 rows = 0 new \+ 0 updated \+ 0 unchanged \+ 0 skipped \(bad rows\); \d+\.\d s into /);
  });

  it('billdiff import should count the files it does not recognise by their endings, and list them with --verbose', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-not-recognised-'));
    try {
      // Beside the data as a download has them: notes, a list, a document of no kind billdiff reads.
      fs.writeFileSync(path.join(dir, 'README.md'), '# notes\n');
      fs.writeFileSync(path.join(dir, 'INDEX.csv'), 'file,source\n');
      fs.writeFileSync(path.join(dir, 'CHANGES.md'), '- nothing\n');
      fs.writeFileSync(path.join(dir, 'notes.xml'), '<notes><note>synthetic</note></notes>\n');
      const quiet = await run(['import', dir]);
      expect(quiet.code).to.equal(0);
      expect(quiet.stderr).to.equal('');
      expect(quiet.stdout).to.match(/^Imported 0 inputs: 0 rows = 0 new \+ 0 updated \+ 0 unchanged \+ 0 skipped \(bad rows\); 4 files not recognised \(2 \.md, 1 \.csv, 1 \.xml\); \d+\.\d s into /);
      const listed = await run(['import', '--verbose', dir]);
      expect(listed.stderr.split('\n')).to.deep.equal([
        `${dir}/CHANGES.md: not recognised: not a pubinfo zip, table (.dat) or lob, nor an XML document`,
        `${dir}/INDEX.csv: not recognised: not a pubinfo zip, table (.dat) or lob, nor an XML document`,
        `${dir}/README.md: not recognised: not a pubinfo zip, table (.dat) or lob, nor an XML document`,
        `${dir}/notes.xml: not recognised: not a bill, law section or U.S. Code title billdiff can read`,
        '',
      ]);
      const json = JSON.parse((await run(['import', dir, '--format', 'json'])).stdout) as { ignored: number; notRecognised: Record<string, number> };
      expect([json.ignored, json.notRecognised]).to.deep.equal([4, { '.md': 2, '.csv': 1, '.xml': 1 }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('billdiff bill should show the bill: who brought it, its versions by the names --from and --to take, its history and sections', async () => {
    expect(await run(['bill', 'AB', '9002'])).to.deep.equal({
      code: 0,
      stdout: [
        'AB 9002 (2025–26 Regular Session) — Synthetic widgets.',
        'Assembly · In Floor Process · pending',
        // Its latest version's digest key, as its BILL_VERSION_TBL row gives it.
        'Vote: majority · Appropriation: no · Fiscal committee: no · Local program: no · Urgency: no · Tax levy: no',
        '',
        '2 versions (the names --from, --to and --version take):',
        '  introduced      Introduced, 2026-01-12 · 6 words inserted, 0 deleted',
        '  amended-senate  Amended in Senate, 2026-06-01 · 72 words inserted, 40 deleted · gut and amend · latest',
        '',
        'Sections its latest version touches:',
        '  amends  Government Code § 99010',
        '',
      ].join('\n'),
      stderr: '',
    });
    const ab1656 = (await run(['bill', 'ab1656'])).stdout.split('\n');
    expect(ab1656.slice(2, 5)).to.deep.equal(['Lead author: Assembly Member Davies.', 'Vote: majority · Appropriation: no · Fiscal committee: no · Local program: no · Urgency: no · Tax levy: no', '']);
    // A range cited by its ends is named once, with its range.
    expect(ab1656.filter((l) => l.includes('999h'))).to.deep.equal(['  cites   Penal Code §§ 999b through 999h']);
    const json = JSON.parse((await run(['bill', 'AB 1656', '--format', 'json'])).stdout) as { id: string; authors: unknown; versions: Array<{ name: string }> };
    expect([json.id, json.authors, json.versions.map((v) => v.name)]).to.deep.equal(['ca-20252026-0-ab1656', [{ name: 'Davies', role: 'lead author', house: 'Assembly' }], ['introduced', 'amended-assembly', 'amended-senate']]);
    // Its short titles under its title (H.R. 1058 of the 116th Congress, bundled).
    expect((await run(['bill', 'hr1058-116'])).stdout.split('\n').slice(1, 3)).to.deep.equal([
      'Short titles: “Autism Collaboration, Accountability, Research, Education, and Support Act of 2019”; “Autism CARES Act of 2019”',
      'House · pending',
    ]);
    // One version's text, by any of the names a version is picked by.
    const introduced = await run(['bill', 'AB 9002', '--version', 'introduced']);
    expect(introduced).to.deep.equal({
      code: 0,
      stdout: [
        'AB 9002 (2025–26 Regular Session) — Introduced, 2026-01-12 (introduced)',
        '',
        'An act to amend Section 99001 of the Penal Code, relating to synthetic hearings.',
        'Synthetic digest for a test fixture.',
        'The people of the State of California do enact as follows:',
        'SECTION 1. Section 99001 of the Penal Code is amended to read:',
        '99001.',
        '(a) A synthetic court shall hear a synthetic motion within ten court days after it is filed, unless the court finds good cause.',
        '(b) This subdivision applies notwithstanding Section 99002.',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect((await run(['bill', 'AB 9002', '--version', '1'])).stdout).to.equal(introduced.stdout);
    const latest = JSON.parse((await run(['bill', 'AB 9002', '--version', 'latest', '--format', 'json'])).stdout) as Record<string, unknown>;
    expect([latest['name'], latest['previous'], latest['next'], latest['compareUrl']]).to.deep.equal([
      'amended-senate',
      { name: 'introduced', stage: 'Introduced', date: '2026-01-12', url: '/bills/ca-20252026-0-ab9002/versions/introduced' },
      undefined,
      '/compare?old=ver%3A20250AB900299INT&new=ver%3A20250AB900298AMD',
    ]);
    expect(await run(['bill', 'AB 9002', '--version', 'enrolled'])).to.deep.equal({ code: 1, stdout: '', stderr: 'billdiff: AB 9002 has no version "enrolled"; its versions: introduced, amended-senate, or first, latest, previous\n' });
    expect(await run(['bill', 'AB', '99999'])).to.deep.equal({ code: 1, stdout: '', stderr: 'billdiff: no bill AB 99999 in the database (billdiff import PATH… brings bills in)\n' });
    expect((await run(['bill'])).stderr.split('\n')[0]).to.equal('billdiff: name the bill: billdiff bill "AB 1656"');
    // A bill named with no versions to compare says where they are listed.
    expect((await run(['AB 1656'])).stderr).to.contain('name two: billdiff "AB 1656" --from previous --to latest (billdiff bill "AB 1656" lists them)');
  });

  it('billdiff search should list bills and sections, as text or JSON', async () => {
    const text = await run(['search', '7284.6']);
    expect(text.code).to.equal(0);
    expect(text.stdout.split('\n')[0]).to.equal('section\tGOV/7284.6\tGovernment Code § 7284.6');
    expect(text.stdout).to.contain('bill\tca-20232024-0-ab2641\tAB 2641 (2023–24 Regular Session) — proposed Government Code § 7282.7 (excerpt)\n\t');
    expect(text.stdout).to.contain('Notwithstanding Section 7282.5 or [7284.6], law enforcement');
    // Who brings a bill in a fifth column, after its status (none here: an empty fourth).
    expect((await run(['search', 'AB', '1656'])).stdout.split('\n')[0]).to.equal('bill\tca-20252026-0-ab1656\tAB 1656 (2025–26 Regular Session) — Human trafficking case continuances\t\tby Assembly Member Davies');
    const json = await run(['search', 'AB', '1656', '--format', 'json']);
    expect(JSON.parse(json.stdout)).to.deep.equal({
      results: [
        {
          kind: 'bill',
          id: 'ca-20252026-0-ab1656',
          title: 'AB 1656 (2025–26 Regular Session) — Human trafficking case continuances',
          snippet: 'Human trafficking case continuances',
          url: '/bills/ca-20252026-0-ab1656',
          measure: 'AB 1656',
          session: '20252026-0',
          authors: [{ name: 'Davies', role: 'lead author', house: 'Assembly' }],
        },
      ],
      authors: [],
      named: [],
      total: 1,
      offset: 0,
      limit: 20,
    });
    // The authors a query names, before what its words find.
    expect(await run(['search', 'Assembly', 'Member', 'Davies'])).to.deep.equal({
      code: 0,
      stdout: 'author\t/sessions/ca/20252026-0/authors/Davies\tAssembly Member Davies (2025–26 Regular Session, 1 bill)\nnothing else found for "Assembly Member Davies"\n',
      stderr: '',
    });
    expect((JSON.parse((await run(['search', 'davies', '--format', 'json'])).stdout) as { authors: unknown[] }).authors).to.deep.equal([
      { name: 'Davies', title: 'Assembly Member Davies', jurisdiction: 'ca', session: '20252026-0', bills: 1, url: '/sessions/ca/20252026-0/authors/Davies' },
    ]);
    // A bill by its short title, named first (SB 54 of 2017, bundled: "… may be cited, as the California Values Act").
    const byName = await run(['search', 'California Values Act']);
    expect([byName.code, byName.stdout.split('\n')[0]]).to.deep.equal([0, 'named\tca-20172018-0-sb54\tSB 54 (2017–18 Regular Session): California Values Act']);
    expect((JSON.parse((await run(['search', 'California Values Act', '--format', 'json'])).stdout) as { named: unknown[] }).named).to.deep.equal([
      { kind: 'bill', name: 'California Values Act', id: 'ca-20172018-0-sb54', measure: 'SB 54', session: '20172018-0', title: 'SB 54 (2017–18 Regular Session)', url: '/bills/ca-20172018-0-sb54' },
    ]);
    // A bill's status, as BILL_TBL gives it, in a fourth column and in the JSON (the bundled AB 1656 above has none).
    const withStatus = await run(['search', 'AB', '9002']);
    expect([withStatus.code, withStatus.stdout.split('\n')[0]]).to.deep.equal([0, 'bill\tca-20252026-0-ab9002\tAB 9002 (2025–26 Regular Session) — Synthetic widgets.\tIn Floor Process']);
    expect((JSON.parse((await run(['search', 'sb9003', '--format', 'json'])).stdout) as { results: Array<{ id: string; status?: string }> }).results.map((r) => [r.id, r.status])).to.deep.equal([['ca-20252026-0-sb9003', 'Chaptered']]);
    const filtered = await run(['search', 'synthetic', '--house', 'senate', '--format', 'json']);
    expect((JSON.parse(filtered.stdout) as { results: Array<{ id: string }> }).results.map((r) => r.id)).to.deep.equal(['ca-20252026-0-sb9003']);
    expect(await run(['search', 'nothing-like-this-anywhere'])).to.deep.equal({ code: 1, stdout: 'nothing found for "nothing-like-this-anywhere"\n', stderr: '' });
    // An author's bills among the results, the author named as a person would name them.
    const byAuthor = await run(['search', 'continuance', '--author', 'Assembly Member Davies']);
    expect([byAuthor.code, byAuthor.stdout.split('\n').filter((l) => !l.startsWith('\t'))]).to.deep.equal([0, ['bill\tca-20252026-0-ab1656\tAB 1656 (2025–26 Regular Session) — Human trafficking case continuances\t\tby Assembly Member Davies', '']]);
    const theirs = await run(['search', '--author', 'Davies']);
    expect([theirs.code, theirs.stdout.split('\n').filter((l) => !l.startsWith('\t'))]).to.deep.equal([
      0,
      ['author\t/sessions/ca/20252026-0/authors/Davies\tAssembly Member Davies (2025–26 Regular Session, 1 bill)', 'bill\tca-20252026-0-ab1656\tAB 1656 (2025–26 Regular Session) — Human trafficking case continuances\t\tby Assembly Member Davies', ''],
    ]);
    expect((await run(['search', 'continuance', '--author', 'Nobody'])).stderr.split('\n')[0]).to.equal('billdiff: --author must name an author of the database: no bill version names “Nobody”');
    // What the database lacks, where the query cites a bill or a section.
    expect((await run(['search', 'AB', '99999'])).stdout).to.equal('nothing found for "AB 99999": no bill of that number is in the database, which holds the bills of 5 sessions (billdiff import brings in others)\n');
    expect(await run(['search', 'AB', '1656', '--house', 'senate'])).to.deep.equal({ code: 1, stdout: 'nothing found for "AB 1656": no bill of that number matches the filters\n', stderr: '' });
    expect(await run(['search', 'PEN', '424242'])).to.deep.equal({ code: 1, stdout: 'nothing found for "PEN 424242": the database holds no Penal Code § 424242, and no bill in it touches it\n', stderr: '' });
    // The section named as it was read (practitioners' shorthand too), or none where the query gives no code.
    expect((await run(['search', 'W&I 5150'])).stdout).to.equal('nothing found for "W&I 5150": the database holds no Welfare and Institutions Code § 5150, and no bill in it touches it\n');
    expect((await run(['search', '424242'])).stdout).to.equal('nothing found for "424242": the database holds no such section, and no bill in it touches one\n');
    expect(await run(['search', 'nothing-like-this-anywhere', '--house', 'senate'])).to.deep.equal({ code: 1, stdout: 'nothing found for "nothing-like-this-anywhere" with these filters\n', stderr: '' });
    // A page at a time, ranked over every match, and each bad option refused with its range.
    const paged = await run(['search', 'synthetic', '--limit', '2', '--offset', '1']);
    expect(paged.code).to.equal(0);
    expect(paged.stdout.split('\n').filter((l) => !l.startsWith('\t'))).to.deep.equal([...paged.stdout.split('\n').filter((l) => /^(?:bill|section)\t/.test(l)), '2–3 of 6, ranked by relevance (--offset 3 for more)', '']);
    expect(await run(['search', 'synthetic', '--limit', '999999999'])).to.deep.include({ code: 2, stdout: '' });
    expect((await run(['search', 'synthetic', '--limit', '999999999'])).stderr.split('\n')[0]).to.equal('billdiff: --limit must be a whole number from 1 to 100');
    expect((await run(['search', 'synthetic', '--session', '1887'])).stderr.split('\n')[0]).to.match(/^billdiff: --session must be a session of the database: 20252026-0 \(2025–26 Regular Session\), /);
  });

  it('billdiff section should print the section and the bills touching it', async () => {
    const result = await run(['section', 'Penal Code 99001']);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.equal(
      [
        'Penal Code § 99001',
        '',
        '(a) A synthetic court shall hear a synthetic motion within five days after it is filed.',
        '(b) This subdivision applies notwithstanding Section 99002.',
        '',
        'Added by Stats. 2020, Ch. 1, Sec. 1. (synthetic)',
        '',
        '3 bills touching it, newest first:',
        '  amends  AB 9001 (2025–26 Regular Session), Amended in Assembly 2026-03-02 [amended-assembly] — Synthetic motions.',
        '  amends  AB 9005 (2025–26 Regular Session), Introduced 2026-02-02 [introduced] — Synthetic filings.',
        '  amends  AB 9002 (2025–26 Regular Session), Introduced 2026-01-12 [introduced] — Synthetic widgets.',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await run(['section', 'GOV/7284.6', '--format', 'json'])).stdout) as { bills: Array<{ measure: string; relation: string; override?: string }> };
    expect(json.bills.map((b) => `${b.measure} ${b.relation}${b.override ? ` ${b.override}` : ''}`)).to.deep.equal(['AB 2641 cites notwithstanding', 'SB 54 adds']);
    // "Notwithstanding Section 7282.5 or 7284.6, …": the bill would override it; the relations in one column.
    expect((await run(['section', 'GOV/7284.6'])).stdout.split('\n').slice(-4)).to.deep.equal([
      '2 bills touching it, newest first:',
      '  overrides AB 2641 (2023–24 Regular Session) notwithstanding it, Amended in Assembly 2024-04-11 [amended-assembly] — proposed Government Code § 7282.7 (excerpt)',
      '  adds      SB 54 (2017–18 Regular Session), Chaptered 2017-10-05 [chaptered] — California Values Act (Stats. 2017, ch. 495)',
      '',
    ]);
    // Who brings each bill, as its latest version naming any authors names them (AB 1656's CAML: Assembly Member Davies).
    expect((await run(['section', 'PEN', '1050'])).stdout.split('\n').slice(-3)).to.deep.equal([
      '1 bill touching it, newest first:',
      '  amends  AB 1656 (2025–26 Regular Session) by Assembly Member Davies, Amended in Senate 2026-06-11 [amended-senate] — Human trafficking case continuances',
      '',
    ]);
    expect(await run(['section', 'Penal Code 424242'])).to.deep.equal({ code: 1, stdout: '', stderr: 'billdiff: PEN 424242: not in the database, and no bill in it touches it\n' });
  });

  it('billdiff "AB 9001" --from introduced --to latest should compare the two versions from the database', async () => {
    const result = await run(['AB 9001', '--from', 'introduced', '--to', 'latest', '--format', 'wdiff']);
    expect(result.stderr).to.equal('');
    expect(result.code).to.equal(1);
    expect(result.stdout).to.contain('(a) A synthetic court shall hear a synthetic motion within ten court days after it is [-filed.-] {+filed and served on every party.+}');
    const law = await run(['ver:20250AB900198AMD', '--law', 'law:PEN:99001', '--format', 'wdiff']);
    expect(law.code).to.equal(1);
    expect(law.stdout).to.contain('within [-five-] {+ten court+} days after it is [-filed.-] {+filed and served on every party.+}');
    expect(await run(['AB 9001', '--from', 'enrolled'])).to.deep.equal({
      code: 2,
      stdout: '',
      stderr: 'AB 9001 (2025–26 Regular Session) has no version "enrolled"; its versions: introduced, amended-assembly, or first, latest, previous\n',
    });
    // A bill of one version (synthetic AB 9005), or the same version named twice: said, not compared with itself.
    expect(await run(['AB 9005', '--from', 'first', '--to', 'latest'])).to.deep.equal({
      code: 2,
      stdout: '',
      stderr: '--from first and --to latest both name the same version of AB 9005 (2025–26 Regular Session), introduced: it has one version only in the database\n',
    });
    expect((await run(['AB 9001', '--from', 'introduced', '--to', '1'])).stderr).to.equal('--from introduced and --to 1 both name the same version of AB 9001 (2025–26 Regular Session), introduced; its versions: introduced, amended-assembly\n');
    expect((await run(['AB 4242', '--to', 'latest'])).stderr).to.equal('no bill AB 4242 in the database (billdiff import PATH… brings bills in)\n');
  });
});

describeBackends('cli: a public law and its bill, one search result (synthetic, 999th Congress: test/fixtures/enacted-synthetic)', (backend) => {
  const run = (argv: string[]) => runCli(argv, { env: backend().env });

  it('billdiff search should list the bill with its law (its key in the status column), and page on from the matches listed', async () => {
    expect((await run(['import', fixturePath('enacted-synthetic')])).code).to.equal(0);
    const lines = (await run(['search', 'synthetic', 'gadget'])).stdout.split('\n').filter((l) => !l.startsWith('\t'));
    expect(lines).to.deep.equal([
      'bill\tus-999-hr9002\tH.R. 9002 (999th Congress) — To provide for synthetic gadget 2.\tBecame Pub. L. 999-2 (us-999-pl2)',
      'bill\tus-999-hr9001\tH.R. 9001 (999th Congress) — To provide for synthetic gadget 1.\tBecame Pub. L. 999-1 (us-999-pl1)',
      '',
    ]);
    // (Ranked: the two bills, the shorter texts, then the two laws.) Three matches from the second: H.R. 9001 and
    // its law as one, then Pub. L. 999-2, whose bill is on the page before; the range counts both records.
    const paged = (await run(['search', 'synthetic', 'gadget', '--limit', '3', '--offset', '1'])).stdout.split('\n').filter((l) => !l.startsWith('\t'));
    expect(paged).to.deep.equal([
      'bill\tus-999-hr9001\tH.R. 9001 (999th Congress) — To provide for synthetic gadget 1.\tBecame Pub. L. 999-1 (us-999-pl1)',
      'bill\tus-999-pl2\tPub. L. 999-2 (999th Congress) — To provide for synthetic gadget 2.\tPublic law',
      '2–4 of 4, ranked by relevance',
      '',
    ]);
    expect((await run(['search', 'synthetic', 'gadget', '--limit', '1'])).stdout.split('\n').filter((l) => !l.startsWith('\t'))).to.deep.equal([
      'bill\tus-999-hr9002\tH.R. 9002 (999th Congress) — To provide for synthetic gadget 2.\tBecame Pub. L. 999-2',
      '1–1 of 4, ranked by relevance (--offset 1 for more)',
      '',
    ]);
    // A law by its citation in the Statutes at Large, as the search and billdiff bill read it.
    expect((await run(['search', '999', 'STAT', '1'])).stdout.split('\n')[0]).to.equal('bill\tus-999-pl1\tPub. L. 999-1 (999th Congress) — To provide for synthetic gadget 1.\tPublic law');
    expect((await run(['bill', '999 Stat. 1'])).stdout.split('\n').slice(0, 2)).to.deep.equal(['Pub. L. 999-1 (999th Congress) — To provide for synthetic gadget 1.', 'House · 999 Stat. 1 · Public law · no longer pending']);
    expect((await run(['bill', '999 Stat. 2'])).stderr).to.equal('billdiff: no law cited 999 Stat. 2 in the database (billdiff import PATH… brings bills in)\n');
    const json = JSON.parse((await run(['search', 'synthetic', 'gadget', '--format', 'json'])).stdout) as { results: Array<{ id: string; law?: unknown }>; total: number };
    expect([json.total, json.results.map((r) => [r.id, r.law])]).to.deep.equal([
      4,
      [
        ['us-999-hr9002', { id: 'us-999-pl2', measure: 'Pub. L. 999-2', url: '/bills/us-999-pl2' }],
        ['us-999-hr9001', { id: 'us-999-pl1', measure: 'Pub. L. 999-1', url: '/bills/us-999-pl1' }],
      ],
    ]);
  });
});

describe('cli: a database command where there is no database', () => {
  it('should say there is none, exit 2, and leave no empty database behind (only import makes one)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-no-database-'));
    try {
      const file = path.join(dir, 'data', 'billdiff.sqlite');
      const none = `no database at ${file}: import a session first (billdiff import PATH... [--data DIR]), or set BILLDIFF_DATA or DATABASE_URL`;
      const run = (argv: string[]) => runCli(argv, { cwd: dir, env: {} });
      expect(await run(['search', 'court'])).to.deep.equal({ code: 2, stdout: '', stderr: `${none}\n` });
      expect(await run(['section', 'Penal Code 1050'])).to.deep.equal({ code: 2, stdout: '', stderr: `${none}\n` });
      expect(await run(['AB 1656', '--from', 'introduced', '--to', 'latest'])).to.deep.equal({ code: 2, stdout: '', stderr: `${none}\n` });
      expect(await run(['ver:nothing', 'x'])).to.deep.equal({ code: 2, stdout: '', stderr: `billdiff: ${none}\n` });
      // Each command's --help, and a mistyped option, answered before any database is opened or made.
      for (const command of ['import', 'search', 'section']) {
        expect(await run([command, '--help'])).to.deep.equal({ code: 0, stdout: `${STORE_USAGE}\n`, stderr: '' });
        expect(await run([command, '-h'])).to.deep.equal({ code: 0, stdout: `${STORE_USAGE}\n`, stderr: '' });
        expect(await run([command, '--frobnicate', 'x'])).to.deep.equal({ code: 2, stdout: '', stderr: `Unknown option '--frobnicate'\n\n${STORE_USAGE}\n` });
      }
      expect(fs.readdirSync(dir)).to.deep.equal([]);
      // import makes it.
      expect((await run(['import', billsPath()])).code).to.equal(0);
      expect(fs.existsSync(file)).to.equal(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
