/**
 * The record of parse attempts per file content (table parse_attempts, migration 0007). An attempt
 * is committed BEFORE the parse starts, marked "crash" until the parse reports back, so a file whose
 * parse takes the whole process down (kill -9, the machine's OOM killer) is known to the next run
 * even though nothing else about it was written. The row goes once the parse ends with a verdict.
 */

import type { Store } from '../db/sqlite.ts'
import { isObj } from '../guards.ts'

/** Why a parse attempt ended without a verdict. */
export interface ParseFailure {
  budget: 'memory' | 'time' | 'crash'
  /** The limit in force: MB for memory, seconds for time; null for a crash. */
  limit: number | null
  /** What the worker or the system said (for the log and the .error.json), if anything. */
  detail?: string
}

export interface AttemptRecord {
  attempts: number
  lastFailure: ParseFailure
}

export function attemptsSoFar(store: Store, sha256: string): AttemptRecord | null {
  const row = store.first(
    store.db.selectFrom('parse_attempts').select(['attempts', 'last_failure']).where('sha256', '=', sha256),
  )
  if (!row) return null
  return { attempts: row.attempts, lastFailure: readFailure(row.last_failure) }
}

/** parse_attempts.last_failure as written by recordFailure; an unreadable one counts as a crash. */
function readFailure(json: string): ParseFailure {
  const v: unknown = JSON.parse(json)
  if (!isObj(v)) return { budget: 'crash', limit: null }
  const budget = v.budget === 'memory' || v.budget === 'time' ? v.budget : 'crash'
  const limit = typeof v.limit === 'number' ? v.limit : null
  return typeof v.detail === 'string' ? { budget, limit, detail: v.detail } : { budget, limit }
}

/**
 * How attempts are committed. They only need to outlive the process (a parse that kills it must
 * count), not a power cut (which is no file's fault), so a group commit writes them without waiting
 * for the disk: `durable: false` (Store.tx).
 */
export interface AttemptWrite {
  durable?: boolean
}

/** Records (and commits) one more attempt, presumed a crash until recordFailure/clearAttempts. */
export function beginAttempt(
  store: Store,
  sha256: string,
  fileName: string,
  now = new Date(),
  write: AttemptWrite = {},
): number {
  const at = now.toISOString()
  const crash = JSON.stringify({ budget: 'crash', limit: null } satisfies ParseFailure)
  return store.tx(() => {
    store.run(
      store.db
        .insertInto('parse_attempts')
        .values({ sha256, file_name: fileName, attempts: 1, last_failure: crash, first_at: at, last_at: at })
        .onConflict((oc) =>
          oc.column('sha256').doUpdateSet((eb) => ({
            attempts: eb('parse_attempts.attempts', '+', 1),
            last_failure: crash,
            last_at: at,
          })),
        ),
    )
    return attemptsSoFar(store, sha256)?.attempts ?? 1
  }, write)
}

export function recordFailure(
  store: Store,
  sha256: string,
  failure: ParseFailure,
  write: AttemptWrite = {},
): void {
  store.tx(
    () =>
      store.run(
        store.db
          .updateTable('parse_attempts')
          .set({ last_failure: JSON.stringify(failure), last_at: new Date().toISOString() })
          .where('sha256', '=', sha256),
      ),
    write,
  )
}

/** The parse ended with a verdict (or the file was rejected for its attempts): forget them. */
export function clearAttempts(store: Store, sha256: string, write: AttemptWrite = {}): void {
  store.tx(() => store.run(store.db.deleteFrom('parse_attempts').where('sha256', '=', sha256)), write)
}
