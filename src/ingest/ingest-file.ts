/**
 * One file, start to end: hash -> duplicate check -> read -> recognise -> parse/validate -> one
 * BEGIN IMMEDIATE transaction (source file, raw rows, facts, event, findings) -> archive. Anything
 * thrown before the commit leaves the database untouched and the file goes to rejected/ unchanged,
 * with an error report a person can act on. Nothing here throws for a bad file: the outcome is data.
 */
import { existsSync } from 'node:fs'
import { mkdir, rename, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Config } from '../config/config.ts'
import type { Home } from '../config/home.ts'
import type { Store } from '../db/sqlite.ts'
import { asQdError, type QdError } from '../errors.ts'
import { fmtLocalDateTime } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import { freeName, sha256File, writeErrorReport } from '../inbox/files.ts'
import type { Logger } from '../log.ts'
import type { Finding, LoadSummary, Pipeline } from '../pipeline/types.ts'
import type { ProvinceRegistry } from '../reference/provinces.ts'
import { assertLease, LeaseLostError } from '../run/runs.ts'
import { parseWithinBudget } from './parse-budget.ts'
import type { ParsedFile } from './parse-file.ts'
import { loadWarnings, todayIn } from './reading-warnings.ts'

export interface IngestEnv {
  home: Home
  store: Store
  config: Config
  registry: ProvinceRegistry
  pipelines: Pipeline[]
  log: Logger
  runId: number | null
  onRows?: (file: string, rows: number) => void
}

export interface FileOutcome {
  file: string
  sha256: string
  status: 'accepted' | 'duplicate' | 'rejected'
  kind: string | null
  rows: number | null
  error: string | null
  errorDetail: Record<string, unknown> | null
  storedAs: string | null
  findings: Finding[]
  readingIds: number[]
  /** For a duplicate: the accepted file with the same bytes, when it came in, and that said for people. */
  duplicateOf?: { file: string; ingestedAt: string; message: string }
  /** True when this run only finished moving a file whose data an interrupted run had committed. */
  resumed?: boolean
}

/** Stops a run that lost its lease before it commits or moves anything (run/runs.ts). */
function holdLease(env: IngestEnv): void {
  if (env.runId !== null) assertLease(env.store, env.runId)
}

export async function ingestFile(
  env: IngestEnv,
  workPath: string,
  opts: { displayName?: string; recovered?: boolean } = {},
): Promise<FileOutcome> {
  const { store, home, log } = env
  const fileName = opts.displayName ?? basename(workPath)
  const sha256 = await sha256File(workPath)
  const st = await stat(workPath)
  const base: Omit<FileOutcome, 'status'> = {
    file: fileName,
    sha256,
    kind: null,
    rows: null,
    error: null,
    errorDetail: null,
    storedAs: null,
    findings: [],
    readingIds: [],
  }
  const now = () => new Date().toISOString()

  // ---- a run that died after recording this file but before moving it: finish the move ---------
  // Every outcome is recorded *with its destination* before the file moves (archive, duplicates,
  // rejected), so a kill between the two leaves a record whose file is still in work/.
  if (opts.recovered) {
    const finished = await finishInterruptedMove(env, workPath, base)
    if (finished) return finished
  }

  // ---- identity: the same bytes again change nothing -------------------------------------------
  const known = store.first(
    store.db
      .selectFrom('source_files')
      .select(['id', 'kind', 'rows', 'archived_as', 'file_name', 'accepted_at'])
      .where('sha256', '=', sha256),
  )
  if (known) {
    const storedAs = await planMove(workPath, `${home.archive}/duplicates`, sha256)
    const duplicateOf = {
      file: known.file_name,
      ingestedAt: known.accepted_at,
      message: t('national.duplicate-of', {
        file: known.file_name,
        at: fmtLocalDateTime(known.accepted_at),
      }),
    }
    store.tx(() => {
      holdLease(env)
      store.run(
        store.db.insertInto('file_events').values({
          run_id: env.runId,
          sha256,
          file_name: fileName,
          status: 'duplicate',
          kind: known.kind,
          rows: 0,
          error_code: null,
          message: t('national.duplicate-of-record', { file: known.file_name, id: known.id }),
          error_json: null,
          stored_as: storedAs,
          at: now(),
        }),
      )
    })
    holdLease(env)
    await rename(workPath, storedAs)
    return { ...base, status: 'duplicate', kind: known.kind, rows: 0, storedAs, duplicateOf }
  }

  // ---- read, recognise, validate (no writes) ---------------------------------------------------
  let parsed: ParsedFile
  try {
    parsed = await parseWithinBudget(env, workPath, fileName, sha256)
  } catch (err) {
    if (err instanceof LeaseLostError) throw err
    return reject(env, workPath, base, asQdError(err, { file: fileName }))
  }

  // ---- load: one transaction for everything this file brings -----------------------------------
  const kind = [...new Set(parsed.sheets.map((s) => s.pipeline.key))].join('+')
  const archiveAs = await planMove(workPath, home.archive, sha256)
  let summaries: LoadSummary[]
  try {
    summaries = store.tx(() => {
      holdLease(env)
      const first = parsed.sheets[0]!
      const sourceFileId = store.run(
        store.db.insertInto('source_files').values({
          sha256,
          file_name: fileName,
          size: st.size,
          mtime: st.mtime.toISOString(),
          format: parsed.format,
          encoding: parsed.encoding,
          kind,
          rows: 0,
          period: null,
          as_of: null,
          accepted_at: now(),
          run_id: env.runId,
          archived_as: archiveAs,
        }),
      ).lastInsertRowid
      if (parsed.json !== null) {
        store.run(
          store.db.insertInto('raw_documents').values({ source_file_id: sourceFileId, body: parsed.json }),
        )
      }
      const insertRaw = store.raw.prepare(
        'INSERT INTO raw_rows (source_file_id, sheet, row_number, cells) VALUES (?, ?, ?, ?)',
      )
      const out: LoadSummary[] = []
      const today = todayIn(env.config.schedule.timezone)
      for (const s of parsed.sheets) {
        for (const r of s.raw) insertRaw.run(sourceFileId, s.sheet, r.rowNumber, JSON.stringify(r.cells))
        const summary = s.pipeline.load(store, s.parsed, { sourceFileId, runId: env.runId })
        // A future date or missing provinces: accepted, but said at once (reading-warnings.ts).
        summary.findings = [
          ...summary.findings,
          ...loadWarnings(store, env.registry, { pipelineKey: s.pipeline.key, ...summary }, today),
        ]
        out.push(summary)
      }
      const rows = out.reduce((n, s) => n + s.rows, 0)
      store.run(
        store.db
          .updateTable('source_files')
          .set({ rows, period: out[0]?.period ?? null, as_of: out[0]?.asOf ?? null })
          .where('id', '=', sourceFileId),
      )
      for (const s of out) {
        for (const f of s.findings) {
          store.run(
            store.db.insertInto('findings').values({
              run_id: env.runId,
              source_file_id: sourceFileId,
              reading_id: s.readingIds?.[0] ?? null,
              snapshot_id: null,
              kind: f.kind,
              severity: f.severity,
              province_code: f.provinceCode ?? null,
              sheet: f.sheet ?? first.sheet,
              row_number: f.row ?? null,
              message: f.message,
              detail: f.detail === undefined ? null : JSON.stringify(f.detail),
              at: now(),
            }),
          )
        }
      }
      store.run(
        store.db.insertInto('file_events').values({
          run_id: env.runId,
          sha256,
          file_name: fileName,
          status: 'accepted',
          kind,
          rows,
          error_code: null,
          message: null,
          error_json: null,
          stored_as: null,
          at: now(),
        }),
      )
      return out
    })
  } catch (err) {
    if (err instanceof LeaseLostError) throw err
    return reject(env, workPath, base, asQdError(err, { file: fileName }))
  }

  // ---- archive (after commit, to the path the commit recorded: a crash here is finished by the
  // next run, which finds the file in work/ and its record pointing at a path that does not exist)
  const storedAs = archiveAs
  holdLease(env)
  await rename(workPath, storedAs)
  const rows = summaries.reduce((n, s) => n + s.rows, 0)
  const findings = summaries.flatMap((s) => s.findings)
  for (const f of findings) log.warn({ file: fileName, kind: f.kind, row: f.row }, f.message)
  return {
    ...base,
    status: 'accepted',
    kind,
    rows,
    storedAs,
    findings,
    readingIds: summaries.flatMap((s) => s.readingIds ?? []),
  }
}

async function reject(
  env: IngestEnv,
  workPath: string,
  base: Omit<FileOutcome, 'status'>,
  error: QdError,
): Promise<FileOutcome> {
  const { store, home, log } = env
  // Report first, then the event (with the destination), then the move: a kill at any point leaves
  // either nothing recorded (the file is read again) or a record the next run completes.
  holdLease(env)
  const storedAs = await planMove(workPath, home.rejected, base.sha256)
  const report = {
    file: base.file,
    sha256: base.sha256,
    rejectedAt: new Date().toISOString(),
    ...error.toJSON(),
    file_in_rejected: basename(storedAs),
    hint: 'Fix the file (or its name) and drop it into the inbox again; nothing from it was stored.',
  }
  await writeErrorReport(storedAs, report)
  store.tx(() => {
    holdLease(env)
    store.run(
      store.db.insertInto('file_events').values({
        run_id: env.runId,
        sha256: base.sha256,
        file_name: base.file,
        status: 'rejected',
        kind: null,
        rows: null,
        error_code: error.code,
        message: error.describe(),
        error_json: JSON.stringify(error.toJSON()),
        stored_as: storedAs,
        at: new Date().toISOString(),
      }),
    )
  })
  holdLease(env)
  await rename(workPath, storedAs)
  log.error(
    { file: base.file, code: error.code, row: error.location.row, column: error.location.column },
    error.describe(),
  )
  return { ...base, status: 'rejected', error: error.describe(), errorDetail: error.toJSON(), storedAs }
}

/** A free destination for a file in `dir` (created), decided before the move is recorded. */
async function planMove(workPath: string, dir: string, sha256: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  return freeName(dir, basename(workPath), sha256)
}

/**
 * For a file taken up from work/ after a crash: if an earlier run already recorded its outcome
 * (accepted with its archive path, or a duplicate/rejected event with its destination) but died
 * before the move, complete the move and report that outcome again, without recording it twice.
 */
async function finishInterruptedMove(
  env: IngestEnv,
  workPath: string,
  base: Omit<FileOutcome, 'status'>,
): Promise<FileOutcome | null> {
  const { store, home, log } = env
  holdLease(env)
  const known = store.first(
    store.db
      .selectFrom('source_files')
      .select(['id', 'kind', 'rows', 'archived_as'])
      .where('sha256', '=', base.sha256),
  )
  if (known && (known.archived_as === null || !existsSync(known.archived_as))) {
    // (archived_as null: recorded by a version that moved first and recorded the path afterwards)
    const storedAs = known.archived_as ?? (await planMove(workPath, home.archive, base.sha256))
    await mkdir(dirname(storedAs), { recursive: true })
    await rename(workPath, storedAs)
    if (known.archived_as === null)
      store.tx(() =>
        store.run(
          store.db.updateTable('source_files').set({ archived_as: storedAs }).where('id', '=', known.id),
        ),
      )
    log.info({ file: base.file, storedAs }, 'finished archiving a file committed by an interrupted run')
    return { ...base, status: 'accepted', kind: known.kind, rows: known.rows, storedAs, resumed: true }
  }
  const event = store.first(
    store.db
      .selectFrom('file_events')
      .select(['status', 'kind', 'message', 'error_json', 'stored_as'])
      .where('sha256', '=', base.sha256)
      .where('status', 'in', ['duplicate', 'rejected'])
      .orderBy('id', 'desc')
      .limit(1),
  )
  if (event?.stored_as && !existsSync(event.stored_as)) {
    await mkdir(dirname(event.stored_as), { recursive: true })
    await rename(workPath, event.stored_as)
    log.info(
      { file: base.file, storedAs: event.stored_as },
      `finished moving a file an interrupted run had ${event.status === 'rejected' ? 'rejected' : 'found to be a duplicate'}`,
    )
    return {
      ...base,
      status: event.status,
      kind: event.kind,
      rows: event.status === 'duplicate' ? 0 : null,
      error: event.status === 'rejected' ? event.message : null,
      errorDetail: event.error_json ? (JSON.parse(event.error_json) as Record<string, unknown>) : null,
      storedAs: event.stored_as,
      resumed: true,
    }
  }
  return null
}
