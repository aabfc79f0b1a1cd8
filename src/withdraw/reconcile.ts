/**
 * Which derived rows count, given the files that are withdrawn now. Runs after every portal
 * scoring pass (refresh, ingest, withdraw, undo) once any withdrawal exists; a home that never
 * withdrew a file skips it entirely.
 *
 * The rule (docs/withdrawals.md):
 * - a national reading (and its snapshot) counts while its file is not withdrawn;
 * - a portal score set counts while none of its captures comes from a withdrawn file, and, when it
 *   was derived while files of its reading date were withdrawn (`derived_without`), only while it is
 *   still what the current captures give; the same for a portal reading and its snapshot;
 * - a snapshot counts exactly when its reading counts.
 * Rows never change except for their marker (`withdrawn_at`, `withdrawal_id`), so an undo that
 * makes the original captures current again brings the original score sets, readings and snapshots
 * back (same ids, same JSON), and the rows re-derived during the withdrawal stop counting.
 */
import type { Store } from '../db/sqlite.ts'
import type { MaterialiseResult } from '../mart/portal-scores.ts'

export interface ReconcileResult {
  /** Snapshots that stopped counting / came back in this pass. */
  snapshotsWithdrawn: number[]
  snapshotsRestored: number[]
  scoreSetsWithdrawn: number
  scoreSetsRestored: number
}

const EMPTY: ReconcileResult = {
  snapshotsWithdrawn: [],
  snapshotsRestored: [],
  scoreSetsWithdrawn: 0,
  scoreSetsRestored: 0,
}

export function hasWithdrawals(store: Store): boolean {
  return store.first(store.db.selectFrom('file_withdrawals').select('id').limit(1)) !== undefined
}

/** Brings every marker in line with the rule; runs inside the caller's transaction. */
export function reconcileWithdrawals(
  store: Store,
  current: MaterialiseResult['current'],
  opts: { withdrawalId: number | null; at: string },
): ReconcileResult {
  if (!hasWithdrawals(store)) return EMPTY
  const { db } = store
  const withdrawn = new Set(
    store
      .all(db.selectFrom('source_files').select('id').where('withdrawn_at', 'is not', null))
      .map((r) => r.id),
  )
  const captureFile = new Map(
    store
      .all(db.selectFrom('stg_portal_captures').select(['id', 'source_file_id']))
      .map((c) => [c.id, c.source_file_id]),
  )

  // Score sets.
  const sets = store.all(db.selectFrom('mart_portal_scores').select(['id', 'capture_key', 'derived_without']))
  const setOut = new Set<number>()
  const usesWithdrawnFile = new Set<number>()
  for (const s of sets) {
    if (s.capture_key.split(',').some((id) => withdrawn.has(captureFile.get(Number(id)) ?? -1)))
      usesWithdrawnFile.add(s.id)
    if (usesWithdrawnFile.has(s.id) || (s.derived_without !== null && !current.scoreSets.has(s.id)))
      setOut.add(s.id)
  }

  // Readings: national ones by their file, portal ones by their score sets.
  const portal = store.all(
    db
      .selectFrom('mart_portal_readings as r')
      .innerJoin('mart_portal_reading_scores as rs', 'rs.reading_id', 'r.reading_id')
      .select(['r.reading_id', 'r.derived_without', 'rs.score_id']),
  )
  const portalReadings = new Map<number, { derivedWithout: string | null; scoreIds: number[] }>()
  for (const p of portal) {
    const r = portalReadings.get(p.reading_id) ?? { derivedWithout: p.derived_without, scoreIds: [] }
    r.scoreIds.push(p.score_id)
    portalReadings.set(p.reading_id, r)
  }
  const readingOut = new Set<number>()
  for (const r of store.all(db.selectFrom('stg_readings').select(['id', 'source_file_id']))) {
    const p = portalReadings.get(r.id)
    if (!p) {
      if (withdrawn.has(r.source_file_id)) readingOut.add(r.id)
      continue
    }
    const usesWithdrawn = p.scoreIds.some((id) => usesWithdrawnFile.has(id))
    if (usesWithdrawn || (p.derivedWithout !== null && !current.readings.has(r.id))) readingOut.add(r.id)
  }

  const s = applyMarkers(store, 'mart_portal_scores', 'id', setOut, opts)
  applyMarkers(store, 'stg_readings', 'id', readingOut, opts)
  const snaps = applyMarkers(store, 'snapshots', 'reading_id', readingOut, opts)
  return {
    snapshotsWithdrawn: snaps.gone,
    snapshotsRestored: snaps.back,
    scoreSetsWithdrawn: s.gone.length,
    scoreSetsRestored: s.back.length,
  }
}

/**
 * Sets the marker on the rows of `table` whose `key` is in `out` and clears it on the others;
 * returns the row ids that changed. Table and column names come from this file, never from data.
 */
function applyMarkers(
  store: Store,
  table: 'mart_portal_scores' | 'stg_readings' | 'snapshots',
  key: 'id' | 'reading_id',
  out: Set<number>,
  opts: { withdrawalId: number | null; at: string },
): { gone: number[]; back: number[] } {
  const rows = store.raw
    .prepare<[], { id: number; k: number; withdrawn_at: string | null }>(
      `SELECT id, ${key} AS k, withdrawn_at FROM ${table}`,
    )
    .all()
  const gone: number[] = []
  const back: number[] = []
  for (const r of rows) {
    if (out.has(r.k)) {
      if (r.withdrawn_at === null) gone.push(r.id)
    } else if (r.withdrawn_at !== null) back.push(r.id)
  }
  const { db } = store
  for (const ids of chunks(gone))
    store.run(
      db
        .updateTable(table)
        .set({ withdrawn_at: opts.at, withdrawal_id: opts.withdrawalId })
        .where('id', 'in', ids),
    )
  for (const ids of chunks(back))
    store.run(db.updateTable(table).set({ withdrawn_at: null, withdrawal_id: null }).where('id', 'in', ids))
  return { gone, back }
}

function chunks(ids: number[], size = 500): number[][] {
  const out: number[][] = []
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size))
  return out
}
