import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Ids of stored uploads: `u:` and the sha256 of the bytes, lower-case hex. */
export const UPLOAD_ID = /^u:[0-9a-f]{64}$/;

/**
 * A content-addressed store of uploaded texts on disk: each text is saved under the sha256 of
 * its bytes. A text is written to a temporary file in the same folder, then hard-linked into
 * place (which fails rather than replace an existing file), so a reader never sees half a
 * file and nothing stored is ever overwritten. A temporary file's name carries the id of the
 * process writing it, so that `removeStale` can remove what a process that died left behind.
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
    const temp = path.join(this.dir, `${TEMP_PREFIX}${process.pid}-${hash.slice(0, 16)}-${randomBytes(6).toString('hex')}`);
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
   * Removes the temporary files that processes which are no longer running left half-written
   * (a crash, a kill); those of running processes (another server on the same store) stay.
   * Returns how many were removed.
   */
  removeStale(): number {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      if (!name.startsWith(TEMP_PREFIX)) continue;
      const pid = Number(/^\.tmp-(\d+)-/.exec(name)?.[1]);
      if (Number.isSafeInteger(pid) && isRunning(pid)) continue;
      rmSync(path.join(this.dir, name), { force: true });
      removed++;
    }
    return removed;
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

const TEMP_PREFIX = '.tmp-';

/** Whether a process with this id is running (one that exists but is not ours counts). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
