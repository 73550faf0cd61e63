/**
 * A pubinfo set as files by name, whether a zip (`pubinfo_2025.zip`, `pubinfo_Mon.zip`) or its
 * unzipped folder. A lob named in a table row is looked up among the set's own files by name,
 * never joined into a path. Zips are read with yauzl: entries are found in the central directory
 * and inflated one at a time, so a session's gigabyte zip is never held in memory.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** Files of one set, by their name in upper case. */
export interface FileSet {
  /** The path the user gave (zip or folder), for messages. */
  name: string;
  /** Names as found, by upper-case name. */
  files: Map<string, string>;
  size(name: string): number;
  open(name: string): Promise<Readable>;
  read(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** The longest lob read (a whole omnibus bill is a few megabytes). */
export const MAX_LOB_BYTES = 64 * 1024 * 1024;

/** The files of a folder (not its subfolders). */
export function folderSet(dir: string, names: string[]): FileSet {
  const files = new Map(names.map((n) => [n.toUpperCase(), n]));
  const full = (name: string) => {
    const found = files.get(name.toUpperCase());
    if (!found) throw new Error(`${name} is not in ${dir}`);
    return path.join(dir, found);
  };
  return {
    name: dir,
    files,
    size: (name) => fs.statSync(full(name)).size,
    open: async (name) => fs.createReadStream(full(name)),
    read: async (name) => {
      const file = full(name);
      if (fs.statSync(file).size > MAX_LOB_BYTES) throw new Error(`larger than ${MAX_LOB_BYTES / 1048576} MiB`);
      return fs.promises.readFile(file);
    },
    close: async () => undefined,
  };
}

/** Opens a zip; rejects with a plain reason when it is not a readable zip (truncated, not a zip). */
export async function zipSet(file: string): Promise<FileSet> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (error, z) => (error ? reject(readable(error)) : resolve(z)));
  });
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) {
        // Entries may sit in a folder inside the zip; the set is flat, as the Legislature's is.
        const base = entry.fileName.replace(/^.*\//, '');
        entries.set(base.toUpperCase(), entry);
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (error: Error) => reject(readable(error)));
    zip.readEntry();
  });
  const entry = (name: string) => {
    const found = entries.get(name.toUpperCase());
    if (!found) throw new Error(`${name} is not in ${file}`);
    return found;
  };
  const open = (name: string) =>
    new Promise<Readable>((resolve, reject) => {
      zip.openReadStream(entry(name), (error, stream) => (error ? reject(readable(error)) : resolve(stream)));
    });
  return {
    name: file,
    files: new Map([...entries].map(([upper, e]) => [upper, e.fileName.replace(/^.*\//, '')])),
    size: (name) => entry(name).uncompressedSize,
    open,
    read: async (name) => {
      const e = entry(name);
      if (e.uncompressedSize > MAX_LOB_BYTES) throw new Error(`larger than ${MAX_LOB_BYTES / 1048576} MiB`);
      const chunks: Buffer[] = [];
      const stream = await open(name);
      try {
        for await (const chunk of stream) chunks.push(chunk as Buffer);
      } catch (error) {
        throw readable(error as Error);
      }
      return Buffer.concat(chunks);
    },
    close: async () => zip.close(),
  };
}

/** yauzl's messages, in the words the import report uses. */
function readable(error: Error): Error {
  const m = error.message;
  if (/end of central directory record signature not found/i.test(m)) return new Error('not a complete zip file (truncated, or not a zip): its table of contents is missing');
  if (/unexpected EOF|invalid (?:relative|local) (?:offset|file header)|too many length or distance|invalid stored block|incorrect header check|invalid distance/i.test(m)) return new Error(`damaged zip entry (${m})`);
  return error;
}

/** sha256 of a file, read as a stream. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** sha256 over a folder's files (names and contents), in name order. */
export async function hashFolder(dir: string, names: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const name of [...names].sort()) {
    hash.update(`${name}\u0000`);
    for await (const chunk of fs.createReadStream(path.join(dir, name))) hash.update(chunk as Buffer);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}
