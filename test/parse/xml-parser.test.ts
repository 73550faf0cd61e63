/**
 * saxes' parser as `readXml` makes it keeps V8's fast properties once its handlers are set: in
 * dictionary mode its per-character loop runs ~5× slower. In a child process with
 * `--allow-natives-syntax` (needs `npm run build` first, as the test script does).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { repoRoot } from '../helpers/paths.js';

/** The events `readXml` listens to (keep in step with src/parse/xml.ts). */
const EVENTS_READ = ['error', 'opentag', 'closetag', 'text', 'cdata', 'processinginstruction', 'comment', 'doctype'];

describe('parse: the XML parser', () => {
  it("should keep fast properties once readXml's handlers are set", () => {
    const xml = pathToFileURL(path.join(repoRoot, 'dist', 'parse', 'xml.js')).href;
    const probe = `
      const { newXmlParser } = await import(${JSON.stringify(xml)});
      const parser = newXmlParser();
      for (const event of ${JSON.stringify(EVENTS_READ)}) parser.on(event, () => {});
      process.stdout.write(String(%HasFastProperties(parser)));`;
    const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(child.stderr).to.equal('');
    expect(child.stdout).to.equal('true');
  });
});
