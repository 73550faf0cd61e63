/**
 * What the pages read of the whole database once a generation of the data (every import bumps it):
 * the authors' names a search looks up, the pending bills that would change each section, the list of
 * sessions on every search page. Read at the
 * first request of a generation; requests of the same generation share the read, and one of another
 * generation reads again. A read that fails is not kept: the next request reads again.
 */
export class PerGeneration<T> {
  #generation: string | undefined;
  #value: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  /** The value as the data of `generation` have it. */
  of(generation: string): Promise<T> {
    if (this.#value === undefined || this.#generation !== generation) {
      this.#generation = generation;
      const loading = this.load();
      loading.catch(() => {
        if (this.#value === loading) this.#value = undefined;
      });
      this.#value = loading;
    }
    return this.#value;
  }
}
