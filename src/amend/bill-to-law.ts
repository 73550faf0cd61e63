import { alignTrees, summarize, type AlignOptions } from '../align/index.js';
import type { AlignedPair, Alignment, Content, Level, ParsedDocument, Root } from '../types.js';
import { BilldiffError, diagnostic } from '../util/errors.js';
import { findAmendments, soleSectionNamed, type Amendment } from './california.js';
import type { CaliforniaAction } from './types.js';

/** Options for `compareBillToLaw`. */
export interface LawOptions extends AlignOptions {
  /**
   * The statute input is this one law section: its number, where it does not print its own (a CAML
   * law-section file holds only the section's content). Where the bill amends or repeals it, the bill's
   * amendments and repeals of other sections are left out of the comparison.
   */
  lawSection?: string;
}

/**
 * What a bill would change in current law: each section the bill amends is aligned with the
 * same section of the statute; a section it adds is all inserted, one it repeals all deleted.
 * A section the bill amends or repeals that the statute lacks is an error that names it; but where
 * the statute is one law section (`lawSection`: a bill page's "compare with current law") that the
 * bill amends or repeals, the bill's amendments and repeals of its other sections are left out, and a
 * warning counts them.
 */
export function compareBillToLaw(bill: ParsedDocument, law: ParsedDocument, options: LawOptions = {}): Alignment {
  const billFile = bill.tree.data?.file ?? '';
  const lawFile = law.tree.data?.file ?? '';
  const all = findAmendments(bill.tree);
  if (!all.length) {
    throw new BilldiffError('found no instruction such as "Section … of the … Code is amended to read:" in the bill', {
      file: billFile,
      place: bill.tree.position,
    });
  }
  // One law section that the bill amends or repeals: the bill's other amendments and repeals are of
  // sections that are not there. (Sections it adds are shown, as ever, beside it.)
  const one = options.lawSection;
  const amendsOne = one !== undefined && all.some((a) => a.action.action !== 'add' && names(a, one));
  const amendments = amendsOne ? all.filter((a) => a.action.action === 'add' || names(a, one)) : all;
  const statute = sectionsOf(law.tree, one ?? soleSectionNamed(amendments));
  const pairs: AlignedPair[] = [];
  const messages = [...bill.messages, ...law.messages];
  if (amendments.length < all.length) {
    const others = all.length - amendments.length;
    messages.push(
      diagnostic(
        `${others} other instruction${others === 1 ? '' : 's'} of the bill, amending or repealing sections other than Section ${one}, left out of this comparison`,
        billFile,
        all.find((a) => !amendments.includes(a))!.action.position,
        'other-sections',
        false,
        'billdiff:align',
      ),
    );
  }
  let notice: string | undefined;

  const missing = (number: string, action: CaliforniaAction): never => {
    throw new BilldiffError(
      `the bill ${verb(action)} Section ${number}${action.code ? ` of the ${action.code}` : ''}, which the statute input (${lawFile}) does not contain`,
      { file: billFile, place: action.position },
    );
  };

  for (const { action, sections } of amendments) {
    switch (action.action) {
      case 'add': {
        const aligned = alignTrees(rootOf([]), rootOf(sections), options);
        pairs.push(...aligned.pairs);
        break;
      }
      case 'repeal': {
        const targets = action.sections.map((n) => statute.get(n) ?? missing(n, action));
        pairs.push(...alignTrees(rootOf(targets), rootOf([]), options).pairs);
        break;
      }
      default: {
        // amend, amend and renumber, repeal and add: old text is the section the instruction names.
        sections.forEach((quoted, i) => {
          const number = action.action === 'amendRenumber' ? action.sections[i] ?? quoted.num?.value ?? '' : quoted.num?.value ?? action.sections[i] ?? '';
          const current = statute.get(number) ?? missing(number, action);
          const aligned = alignTrees(rootOf([current]), rootOf([quoted]), options);
          if (aligned.notice) notice = aligned.notice;
          messages.push(...aligned.messages);
          pairs.push(...aligned.pairs);
        });
        if (!sections.length) {
          messages.push(diagnostic('instruction has no quoted section text after it', billFile, action.position, 'no-quoted-text', false, 'billdiff:align'));
        }
      }
    }
  }
  const alignment: Alignment = {
    old: { file: lawFile, ...(law.tree.data?.title ? { title: law.tree.data.title } : {}), ...(law.tree.data?.format ? { format: law.tree.data.format } : {}) },
    new: { file: billFile, ...(bill.tree.data?.title ? { title: bill.tree.data.title } : {}), ...(bill.tree.data?.format ? { format: bill.tree.data.format } : {}) },
    pairs,
    summary: summarize(pairs),
    messages,
  };
  if (notice) alignment.notice = notice;
  return alignment;
}

/** Whether an instruction names the section `number`, or prints it. */
function names(amendment: Amendment, number: string): boolean {
  return amendment.action.sections.includes(number) || amendment.sections.some((quoted) => quoted.num?.value === number);
}

function verb(action: CaliforniaAction): string {
  switch (action.action) {
    case 'add':
      return 'adds';
    case 'repeal':
      return 'repeals';
    case 'amendRenumber':
      return 'amends and renumbers';
    default:
      return 'amends';
  }
}

function rootOf(children: Content[]): Root {
  return { type: 'root', kind: 'statute', children };
}

/** The statute's sections by number. A statute with no section level is one section, `fallback`. */
function sectionsOf(tree: Root, fallback: string | undefined): Map<string, Level> {
  const map = new Map<string, Level>();
  const visit = (children: Content[]) => {
    for (const child of children) {
      if (child.type !== 'level') continue;
      if (child.kind === 'section' && child.num) map.set(child.num.value, child);
      else visit(child.children);
    }
  };
  visit(tree.children);
  if (!map.size && fallback) {
    const level: Level = {
      type: 'level',
      kind: 'section',
      num: { text: `${fallback}.`, value: fallback },
      id: `s${fallback}`,
      children: tree.children,
    };
    if (tree.position) level.position = tree.position;
    map.set(fallback, level);
  }
  return map;
}
