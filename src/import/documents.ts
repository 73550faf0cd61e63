/**
 * Single documents: a govinfo bill or public law (`BILLS-116hr1058rds.xml`, `PLAW-113publ287.xml`,
 * USLM or bill.dtd), a U.S. Code title (`usc54.xml`: each section becomes a law section `usc54`), or a
 * California bill version on its own (a CAML `.xml` or `.lob` without its table row). Who and what a
 * document is comes from its own metadata (`dc:title`, `caml:Id`), else from its file name.
 */
import { normalizeSectionNumber } from '../store/codes.js';
import { contentHash, type Writer } from '../store/database.js';
import { billKey, californiaSession, statuteCitation } from '../store/names.js';
import { isPlaceLevel, placeOf, type PlaceLevel } from '../store/places.js';
import { parseDocument } from '../parse/index.js';
import { textOf } from '../parse/federal-text.js';
import { decodeInput } from '../parse/input.js';
import { parseXmlTree } from '../parse/xml.js';
import { LineIndex } from '../util/position.js';
import type { Content, Level } from '../types.js';
import { treeText } from './analyze.js';
import { shortTitles } from './short-titles.js';
import type { Tally } from './report.js';
import { finishBills, storeVersion, type VersionFacts } from './versions.js';

/** govinfo's version codes, as words. */
const FEDERAL_STAGES: Record<string, string> = {
  IH: 'Introduced in House', IS: 'Introduced in Senate', IPH: 'Indefinitely Postponed House', IPS: 'Indefinitely Postponed Senate',
  RH: 'Reported in House', RS: 'Reported in Senate', RFH: 'Referred in House', RFS: 'Referred in Senate',
  RDH: 'Received in House', RDS: 'Received in Senate', EH: 'Engrossed in House', ES: 'Engrossed in Senate',
  EAH: 'Engrossed Amendment House', EAS: 'Engrossed Amendment Senate', PCS: 'Placed on Calendar Senate', PCH: 'Placed on Calendar House',
  RCS: 'Reference Change Senate', RCH: 'Reference Change House', CPH: 'Considered and Passed House', CPS: 'Considered and Passed Senate',
  ENR: 'Enrolled Bill', PL: 'Public Law', CDH: 'Committee Discharged House', ATS: 'Agreed to Senate', ATH: 'Agreed to House',
};

export type DocumentKind = 'federal-bill' | 'us-code' | 'caml-version' | 'caml-section' | 'unknown';

/** What a file holds, from its first few kilobytes. */
export function kindOf(head: string): DocumentKind {
  if (/<uscDoc\b|identifier="\/us\/usc\/t\d/.test(head)) return 'us-code';
  if (/<caml:MeasureDoc\b|<MeasureDoc\b/.test(head)) return 'caml-version';
  if (/^\s*(?:<\?xml[^>]*>\s*)?<caml:Content\b/.test(head)) return 'caml-section';
  if (/<(?:bill|resolution|pLaw|amendment-doc)\b[^>]*>|<dc:title[\s>]/.test(head)) return 'federal-bill';
  return 'unknown';
}

/** The measure types of Congress as govinfo's names spell them (`BILLS-116hconres100ih`), longest first. */
const FEDERAL_TYPE_NAMES = 'hconres|sconres|hjres|sjres|hres|sres|hr|s';
const FEDERAL_TYPES = new RegExp(`^(?:${FEDERAL_TYPE_NAMES})$`, 'i');
/** A govinfo file name, `BILLS-115hr1eas2.xml`: Congress, type, number, version code and its ordinal. */
const GOVINFO_NAME = new RegExp(`(?:BILLS-)?(\\d{2,3})(${FEDERAL_TYPE_NAMES})(\\d+)([a-z]{2,4})(\\d?)(?![a-z\\d])`, 'i');
/** The Senate's file name, `S2245_IS.XML`: type, number, version code. */
const SENATE_NAME = new RegExp(`^(${FEDERAL_TYPE_NAMES})(\\d+)_([a-z]{2,4})\\.`, 'i');

/**
 * A federal bill version's facts from its metadata or its file name. Each is read where it is given:
 * the `dc:title` ("116 HR 1058 RDS: To amend …", or "116 S 2245 : To cap …" without the version),
 * a `citableAs` ("115 HR 1 EAS 2", where the title is "AMENDMENTS to 115 HR 1"), the file name
 * (`BILLS-115hr1eas2.xml`, or the Senate's `S2245_IS.XML` with the Congress from `<congress>`). A
 * version code with an ordinal (`EAS 2`, the Senate's second engrossed amendment) keeps it in its id and
 * stage. Public and private laws (`Public Law 113-287: …`, `PLAW-113publ287`, `Private Law 112–1`,
 * `112pvtl001`) are filed as laws of their Congress.
 */
export function federalFacts(head: string, fileName: string, tail = ''): Omit<VersionFacts, 'bytes' | 'file'> | string {
  const title = /<dc:title(?:\s[^>]*)?>\s*([\s\S]*?)\s*<\/dc:title>/.exec(head)?.[1]?.replace(/\s+/g, ' ');
  const citable = [...head.matchAll(/<citableAs>\s*([^<]*?)\s*<\/citableAs>/g)].map((m) => m[1]!.replace(/\s+/g, ' '));
  const date = federalDate(head, tail);
  // "116 HR 1058 RDS: …", "114 S1523 EAH: …"; the House's USLM: " HR 1957 ENR: …", the Congress in its own element.
  const bill = title ? /^(?:(\d{2,3}) )?([A-Z. ]+?) ?(\d+)(?: ([A-Z]{2,4})(?: ?(\d))?)? ?:\s*(.*)$/.exec(title) : null;
  const cited = citable.map((c) => /^(\d{2,3}) ([A-Z. ]+?) (\d+) ([A-Z]{2,4})(?: ?(\d))?$/.exec(c)).find((m) => m) ?? null;
  const law = [title, ...citable].map((t) => (t ? /^(Public|Private) Law (\d{2,3})[–-](\d+)(?::\s*(.*))?$/.exec(t) : null)).find((m) => m) ?? null;
  const named = GOVINFO_NAME.exec(fileName);
  const senate = SENATE_NAME.exec(fileName);
  const plaw = /(\d{2,3})(publ|pvtl)0*(\d+)/i.exec(fileName);
  if (law || (plaw && !bill && !cited)) {
    const congress = String(Number(law?.[2] ?? plaw![1]!));
    const number = Number(law?.[3] ?? plaw![3]);
    const isPrivate = law ? law[1] === 'Private' : plaw![2]!.toLowerCase() === 'pvtl';
    const lawTitle = law === null ? undefined : law[4] ?? (title && title !== law[0] ? title : undefined);
    const enacts = enactedBill(head);
    // Its citation in the Statutes at Large, a citableAs of its own ("130 Stat. 615").
    const statute = citable.map((c) => statuteCitation(c)).find((c) => c !== undefined);
    return {
      id: `PLAW-${congress}${isPrivate ? 'pvtl' : 'publ'}${number}`,
      bill: { jurisdiction: 'us', session: congress, type: isPrivate ? 'PVTL' : 'PL', number, pending: 0, status: isPrivate ? 'Private law' : 'Public law', ...(enacts ? { enacts } : {}), ...(statute ? { statute } : {}) },
      stage: isPrivate ? 'Private Law' : 'Public Law',
      ...(date ? { date } : {}),
      ...(lawTitle ? { title: lawTitle } : {}),
      first: true,
    };
  }
  const congress = bill?.[1] ?? cited?.[1] ?? named?.[1] ?? congressOf(head);
  const type = (bill?.[2] ?? cited?.[2] ?? named?.[2] ?? senate?.[1] ?? '').replace(/[. ]/g, '').toUpperCase();
  const number = Number(bill?.[3] ?? cited?.[3] ?? named?.[3] ?? senate?.[2]);
  // The version code from the first that gives one (the title may give the bill without it).
  const [letters, ordinal] = bill?.[4] ? [bill[4], bill[5]] : cited ? [cited[4], cited[5]] : named ? [named[4], named[5]] : senate ? [senate[3], undefined] : [undefined, undefined];
  const code = (letters ?? '').toUpperCase();
  if (!congress || !FEDERAL_TYPES.test(type) || !Number.isFinite(number) || !code) {
    // The House's amendment documents (amend.dtd), a Rules Committee print among them: a proposed
    // amendment to a bill, not one of its versions.
    const proposed = /<amendment-doc\b[^>]*\bamend-stage="proposed"/.test(head);
    const print = /<holc-filename>[^<]*?\b(CPRT-[\w-]+|RCP-[\w-]+)/i.exec(head)?.[1] ?? /^(?:CPRT|RCP)-[\w-]+/i.exec(fileName)?.[0];
    if (proposed) return `a proposed House amendment${print ? ` (a Rules Committee print, ${print})` : ''}, not a version of a bill; not imported`;
    return 'not a federal bill this import can name (no dc:title such as "116 HR 1058 RDS: …", no citableAs such as "115 HR 1 EAS 2", and no file name such as BILLS-116hr1058rds.xml)';
  }
  const stageAttr = /bill-stage="([^"]+)"/.exec(head)?.[1]?.replace(/-/g, ' ');
  const docStage = /<docStage>\s*([^<]+?)\s*<\/docStage>/.exec(head)?.[1];
  const stage = FEDERAL_STAGES[code] ?? (docStage && docStage.length > 3 ? docStage : undefined) ?? stageAttr ?? code;
  const nth = ordinal ? Number(ordinal) : 0;
  const ownTitle = bill?.[6] || entitledTitle(head, number);
  return {
    id: `BILLS-${Number(congress)}${type.toLowerCase()}${number}${code.toLowerCase()}${nth ? nth : ''}`,
    bill: { jurisdiction: 'us', session: String(Number(congress)), type, number, ...settledBy(type, code) },
    stage: nth ? `${stage} ${nth}` : stage,
    ...(date ? { date } : {}),
    // The title its dc:title gives, else the one its words cite, "to the bill (H.R. 1) entitled “An Act to
    // provide for …”" (entitledTitle). An engrossed amendment's dc:title, "AMENDMENTS to 115 HR 1", is no
    // title of the bill's, nor is one that gives the citation alone ("114 HRES 99 EH: "): where its words
    // cite none, none ('', its other versions' is kept; not the dc:title as the text's own title).
    ...(ownTitle ? { title: ownTitle } : (title && /^AMENDMENTS to /i.test(title)) || bill ? { title: '' } : {}),
    // Introduced (IH, IS): not indefinitely postponed (IPH, IPS), a later stage of the same text.
    first: /^I[HS]$/.test(code),
  };
}

/**
 * What a version says of its bill's standing when it is the last word on it: an enrolled bill or
 * joint or concurrent resolution has passed both houses ("Enrolled"); a simple resolution needs
 * one house's vote alone, so the print that records it, the House's engrossed resolution (EH, or
 * ATH) or the Senate's agreed-to one (ATS, or ES), settles it ("Agreed to in House"). Either is no
 * longer pending. Other versions say nothing of it.
 */
function settledBy(type: string, code: string): { pending: 0; status: string } | Record<string, never> {
  if (code === 'ENR') return { pending: 0, status: 'Enrolled' };
  const simple = /^([HS])RES$/i.exec(type)?.[1]?.toUpperCase();
  if (simple === 'H' && (code === 'EH' || code === 'ATH')) return { pending: 0, status: 'Agreed to in House' };
  if (simple === 'S' && (code === 'ES' || code === 'ATS')) return { pending: 0, status: 'Agreed to in Senate' };
  return {};
}

/**
 * The bill a law enacted, as the law names it under its title: `[<ref href="/us/bill/119/hr/1">H.R.
 * 1</ref>]` in the sidenote of its `<longTitle>` (USLM). Read only there: the law's text cites other
 * bills. Its store id, `us-119-hr1`; undefined when the title names none.
 */
export function enactedBill(head: string): string | undefined {
  const title = /<longTitle\b[\s\S]*?<\/longTitle>/.exec(head)?.[0];
  const ref = title && /<ref\s+href="\/us\/bill\/(\d{2,3})\/([a-z]+)\/(\d+)"/.exec(title);
  if (!ref || !FEDERAL_TYPES.test(ref[2]!)) return undefined;
  return billKey('us', String(Number(ref[1])), ref[2]!.toUpperCase(), Number(ref[3]));
}

/**
 * The bill's title as an engrossed amendment cites it: "… to the bill (H.R. 1) entitled “An Act to
 * provide for reconciliation …”." (USLM) or `entitled <quote>An Act to amend …</quote>` (bill.dtd), read
 * only where the parenthesis names the bill's own number (`number`). Given as a bill's title is, "To
 * provide for reconciliation …": without "An Act" or "A bill".
 */
export function entitledTitle(head: string, number: number): string | undefined {
  const m = /\((?:H\. ?R\.|S\.|H\. ?J\. ?Res\.|S\. ?J\. ?Res\.|H\. ?Con\. ?Res\.|S\. ?Con\. ?Res\.|H\. ?Res\.|S\. ?Res\.) ?(\d+)\) entitled\s*(?:“|<quote>)\s*([^”<]{4,1000}?)\s*(?:”|<\/quote>)/i.exec(head);
  if (!m || Number(m[1]) !== number) return undefined;
  const words = m[2]!.replace(/\s+/g, ' ').replace(/[.,]$/, '');
  const to = /^(?:An Act|A bill|A joint resolution|A concurrent resolution|A resolution)\s+(to\b.*)$/i.exec(words);
  const text = to ? `T${to[1]!.slice(1)}` : words;
  return `${text}.`;
}

/**
 * A federal version's date: its `dc:date`; for a law, the day it was approved (its last action, "Approved
 * December 26, 2013.", at its end, `tail`); else the latest action the version prints, in its preface (a reported bill
 * lists its introduction, then its report: the version is the report's) or at its end (an engrossed
 * bill's attestation, "Passed the House of Representatives May 14, 2019"; a Senate report's
 * endorsement): bill.dtd's `<action-date date="20151023">` and `<attestation-date date="20160204">`, USLM's `<action><date date="2019-12-17">`,
 * or the date written out, `<action><date>November 12, 2019.</date>`; else a law's running head,
 * "PUBLIC LAW 113–67—DEC. 26, 2013". Of the text itself only actions are read: it may quote dates of its own.
 */
export function federalDate(head: string, tail = ''): string | undefined {
  const dc = /<dc:date>\s*(\d{4}-\d{2}-\d{2})/.exec(head)?.[1];
  if (dc) return dc;
  const approved = /<actionDescription\b[^>]*>\s*Approved\s+([A-Z][a-z]+\.? \d{1,2}, \d{4})/.exec(tail)?.[1];
  if (approved) return writtenDate(approved);
  const body = head.search(/<(?:main|legis-body|amendMain|resolution-body|engrossed-amendment-body)\b/);
  const dates = [body < 0 ? head : head.slice(0, body), tail].flatMap((part) => [
    ...[...part.matchAll(/<(?:action|attestation)-date\b[^>]*?\bdate="(\d{4})(\d{2})(\d{2})"/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`),
    ...[...part.matchAll(/<action>((?:(?!<\/action>)[\s\S]){0,600})/g)].map((m) => actionDate(m[1]!)),
  ]);
  const known = dates.filter((d): d is string => d !== undefined);
  if (known.length) return known.reduce((a, b) => (b > a ? b : a));
  const running = /<\?I\d+ (?:PUBLIC|PRIVATE) LAW \d+[–-]\d+—([A-Z]+\.? \d{1,2}, \d{4})\?>/.exec(head)?.[1];
  return running ? writtenDate(running) : undefined;
}

/** The date of one USLM action: its `<date date="…">`, else the date its `<date>` writes out. */
function actionDate(action: string): string | undefined {
  const m = /<date\b([^>]*)>([\s\S]*?)(?:<\/date>|$)/.exec(action);
  if (!m) return undefined;
  return /\bdate="(\d{4}-\d{2}-\d{2})"/.exec(m[1]!)?.[1] ?? writtenDate(m[2]!.replace(/<[^>]*>/g, ''));
}

/** "November 12, 2019.", "DEC. 26, 2013", "Sept. 30, 2016" as 2019-11-12; undefined when it is no such date. */
function writtenDate(text: string): string | undefined {
  const m = /^\s*([A-Za-z]+)\.? (\d{1,2}), (\d{4})/.exec(text);
  const month = m ? MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1 : 0;
  if (!m || month === 0) return undefined;
  // A day the month has ("February 30" is none).
  const day = new Date(Date.UTC(Number(m[3]), month - 1, Number(m[2])));
  if (day.getUTCMonth() !== month - 1 || day.getUTCDate() !== Number(m[2])) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The ordinal words of a Congress's number: "One Hundred Sixteenth" is 116. */
const ORDINALS: Record<string, number> = {
  one: 1, first: 1, two: 2, second: 2, three: 3, third: 3, four: 4, fourth: 4, five: 5, fifth: 5, six: 6, sixth: 6, seven: 7, seventh: 7,
  eight: 8, eighth: 8, nine: 9, ninth: 9, ten: 10, tenth: 10, eleven: 11, eleventh: 11, twelve: 12, twelfth: 12, thirteen: 13, thirteenth: 13,
  fourteen: 14, fourteenth: 14, fifteen: 15, fifteenth: 15, sixteen: 16, sixteenth: 16, seventeen: 17, seventeenth: 17, eighteen: 18,
  eighteenth: 18, nineteen: 19, nineteenth: 19, twenty: 20, twentieth: 20, thirty: 30, thirtieth: 30, forty: 40, fortieth: 40, fifty: 50,
  fiftieth: 50, sixty: 60, sixtieth: 60, seventy: 70, seventieth: 70, eighty: 80, eightieth: 80, ninety: 90, ninetieth: 90,
};

/**
 * The Congress a bill's own elements name: `<congress>116th CONGRESS</congress>` (bill.dtd, USLM 2), or
 * the House's USLM `<property role="congress">One Hundred Sixteenth Congress of the United States …`.
 */
export function congressOf(head: string): string | undefined {
  const digits = /<congress>\s*(\d{2,3})(?!\d)/.exec(head)?.[1];
  if (digits) return digits;
  const words = /<property role="congress">\s*([A-Za-z -]+?)\s+Congress\b/.exec(head)?.[1];
  if (!words) return undefined;
  let n = 0;
  for (const word of words.toLowerCase().split(/[\s-]+/)) {
    if (word === 'hundred' || word === 'hundredth') n = (n || 1) * 100;
    else if (ORDINALS[word] !== undefined) n += ORDINALS[word]!;
    else return undefined;
  }
  return n > 0 && n < 1000 ? String(n) : undefined;
}

/** What a chaptered California bill's version says of its bill: law now, no longer pending. */
export const CHAPTERED = { pending: 0, status: 'Chaptered' } as const;

/** A California bill version's facts from its CAML Description (`20250AB__165699INT`). */
export function camlFacts(head: string): Omit<VersionFacts, 'bytes' | 'file'> | string {
  const tag = (name: string) => new RegExp(`<caml:${name}>\\s*([^<]*?)\\s*</caml:${name}>`).exec(head)?.[1];
  const id = tag('Id');
  const year = Number(tag('SessionYear'));
  const sessionNum = Number(tag('SessionNum') ?? 0);
  const type = tag('MeasureType');
  const number = Number(tag('MeasureNum'));
  if (!id || !type || !Number.isFinite(number) || !Number.isFinite(year)) return 'a CAML bill version without its Id, session and measure';
  const m = /^(\d{4})(\d)([A-Z]+)_*(\d+)(\d\d)([A-Z]{3})$/.exec(id);
  const state = m?.[6] ?? (/^CH[PR]/.test(id) ? 'CHP' : undefined);
  const stages: Record<string, string> = { INT: 'Introduced', AMD: 'Amended', ENR: 'Enrolled', CHP: 'Chaptered', PRO: 'Proposed' };
  const action = tag('ActionText');
  const amended = action && /^AMENDED_/.test(action) ? action.replace(/^AMENDED_(\w)(\w*)$/, (_x, a: string, b: string) => `Amended in ${a}${b.toLowerCase()}`) : undefined;
  const stage = state === 'AMD' ? amended ?? 'Amended' : stages[state ?? ''] ?? (action ? action.charAt(0) + action.slice(1).toLowerCase().replace(/_/g, ' ') : 'Version');
  const versionNum = m ? Number(m[5]) : undefined;
  const date = tag('ActionDate');
  const subject = tag('Subject');
  return {
    // The tables' ids carry no padding: `20250AB__007699INT` is `20250AB7699INT` there.
    id: m ? `${m[1]}${m[2]}${m[3]}${Number(m[4])}${m[5]}${m[6]}` : id.replace(/_/g, ''),
    bill: { jurisdiction: 'ca', session: californiaSession(year, sessionNum), type, number, ...(state === 'CHP' ? CHAPTERED : {}) },
    ...(versionNum !== undefined ? { versionNum } : {}),
    stage,
    ...(date ? { date } : {}),
    ...(subject ? { title: subject } : {}),
    first: state === 'INT' || versionNum === 99,
  };
}

/** Imports one document file. Returns the reason when it is not one billdiff imports. */
export async function importDocument(writer: Writer, bytes: Buffer, file: string, tally: Tally): Promise<string | undefined> {
  const head = bytes.subarray(0, 16384).toString('utf8');
  const kind = kindOf(head);
  if (kind === 'us-code') return importUsCode(writer, bytes, file, head, tally);
  if (kind === 'caml-section') return 'a law section on its own (a LAW_SECTION_TBL lob without its table row): its code and number are not known';
  if (kind === 'unknown') return 'not a bill, law section or U.S. Code title billdiff can read';
  // A compilation of an Act as amended (govinfo's COMPS) is neither a version of a bill nor the law as
  // enacted, though it is cited as the law ("Public Law 91-596") it compiles.
  if (/<statuteCompilation\b/.test(head)) return 'a statute compilation (govinfo COMPS: an Act as amended, not a bill, law or U.S. Code title); not imported';
  const facts = kind === 'caml-version' ? camlFacts(head) : federalFacts(head, file.replace(/^.*[\\/]/, ''), bytes.subarray(-8192).toString('utf8'));
  if (typeof facts === 'string') return facts;
  const { result, billId } = await storeVersion(writer, { ...facts, bytes, file, format: kind === 'caml-version' ? 'caml' : 'federal' });
  tally.count(result);
  if (kind !== 'caml-version') await writer.settleEnactment(billId);
  await finishBills(writer, [billId]);
  return undefined;
}

/** A U.S. Code unit's number as its file prints it ("CHAPTER 1—", "III–A", "Part A"): the number alone, its dashes hyphens. */
function unitNumber(printed: string): string | undefined {
  const number = printed
    .replace(/^\s*(?:sub)?(?:title|chapter|part|division)\s+/i, '')
    .replace(/[\s—–-]+$/, '')
    .replace(/[‐‑‒–—]/g, '-')
    .trim();
  return number || undefined;
}

/** Every section of a U.S. Code title, as law sections `usc{title}`, and the title's units (`law_units`). */
async function importUsCode(writer: Writer, bytes: Buffer, file: string, head: string, tally: Tally): Promise<string | undefined> {
  // The title's own identifier, its docNumber, or (a chapter or section cut from a title) the first
  // identifier inside the title: "/us/usc/t54/s200304".
  const title =
    /identifier="\/us\/usc\/t(\d+[a-z]?)"/.exec(head)?.[1] ?? /<docNumber>\s*(\d+[a-z]?)\s*<\/docNumber>/.exec(head)?.[1] ?? /identifier="\/us\/usc\/t(\d+[a-z]?)\//.exec(head)?.[1];
  if (!title) return 'a U.S. Code file that does not say which title it is';
  const code = `usc${title.toLowerCase()}`;
  const { tree } = parseDocument(bytes, file, { format: 'federal', references: false });
  // The file's text as the parser read it, its sections' positions offsets into it: each section's source credit.
  const xml = decodeInput(bytes, file);
  // Each section with its place: the title's units holding it (chapter, subchapter, part …), by number.
  const sections: Array<{ level: Level; place: string | undefined }> = [];
  const units: Array<{ place: string; heading: string }> = [];
  const walk = (nodes: Content[], above: Partial<Record<PlaceLevel, string>>) => {
    for (const n of nodes) {
      if (n.type !== 'level') continue;
      if (n.kind === 'section' && n.num) {
        sections.push({ level: n, place: placeOf(above) });
        continue;
      }
      // The title itself is the code ("16 U.S.C."), not a unit of it.
      const unit = n.kind !== 'title' && isPlaceLevel(n.kind) && n.num ? unitNumber(n.num.value) : undefined;
      const within = unit ? { ...above, [n.kind]: unit } : above;
      // "[CHAPTER 3—REPEALED]": the file's brackets left out.
      if (unit && n.heading) units.push({ place: placeOf(within)!, heading: `${n.kind.toUpperCase()} ${unit}—${n.heading.replace(/\]\s*$/, '').trim()}` });
      walk(n.children, within);
    }
  };
  walk(tree.children, {});
  for (const unit of units) await writer.upsertUnit(code, unit.place, unit.heading);
  for (const { level: s, place } of sections) {
    const number = normalizeSectionNumber(s.num!.value);
    const text = `§ ${number}.${s.heading ? ` ${s.heading}` : ''}\n${treeText({ ...s, num: undefined, heading: undefined } as Level)}`;
    const content = Buffer.from(text, 'utf8');
    const credit = sourceCredit(xml, s, file);
    const result = await writer.upsertLawSection({ code, number, heading: s.heading ?? '', format: 'text', bytes: content, hash: contentHash(content), text, names: shortTitles(text), ...(place ? { place } : {}), ...(credit ? { history: credit } : {}) });
    tally.count(result);
  }
  return sections.length ? undefined : 'a U.S. Code file with no sections billdiff could read';
}

/**
 * A U.S. Code section's source credit, the laws that enacted and amended it, as the Law Revision Counsel
 * prints it under the section ("(July 30, 1947, ch. 388, 61 Stat. 633; … Pub. L. 114–190, title II,
 * § 2101(a), July 15, 2016, 130 Stat. 615.)"): its `<sourceCredit>` in the section's own element of
 * the file's text `xml` (the section's position in it); undefined where it has none.
 */
export function sourceCredit(xml: string, section: Level, file: string): string | undefined {
  const start = section.position?.start.offset;
  const end = section.position?.end.offset;
  if (start === undefined || end === undefined || !xml.startsWith('<section', start)) return undefined;
  const at = xml.indexOf('<sourceCredit', start);
  if (at < 0 || at >= end) return undefined;
  const close = xml.indexOf('</sourceCredit>', at);
  if (close < 0 || close > end) return undefined;
  const fragment = xml.slice(at, close + '</sourceCredit>'.length);
  try {
    return textOf(parseXmlTree(fragment, file, new LineIndex(fragment)), 0).replace(/\s+/g, ' ').trim() || undefined;
  } catch {
    return undefined;
  }
}
