/**
 * The bundled corpus (`bills/` and its `index.json`) into the store: each bill version keeps its
 * corpus id, so the pages link to the comparisons by the permalinks they always had; each statute
 * becomes a law section.
 */
import type { Corpus, CorpusEntry } from '../corpus/index.js';
import { parseDocument } from '../parse/index.js';
import { codeOf, normalizeSectionNumber } from '../store/codes.js';
import { contentHash, type Writer } from '../store/database.js';
import { parseMeasure, sessionFromName, statuteCitation } from '../store/names.js';
import { treeText } from './analyze.js';
import { shortTitles } from './short-titles.js';
import { CHAPTERED, camlFacts, federalFacts } from './documents.js';
import type { Tally } from './report.js';
import { finishBills, storeVersion } from './versions.js';

export async function importCorpus(writer: Writer, corpus: Corpus, tally: Tally): Promise<void> {
  const touched = new Set<string>();
  const bills = corpus.documents.filter((d) => d.kind === 'bill');
  for (const entry of corpus.documents) {
    const where = `${corpus.dir}/${entry.file}`;
    try {
      const bytes = corpus.read(entry);
      if (entry.kind === 'statute') {
        const code = entry.code ? codeOf(entry.code) : undefined;
        if (!code || !entry.section) {
          tally.problem({ file: where, reason: 'a statute of the corpus without its code and section' });
          continue;
        }
        const doc = parseDocument(bytes, entry.id, { references: false });
        const text = treeText(doc.tree);
        tally.count(
          await writer.upsertLawSection({
            code,
            number: normalizeSectionNumber(entry.section),
            format: doc.source.format,
            bytes,
            hash: contentHash(bytes),
            text,
            names: shortTitles(text),
            corpusId: entry.id,
            heading: entry.title.replace(/^.*§\s*\S+\s*(?:\(current law\))?\s*/, ''),
          }),
        );
        continue;
      }
      const facts = versionFacts(entry, bytes, bills);
      if (typeof facts === 'string') {
        tally.problem({ file: where, reason: facts });
        continue;
      }
      const { result, billId } = await storeVersion(writer, { ...facts, bytes, file: entry.id, corpusId: entry.id });
      touched.add(billId);
      tally.count(result);
    } catch (error) {
      tally.problem({ file: where, reason: (error as Error).message });
    }
  }
  await finishBills(writer, touched);
}

function versionFacts(entry: CorpusEntry, bytes: Buffer, bills: CorpusEntry[]) {
  const measure = entry.measure ? parseMeasure(entry.measure) : undefined;
  const jurisdiction = /^calif/i.test(entry.jurisdiction) ? 'ca' : 'us';
  const session = jurisdiction === 'ca' ? sessionFromName(entry.session ?? '') : /(\d{2,3})(?:st|nd|rd|th)/.exec(entry.session ?? '')?.[1];
  if (!measure || !session) return `a bill of the corpus without a measure and session this import can read (${entry.measure ?? 'no measure'}, ${entry.session ?? 'no session'})`;
  const head = bytes.subarray(0, 16384).toString('utf8');
  const own = jurisdiction === 'ca' ? camlFacts(head) : federalFacts(head, entry.file, bytes.subarray(-8192).toString('utf8'));
  const siblings = bills.filter((b) => b.measure === entry.measure && b.session === entry.session).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const title = entry.title.replace(/^.*?—\s*/, '');
  // "proposed Government Code § 7282.7 (excerpt)": the text is that section alone.
  const proposed = /\bproposed (.+? Code) § ([\d.]+[a-z]?)/.exec(entry.title);
  const code = proposed ? codeOf(proposed[1]!) : undefined;
  // "California Values Act (Stats. 2017, ch. 495)": its chapter, as BILL_TBL would give it.
  const statute = statuteCitation(/\(([^()]*\bch\.[^()]*)\)\s*$/.exec(title)?.[1] ?? '');
  return {
    ...(code ? { context: { code, adds: proposed![2]! } } : {}),
    id: typeof own === 'string' ? entry.id : own.id,
    // A chaptered version (the bundle's SB 54) says its bill is law, as a CAML one's Id does.
    bill: { jurisdiction, session, type: measure.type, number: measure.number, ...(jurisdiction === 'ca' && /^chaptered\b/i.test(entry.stage ?? '') ? CHAPTERED : {}), ...(statute ? { statute } : {}) } as const,
    ...(typeof own !== 'string' && own.versionNum !== undefined ? { versionNum: own.versionNum } : {}),
    stage: entry.stage ?? (typeof own === 'string' ? 'Version' : own.stage),
    ...(entry.date ? { date: entry.date } : {}),
    title,
    first: siblings[0]?.id === entry.id,
  };
}
