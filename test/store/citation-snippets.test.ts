import { expect } from 'chai';
import { importPaths } from '../../src/import/index.js';
import { billReport } from '../../src/store/reports.js';
import type { Database } from '../../src/store/index.js';
import { fixturePath } from '../helpers/paths.js';
import { describeBackends } from './backends.js';

describeBackends('store: the snippet of a bill found by a section it cites (synthetic)', (backend) => {
  let db: Database;
  before(async () => {
    db = await backend().open();
    await importPaths(db, [fixturePath('citation-snippet-synthetic')]);
  });
  after(async () => {
    await db?.close();
  });

  it('should file the bill under 26 U.S.C. § 24, which it amends as the Internal Revenue Code’s section 24', async () => {
    const report = (await billReport(db, 'us-999-hr9998'))!;
    expect(report.sections.map((s) => `${s.relation} ${s.code} ${s.section}`)).to.deep.equal(['amends usc26 24']);
  });

  it('should draw the snippet from where the bill says "Section 24", the number marked, not from its first "24"', async () => {
    const found = await db.search('26 U.S.C. 24');
    expect(found.by).to.equal('citation');
    expect(found.results.map((r) => `${r.kind} ${r.id}`)).to.deep.equal(['section usc26/24', 'bill us-999-hr9998']);
    // The passage of section 2, the few words before the citation with it; "24 dollars" is not in it.
    expect(found.results[1]!.snippet).to.equal('…example applicant.\nSec. 2. Example credit. Section \u000124\u0002(h) of the Internal Revenue Code of 1986 is amended by striking “example” and inserting “sample”.');
  });
});
