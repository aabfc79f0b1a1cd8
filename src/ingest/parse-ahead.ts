/**
 * Parse ahead: while the ingesting thread loads file n (its transaction, its records, its move),
 * the parse worker reads file n+1, so the two cores work at once instead of taking turns. For
 * runs of many small files (a year of daily national tables, a month of portal captures) the
 * parse and the load of a file cost about the same, so this takes up to half of the time away.
 *
 * Nothing about a file's outcome changes: a parse ahead is the same parseWithinBudget call (its
 * attempt records, budgets and retries), only started earlier. The file's own turn still does
 * everything else in order (the duplicate check against what has been committed by then, the
 * fault hooks, the load), and uses the parse ahead only if it was of the same bytes. Only files up
 * to PARSE_AHEAD_MAX_BYTES are parsed ahead: two large parse results at once would double the peak
 * memory. A run that ends (done, stopped, failed) waits for a parse ahead still running, so no
 * parse outlives its run.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { IngestEnv } from './ingest-file.ts'
import { parseWithinBudget } from './parse-budget.ts'
import type { ParsedFile } from './parse-file.ts'

/** Files larger than this are parsed at their turn (their parse result would sit beside another). */
export const PARSE_AHEAD_MAX_BYTES = 4 * 1024 * 1024

export interface ParsedAhead {
  sha256: string
  parse: Promise<ParsedFile>
}

export class ParseAhead {
  readonly #started = new Map<string, ParsedAhead>()

  /**
   * Starts parsing `path` (a file claimed into work/). Synchronously records that it started, so
   * the file's turn never starts a second parse of it beside this one.
   */
  start(env: IngestEnv, path: string): void {
    if (this.#started.has(path)) return
    // Synchronous up to the job reaching the worker: the caller's load, which follows at once, is
    // synchronous too, and the worker must have the next file before it starts, not after.
    let ahead: ParsedAhead | null = null
    try {
      const st = statSync(path)
      if (st.size > PARSE_AHEAD_MAX_BYTES) return
      const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex')
      // Already stored: a duplicate needs no parse.
      const known = env.store.first(
        env.store.db.selectFrom('source_files').select('id').where('sha256', '=', sha256),
      )
      if (known) return
      env.log.debug({ file: basename(path) }, 'parsing ahead while the previous file loads')
      const parse = parseWithinBudget(env, path, basename(path), sha256)
      // The file's turn awaits this promise and gets its rejection; until then it is handled here.
      parse.catch(() => {})
      ahead = { sha256, parse }
    } catch {
      // Unreadable now (gone, locked): its own turn meets the same and says so.
      return
    }
    this.#started.set(path, ahead)
  }

  /** The parse started ahead for this file and these bytes, if any (taken: asked once). */
  async take(path: string, sha256: string): Promise<Promise<ParsedFile> | null> {
    const ahead = this.#started.get(path)
    if (!ahead) return null
    this.#started.delete(path)
    if (ahead.sha256 === sha256) return ahead.parse
    await ahead.parse.catch(() => {})
    return null
  }

  /** Waits for every parse still running (the end of a run): none outlives it. */
  async settle(): Promise<void> {
    const pending = [...this.#started.values()]
    this.#started.clear()
    for (const ahead of pending) await ahead.parse.catch(() => {})
  }
}
