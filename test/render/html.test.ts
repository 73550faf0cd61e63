import { expect } from 'chai';
import { alignTrees, parseDocument, renderHtml } from '../../src/index.js';
import { writeHtml } from '../../src/render/html.js';

// Synthetic, written for this test, not real law; the markup is hostile on purpose.
const OLD = '(a) The court shall hear the motion.\n';
const NEW = '(a) The court shall hear the <script>alert(1)</script> motion & "notice".\n';

describe('render/html', () => {
  describe('#renderHtml', () => {
    const html = renderHtml(alignTrees(parseDocument(OLD, 'old.txt').tree, parseDocument(NEW, '<b>new</b>.txt').tree));

    it('should escape <script> in bill text and in file names', () => {
      expect(html).to.not.match(/<script/i);
      expect(html).to.not.include('<b>new</b>');
      expect(html).to.include('&#60;script&#62;alert(1)&#60;/script&#62;');
      expect(html).to.include('&#38; &#34;notice&#34;.');
    });

    it('should be a standalone page with a legend, <del> and <ins>', () => {
      expect(html.startsWith('<!doctype html>')).to.equal(true);
      expect(html).to.include('<div class="legend"><span><del>struck through</del> = deleted</span><span><ins>underlined italic</ins> = inserted</span>');
      expect(html).to.match(/<ins><span class="sr">inserted: <\/span>[^<]*&#60;script&#62;/);
      expect(html).to.include('<p class="summary">1 amended, 0 added, 0 deleted');
    });

    it('should put a <del> in the table and inline redline for a deletion', () => {
      const out = renderHtml(alignTrees(parseDocument('(a) Keep this old word.\n', 'o.txt').tree, parseDocument('(a) Keep this word.\n', 'n.txt').tree));
      expect(out).to.include('<del><span class="sr">deleted: </span>old</del>');
      expect(out).to.include('<tr class="modified" id="c-a"><td class="st">amended</td>');
    });

    it('should show a gut-and-amend notice as a note', () => {
      const a = alignTrees(parseDocument('(a) x.\n', 'o.txt').tree, parseDocument('(a) y.\n', 'n.txt').tree);
      a.notice = 'Most of the text was <replaced>.';
      expect(renderHtml(a)).to.include('<p class="notice" role="note">Most of the text was &#60;replaced&#62;.</p>');
    });
  });

  describe('#writeHtml', () => {
    it('should hand out in pieces exactly what renderHtml writes, the side-by-side rows and then the inline redline', () => {
      const old = Array.from({ length: 3000 }, (_, i) => `(${i + 1}) Synthetic paragraph ${i} of the fee rules.`).join('\n');
      const a = alignTrees(parseDocument(old, 'o.txt').tree, parseDocument(old.replace('paragraph 7 ', 'paragraph seven '), 'n.txt').tree);
      const pieces: string[] = [];
      writeHtml(a, (piece) => pieces.push(piece));
      const html = renderHtml(a);
      expect(pieces.length).to.be.greaterThan(1);
      expect(pieces.join('')).to.equal(html);
      expect(html.startsWith('<!doctype html>\n<html lang="en">')).to.equal(true);
      expect(html.endsWith('<p style="margin-left:1.2rem">(3000) Synthetic paragraph 2999 of the fee rules.</p>\n</div></main>\n</body></html>\n')).to.equal(true);
      expect(html.indexOf('<h2>Inline redline</h2>')).to.be.greaterThan(html.indexOf('id="c-3000"'));
    });
  });
});
