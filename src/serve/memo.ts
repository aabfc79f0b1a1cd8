/**
 * A small cache for results that are costly to derive and change only when the database does (the
 * portal's units of a score set are recomputed from the staged captures on every call). SQLite's
 * `data_version` changes whenever another connection (the nightly refresh) commits, so a cached
 * value can never outlive the data it came from. Bounded: the oldest entries go first.
 */
import type { Store } from '../db/sqlite.ts'

export class DataMemo {
  readonly #entries = new Map<string, unknown>()
  #version: number | null = null

  constructor(
    private readonly store: Store,
    private readonly max = 64,
  ) {}

  /** Call inside the request's read transaction, so the version and the value agree. */
  get<T>(key: string, compute: () => T): T {
    const version = this.store.dataVersion()
    if (version !== this.#version) {
      this.#entries.clear()
      this.#version = version
    }
    // A key is always computed by the same caller, so the value under it is that caller's T.
    if (this.#entries.has(key)) return this.#entries.get(key) as T
    const value = compute()
    if (this.#entries.size >= this.max) {
      const oldest = this.#entries.keys().next()
      if (!oldest.done) this.#entries.delete(oldest.value)
    }
    this.#entries.set(key, value)
    return value
  }
}
