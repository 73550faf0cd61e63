/**
 * The Changes in Existing Law view (`mode=apply`): a bill's instructions applied to the statute,
 * the instruction list (refused first), each change linked to its instruction and back, the law
 * as amended as clean text, and the print view. Bundled AB 1656 on Penal Code § 1050, and federal
 * cases: a synthetic one committed in test/fixtures, and the same suite on real laws from
 * ../shared/corpus/us/amend-truth (skipped by name on a bare clone, see ../helpers/shared.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { expect } from 'chai';
import { loadCorpus, parseDocument } from '../../src/index.js';
import { applyBills } from '../../src/amend/apply.js';
import { renderStatuteText } from '../../src/render/statute-text.js';
import { closeApp, createApp, packageRoot } from '../../src/server/app.js';
import { UploadStore } from '../../src/server/store.js';
import { type ApplyCase, REAL_APPLY, SYNTHETIC_APPLY } from '../helpers/apply-cases.js';
import { describeShared } from '../helpers/shared.js';

/** Starts an app on a free port. */
async function start(options: Parameters<typeof createApp>[0] = {}) {
  const storeDir = options.storeDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-store-'));
  const app = createApp({ storeDir, ...options });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await closeApp(app);
      fs.rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

/** The HTML of a level row (`tr`) or an instruction entry (`li`) by its id. */
function element(html: string, tag: 'tr' | 'li', id: string): string {
  const open = html.indexOf(`<${tag} id="${id}"`);
  expect(open, `<${tag} id="${id}"> on the page`).to.be.greaterThan(-1);
  return html.slice(open, html.indexOf(tag === 'tr' ? '</tr>' : '</div>\n</li>', open));
}

/** The ids of the instruction entries, in page order. */
const instructionOrder = (html: string) => [...html.matchAll(/<li id="ins-(i\d+)" class="instruction s-(\w+)">/g)].map((m) => `${m[1]} ${m[2]}`);

/** The clean text of the law-as-amended view: one line per heading or level, entities decoded. */
function cleanText(html: string): string {
  const block = /<div class="statute">\n([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  const decode = (s: string) =>
    s.replace(/&#x([0-9a-f]+);|&(amp|lt|gt|quot);/gi, (_m, hex: string | undefined, name: string | undefined) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[name!]!,
    );
  return block
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => decode(line.replace(/<[^>]+>/g, '')))
    .join('\n');
}

/** The statute as amended, computed in this process the way the worker does. */
function amendedText(corpusDir: string, statute: string, bills: string[]): string {
  const corpus = loadCorpus(corpusDir);
  const parse = (id: string) => parseDocument(corpus.read(corpus.get(id)!), id);
  const section = corpus.get(statute)!.section;
  const application = applyBills(
    bills.map((id) => ({ tree: parse(id).tree, file: id })),
    parse(statute).tree,
    section ? { lawSection: section } : {},
  );
  return renderStatuteText(application.amended);
}

/** A federal case (synthetic or real, see ../helpers/apply-cases.ts): a law's instructions on a Code section, then two laws in order. */
function federalSuite(c: ApplyCase): void {
  let base: string;
  let close: () => Promise<void>;
  let corpus: { dir: string; remove(): void };
  const query = `mode=apply&old=${c.section}&new=${c.law1}`;
  const cite = `${c.code} § ${c.num}`;
  const s = `s${c.num}`;

  before(async () => {
    corpus = c.corpus();
    ({ base, close } = await start({ corpusDir: corpus.dir }));
  });
  after(async () => {
    await close?.();
    corpus?.remove();
  });

  it('should list the three instructions of § 3001(b) as applied, each with its words and the changes it made', async () => {
    const res = await fetch(`${base}/compare?${query}`);
    expect(res.status).to.equal(200);
    const html = await res.text();
    expect(html).to.contain(`<h2 id="ins-h">3 instructions amend ${cite}: 3 applied, 0 refused</h2>`);
    expect(instructionOrder(html)).to.deep.equal(['i1 applied', 'i2 applied', 'i3 applied']);
    const i1 = element(html, 'li', 'ins-i1');
    expect(i1).to.contain(`<span class="ins-cite">${c.law1Measure}, sec. 3001(b)(1)</span>`);
    expect(i1).to.contain(`<p class="ins-meta">Amends ${c.code} ${c.num} · strike · <span class="ins-id">i1</span></p>`);
    expect(i1).to.contain('<blockquote class="ins-text"><p>by striking the second sentence</p></blockquote>');
    // The section's undivided text became subsection (a): each instruction shows its own part of that change.
    expect(i1).to.contain(
      `<a href="#c-${s}/a"><span class="citation">§ ${c.num}(a)</span></a> <span class="what">text struck</span><span class="excerpt"><del><span class="sr">deleted: </span>${c.struck}</del>`,
    );
    const i2 = element(html, 'li', 'ins-i2');
    expect(i2).to.contain('<blockquote class="ins-text"><p>by striking “There” and inserting the following: “(a) In general.—There”</p></blockquote>');
    expect(i2).to.contain(
      `<a href="#c-${s}/a"><span class="citation">§ ${c.num}(a)</span></a> <span class="what">text struck and inserted</span><span class="excerpt"><del><span class="sr">deleted: </span>There</del> <ins><span class="sr">inserted: </span>(a) In general.—There</ins>`,
    );
    const i3 = element(html, 'li', 'ins-i3');
    expect([...i3.matchAll(/<a href="#(c-[^"]+)">/g)].map((m) => m[1])).to.deep.equal([`c-${s}/b`, `c-${s}/b/1`, `c-${s}/b/2`]);
    // Rows carry links to the instructions that made them.
    const by = (anchor: string) => [...element(html, 'tr', anchor).matchAll(/href="#(ins-i\d+)"/g)].map((m) => m[1]);
    expect(by(`c-${s}`)).to.deep.equal([]);
    expect(by(`c-${s}/a`)).to.deep.equal(['ins-i1', 'ins-i2']);
    expect(by(`c-${s}/b`)).to.deep.equal(['ins-i3']);
    expect(by(`c-${s}/b/2`)).to.deep.equal(['ins-i3']);
    expect(element(html, 'tr', `c-${s}/b/1`)).to.contain(`<ins><span class="sr">inserted: </span>${c.b1}</ins>`);
  });

  it('should show the law as amended as clean text', async () => {
    const html = await (await fetch(`${base}/compare?${query}&view=clean`)).text();
    expect(html).to.contain(`<h3 class="unit" id="law-${s}">§ ${c.num}. ${c.heading}</h3>`);
    expect(html).to.contain(`<p class="line d0" id="law-${s}/a">${c.a}</p>`);
    expect(html).to.contain(`<p class="line d1" id="law-${s}/b/2">${c.b2}</p>`);
    expect(html).not.to.contain(c.struck);
    expect(cleanText(html) + '\n').to.equal(amendedText(corpus.dir, c.section, [c.law1]));
  });

  it('should list refused instructions first, with their reasons', async () => {
    // The same law applied twice: the second time, each instruction finds its work done.
    const res = await fetch(`${base}/compare?mode=apply&old=${c.section}&new=${c.law1},${c.law1}`);
    expect(res.status).to.equal(200);
    const html = await res.text();
    expect(html).to.contain(`<h2 id="ins-h">6 instructions amend ${cite}: 3 applied, 3 refused</h2>`);
    expect(instructionOrder(html)).to.deep.equal(['i4 refused', 'i5 refused', 'i6 refused', 'i1 applied', 'i2 applied', 'i3 applied']);
    const i6 = element(html, 'li', 'ins-i6');
    expect(i6).to.contain(`<h3><span class="ins-status">refused</span> <span class="ins-cite">${c.law1Measure}, sec. 3001(b)(3)</span></h3>`);
    expect(i6).to.contain(`<p class="reason"><strong>Refused:</strong> (b) is already a clause of ${c.code} ${c.num}</p>`);
    expect(i6).not.to.contain('href="#c-');
    expect(element(html, 'li', 'ins-i5')).to.match(/<p class="reason"><strong>Refused:<\/strong> [^<]+<\/p>/);
    // The rows link only to the instructions that were applied.
    expect(html).not.to.match(/href="#ins-i[456]"/);
  });

  it('should say so when no instruction could be applied', async () => {
    const html = await (await fetch(`${base}/compare?mode=apply&old=${c.sectionAfter}&new=${c.law1}`)).text();
    expect(instructionOrder(html)).to.deep.equal(['i1 refused', 'i2 refused', 'i3 refused']);
    expect(html).to.contain('<p class="notice" role="note">No instruction could be applied exactly, so the law as amended is the law before.');
  });

  it('should apply several bills in order, naming each instruction by its bill', async () => {
    const res = await fetch(`${base}/compare?mode=apply&old=${c.section2}&new=${c.law1}&new=${c.law2}`);
    expect(res.status).to.equal(200);
    const html = await res.text();
    expect(html).to.contain(
      `<span class="measure">${c.code} § ${c.num2}</span> as amended by <span class="measure">${c.law1Measure}</span> <span class="version">(${c.law1Version})</span>, then <span class="measure">${c.law2Measure}</span>`,
    );
    expect(html).to.contain(`<h2 id="ins-h">3 instructions amend ${c.code} § ${c.num2}: 3 applied, 0 refused</h2>`);
    expect(element(html, 'li', 'ins-i3')).to.contain(`<span class="ins-cite">${c.law2Measure}, sec. 3(b)(1)</span>`);
    // Paragraph (3), struck by the second law, keeps its old anchor and names its instruction.
    const row = element(html, 'tr', `c-s${c.num2}/c/3`);
    expect(row).to.contain('<span class="status">deleted</span>');
    expect(row).to.contain(`>${c.law2Measure} sec. 3(b)(1)</a>`);
    expect(row).to.contain('href="#ins-i3"');
    // Links carry the bills in order.
    expect(html).to.contain(`href="/compare?mode&#x3D;apply&amp;old&#x3D;${c.section2}&amp;new&#x3D;${c.law1}%2C${c.law2}&amp;view&#x3D;clean"`);
    const again = await fetch(`${base}/compare?mode=apply&old=${c.section2}&new=${c.law1}%2C${c.law2}`);
    expect(await again.text()).to.equal(html);
  });

  it('should print the instruction list and the struck and inserted text', async () => {
    const html = await (await fetch(`${base}/print?${query}`)).text();
    expect(html).to.contain(`<h2 id="ins-h">3 instructions amend ${cite}: 3 applied, 0 refused</h2>`);
    expect(html).to.contain('<blockquote class="ins-text"><p>by striking the second sentence</p></blockquote>');
    expect(element(html, 'tr', `c-${s}/a`)).to.contain(`<del><span class="sr">deleted: </span>${c.struck}</del>`);
    expect(element(html, 'tr', `c-${s}/b`)).to.contain(`<ins><span class="sr">inserted: </span>${c.bHead} ${c.bChapeau}`);
  });
}

describe('server: Changes in Existing Law (mode=apply)', () => {
  describe('AB 1656 (introduced) applied to Penal Code § 1050', () => {
    let base: string;
    let close: () => Promise<void>;
    const query = 'mode=apply&old=ca-penal-code-1050&new=ca-ab1656-2025-introduced';

    before(async () => {
      ({ base, close } = await start());
    });
    after(() => close());

    it('should list instruction i1 as applied, with its citation, target and words, linked to the levels it changed', async () => {
      const res = await fetch(`${base}/compare?${query}`);
      expect(res.status).to.equal(200);
      const html = await res.text();
      expect(html).to.contain('<title>Changes in existing law: Penal Code § 1050 as amended by AB 1656 · billdiff</title>');
      expect(html).to.contain(
        '<h1><span class="measure">Penal Code § 1050</span> as amended by <span class="measure">AB 1656</span> <span class="version">(Introduced, January 29, 2026)</span></h1>',
      );
      expect(html).to.contain('<h2 id="ins-h">1 instruction amends Penal Code § 1050: 1 applied, 0 refused</h2>');
      expect(instructionOrder(html)).to.deep.equal(['i1 applied']);
      const i1 = element(html, 'li', 'ins-i1');
      expect(i1).to.contain('<h3><span class="ins-status">applied</span> <span class="ins-cite">AB 1656, sec. 1</span></h3>');
      expect(i1).to.contain('<p class="ins-meta">Amends Penal Code § 1050 · amend to read · <span class="ins-id">i1</span></p>');
      expect(i1).to.contain('<blockquote class="ins-text"><p>Section 1050 of the Penal Code is amended to read:</p></blockquote>');
      // Beside the words, the changes they made, each a link to its row.
      expect(i1).to.contain('<a href="#c-s1050/b"><span class="citation">§ 1050(b)</span></a> <span class="what">amended: 4 words struck, 2 inserted</span>');
      expect(i1).to.contain('<a href="#c-s1050/g/2"><span class="citation">§ 1050(g)(2)</span></a> <span class="what">amended: 1 word struck, 34 inserted</span>');
      expect(i1).to.contain('<del><span class="sr">deleted: </span>he or she has</del> … <ins><span class="sr">inserted: </span>they have</ins>');
      // Every link from the instruction lands on a row of the page.
      for (const [, anchor] of i1.matchAll(/href="#(c-[^"]+)"/g)) expect(html).to.contain(`<tr id="${anchor}"`);
    });

    it('should link each changed level row to the instruction that made it, and no unchanged row', async () => {
      const html = await (await fetch(`${base}/compare?${query}`)).text();
      for (const [anchor, citation] of [
        ['c-s1050/b', '§ 1050(b)'],
        ['c-s1050/g/2', '§ 1050(g)(2)'],
      ]) {
        const row = element(html, 'tr', anchor!);
        expect(row).to.contain(`<span class="citation">${citation}</span> <span class="status">amended</span>`);
        expect(row).to.contain('<span class="by">by <a href="#ins-i1" title="sec. 1: Section 1050 of the Penal Code is amended to read:">sec. 1</a></span>');
      }
      expect(element(html, 'tr', 'c-s1050/g/2')).to.contain(
        '<ins><span class="sr">inserted: </span>or human trafficking, as defined in Section 236.1, or a violation of one or more of the sections specified in subdivision (b) of Section 236.1, except violations of Section 311.1, 311.2, and 311.5,</ins>',
      );
      expect(element(html, 'tr', 'c-s1050/a')).not.to.contain('#ins-');
      expect(element(html, 'tr', 'c-s1050/g/3')).not.to.contain('#ins-');
      expect((html.match(/href="#ins-i1"/g) ?? []).length).to.equal(4); // two rows, two entries of the change list
      expect(html).to.contain('<th scope="col">Old: current Penal Code 1050</th><th scope="col">New: as amended by AB 1656 (Introduced, January 29, 2026)</th>');
      expect(html).to.contain('<h2 id="changes-h">2 changes to the law</h2>');
      expect(html).not.to.contain('style=');
      expect(html).not.to.match(/<script>(?!<\/script>)/);
    });

    it('should send the strict Content-Security-Policy with the apply pages', async () => {
      for (const url of [`/compare?${query}`, `/compare?${query}&view=clean`, `/print?${query}`]) {
        const res = await fetch(base + url);
        expect(res.status, url).to.equal(200);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, url).to.contain("default-src 'none'");
        expect(csp, url).to.contain("script-src 'self'");
        expect(csp, url).to.contain("style-src 'self'");
        expect(csp, url).not.to.contain('unsafe-inline');
      }
    });

    it('should offer the three views, and the inline redline with its instruction links', async () => {
      const html = await (await fetch(`${base}/compare?${query}&view=inline`)).text();
      expect(html).to.contain('<a href="/compare?mode&#x3D;apply&amp;old&#x3D;ca-penal-code-1050&amp;new&#x3D;ca-ab1656-2025-introduced">Side by side</a>');
      expect(html).to.contain('<a href="/compare?mode&#x3D;apply&amp;old&#x3D;ca-penal-code-1050&amp;new&#x3D;ca-ab1656-2025-introduced&amp;view&#x3D;inline" aria-current="page">Inline redline</a>');
      expect(html).to.contain('<a href="/compare?mode&#x3D;apply&amp;old&#x3D;ca-penal-code-1050&amp;new&#x3D;ca-ab1656-2025-introduced&amp;view&#x3D;clean">Law as amended</a>');
      expect(html).to.contain('class="clauses inline"');
      expect(element(html, 'tr', 'c-s1050/g/2')).to.contain('href="#ins-i1"');
    });

    it('should show the law as amended as clean text: the words the bill adds to § 1050(g)(2), no marks', async () => {
      const res = await fetch(`${base}/compare?${query}&view=clean`);
      expect(res.status).to.equal(200);
      const html = await res.text();
      expect(html).to.contain('<h2 id="law-h">Penal Code § 1050 as amended</h2>');
      expect(html).to.contain('<h3 class="unit" id="law-s1050">1050.</h3>');
      expect(html).to.contain(
        '<p class="line d1" id="law-s1050/g/2">(2) For purposes of this section, “good cause” includes, but is not limited to, those cases involving murder, as defined in subdivision (a) of Section 187, allegations that stalking, as defined in Section 646.9, a violation of one or more of the sections specified in subdivision (a) of Section 11165.1 or Section 11165.6, or domestic violence, as defined in Section 13700, or a case being handled in the Career Criminal Prosecution Program pursuant to Sections 999b through 999h, or a hate crime, as defined in Title 11.6 (commencing with Section 422.6) of Part 1, or human trafficking, as defined in Section 236.1, or a violation of one or more of the sections specified in subdivision (b) of Section 236.1, except violations of Section 311.1, 311.2, and 311.5, has occurred and the prosecuting attorney assigned to the case has another trial, preliminary hearing, or motion to suppress in progress in that court or another court. A continuance under this paragraph shall be limited to a maximum of 10 additional court days.</p>',
      );
      expect(html).to.contain('within two court days of learning that they have a conflict');
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      expect(main).not.to.match(/<del|<ins/);
      // Line for line the text `billdiff --apply -f text` prints.
      expect(cleanText(html) + '\n').to.equal(amendedText(path.join(packageRoot, 'bills'), 'ca-penal-code-1050', ['ca-ab1656-2025-introduced']));
    });

    it('should print the instruction list and the redline', async () => {
      const res = await fetch(`${base}/print?${query}`);
      expect(res.status).to.equal(200);
      const html = await res.text();
      expect(html).to.contain('<h1>Changes in existing law: Penal Code § 1050 as amended by AB 1656</h1>');
      expect(html).to.contain('<dt>Law before</dt><dd>Penal Code § 1050, current Penal Code 1050 <span class="id">(ca-penal-code-1050)</span></dd>');
      expect(html).to.contain('<dt>Amended by</dt><dd>AB 1656, Introduced, January 29, 2026 <span class="id">(ca-ab1656-2025-introduced)</span></dd>');
      expect(html).to.contain('<h2 id="ins-h">1 instruction amends Penal Code § 1050: 1 applied, 0 refused</h2>');
      expect(html).to.contain('<li id="ins-i1" class="instruction s-applied">');
      expect(html).to.contain('<table class="clauses inline printable">');
      expect(element(html, 'tr', 'c-s1050/b')).to.contain('<del><span class="sr">deleted: </span>he or she has</del>');
      expect(element(html, 'tr', 'c-s1050/b')).to.contain('href="#ins-i1"');
      const only = await (await fetch(`${base}/print?${query}&changes=only`)).text();
      expect(only).to.contain('<li id="ins-i1" class="instruction s-applied">');
      expect(only).not.to.contain('class="clause s-unchanged');
    });

    it('should offer the view from the corpus index and from the other comparisons of the bill', async () => {
      const index = await (await fetch(`${base}/`)).text();
      for (const id of ['ca-ab1656-2025-introduced', 'ca-ab1656-2025-amended-assembly', 'ca-ab1656-2025-amended-senate']) {
        expect(index).to.contain(`<a href="/compare?mode&#x3D;apply&amp;old&#x3D;ca-penal-code-1050&amp;new&#x3D;${id}" title="The bill's instructions applied to Penal Code § 1050: the law before and as amended">changes in existing law</a>`);
      }
      const compare = await (await fetch(`${base}/compare?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate`)).text();
      expect(compare).to.contain('<a href="/compare?mode&#x3D;apply&amp;old&#x3D;ca-penal-code-1050&amp;new&#x3D;ca-ab1656-2025-amended-senate">Changes in existing law (Penal Code § 1050)</a>');
      const apply = await (await fetch(`${base}/compare?${query}`)).text();
      expect(apply).to.contain('<a href="/compare?mode&#x3D;apply&amp;old&#x3D;ca-penal-code-1050&amp;new&#x3D;ca-ab1656-2025-introduced" aria-current="page">Changes in existing law (Penal Code § 1050)</a>');
    });

    it('should answer the JSON of the comparison with its instructions', async () => {
      const res = await fetch(`${base}/api/compare?${query}`);
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { instructions: Array<Record<string, unknown>>; new: { label: string } };
      expect(body.new.label).to.equal('as amended by ca-ab1656-2025-introduced');
      expect(body.instructions.map((i) => [i['id'], i['status'], i['citation'], i['target'], i['action']])).to.deep.equal([
        ['i1', 'applied', 'sec. 1', 'Penal Code § 1050', 'amendToRead'],
      ]);
    });

    for (const [what, url, status, message] of [
      ['an unknown bill', '/compare?mode=apply&old=ca-penal-code-1050&new=no-such-bill', 404, 'no document with the id “no-such-bill” in the corpus'],
      ['an unknown statute', '/compare?mode=apply&old=no-such-law&new=ca-ab1656-2025-introduced', 404, 'no document with the id “no-such-law” in the corpus'],
      ['an unknown bill in the print view', '/print?mode=apply&old=ca-penal-code-1050&new=ca-ab1656-2025-introduced,nope', 404, 'no document with the id “nope” in the corpus'],
      ['a path for an id', '/compare?mode=apply&old=ca-penal-code-1050&new=..%2f..%2fpackage.json', 404, 'no document with the id “../../package.json” in the corpus'],
      ['a bill named as the statute', '/compare?mode=apply&old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate', 400, 'ca-ab1656-2025-introduced is a bill, not a statute'],
      ['no bill', '/compare?mode=apply&old=ca-penal-code-1050', 400, 'name the statute and the bill to apply to it'],
      ['an unknown mode', '/compare?mode=merge&old=ca-penal-code-1050&new=ca-ab1656-2025-introduced', 400, 'the mode parameter must be apply'],
      ['too many bills', `/compare?mode=apply&old=ca-penal-code-1050&new=${Array(9).fill('ca-ab1656-2025-introduced').join(',')}`, 400, 'apply at most 8 bills at a time'],
    ] as const) {
      it(`should answer ${status} with a clear message to ${what}`, async () => {
        const res = await fetch(base + url);
        expect(res.status).to.equal(status);
        const html = await res.text();
        expect(html).to.contain(`<span class="status">Error ${status}:</span> ${message}`);
        expect(html).not.to.match(/at \S+ \(/);
      });
    }

    it('should say so when no instruction of the bill amends the statute', async () => {
      const html = await (await fetch(`${base}/compare?mode=apply&old=ca-penal-code-1050&new=ca-sb54-2017-chaptered`)).text();
      expect(html).to.contain('<p class="notice" role="note">No instruction of SB 54 (Chaptered, October 5, 2017) amends Penal Code § 1050: its instructions amend Government Code § 7282;');
      expect(html).to.contain('<h2 id="ins-h">No instruction amends Penal Code § 1050</h2>');
    });
  });

  describe(SYNTHETIC_APPLY.title, () => federalSuite(SYNTHETIC_APPLY));
  describeShared(REAL_APPLY.title, () => federalSuite(REAL_APPLY));

  describe('uploaded texts: a long statute shown a page at a time, hostile words', () => {
    let base: string;
    let close: () => Promise<void>;
    let query: string;
    let store: UploadStore;

    before(async () => {
      const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-store-'));
      store = new UploadStore(storeDir);
      const statute = ['§ 7. Synthetic rules', ...Array.from({ length: 400 }, (_, i) => `(${i + 1}) Rule ${i + 1} of the synthetic section says nothing in particular.`)].join('\n\n');
      const bill = 'SEC. 2. AMENDMENT.\n\nSection 7 of title 99, United States Code, is amended in paragraph (350) by striking “nothing” and inserting “something”.';
      const [law, act] = await Promise.all([store.put(Buffer.from(statute)), store.put(Buffer.from(bill))]);
      query = `mode=apply&old=${encodeURIComponent(law)}&new=${encodeURIComponent(act)}&format=text`;
      ({ base, close } = await start({ storeDir }));
    });
    after(() => close());

    it('should link an instruction to its level on another page, and the level back to the instruction', async () => {
      const first = await (await fetch(`${base}/compare?${query}`)).text();
      expect(first).to.contain('page 1 of 2');
      expect(first).not.to.contain('<tr id="c-s7/350"');
      const i1 = element(first, 'li', 'ins-i1');
      expect(i1).to.match(/<a href="\/compare\?mode&#x3D;apply&amp;old&#x3D;u%3A[0-9a-f]{64}&amp;new&#x3D;u%3A[0-9a-f]{64}&amp;format&#x3D;text&amp;page&#x3D;2#c-s7\/350"><span class="citation">§ 7\(350\)<\/span><\/a> <span class="what">text struck and inserted<\/span> <span class="on-page">\(page 2\)<\/span>/);
      const second = await (await fetch(`${base}/compare?${query}&page=2`)).text();
      expect(element(second, 'li', 'ins-i1')).to.contain('<a href="#c-s7/350">');
      expect(element(second, 'tr', 'c-s7/350')).to.contain('href="#ins-i1"');
      const located = (await (await fetch(`${base}/compare/locate?${query}&anchor=c-s7/350`)).json()) as { page: number; href: string };
      expect(located.page).to.equal(2);
      expect(located.href).to.match(/^\/compare\?mode=apply&old=u%3A[0-9a-f]{64}&new=u%3A[0-9a-f]{64}&format=text&page=2$/);
    });

    it('should show hostile words of a bill literally, in the list, the rows and the tooltips', async () => {
      const statute = '§ 7. Rules\n\n(1) The rule says nothing.\n\n(2) The other rule.';
      const bill = 'SEC. 2. AMENDMENT.\n\nSection 7 of title 99, United States Code, is amended in paragraph (1) by striking “nothing” and inserting “<script>alert(1)</script> \"><img src=x onerror=alert(1)>”.';
      const [law, act] = await Promise.all([store.put(Buffer.from(statute)), store.put(Buffer.from(bill))]);
      const res = await fetch(`${base}/compare?mode=apply&old=${encodeURIComponent(law)}&new=${encodeURIComponent(act)}&format=text`);
      expect(res.status).to.equal(200);
      const html = await res.text();
      expect(html).not.to.contain('<script>alert');
      expect(html).not.to.contain('<img');
      expect(element(html, 'li', 'ins-i1')).to.contain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;”</p></blockquote>');
      expect(element(html, 'tr', 'c-s7/1')).to.match(/<a href="#ins-i1" title="[^"<>]*&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert\(1\)&gt;[^"<>]*">/);
      const clean = await (await fetch(`${base}/compare?mode=apply&old=${encodeURIComponent(law)}&new=${encodeURIComponent(act)}&format=text&view=clean`)).text();
      expect(clean).to.contain('(1) The rule says &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;.');
    });
  });
});
