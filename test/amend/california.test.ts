import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { applyBills } from '../../src/amend/apply.js';
import { parseDocument } from '../../src/parse/index.js';
import { renderStatuteText } from '../../src/render/statute-text.js';
import type { Content, Level, Root } from '../../src/types.js';
import { repoRoot } from '../helpers/paths.js';
import { describeShared } from '../helpers/shared.js';

/** California bill versions with change marks (../shared/corpus/ca-pubinfo; see its INDEX.csv). */
const pubinfo = path.resolve(repoRoot, '..', 'shared', 'corpus', 'ca-pubinfo');

function sectionsOf(tree: Root): Level[] {
  const out: Level[] = [];
  const walk = (node: Root | Content): void => {
    if (node.type === 'level' && node.kind === 'section') out.push(node);
    else if (node.type === 'level' || node.type === 'root') node.children.forEach(walk);
  };
  walk(tree);
  return out;
}

const statute = (sections: Level[]): Root => ({ type: 'root', kind: 'statute', children: structuredClone(sections) });
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

describeShared('amend/applyBills on California bill versions (ca-pubinfo)', () => {
  // Each version's sections with its marks undone are the text it amends; as printed, the text
  // as amended. Applying the printed version's instructions ("is amended to read", "is added",
  // "Article 4.5 (commencing with Section 44500) is added") to the former must give the latter.
  // A version whose marks are against an earlier version that amended other sections (AB 831,
  // 98AMD: its marks undone show § 12012.25, its instructions amend § 17539.1 and add § 337o)
  // does not give the law it amends, and is left out.
  const index = path.join(pubinfo, 'INDEX.csv');

  it('should turn the text before the marks into the text as printed, for every version whose marks show the sections it amends', () => {
    expect(fs.existsSync(index), `missing ${index}`).to.equal(true);
    const rows = fs.readFileSync(index, 'utf8').split('\n').slice(1).map((line) => line.split(','));
    const results: string[] = [];
    for (const row of rows) {
      if (row[13] !== 'yes' || !/bill_version/.test(row[1] ?? '')) continue;
      const file = path.join(pubinfo, row[0]!.replace(/^tests\/fixtures\//, ''));
      const bytes = fs.readFileSync(file);
      const before = sectionsOf(parseDocument(bytes, file, { marks: 'before', references: false, format: 'caml' }).tree);
      const printed = parseDocument(bytes, file, { marks: 'printed', references: false, format: 'caml' }).tree;
      const application = applyBills([{ tree: printed, file }], statute(before));
      // Every instruction found its section: the marks were against the text the version amends.
      if (application.elsewhere.length > 0) continue;
      const same = plain(renderStatuteText(application.amended)) === plain(renderStatuteText(statute(sectionsOf(printed))));
      const refused = application.instructions.filter((i) => i.status === 'refused').length;
      results.push(`${row[2]} ${same ? 'exact' : 'differs'} ${application.instructions.length - refused}/${application.instructions.length}`);
    }
    expect(results).to.have.length(23);
    expect(results.filter((r) => !/ exact (\d+)\/\1$/.test(r))).to.deep.equal([]);
    // AB 1 (1999–2000, 1st Ex. Sess.): two sections added, one article of eight sections added, two amended.
    expect(results).to.include('19991AB__000198AMD exact 12/12');
  });
});
