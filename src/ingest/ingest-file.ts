/**
 * One file, start to end: hash -> duplicate check -> read -> recognise -> parse/validate -> one
 * BEGIN IMMEDIATE transaction (source file, raw rows, facts, event, findings) -> archive. A QdError
 * about the file's content thrown before the commit leaves the database untouched and the file goes
 * to rejected/ unchanged, with an error report a person can act on: nothing here throws for a bad
 * file, the outcome is data. Anything else (a bug, a full disk, a busy database) is not the file's
 * fault: it is thrown as a RunFailedError and the batch gives the file back (src/ingest/failure.ts).
 */

import { existsSync } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, relative } from 'node:path'
import type { Insertable } from 'kysely'
import type { Config } from '../config/config.ts'
import type { Home } from '../config/home.ts'
import { RawRowWriter } from '../db/raw-rows.ts'
import type { InboxNotesTable } from '../db/schema.ts'
import type { Store } from '../db/sqlite.ts'
import { errnoCode, type QdError } from '../errors.ts'
import { isObj } from '../guards.ts'
import { fmtLocalDateTime } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import { freeName, sha256File, writeErrorReport } from '../inbox/files.ts'
import { NAME_MAX, REPORT_SUFFIX } from '../inbox/names.ts'
import type { Logger } from '../log.ts'
import type { Finding, LoadSummary, Pipeline } from '../pipeline/types.ts'
import type { ProvinceRegistry } from '../reference/provinces.ts'
import { assertLease, LeaseLostError } from '../run/runs.ts'
import { injectFault } from '../testing/faults.ts'
import { failureDetail, isFileFault, RunFailedError } from './failure.ts'
import { type CommitGroup, commitDurably } from './group-commit.ts'
import { type LoadableFile, parseWithinBudget } from './parse-budget.ts'
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
  /**
   * Group commit (group-commit.ts): each file's records commit without waiting for the disk and
   * its move waits for the group's durable commit (commitGroup). Absent: every file's commit is
   * durable and its move follows at once.
   */
  group?: CommitGroup
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
  /**
   * Why the file could not be moved to `storedAs` after its outcome was recorded (a lock, a
   * permission): it stays in work/ and the next run finishes the move. Absent when it moved.
   */
  notMoved?: string
}

/** Stops a run that lost its lease before it commits or moves anything (run/runs.ts). */
function holdLease(env: IngestEnv): void {
  if (env.runId !== null) assertLease(env.store, env.runId)
}

/**
 * Ingests one file from work/. Returns its outcome (accepted, duplicate, rejected); throws a
 * RunFailedError when something that is not the file's fault went wrong (LeaseLostError passes).
 */
export async function ingestFile(
  env: IngestEnv,
  workPath: string,
  opts: { displayName?: string; recovered?: boolean } = {},
): Promise<FileOutcome> {
  const fileName = opts.displayName ?? basename(workPath)
  try {
    return await ingestOne(env, workPath, fileName, opts)
  } catch (err) {
    if (err instanceof RunFailedError || err instanceof LeaseLostError) throw err
    throw new RunFailedError(fileName, err)
  }
}

async function ingestOne(
  env: IngestEnv,
  workPath: string,
  fileName: string,
  opts: { recovered?: boolean },
): Promise<FileOutcome> {
  const { store, home, log } = env
  const st = await stat(workPath)
  const sha256 = await sha256File(workPath, st.size)
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
    const storedAs = await planMove(env, workPath, `${home.archive}/duplicates`, sha256)
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
    }, durability(env))
    return settle(
      env,
      workPath,
      { ...base, status: 'duplicate', kind: known.kind, rows: 0, storedAs, duplicateOf },
      st.size,
    )
  }

  // ---- read, recognise, validate (no writes) ---------------------------------------------------
  let parsed: LoadableFile
  try {
    injectFault('parse', fileName, 'read')
    parsed = await parseWithinBudget(env, workPath, fileName, sha256)
  } catch (err) {
    if (err instanceof LeaseLostError) throw err
    if (isFileFault(err)) return reject(env, workPath, base, err.at({ file: fileName }))
    throw new RunFailedError(fileName, err)
  }

  // ---- load: one transaction for everything this file brings -----------------------------------
  const kind = [...new Set(parsed.sheets.map((s) => s.pipeline.key))].join('+')
  let summaries: LoadSummary[]
  let archiveAs: string
  try {
    archiveAs = await planMove(env, workPath, home.archive, sha256)
  } catch (err) {
    parsed.release()
    throw err
  }
  try {
    summaries = store.tx(() => {
      holdLease(env)
      const firstSheet = parsed.sheets[0]?.sheet ?? null
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
      injectFault('load', fileName)
      if (parsed.json !== null) {
        store.run(
          store.db.insertInto('raw_documents').values({ source_file_id: sourceFileId, body: parsed.json }),
        )
      }
      const rawRows = new RawRowWriter(store, sourceFileId)
      const out: LoadSummary[] = []
      const today = todayIn(env.config.schedule.timezone)
      for (const s of parsed.sheets) {
        for (const r of s.raw) rawRows.insert(s.sheet, r)
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
              sheet: f.sheet ?? firstSheet,
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
    }, durability(env))
  } catch (err) {
    env.group?.release(archiveAs) // not recorded: the name is free again
    if (err instanceof LeaseLostError) throw err
    if (isFileFault(err)) return reject(env, workPath, base, err.at({ file: fileName }))
    throw new RunFailedError(fileName, err)
  } finally {
    parsed.release() // the worker drops whatever the load did not pull
  }

  // ---- archive (after commit, to the path the commit recorded: a crash here is finished by the
  // next run, which finds the file in work/ and its record pointing at a path that does not exist)
  const storedAs = archiveAs
  const rows = summaries.reduce((n, s) => n + s.rows, 0)
  const findings = summaries.flatMap((s) => s.findings)
  for (const f of findings) log.warn({ file: fileName, kind: f.kind, row: f.row }, f.message)
  return settle(
    env,
    workPath,
    {
      ...base,
      status: 'accepted',
      kind,
      rows,
      storedAs,
      findings,
      readingIds: summaries.flatMap((s) => s.readingIds ?? []),
    },
    st.size,
  )
}

/** How a file's records commit: durably unless its move waits for a group's durable commit. */
function durability(env: IngestEnv): { durable: boolean } {
  return { durable: env.group === undefined }
}

/**
 * The move that follows a recorded outcome (`outcome.storedAs`): at once, or, in a group commit,
 * after the group's durable commit (commitGroup), which then fills in `notMoved` if it fails.
 */
async function settle(
  env: IngestEnv,
  workPath: string,
  outcome: FileOutcome & { storedAs: string },
  bytes: number,
): Promise<FileOutcome> {
  if (env.group) {
    env.group.add(
      {
        from: workPath,
        to: outcome.storedAs,
        fileName: outcome.file,
        done: (notMoved) => {
          if (notMoved !== undefined) outcome.notMoved = notMoved
        },
      },
      bytes,
    )
    return outcome
  }
  holdLease(env)
  return { ...outcome, ...(await moveRecorded(env, workPath, outcome.storedAs, outcome.file)) }
}

/**
 * Makes the group's records durable in one commit, then moves its files, in order, to the paths
 * their records name (group-commit.ts). Throws LeaseLostError (nothing moves) when the lease is
 * gone; a move that fails leaves its file in work/ with the reason in its outcome, as a move does
 * outside a group.
 */
export async function commitGroup(env: IngestEnv): Promise<void> {
  const group = env.group
  if (!group || group.size === 0) return
  // (its durable point is the run's lease renewal: ingestBatch groups only the files of a run)
  if (env.runId === null) throw new Error('a group commit needs a run')
  commitDurably(env.store, env.runId)
  for (const move of group.take()) {
    holdLease(env)
    move.done((await moveRecorded(env, move.from, move.to, move.fileName)).notMoved)
  }
}

async function reject(
  env: IngestEnv,
  workPath: string,
  base: Omit<FileOutcome, 'status'>,
  error: QdError,
): Promise<FileOutcome> {
  const { home, log } = env
  // Report first, then the event (with the destination), then the move: a kill at any point leaves
  // either nothing recorded (the file is read again) or a record the next run completes.
  holdLease(env)
  const storedAs = await planMove(env, workPath, home.rejected, base.sha256, REJECTED_NAME_MAX)
  const report = {
    file: base.file,
    sha256: base.sha256,
    rejectedAt: new Date().toISOString(),
    ...error.toJSON(),
    file_in_rejected: basename(storedAs),
    hint: error.hintText(),
  }
  const reportPath = await writeErrorReport(storedAs, report)
  try {
    recordRejection(env, base, error, storedAs)
  } catch (err) {
    // Not recorded, so not rejected: the report must not stay behind to contradict the database.
    await rm(reportPath, { force: true })
    env.group?.release(storedAs)
    if (err instanceof LeaseLostError) throw err
    throw new RunFailedError(base.file, err)
  }
  log.error(
    { file: base.file, code: error.code, row: error.location.row, column: error.location.column },
    error.describe(),
  )
  const size = await stat(workPath).then(
    (s) => s.size,
    () => 0,
  )
  return settle(
    env,
    workPath,
    { ...base, status: 'rejected', error: error.describe(), errorDetail: error.toJSON(), storedAs },
    size,
  )
}

function recordRejection(
  env: IngestEnv,
  base: Omit<FileOutcome, 'status'>,
  error: QdError,
  storedAs: string,
): void {
  const { store } = env
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
  }, durability(env))
}

/** A stored JSON object (an error's details), or null when there is none. */
function jsonObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null
  const v: unknown = JSON.parse(text)
  return isObj(v) ? v : null
}

/** Rejected names leave room for "<name>.error.json.tmp" within the file system's limit. */
const REJECTED_NAME_MAX = NAME_MAX - Buffer.byteLength(REPORT_SUFFIX)

/**
 * A free destination for a file in `dir` (created), decided before the move is recorded; in a
 * group commit it is reserved at once, since the group's earlier files have not moved yet.
 */
async function planMove(
  env: IngestEnv,
  workPath: string,
  dir: string,
  sha256: string,
  maxBytes = NAME_MAX,
): Promise<string> {
  await mkdir(dir, { recursive: true })
  const path = freeName(dir, basename(workPath), sha256, maxBytes, env.group?.taken)
  env.group?.reserve(path)
  return path
}

/**
 * The move that follows a recorded outcome. Its failure is not the file's (an antivirus lock,
 * `chattr +i`, a permission on archive/): the file stays in work/, where its record says where it
 * goes, the next run finishes the move, the other files of the run go on, and `status` shows why
 * (an inbox note). Returns `{ notMoved }` with the reason, or nothing when the file moved.
 */
async function moveRecorded(
  env: IngestEnv,
  workPath: string,
  storedAs: string,
  fileName: string,
): Promise<{ notMoved?: string }> {
  try {
    await mkdir(dirname(storedAs), { recursive: true })
    injectFault('archive', fileName, 'rename')
    await rename(workPath, storedAs)
    return {}
  } catch (err) {
    const code = errnoCode(err) ?? null
    const notMoved = t('inbox.note.cannot-move', {
      to: relative(env.home.root, dirname(storedAs)) || '.',
      detail: failureDetail(err),
    })
    env.log.warn({ file: fileName, code, storedAs }, notMoved)
    recordNote(env, {
      file_name: fileName,
      place: 'work',
      code: 'cannot-move',
      error_code: code,
      message: notMoved,
    })
    return { notMoved }
  }
}

/** Records what a run could not do with a file, for `status`; never fails the run itself. */
export function recordNote(
  env: Pick<IngestEnv, 'store' | 'runId' | 'log'>,
  note: Omit<Insertable<InboxNotesTable>, 'run_id' | 'at'>,
): void {
  try {
    env.store.tx(() =>
      env.store.run(
        env.store.db
          .insertInto('inbox_notes')
          .values({ ...note, run_id: env.runId, at: new Date().toISOString() }),
      ),
    )
  } catch (err) {
    env.log.warn({ err, file: note.file_name }, t('log.ingest.note-failed'))
  }
}

/**
 * A destination recorded by a version that did not shorten names may be longer than the file
 * system takes (ENAMETOOLONG on every later run): pick one that fits and record it instead.
 */
function fittingRecordedPath(recorded: string, sha256: string, maxBytes: number): string | null {
  if (Buffer.byteLength(basename(recorded)) <= maxBytes) return null
  return freeName(dirname(recorded), basename(recorded), sha256, maxBytes)
}

/**
 * A recovered file moves at once, to a path an earlier run recorded (durable: this run's start was
 * a durable commit). When a file of the current group was promised the same path, the group goes
 * first, so the two land as they would one file at a time.
 */
async function clearPath(env: IngestEnv, path: string): Promise<void> {
  if (env.group?.taken.has(path)) await commitGroup(env)
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
  // The record must be this file's, not that of another file with the same bytes, recorded first
  // and still waiting for its own move (a duplicate in the same group): by content and name.
  const known = store.first(
    store.db
      .selectFrom('source_files')
      .select(['id', 'kind', 'rows', 'archived_as'])
      .where('sha256', '=', base.sha256)
      .where('file_name', '=', base.file),
  )
  if (known && (known.archived_as === null || !existsSync(known.archived_as))) {
    // (archived_as null: recorded by a version that moved first and recorded the path afterwards)
    const storedAs =
      (known.archived_as && fittingRecordedPath(known.archived_as, base.sha256, NAME_MAX)) ??
      known.archived_as ??
      (await planMove(env, workPath, home.archive, base.sha256))
    if (storedAs !== known.archived_as)
      store.tx(() =>
        store.run(
          store.db.updateTable('source_files').set({ archived_as: storedAs }).where('id', '=', known.id),
        ),
      )
    await clearPath(env, storedAs)
    const notMoved = await moveRecorded(env, workPath, storedAs, base.file)
    env.group?.release(storedAs)
    if (!notMoved.notMoved) log.info({ file: base.file, storedAs }, t('log.ingest.resumed-archive'))
    return {
      ...base,
      status: 'accepted',
      kind: known.kind,
      rows: known.rows,
      storedAs,
      resumed: true,
      ...notMoved,
    }
  }
  const event = store.first(
    store.db
      .selectFrom('file_events')
      .select(['id', 'status', 'kind', 'message', 'error_json', 'stored_as'])
      .where('sha256', '=', base.sha256)
      .where('file_name', '=', base.file)
      .where('status', 'in', ['duplicate', 'rejected'])
      .orderBy('id', 'desc')
      .limit(1),
  )
  if (event?.stored_as && !existsSync(event.stored_as)) {
    const max = event.status === 'rejected' ? REJECTED_NAME_MAX : NAME_MAX
    const refit = fittingRecordedPath(event.stored_as, base.sha256, max)
    if (refit) {
      store.tx(() =>
        store.run(store.db.updateTable('file_events').set({ stored_as: refit }).where('id', '=', event.id)),
      )
      event.stored_as = refit
    }
    await clearPath(env, event.stored_as)
    const notMoved = await moveRecorded(env, workPath, event.stored_as, base.file)
    if (!notMoved.notMoved)
      log.info(
        { file: base.file, storedAs: event.stored_as },
        t('log.ingest.resumed-move', { rejected: event.status === 'rejected' }),
      )
    return {
      ...base,
      status: event.status,
      kind: event.kind,
      rows: event.status === 'duplicate' ? 0 : null,
      error: event.status === 'rejected' ? event.message : null,
      errorDetail: jsonObject(event.error_json),
      storedAs: event.stored_as,
      resumed: true,
      ...notMoved,
    }
  }
  return null
}
