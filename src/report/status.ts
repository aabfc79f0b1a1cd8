/**
 * What an analyst needs in the morning: the last runs, files waiting in the inbox, rejected files
 * with their reasons, findings, and the latest reading of each period.
 */
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { basename } from 'node:path'
import type { App } from '../app.ts'
import { isIgnoredName } from '../inbox/scan.ts'

export async function getStatus(app: App, opts: { runs?: number } = {}) {
  const { store } = app
  const runs = store.all(
    store.db
      .selectFrom('runs')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(opts.runs ?? 5),
  )
  const inbox = existsSync(app.home.inbox)
    ? (await readdir(app.home.inbox, { withFileTypes: true }))
        .filter((d) => d.isFile() && !isIgnoredName(d.name))
        .map((d) => d.name)
        .sort()
    : []
  const rejected = store
    .all(
      store.db
        .selectFrom('file_events')
        .select(['file_name', 'error_code', 'message', 'stored_as', 'at'])
        .where('status', '=', 'rejected')
        .orderBy('id', 'desc')
        .limit(20),
    )
    .filter((r) => r.stored_as !== null && existsSync(r.stored_as))
    .map((r) => ({
      file: r.file_name,
      storedAs: basename(r.stored_as!),
      code: r.error_code,
      message: r.message,
      at: r.at,
    }))
  const findings = store.all(
    store.db
      .selectFrom('findings')
      .select(['kind', 'severity', 'message', 'province_code', 'at'])
      .orderBy('id', 'desc')
      .limit(20),
  )
  const latest = store.all(
    store.db
      .selectFrom('snapshots')
      .select((eb) => [
        'period',
        'period_type',
        eb.fn.max('as_of').as('latestAsOf'),
        eb.fn.count<number>('id').as('snapshots'),
        eb.fn.max('taken_at').as('lastTakenAt'),
      ])
      .groupBy(['period', 'period_type'])
      .orderBy('period', 'desc'),
  )
  const totals = store.first(
    store.db
      .selectFrom('source_files')
      .select((eb) => [eb.fn.countAll<number>().as('files'), eb.fn.sum<number>('rows').as('rows')]),
  )
  return {
    home: app.home.root,
    database: app.home.database,
    runs: runs.map((r) => ({
      id: r.id,
      command: r.command,
      trigger: r.trigger,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      filesSeen: r.files_seen,
      accepted: r.accepted,
      duplicate: r.duplicate,
      rejected: r.rejected,
      waiting: r.waiting,
      snapshots: r.snapshots,
      findings: r.findings,
      error: r.error,
    })),
    inbox: { waiting: inbox.length, files: inbox },
    rejected,
    findings,
    periods: latest,
    ingested: { files: totals?.files ?? 0, rows: totals?.rows ?? 0 },
  }
}
