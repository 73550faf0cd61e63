import type { Alignment } from '../types.js';
import { buildPageModel, type InstructionList, type Segment } from './page/index.js';
import { Pieces, type WriteOptions } from './pieces.js';
import { STATUS_WORDS } from './vocabulary.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Segments of a row as HTML: deletions struck, insertions underlined, each with screen-reader text; cross-references linked. */
function segmentsHtml(segs: Segment[]): string {
  return segs
    .map((seg) => {
      const text = seg.href ? `<a class="ref" href="${escapeHtml(seg.href)}">${escapeHtml(seg.text)}</a>` : escapeHtml(seg.text);
      if (seg.del) return `<del><span class="sr">deleted: </span>${escapeHtml(seg.text)}</del>`;
      if (seg.ins) return `<ins><span class="sr">inserted: </span>${text}</ins>`;
      return text;
    })
    .join('');
}

const STYLE = `
:root{--ink:#1b1b1b;--muted:#5b5b5b;--rule:#d6d3cc;--del:#8a1c1c;--ins:#0b5d1e;--paper:#fffdf8}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:17px/1.55 Georgia,"Times New Roman",serif}
header{padding:1.2rem 2rem;border-bottom:1px solid var(--rule)}
h1{font-size:1.35rem;margin:0 0 .3rem} h2{font-size:1.1rem;margin:2rem 0 .6rem}
main{padding:0 2rem 3rem;max-width:110rem}
.meta{color:var(--muted);font-size:.95rem}
.legend{font-size:.9rem;margin:.6rem 0}
.legend span{margin-right:1.2rem}
.notice{border:2px solid var(--ink);padding:.6rem .9rem;margin:1rem 0;font-weight:bold}
del{color:var(--del);text-decoration:line-through;text-decoration-thickness:1.5px}
ins{color:var(--ins);text-decoration:underline;font-style:italic}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.sbs{width:100%;border-collapse:collapse;table-layout:fixed}
table.sbs th{text-align:left;font:600 .85rem system-ui,sans-serif;color:var(--muted);border-bottom:2px solid var(--rule);padding:.3rem .5rem}
table.sbs td{vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--rule)}
table.sbs .st{width:7.5rem} table.sbs td.st{font:.78rem system-ui,sans-serif;color:var(--muted)}
tr.unchanged td{color:#555;font-size:.92em}
tr.fold-note td{font:italic .85rem system-ui,sans-serif;color:var(--muted);padding:.5rem .5rem .2rem}
.redline p{margin:.35rem 0;max-width:48rem}
.summary{font:.95rem system-ui,sans-serif}
ol.instructions{font-size:.92rem} ol.instructions li{margin:.4rem 0} li.refused{border-left:4px solid var(--del);padding-left:.5rem} .reason{color:var(--del);font-weight:bold} .itext{display:block;margin:.2rem 0 .2rem 1rem;font-style:normal} a.by{font-size:.75rem}
@media print{body{font-size:11pt;background:#fff} header{padding:0 0 .5rem} main{padding:0} tr{break-inside:avoid} del,ins{color:#000}}
@page{margin:18mm 15mm;@bottom-right{content:counter(page) " / " counter(pages)}}
`;

/**
 * The instructions of a Changes in Existing Law comparison: refused ones first, each with its
 * citation, its words, and links to the levels it changed (and they link back to it).
 */
function instructionsHtml(list: InstructionList): string {
  const out: string[] = [`<h2>Instructions</h2><p class="summary">${list.applied} applied, ${list.refused} refused.</p><ol class="instructions">`];
  for (const i of list.items) {
    const links = i.changes.map((c) => `<a href="${escapeHtml(c.href)}">${escapeHtml(c.citation)}</a>`).join(', ');
    out.push(
      `<li id="${escapeHtml(i.anchor)}" class="${i.status}"><b>${escapeHtml(i.id)}</b> ${escapeHtml(i.status)}: ${escapeHtml(i.bill)}, ${escapeHtml(i.citation)} (${escapeHtml(i.target)})` +
        (i.reason ? `<br><span class="reason">Refused: ${escapeHtml(i.reason)}</span>` : '') +
        `<br><span class="itext">${escapeHtml(i.text)}</span>` +
        (links ? `<br>Changed: ${links}` : '') +
        '</li>',
    );
  }
  out.push('</ol>');
  return out.join('\n');
}

/** A length in rem, as CSS wants it written: `1.7rem`, `3.6rem`. */
function rem(n: number): string {
  return `${+n.toFixed(2)}rem`;
}

/** Options for the standalone HTML rendering. */
export interface HtmlOptions {
  /** Title of the page. */
  title?: string;
}

/**
 * One self-contained, printable HTML file: header naming both documents, legend, summary,
 * side-by-side table (one row per aligned level) and the inline redline, from the same page model
 * the web pages show (src/render/page). All text escaped.
 */
export function renderHtml(alignment: Alignment, options: HtmlOptions = {}): string {
  const pieces: string[] = [];
  writeHtml(alignment, (piece) => pieces.push(piece), options);
  return pieces.join('');
}

/**
 * The same text as `renderHtml`, handed to `write` in pieces as it is made: the file is never held
 * whole, nor its lines in a list (at 5 MB of text, a page of 100 MB and more).
 */
export function writeHtml(alignment: Alignment, write: (piece: string) => void, options: HtmlOptions & WriteOptions = {}): void {
  // The printable file shows every level: no run of unchanged levels is folded away.
  const model = buildPageModel(alignment, { foldAfter: Infinity, sideOf: options.sideOf });
  const name = (d: Alignment['old']) => escapeHtml(`${d.title ? `${d.title} (${d.file})` : d.file}${d.label ? ` — ${d.label}` : ''}`);
  const bills = [...new Set((alignment.instructions ?? []).map((i) => i.bill))];
  const title = escapeHtml(
    options.title ??
      (alignment.instructions
        ? `Changes in existing law: ${alignment.old.title ?? alignment.old.file}, as amended by ${bills.join(', then ') || 'the bill'}`
        : `billdiff: ${alignment.old.file} → ${alignment.new.file}`),
  );
  const counts = model.counts.map((c) => `${c.value} ${c.label}`).join(', ');
  const pieces = new Pieces(write);
  pieces.out(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${STYLE}</style></head>
<body>
`);
  // The body's lines, each but the first after a line feed.
  let first = true;
  const line = (text: string): void => {
    pieces.out(first ? text : `\n${text}`);
    first = false;
  };
  line(`<header><h1>${title}</h1>`);
  line(`<div class="meta">Old: ${name(alignment.old)}<br>New: ${name(alignment.new)}</div>`);
  line(
    `<div class="legend"><span><del>struck through</del> = deleted</span><span><ins>underlined italic</ins> = inserted</span><span>status column names each clause's change</span></div></header><main>`,
  );
  if (alignment.notice) line(`<p class="notice" role="note">${escapeHtml(alignment.notice)}</p>`);
  line(`<p class="summary">${counts} clauses; ${model.words.inserted} words inserted, ${model.words.deleted} deleted.</p>`);
  if (model.instructions) line(instructionsHtml(model.instructions));
  line('<h2>Side by side</h2><table class="sbs"><thead><tr><th class="st">Status</th><th>Old</th><th>New</th></tr></thead><tbody>');
  for (const block of model.blocks) {
    if ('fold' in block) line(`<tr class="fold-note"><td colspan="3">${escapeHtml(block.fold.summary)}</td></tr>`);
    for (const row of 'row' in block ? [block.row] : block.fold.rows) {
      const pad = `style="padding-left:${rem(0.5 + row.depth * 1.2)}"`;
      const status = row.changed ? row.statusLabel : STATUS_WORDS[row.status];
      const by = (row.by ?? []).map((link) => ` <a class="by" href="${escapeHtml(link.href)}">${escapeHtml(link.id)}</a>`).join('');
      line(
        `<tr class="${row.status}" id="${escapeHtml(row.anchor)}"><td class="st">${escapeHtml(status)}${by}</td><td ${pad}>${row.hasOld ? segmentsHtml(row.old) : ''}</td><td ${pad}>${row.hasNew ? segmentsHtml(row.new) : ''}</td></tr>`,
      );
    }
  }
  line('</tbody></table><h2>Inline redline</h2><div class="redline">');
  // The same rows again, in the same order, as one column.
  for (const block of model.blocks) {
    for (const row of 'row' in block ? [block.row] : block.fold.rows) line(`<p style="margin-left:${rem(row.depth * 1.2)}">${segmentsHtml(row.inline)}</p>`);
  }
  line('</div></main>');
  pieces.out(`
</body></html>
`);
  pieces.flush();
}
