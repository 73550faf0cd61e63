import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_XML_DEPTH, parseXmlTree, type XmlNode } from '../../src/parse/xml.js';
import { LineIndex } from '../../src/util/position.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

// parseXmlTree reads with @rgrove/parse-xml first and with saxes where that reading could differ:
// the tree, and every error's message and place, must be the ones saxes alone gives
// (`quick: false`). Texts SYNTHETIC unless read from ../shared.

/**
 * A tree's fields as the readers see them, as plain data: parse-xml's nodes are kept as they are
 * (with a `parent`, and their `type` a getter), saxes' built as plain objects.
 */
function plain(node: XmlNode): unknown {
  if (node.type === 'text') return { type: node.type, text: node.text, start: node.start, end: node.end };
  return { type: node.type, name: node.name, attributes: node.attributes, children: node.children.map(plain), start: node.start, end: node.end };
}

/** The tree saxes alone builds, or its error. */
function bySaxes(xml: string): unknown {
  try {
    return plain(parseXmlTree(xml, 'x.xml', new LineIndex(xml), { quick: false }));
  } catch (error) {
    return String(error);
  }
}

/** The tree parseXmlTree builds, or its error. */
function read(xml: string): unknown {
  try {
    return plain(parseXmlTree(xml, 'x.xml', new LineIndex(xml)));
  } catch (error) {
    return String(error);
  }
}

const USLM = '<?xml version="1.0" encoding="UTF-8"?>\n<bill xmlns="http://schemas.gpo.gov/xml/uslm" xmlns:dc="http://purl.org/dc/elements/1.1/">';

const CASES: Record<string, string> = {
  'USLM with metadata, levels and inline markup': `${USLM}<meta><dc:title>Synthetic Act</dc:title></meta>\n<main><section identifier="/us/bill/1/s1"><num value="1">SEC. 1. </num><heading>Synthetic.</heading><content>The <ref href="/us/usc/t1">Act</ref> is&#x20;amended &amp; <i>read</i>.</content></section></main></bill>\n`,
  'bill.dtd with its DTD entities': '<?xml version="1.0"?>\n<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd">\n<bill><legis-body><section><enum>1.</enum><text>Synthetic&mdash;words &ldquo;quoted&rdquo; &sect; 2&nbsp;x.</text></section></legis-body></bill>',
  'comments and processing instructions between text': `${USLM}<main>one<!-- a note -->two<?page 3?>three <!----> four</main></bill>`,
  'a comment first in an element': `${USLM}<!-- c --> <main><!--x-->\n<p>y</p></main></bill>`,
  'CR LF and lone CR line ends, tabs in attributes': `${USLM}\r\n<main a="x\ty\r\nz">one\r\ntwo\rthree</main></bill>\r\n`,
  'CDATA': `${USLM}<main>one<![CDATA[<two> & three]]>four<![CDATA[]]></main></bill>`,
  'characters past U+FFFF': `${USLM}<main>an emoji \u{1F600} here</main></bill>`,
  'XML 1.1': '<?xml version="1.1"?><bill><main>next\u0085line</main></bill>',
  'self-closing elements and white space in end tags': `${USLM}<main><br/><p >x</p ><img src='a'/></main ></bill>`,
  'single quotes and entities in attributes': `${USLM}<main title='a &quot;b&quot; &amp; c' n="&#65;"/></bill>`,
  [`nesting of ${MAX_XML_DEPTH}`]: `${USLM}${'<level>'.repeat(MAX_XML_DEPTH - 1)}x${'</level>'.repeat(MAX_XML_DEPTH - 1)}</bill>`,
  [`nesting of ${MAX_XML_DEPTH + 1}`]: `${USLM}${'<level>'.repeat(MAX_XML_DEPTH)}x${'</level>'.repeat(MAX_XML_DEPTH)}</bill>`,
  'nesting of 50,000': `${USLM}${'<level>'.repeat(50_000)}x${'</level>'.repeat(50_000)}</bill>`,
  'a line of 2 MB': `${USLM}<main>${'word '.repeat(400_000)}</main></bill>`,
  'a line of 2 MB, not closed': `${USLM}<main>${'word '.repeat(400_000)}</mian></bill>`,
  'an undefined entity': `${USLM}<main>a &mdash; b</main></bill>`,
  'an unclosed element': `${USLM}<main><p>one</main></bill>`,
  'text after the root': `${USLM}<main/></bill>tail`,
  'a control character': `${USLM}<main>a\u0001b</main></bill>`,
  ']]> in text': `${USLM}<main>a ]]> b</main></bill>`,
  'a duplicate attribute': `${USLM}<main a="1" a="2"/></bill>`,
  'an unquoted attribute': `${USLM}<main a=1/></bill>`,
  'no root element': '<?xml version="1.0"?>\n<!-- nothing -->\n',
  'an XML declaration after the start': `\n${USLM}<main/></bill>`,
};

describe('parse: the XML tree read quickly', () => {
  for (const [name, xml] of Object.entries(CASES)) {
    it(`should read ${name} as saxes does`, () => {
      expect(read(xml)).to.deep.equal(bySaxes(xml));
    });
  }

  it('should read 3,000 damaged documents as saxes does: the same tree or the same error', () => {
    const documents = [CASES['USLM with metadata, levels and inline markup']!, CASES['bill.dtd with its DTD entities']!, CASES['comments and processing instructions between text']!];
    const pieces = ['<', '>', '&', ';', '"', "'", '/', '=', ' ', '\r', '\t', '\u0001', ']]>', '<!--', '-->', '<?pi x?>', '<![CDATA[x]]>', '&mdash;', '&#0;', '&bogus;', '</x>', '<x/>', '\uFFFE', '\u{1F600}', ':', '\u2028'];
    let seed = 13;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / 0x1000000;
    const outcomes = new Set<string>();
    for (let k = 0; k < 3000; k++) {
      let xml = documents[k % documents.length]!;
      const at = Math.floor(random() * xml.length);
      const piece = pieces[Math.floor(random() * pieces.length)]!;
      const how = random();
      xml = how < 0.4 ? xml.slice(0, at) + piece + xml.slice(at) : how < 0.7 ? xml.slice(0, at) + xml.slice(at + 1 + Math.floor(random() * 5)) : xml.slice(0, at) + piece + xml.slice(at + 1);
      const expected = bySaxes(xml);
      expect(read(xml), JSON.stringify(xml)).to.deep.equal(expected);
      outcomes.add(typeof expected === 'string' ? 'error' : 'tree');
    }
    expect([...outcomes].sort()).to.deep.equal(['error', 'tree']);
  });
});

describeShared('parse: the XML tree read quickly, on the federal corpus', () => {
  it('should read every XML file of corpus/us under 1 MB as saxes does', function () {
    this.timeout(120_000);
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.xml$/i.test(entry.name) && fs.statSync(full).size < 1 << 20) files.push(full);
      }
    };
    walk(sharedPath('corpus', 'us'));
    expect(files.length).to.be.greaterThan(100);
    for (const file of files) {
      const xml = fs.readFileSync(file, 'utf8');
      expect(read(xml), file).to.deep.equal(bySaxes(xml));
    }
  });
});
