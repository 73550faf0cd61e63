/**
 * Where the command line's documents come from: a path, `-` for standard input, a document of the
 * database (`ver:…`, `law:…`), or the id of a document of the corpus (`billdiff --list`). Files and
 * standard input are read no further than the size limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CompareDocument } from '../compare/index.js';
import type { DocumentSource } from '../compare/source.js';
import { corpusDocument, type Corpus } from '../corpus/index.js';
import { decodeInputNoting, inputTooLarge } from '../parse/input.js';
import { parseMeasure } from '../store/names.js';
import { BilldiffError } from '../util/errors.js';
import { readFileBounded } from './files.js';

export interface CliSourceOptions {
  cwd: string;
  /** Standard input, read no further than `maxBytes` and one more byte. */
  readStdin: (maxBytes: number) => Promise<Buffer>;
  /** A document of the database (`ver:…`, `law:…`), or undefined for a name that is not a database id. */
  database?: (name: string) => Promise<CompareDocument | undefined>;
  /** The corpus, loaded when a name is neither `-` nor a file. */
  corpus: () => Corpus;
  maxBytes: number;
}

/** The command line's `DocumentSource`. */
export function cliSource(options: CliSourceOptions): DocumentSource {
  const { cwd, readStdin, database, corpus, maxBytes } = options;
  return {
    async read(name: string): Promise<CompareDocument> {
      if (name === '-') {
        const bytes = await readStdin(maxBytes);
        if (bytes.length > maxBytes) throw inputTooLarge('<stdin>', maxBytes);
        return { bytes: decodeInputNoting(bytes, '<stdin>', { maxBytes }), file: '<stdin>' };
      }
      const stored = await database?.(name);
      if (stored) return stored;
      const full = path.resolve(cwd, name);
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(full);
      } catch {
        stat = undefined;
      }
      if (stat?.isDirectory()) throw new BilldiffError('is a directory; give a file', { file: name });
      // Decoded as read: the bytes are let go while they are young, before the comparison holds both trees.
      if (stat) return { bytes: decodeInputNoting(readFileBounded(full, name, maxBytes), name, { maxBytes }), file: name };
      const entry = corpus().get(name);
      if (!entry) {
        // "AB 1656" on its own: a bill of the database is compared version against version by name.
        const bill = parseMeasure(name) ? `; for the versions of a bill of the database, name two: billdiff ${JSON.stringify(name)} --from previous --to latest (billdiff bill ${JSON.stringify(name)} lists them)` : '';
        throw new BilldiffError(`no such file, and no document with this id in the corpus (billdiff --list shows them)${bill}`, { file: name, code: 'not-found' });
      }
      return corpusDocument(corpus(), entry);
    },
  };
}
