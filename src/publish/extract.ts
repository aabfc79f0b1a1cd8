/**
 * Reads what this home publishes, in one SQLite read transaction (the caller's), and plans the
 * warehouse writes against the warehouse's state. Order matters: ids of files and runs are needed by
 * everything after them; score sets by portal readings; readings and snapshots by findings.
 */
import type BetterSqlite3 from 'better-sqlite3'
import { newExtractContext } from './extract-context.ts'
import { extractFiles, extractRuns, extractWithdrawals } from './extract-files.ts'
import { extractFindings, extractRefs } from './extract-findings.ts'
import { extractPortal } from './extract-portal.ts'
import { extractReadings } from './extract-readings.ts'
import { extractUnits } from './extract-units.ts'
import type { Step } from './plan.ts'
import type { RemoteState } from './remote-state.ts'
import { homeWatermark, sameWatermark, type Watermark } from './watermark.ts'

export interface Extract {
  watermark: Watermark
  /** Nothing changed since the last publish: nothing to write. */
  upToDate: boolean
  steps: Step[]
  changes: Record<string, number>
}

export function extractHome(raw: BetterSqlite3.Database, office: string, remote: RemoteState): Extract {
  const watermark = homeWatermark(raw)
  if (sameWatermark(remote.watermark, watermark)) return { watermark, upToDate: true, steps: [], changes: {} }
  const ctx = newExtractContext(raw, office, remote)
  extractRuns(ctx)
  extractFiles(ctx)
  extractWithdrawals(ctx)
  extractPortal(ctx)
  extractReadings(ctx)
  extractUnits(ctx)
  extractFindings(ctx)
  extractRefs(ctx, watermark.refsHash)
  // Deletes first (children go with their parents: ON DELETE CASCADE), then inserts in order.
  return { watermark, upToDate: false, steps: [...ctx.deletes, ...ctx.inserts], changes: ctx.changes }
}
