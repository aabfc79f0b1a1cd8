/**
 * The home's stable warehouse identity: a UUID created on the first publish and kept in the
 * database's `meta` table (key `office_id`), so it survives config edits, moves of the home and
 * restores from `qd766 backup`. Two homes restored from one backup would share it: give the copy a
 * new one by deleting that meta row before its first publish.
 */
import { randomUUID } from 'node:crypto'
import type { Store } from '../db/sqlite.ts'

const KEY = 'office_id'

export function readOfficeId(store: Store): string | null {
  const value: unknown = store.raw.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(KEY)
  return typeof value === 'string' ? value : null
}

/** Returns the office id, creating it once (needs a writable store). */
export function ensureOfficeId(store: Store): string {
  return store.tx(() => {
    const existing = readOfficeId(store)
    if (existing) return existing
    const id = randomUUID()
    store.raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(KEY, id)
    return id
  })
}
