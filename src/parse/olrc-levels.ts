import type { Content, Level, LevelKind, Position, Root } from '../types.js';
import { readParenDesignation } from './designation.js';
import type { Line } from './html-tokens.js';
import { follows, idPart, interpretations, isFirst, rankOf, rungBelow } from './ladder.js';

/**
 * The levels of one section of the annual-edition XHTML, placed paragraph by paragraph.
 *
 * Each printed paragraph opens with zero or more designations (`(a)`, `(h)(1)(A)`, `(2)(A) In
 * general.—(i) …`) and carries an indentation class (`statutory-body`, `-1em` … `-6em`). What a
 * designation is comes from the ladder first — the rung it could be, the level it follows, the
 * level it can be the first of — and from the indentation only where the ladder leaves a choice:
 * `(i)` after `(h)(1)(A)` is subsection (i) when printed where (h) was, clause (i) of (A) when
 * indented further; `(B)` printed flush after `(h)(1)(A)` and its levels is (A)'s sibling, as the
 * Code prints a run at the indentation of the line that opened it.
 */

/** One printed paragraph of a statute field. */
export interface Paragraph {
  line: Line;
  /** `-Nem`; undefined for text that says nothing of its depth (tables, headings, unknown classes). */
  indent?: number;
  /** `statutory-body-block…`: flush text, never a designation. */
  block: boolean;
  /** A heading element in the statute (`<h4 class="subsection-head">(a) Definitions</h4>`): its words after the designations are the heading. */
  heading?: boolean;
  /** Source ranges in small caps (`<cap-smallcap>`): where headings are printed. */
  smallCaps: Array<[number, number]>;
  start: number;
  end: number;
}

/** What the level reader needs from the file reader. */
export interface LevelHooks {
  uniqueId(base: string): string;
  position(start: number, end: number): Position;
}

/** An open level: the node, and the indentation of the line that opened it. */
interface Open {
  holder: Root | Level;
  /** Indentation of the line that opened it (`undefined` when the line said nothing of it); -1 for the section. */
  indent: number | undefined;
  rank: number;
}

/** A heading printed without small caps: `In general.—` (as the plain-text parser reads them). */
const PLAIN_HEADING = /^[A-Z][^.—–]{0,120}\.(?:[—–]|--)/;

export class SectionLevels {
  private readonly stack: Open[];

  constructor(
    section: Root | Level,
    private readonly hooks: LevelHooks,
  ) {
    this.stack = [{ holder: section, indent: -1, rank: rankOf('section') }];
  }

  /** The open levels, the section first (for extending their positions). */
  get open(): Level[] {
    return this.stack.map((o) => o.holder).filter((h): h is Level => h.type === 'level');
  }

  /** Opens the levels a paragraph designates and adds its text where it belongs. */
  place(paragraph: Paragraph): void {
    const { line, indent } = paragraph;
    let pos = 0;
    let opened: Level | undefined;
    if ((indent !== undefined || paragraph.heading) && !paragraph.block) {
      for (;;) {
        const designation = readParenDesignation(line.text.slice(pos));
        if (!designation) break;
        const at = opened ? line.starts[pos]! : paragraph.start;
        opened = this.openLevel(designation.value, designation.text, opened, indent, this.hooks.position(at, paragraph.end));
        pos += designation.length;
        // A heading element's words after its designations are all heading: `(a) Definitions`.
        const heading = paragraph.heading ? line.text.slice(pos) : this.heading(line, pos, paragraph.smallCaps);
        if (heading) {
          opened.heading = heading.trim();
          pos += heading.length;
          while (pos < line.text.length && line.text[pos] === ' ') pos++;
        }
      }
    }
    const rest = line.text.slice(pos);
    if (!rest) return;
    let holder: Root | Level;
    if (opened) {
      holder = opened;
    } else {
      if (indent !== undefined) while (this.stack.length > 1 && (this.top.indent ?? -1) > indent) this.stack.pop();
      holder = this.top.holder;
    }
    const hasLevels = holder.type === 'level' && holder.children.some((c) => c.type === 'level');
    holder.children.push({ type: hasLevels ? 'continuation' : 'text', value: rest, position: this.hooks.position(line.starts[pos]!, line.ends[line.text.length - 1]!) });
  }

  private get top(): Open {
    return this.stack[this.stack.length - 1]!;
  }

  /**
   * The heading at `pos` of a paragraph's line: a run in small caps up to its `—`
   * (`<cap-smallcap>General Exceptions</cap-smallcap>.&mdash;`), or a plain `In general.—`.
   */
  private heading(line: Line, pos: number, smallCaps: Array<[number, number]>): string | undefined {
    if (pos >= line.text.length) return undefined;
    const rest = line.text.slice(pos, pos + 400);
    const offset = line.starts[pos]!;
    const caps = smallCaps.find(([start, end]) => offset >= start && offset < end);
    if (caps) {
      // The dash closes the heading in the small caps or just after them (`…Section </cap-smallcap>126.&mdash;`).
      const dash = rest.indexOf('—');
      if (dash > 0 && line.starts[pos + dash]! <= caps[1] + 40) return rest.slice(0, dash + 1);
    }
    return PLAIN_HEADING.exec(rest)?.[0];
  }

  /** Opens a level for a designation: the rung and parent the ladder and the indentation give it. */
  private openLevel(value: string, printed: string, chainedTo: Level | undefined, indent: number | undefined, position: Position): Level {
    const kind = chainedTo ? this.chained(chainedTo, value) : this.choose(value, indent);
    const parent = this.top.holder;
    const level: Level = {
      type: 'level',
      kind,
      num: { text: printed, value },
      id: this.hooks.uniqueId((parent.type === 'level' ? `${parent.id}/` : '') + idPart(kind, value)),
      children: [],
      position,
    };
    if (parent.type === 'level') {
      // Text before a level's first child is its lead-in.
      for (const child of parent.children) if (child.type === 'text') (child as Content).type = 'chapeau';
    }
    parent.children.push(level);
    this.stack.push({ holder: level, indent, rank: rankOf(kind) });
    return level;
  }

  /** `(h)(1)`: a designation run on after another opens that one's first subordinate. */
  private chained(parent: Level, value: string): LevelKind {
    const kinds = interpretations(value, 'us');
    const below = rungBelow(parent.kind);
    return below && kinds.includes(below) ? below : kinds.find((k) => rankOf(k) > rankOf(parent.kind)) ?? kinds[0]!;
  }

  /**
   * The rung of a paragraph's first designation, and its parent (the stack is cut to it): the
   * next of an open run, or the first of a run under an open level, whichever the indentation
   * agrees with; failing both, a run further up, as the text prints it.
   */
  private choose(value: string, indent: number | undefined): LevelKind {
    const stack = this.stack;
    const kinds = interpretations(value, 'us');
    const agrees = (open: Open, sibling: boolean): number => {
      if (indent === undefined || open.indent === undefined) return 2;
      return sibling ? (open.indent === indent ? 3 : 1) : indent > open.indent ? 3 : 1.5;
    };
    let best: { kind: LevelKind; depth: number; score: number } | undefined;
    const consider = (kind: LevelKind, depth: number, score: number) => {
      if (!best || score > best.score) best = { kind, depth, score };
    };
    for (const kind of kinds) {
      // The next of an open run: (b) after (a), (i) after (h), (aa) after (z).
      for (let k = stack.length - 1; k >= 1; k--) {
        const open = stack[k]!;
        const level = open.holder as Level;
        if (level.kind === kind && follows(level.num?.value ?? '', value, kind)) {
          consider(kind, k, agrees(open, true));
          break;
        }
      }
      // The first of a run under the deepest open level (or any level further up, less likely).
      for (let k = stack.length - 1; k >= 0; k--) {
        const open = stack[k]!;
        const rank = open.rank;
        const below = open.holder.type === 'level' ? rungBelow(open.holder.kind) : 'subsection';
        const firstUnder = isFirst(value, kind) && rankOf(kind) > rank && (kind === below || open.holder.type !== 'level' || open.holder.kind === 'section');
        if (firstUnder) {
          consider(kind, k + 1, agrees(open, false) - (k === stack.length - 1 ? 0 : 1));
          break;
        }
      }
    }
    if (best) {
      stack.length = best.depth;
      return best.kind;
    }
    // Else it continues a run further up (a run quoted in part, or a designation out of its order),
    // at the indentation it is printed at.
    if (indent !== undefined) while (stack.length > 1 && (this.top.indent ?? -1) > indent) stack.pop();
    for (let k = stack.length - 1; k >= 1; k--) {
      const holder = stack[k]!.holder;
      if (holder.type === 'level' && kinds.includes(holder.kind)) {
        stack.length = k;
        return holder.kind;
      }
    }
    const kind = kinds.find((k) => rankOf(k) > stack[0]!.rank) ?? kinds[0]!;
    while (stack.length > 1 && this.top.rank >= rankOf(kind)) stack.pop();
    return kind;
  }
}
