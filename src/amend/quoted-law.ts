import { parseLevels } from '../parse/levels.js';
import { childId, fits, rungBelow } from '../parse/ladder.js';
import { readText } from '../parse/read-text.js';
import type { Content, Level, LevelKind } from '../types.js';
import { refuse, type Edit } from './edit.js';
import { describe, HeadingNode, ownerOf, type Editable } from './locate.js';

/** A quoted line that opens with a designation: `(b) Allocation of funds.—Of the total …`. */
export const DESIGNATION = /^\(([0-9]+|[a-zA-Z]+)\)\s*/;

/**
 * Reads quoted law — the lines an instruction inserts — into levels whose first designation is
 * of rung `top`, with the level parser every other text goes through. The quoted law must keep
 * to the ladder exactly: each level the rung below its parent (`(b)` › `(1)` › `(A)`), every line
 * after the first opening a level or continuing one; otherwise the instruction is refused.
 *
 *     readQuotedLevels('(b) Allocation of funds.—Of the total …—\n(1) not less than …', 'subsection', 's200304')
 *     // → [subsection (b) `s200304/b`, heading "Allocation of funds.—", chapeau, paragraph (1) `s200304/b/1`]
 *
 * A designation printed on a line of its own takes the line after it (`(ii)` / `Short markets.—In
 * the case …`); a level's text broken over lines (a page break in the quoted law) is one text.
 */
export function readQuotedLevels(text: string, top: LevelKind, parentId: string): Level[] {
  const lines = joinBareDesignations(text.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
  if (lines.length === 0) refuse('inserted text holds no clause');
  if (!DESIGNATION.test(lines[0]!)) refuse(`inserted text does not start with a designation: “${lines[0]}”`);
  const style = top === 'subdivision' ? 'ca' : 'us';
  const { tree, messages } = parseLevels(readText(lines.join('\n'), 'quoted law'), { style, top, flattened: false });
  const stray = messages.find((m) => /does not continue any open list/.test(m.reason));
  if (stray) refuse(`inserted ${stray.reason.replace(/; read as text$/, '')}`);
  const levels = tree.children.filter((c): c is Level => c.type === 'level');
  if (levels.length === 0 || levels.length !== tree.children.length) refuse('inserted text holds no clause');
  for (const level of levels) {
    if (level.kind !== top) refuse(`inserted designation ${level.num?.text ?? ''} does not fit a ${top}`);
    keepsToLadder(level);
    tidy(level, childId(parentId, level.kind, level.num?.value ?? ''));
  }
  return levels;
}

/** `(ii)` alone on a line, then `Short markets.—In the case …`: one line. */
function joinBareDesignations(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (next !== undefined && /^(?:\([0-9A-Za-z]+\)\s*)+$/.test(line) && !next.startsWith('(')) {
      out.push(`${line} ${next}`);
      i++;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** Each level is of the rung below its parent's. */
function keepsToLadder(level: Level): void {
  const below = rungBelow(level.kind);
  for (const c of level.children) {
    if (c.type !== 'level') continue;
    if (c.kind !== below) refuse(`inserted designation ${c.num?.text ?? ''} does not fit a clause below ${describe(level)}`);
    keepsToLadder(c);
  }
}

/** Positions dropped (they point into the quotation), ids under the parent, broken lines joined. */
function tidy(level: Level, id: string): void {
  level.id = id;
  delete level.position;
  const children: Content[] = [];
  for (const c of level.children) {
    delete c.position;
    const last = children[children.length - 1];
    if ((c.type === 'text' || c.type === 'chapeau') && last?.type === c.type) last.value = `${last.value} ${c.value}`;
    else children.push(c);
    if (c.type === 'level') tidy(c, `${id}/${c.num?.value ?? ''}`);
  }
  level.children = children;
}

/**
 * Undivided text turned into the first of a level's divisions (“There” → “(a) In general.—There”,
 * Pub. L. 116-9, § 3001(b)(2)): the text becomes a child level of the rung below.
 */
export function promote(edit: Edit, node: Editable): boolean {
  if (node instanceof HeadingNode || node.type !== 'text') return false;
  const owner = ownerOf(edit.section, node);
  if (owner.children.some((c) => c.type === 'level')) return false;
  const m = DESIGNATION.exec(node.value);
  if (!m) return false;
  const kind = rungBelow(owner.kind);
  if (!kind || !fits(kind, m[1]!)) return false;
  const [level] = readQuotedLevels(node.value, kind, owner.id);
  if (!level) return false;
  edit.stampAll(level);
  owner.children.splice(owner.children.indexOf(node), 1, level);
  return true;
}
