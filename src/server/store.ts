import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Ids of stored uploads: `u:` and the sha256 of the bytes, lower-case hex. */
export const UPLOAD_ID = /^u:[0-9a-f]{64}$/;

/**
 * A content-addressed store of uploaded texts on disk: each text is saved under the sha256 of
 * its bytes. A text is written to a temporary file in the same folder, then hard-linked into
 * place (which fails rather than replace an existing file), so a reader never sees half a
 * file and nothing stored is ever overwritten.
 */
export class UploadStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  /** Saves the bytes (once) and returns their id, `u:<sha256>`. */
  async put(bytes: Uint8Array): Promise<string> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const target = path.join(this.dir, hash);
    await fs.mkdir(this.dir, { recursive: true });
    if (await exists(target)) return `u:${hash}`;
    const temp = path.join(this.dir, `.tmp-${hash.slice(0, 16)}-${randomBytes(6).toString('hex')}`);
    const handle = await fs.open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.link(temp, target);
    } catch (error) {
      // Another request stored the same bytes first: theirs is identical, keep it.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await fs.rm(temp, { force: true });
    }
    return `u:${hash}`;
  }

  /**
   * The bytes stored under `id`, or undefined when there are none. Only an id matching
   * `UPLOAD_ID` ever reaches the file system.
   */
  async get(id: string): Promise<Buffer | undefined> {
    if (!UPLOAD_ID.test(id)) return undefined;
    try {
      return await fs.readFile(path.join(this.dir, id.slice(2)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
