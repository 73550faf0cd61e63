import type { Author, AuthorRole, Block, BlockRole, DigestKey, DocumentMeta, Mark, MarksMode, SourceDocument } from '../types.js';
import type { Deadline } from '../util/deadline.js';
import { BilldiffError, diagnostic } from '../util/errors.js';
import { LineIndex, stringifyPosition } from '../util/position.js';
import { foldName, foldWhiteSpace } from '../util/white-space.js';
import { readXml, type XmlReadOptions } from './xml.js';

/** Options for reading California CAML XML. */
export interface CamlOptions {
  /**
   * Which text of a bill version with change marks to read: the version as printed
   * (`printed`: insertions kept, deletions left out) or the text before the marks
   * (`before`: deletions restored, insertions left out).
   * @default 'printed'
   */
  marks?: MarksMode;
  /** Stop with a `budget` error when this passes. */
  deadline?: Deadline;
}

/** Elements whose content is one block of text. */
const BLOCK_ELEMENTS = new Set(['p', 'Num', 'ActionLine', 'LawHeadingText', 'Title', 'Preamble', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'heading', 'num', 'content']);
/** Elements that close the block in progress when they open or close. */
const BREAK_ELEMENTS = new Set(['LawSection', 'LawSectionVersion', 'Content', 'Fragment', 'BillSection', 'LawHeading', 'DigestText', 'Bill', 'div', 'section', 'table', 'tr', 'td']);
/** Metadata elements whose text is not part of the document's text. */
const SKIP_ELEMENTS = new Set(['Id', 'VersionNum', 'History', 'LegislativeInfo', 'AuthorText', 'Authors', 'RelatingClause', 'GeneralSubject', 'DigestKey', 'MeasureIndicators', 'SubjectMatter']);

/** The elements of a version's `DigestKey` and `MeasureIndicators` that a `DigestKey` keeps, by the key. */
const DIGEST_ELEMENTS: Record<string, keyof DigestKey> = { VoteRequired: 'vote', Appropriation: 'appropriation', FiscalCommittee: 'fiscalCommittee', LocalProgram: 'localProgram', Urgency: 'urgency', TaxLevy: 'taxLevy' };

/**
 * One key of the digest as CAML gives it (`MAJORITY`, `TWO_THIRDS`, `YES`, `NO`; an amended value's
 * last word): `digestKey` sets it, and leaves out a value it cannot read.
 */
export function setDigestKey(digestKey: DigestKey, key: keyof DigestKey, text: string | null | undefined): void {
  // The last word or two of at most 40 characters ("TWO_THIRDS", "Two Thirds"): a longer value is none of these.
  const value = /(?:^|[^A-Za-z_ ])\s*([A-Za-z][A-Za-z_ ]{0,39}?)\s*$/.exec(text ?? '')?.[1]?.trim().toLowerCase().replace(/[_\s]+/g, '-');
  if (!value) return;
  if (key === 'vote') digestKey.vote = value;
  else if (value === 'yes' || value === 'no') digestKey[key] = value === 'yes';
}

/** CAML's `Contribution` of an author, as the store names it. */
const CONTRIBUTIONS: Record<string, AuthorRole> = { LEAD_AUTHOR: 'lead author', PRINCIPAL_COAUTHOR: 'principal coauthor', COAUTHOR: 'coauthor' };
/** The elements of an author under `Authors` (a member, or a committee). */
const AUTHOR_ELEMENTS = new Set(['Legislator', 'Committee']);
/** An author's fields read from its elements' text. */
const AUTHOR_FIELDS = new Set(['Contribution', 'House', 'Name']);

interface XmlEvent {
  kind: 'open' | 'close' | 'text' | 'pi';
  name: string;
  /** Text, PI body, or the `action` attribute of an open tag. */
  value: string;
  start: number;
  end: number;
}

/**
 * California CAML XML, as the Legislature publishes bill versions and law sections.
 * The Legislative Counsel's change marks are processing instructions; they are read, kept as
 * `marks`, and applied according to `options.marks`.
 */
export function readCaml(xml: string, file: string, options: CamlOptions = {}): SourceDocument {
  const mode: MarksMode = options.marks ?? 'printed';
  const index = new LineIndex(xml);
  const events = tokenize(xml, file, index, { deadline: options.deadline });
  const blocks: Block[] = [];
  const marks: Mark[] = [];
  const meta: DocumentMeta = {};
  const stack: string[] = [];
  let title: string | undefined;
  let pending = '';
  let pendingStart = -1;
  let pendingEnd = -1;
  let inInsertion = false;
  let insertionText = '';
  let insertionStart = 0;
  let action: string | undefined;
  let metaText = '';
  const history: Array<{ text: string; date?: string }> = [];
  const authors: Author[] = [];
  const digestKey: DigestKey = {};
  /** The author whose elements are being read; `left`: the text read leaves it out (inserted, read `before` the marks). */
  let author: { fields: Record<string, string>; committee: boolean; left: boolean } | undefined;

  const roleOf = (): { role: BlockRole; quoted: boolean } => {
    const inLawSection = stack.includes('LawSection') || stack.includes('LawHeading');
    const top = stack[stack.length - 1];
    const quoted = stack.includes('Fragment') || (inLawSection && stack.includes('BillSection'));
    if (stack.includes('DigestText')) return { role: 'digest', quoted: false };
    if (top === 'Title') return { role: 'title', quoted: false };
    if (top === 'ActionLine') return { role: 'action', quoted: false };
    if (top === 'Num' && inLawSection) return { role: 'sectionNum', quoted };
    if (top === 'Num' && stack.includes('BillSection')) return { role: 'billSectionNum', quoted: false };
    if (top === 'LawHeadingText') return { role: 'heading', quoted };
    return { role: 'body', quoted };
  };

  const flush = (): void => {
    const text = foldWhiteSpace(pending).trim();
    if (text) {
      const { role, quoted } = roleOf();
      const block: Block = { text, role, position: index.position(pendingStart, Math.max(pendingStart, pendingEnd)) };
      if (quoted) block.quoted = true;
      if (role === 'action' && action) block.action = action;
      if (role === 'title' && title === undefined) title = text;
      blocks.push(block);
    }
    pending = '';
    pendingStart = -1;
  };

  const addText = (value: string, start: number, end: number): void => {
    if (pendingStart === -1 && /\S/.test(value)) pendingStart = start + (value.length - value.trimStart().length);
    if (pendingStart === -1) return;
    pending += value;
    pendingEnd = end;
  };

  const skipping = (): boolean => stack.some((name) => SKIP_ELEMENTS.has(name));

  const handle = (event: XmlEvent, deleted: boolean): void => {
    switch (event.kind) {
      case 'open': {
        if (BLOCK_ELEMENTS.has(event.name) || BREAK_ELEMENTS.has(event.name)) flush();
        stack.push(event.name);
        if (event.name === 'ActionLine') action = event.value || undefined;
        if (event.name === 'span' && event.value === 'EnSpace') addText(' ', event.start, event.end);
        if (event.name === 'Action' || event.name === 'ActionText' || event.name === 'ActionDate') metaText = '';
        if (AUTHOR_ELEMENTS.has(event.name) && stack.includes('Authors')) author = { fields: {}, committee: event.name === 'Committee', left: mode === 'before' && inInsertion && !deleted };
        if (author && AUTHOR_FIELDS.has(event.name)) metaText = '';
        return;
      }
      case 'close': {
        const name = event.name;
        if (BLOCK_ELEMENTS.has(name) || BREAK_ELEMENTS.has(name)) flush();
        if (name === 'ActionText') history.push({ text: metaText.trim() });
        if (name === 'ActionDate' && history.length) history[history.length - 1]!.date = metaText.trim();
        if (['Id', 'MeasureType', 'MeasureNum', 'SessionYear'].includes(name)) {
          const value = metaText.trim();
          if (name === 'Id') meta.versionId = value;
          if (name === 'MeasureType') meta.measure = value;
          if (name === 'MeasureNum') meta.measure = `${meta.measure ?? ''} ${value}`.trim();
          if (name === 'SessionYear') meta.session = value;
        }
        if (author && AUTHOR_FIELDS.has(name)) author.fields[name] = foldName(metaText);
        const key = DIGEST_ELEMENTS[name];
        if (key && (stack.includes('DigestKey') || stack.includes('MeasureIndicators'))) setDigestKey(digestKey, key, metaText);
        if (author && AUTHOR_ELEMENTS.has(name)) {
          const read = authorOf(author.fields, author.committee);
          if (read && !author.left) authors.push(read);
          author = undefined;
        }
        metaText = '';
        const at = stack.lastIndexOf(name);
        if (at !== -1) stack.length = at;
        return;
      }
      case 'text': {
        if (skipping()) {
          metaText += event.value;
          return;
        }
        if (['MeasureType', 'MeasureNum', 'SessionYear'].includes(stack[stack.length - 1] ?? '')) {
          metaText += event.value;
          return;
        }
        if (inInsertion && !deleted) insertionText += event.value;
        if (inInsertion && mode === 'before' && !deleted) return;
        addText(event.value, event.start, event.end);
        return;
      }
      case 'pi': {
        if (event.name === 'xm-insertion_mark_start') {
          if (inInsertion) unclosedMark(file, index, insertionStart, `before the next one opens at ${stringifyPosition(index.point(event.start))}`);
          inInsertion = true;
          insertionText = '';
          insertionStart = event.start;
        } else if (event.name === 'xm-insertion_mark_end') {
          if (!inInsertion) throw new BilldiffError('insertion mark closed (xm-insertion_mark_end) where none is open', { file, place: index.position(event.start, event.end) });
          inInsertion = false;
          marks.push({ type: 'insertion', text: fold(insertionText), position: index.position(insertionStart, event.end) });
        } else if (event.name === 'xm-deletion_mark') {
          const data = /data="([^"]*)"/.exec(event.value)?.[1] ?? '';
          const decoded = decodeEntities(data);
          const inner = tokenize(`<billdiff-deleted>${decoded}</billdiff-deleted>`, file, index, { base: event.start, fragment: true });
          const deletedText = inner.filter((e) => e.kind === 'text').map((e) => e.value).join(' ');
          marks.push({ type: 'deletion', text: fold(deletedText), position: index.position(event.start, event.end) });
          if (mode === 'before') for (const e of inner) if (e.name !== 'billdiff-deleted') handle(e, true);
        }
        return;
      }
    }
  };

  for (const event of events) handle(event, false);
  flush();
  if (inInsertion) unclosedMark(file, index, insertionStart, 'by the end of the document');

  const last = history[history.length - 1];
  if (last) {
    meta.stage = last.text;
    if (last.date) meta.date = last.date;
  }
  if (authors.length) meta.authors = authors;
  if (Object.keys(digestKey).length) meta.digestKey = digestKey;
  const messages = [];
  if (marks.length) {
    const ins = marks.filter((m) => m.type === 'insertion').length;
    messages.push(
      diagnostic(
        `read ${ins} insertion and ${marks.length - ins} deletion marks; comparing the text ${mode === 'printed' ? 'as printed' : 'before the marks'}`,
        file,
        marks[0]!.position,
        'caml-marks',
      ),
    );
  }
  const doc: SourceDocument = { file, format: 'caml', title, blocks, marks, marksMode: mode, messages };
  if (Object.keys(meta).length) doc.meta = meta;
  return doc;
}

/** An insertion mark opened at `start` and not closed where it should be: the marks cannot be read. */
function unclosedMark(file: string, index: LineIndex, start: number, where: string): never {
  throw new BilldiffError(`insertion mark (xm-insertion_mark_start) not closed ${where}`, { file, place: index.position(start, start) });
}

/** XML → a flat list of events with offsets; a well-formedness error is a BilldiffError with a place. */
function tokenize(xml: string, file: string, index: LineIndex, options: XmlReadOptions = {}): XmlEvent[] {
  const events: XmlEvent[] = [];
  readXml(
    xml,
    file,
    index,
    {
      open: (name, attrs, start, end) => events.push({ kind: 'open', name, value: attrs['action'] ?? attrs['class'] ?? '', start, end }),
      close: (name, start, end) => events.push({ kind: 'close', name, value: '', start, end }),
      text: (value, start, end) => events.push({ kind: 'text', name: '', value, start, end }),
      pi: (target, body, start, end) => events.push({ kind: 'pi', name: target, value: body, start, end }),
    },
    options,
  );
  return events;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the entity references of a processing instruction's pseudo-attribute (once: the result is XML again). */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

function fold(text: string): string {
  return foldWhiteSpace(text).trim();
}

/**
 * An author from its CAML fields: `Contribution` (`LEAD_AUTHOR`, `PRINCIPAL_COAUTHOR`, `COAUTHOR`; any other,
 * or none, read as a coauthor), `House` (`ASSEMBLY` → `Assembly`) and `Name`; none without a name.
 */
function authorOf(fields: Record<string, string>, committee: boolean): Author | undefined {
  const name = fields['Name'];
  if (!name) return undefined;
  const contribution = (fields['Contribution'] ?? '').toUpperCase();
  const role = CONTRIBUTIONS[contribution] ?? 'coauthor';
  const out: Author = { name, role };
  const house = fields['House'];
  if (house) out.house = house.charAt(0).toUpperCase() + house.slice(1).toLowerCase();
  if (committee) out.committee = true;
  return out;
}
