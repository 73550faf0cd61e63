/**
 * The data's generation (every import bumps it, whichever process imports) as the caches read it:
 * each request waits for a read of the database that began after the request arrived, so a page is
 * never answered from before an import that had committed when it was asked for. Reads are shared:
 * however many requests arrive while one read runs, they all wait for the one next read.
 */
export function generationReader(read: () => Promise<string>): () => Promise<string> {
  let running: Promise<string> | undefined;
  let queued: Promise<string> | undefined;
  const start = (): Promise<string> => {
    const current = read().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  return () => {
    if (!running) return start();
    // The read running may have begun before this request: wait for the next one.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
