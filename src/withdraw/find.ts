/**
 * Which accepted file a `qd766 withdraw` argument names: a file name as received (or as archived,
 * or a path to it) or a SHA-256 prefix. When nothing accepted matches, says whether the name was a
 * duplicate or a rejected file, so the message can explain why there is nothing to take back.
 */
import { basename } from 'node:path'
import { onlyOne } from '../collections.ts'
import type { Store } from '../db/sqlite.ts'

export interface FileRow {
  id: number
  sha256: string
  file_name: string
  kind: string
  period: string | null
  as_of: string | null
  accepted_at: string
  archived_as: string | null
  withdrawn_at: string | null
  withdrawn_by: string | null
  withdraw_reason: string | null
}

export type Target =
  | { kind: 'file'; file: FileRow }
  | { kind: 'ambiguous'; candidates: FileRow[] }
  | { kind: 'duplicate'; name: string; original: FileRow }
  | { kind: 'rejected'; name: string; at: string; reason: string }
  | { kind: 'none' }

/** A SHA-256 prefix: hex, at least 4 characters (shorter ones would match half the home). */
const SHA_PREFIX = /^[0-9a-f]{4,64}$/i

const FILE_COLUMNS = [
  'id',
  'sha256',
  'file_name',
  'kind',
  'period',
  'as_of',
  'accepted_at',
  'archived_as',
  'withdrawn_at',
  'withdrawn_by',
  'withdraw_reason',
] as const

export function findTarget(store: Store, arg: string, action: 'withdraw' | 'undo'): Target {
  const name = basename(arg.trim())
  const { db } = store
  const byName = store
    .all(db.selectFrom('source_files').select(FILE_COLUMNS).orderBy('id'))
    .filter((f) => f.file_name === name || (f.archived_as !== null && basename(f.archived_as) === name))
  const bySha = SHA_PREFIX.test(name)
    ? store.all(
        db
          .selectFrom('source_files')
          .select(FILE_COLUMNS)
          .where('sha256', 'like', `${name.toLowerCase()}%`)
          .orderBy('id'),
      )
    : []
  const candidates = [...new Map([...byName, ...bySha].map((f) => [f.id, f])).values()]
  const only = onlyOne(candidates)
  if (only) return { kind: 'file', file: only }
  if (candidates.length > 1) {
    // The same name dropped twice with different contents: the one the action can change is meant.
    const changeable = candidates.filter((f) => (action === 'withdraw') === (f.withdrawn_at === null))
    const meant = onlyOne(changeable)
    if (meant) return { kind: 'file', file: meant }
    return { kind: 'ambiguous', candidates }
  }
  const event = store.first(
    db
      .selectFrom('file_events')
      .select(['sha256', 'file_name', 'status', 'message', 'at'])
      .where((eb) =>
        SHA_PREFIX.test(name)
          ? eb.or([eb('file_name', '=', name), eb('sha256', 'like', `${name.toLowerCase()}%`)])
          : eb('file_name', '=', name),
      )
      .where('status', 'in', ['duplicate', 'rejected'])
      .orderBy('id', 'desc')
      .limit(1),
  )
  if (event?.status === 'duplicate') {
    const original = store.first(
      db.selectFrom('source_files').select(FILE_COLUMNS).where('sha256', '=', event.sha256),
    )
    if (original) return { kind: 'duplicate', name: event.file_name, original }
  }
  if (event?.status === 'rejected')
    return { kind: 'rejected', name: event.file_name, at: event.at, reason: event.message ?? '' }
  return { kind: 'none' }
}
