/**
 * What the home remembers of its warehouse (meta key `warehouse_state`): the watermark and time of
 * the last publish that committed, and the last failure. `qd766 status` compares that watermark
 * with the home's to say how far behind the warehouse is, without connecting to it.
 */
import type { Store } from '../db/sqlite.ts'
import { homeWatermark, lagOf, sameWatermark, type Watermark } from './watermark.ts'

export interface WarehouseState {
  target: string
  schema: string
  lastPublishedAt: string | null
  watermark: Watermark | null
  lastAttemptAt: string
  lastError: { code: string; message: string } | null
}

const KEY = 'warehouse_state'

export function readWarehouseState(store: Store): WarehouseState | null {
  const value: unknown = store.raw.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(KEY)
  if (typeof value !== 'string') return null
  try {
    // written only by recordPublish below
    return JSON.parse(value) as WarehouseState
  } catch {
    return null
  }
}

export function recordPublish(
  store: Store,
  update: { target: string; schema: string } & (
    | { ok: true; watermark: Watermark }
    | { ok: false; error: { code: string; message: string } }
  ),
): void {
  const now = new Date().toISOString()
  store.tx(() => {
    const before = readWarehouseState(store)
    // A different warehouse (URL or schema) starts its own history.
    const same = before && before.target === update.target && before.schema === update.schema
    const next: WarehouseState = {
      target: update.target,
      schema: update.schema,
      lastPublishedAt: update.ok ? now : same ? before.lastPublishedAt : null,
      watermark: update.ok ? update.watermark : same ? before.watermark : null,
      lastAttemptAt: now,
      lastError: update.ok ? null : update.error,
    }
    store.raw
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(KEY, JSON.stringify(next))
  })
}

/**
 * For `status`: the warehouse's lag behind this home (null when no warehouse was ever used). Call it
 * inside the reader's transaction, so the counts are those of the snapshot the rest of status shows.
 */
export function warehouseLag(store: Store, configured: { target: string; schema: string } | null) {
  const state = readWarehouseState(store)
  if (!state && !configured) return null
  const home = homeWatermark(store.raw)
  const published =
    state && (!configured || (state.target === configured.target && state.schema === configured.schema))
      ? state
      : null
  const behind = lagOf(published?.watermark ?? null, home)
  const upToDate = sameWatermark(published?.watermark ?? null, home)
  return {
    configured: configured !== null,
    target: configured?.target ?? state?.target ?? null,
    schema: configured?.schema ?? state?.schema ?? null,
    lastPublishedAt: published?.lastPublishedAt ?? null,
    lastAttemptAt: state?.lastAttemptAt ?? null,
    lastError: state?.lastError ?? null,
    upToDate,
    behind,
  }
}
