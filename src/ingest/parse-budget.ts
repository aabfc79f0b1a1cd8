/**
 * Each file's parse (read + recognise + map: everything before the database transaction) runs in a
 * worker thread with a heap limit (limits.parseMemoryMegabytes) and a wall-clock budget
 * (limits.parseSeconds). A file that exhausts either ends the worker, not the run: the attempt is
 * recorded, the parse retried once on a fresh worker, and after limits.parseAttempts failed attempts
 * the file is rejected as 'too-complex'. Attempts are committed before the parse starts, so a file
 * that takes the whole process down (kill -9 mid-parse, the kernel's OOM killer) counts too: after
 * that many deaths the next run rejects it instead of dying again.
 *
 * The worker is kept warm between files (starting one costs ~0.2 s from sources) and replaced
 * whenever it was stopped or its state is in doubt. The main thread only waits on messages while a
 * file parses, so the lease heartbeat (runJob) keeps beating through the longest parse.
 */
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import pino from 'pino'
import { QdError } from '../errors.ts'
import { isObj } from '../guards.ts'
import { getLang, t } from '../i18n/index.ts'
import type { Logger } from '../log.ts'
import type { SpoolCodec } from '../pipeline/spool.ts'
import type { ParsedTable, Pipeline, Sequence } from '../pipeline/types.ts'
import type { Row } from '../read/types.ts'
import type { IngestEnv } from './ingest-file.ts'
import {
  type AttemptRecord,
  attemptsSoFar,
  beginAttempt,
  clearAttempts,
  type ParseFailure,
  recordFailure,
} from './parse-attempts.ts'
import { SpooledList, type StreamRef } from './parse-stream.ts'
import { errorFromWire, type ParseJob, type WireParsed, type WorkerReply } from './parse-wire.ts'

/** A sheet as the load receives it: its big lists are read from their spool files as it goes. */
export interface LoadableSheet {
  pipeline: Pipeline
  sheet: string
  parsed: ParsedTable
  raw: Sequence<Row>
}

/** A parsed file on the ingesting thread; `release()` once loaded (or not) removes its spool files. */
export interface LoadableFile {
  format: string
  encoding: string | null
  json: string | null
  sheets: LoadableSheet[]
  release(): void
}

/** A worker that has not begun the job by then is broken (not the file's fault). */
const STARTUP_MS = 120_000

type Outcome =
  | { kind: 'parsed'; result: WireParsed }
  | { kind: 'rejected'; error: QdError }
  | { kind: 'failed'; error: Error }
  | { kind: 'budget'; failure: ParseFailure }

interface Warm {
  worker: Worker
  memoryMb: number
}

let warm: Warm | undefined
let nextJobId = 1

/** The worker entry: the .ts module through tsx when running from sources, else the bundle's .js. */
function spawnWorker(memoryMb: number): Worker {
  const here = import.meta.url
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb }
  if (here.endsWith('.ts')) {
    return new Worker(new URL('../../bin/tsx-worker.js', here), {
      resourceLimits,
      workerData: { entry: new URL('./parse-worker.ts', here).href },
    })
  }
  return new Worker(new URL('./parse-worker.js', here), { resourceLimits })
}

function takeWorker(memoryMb: number): Worker {
  const w = warm
  warm = undefined
  if (w && w.memoryMb === memoryMb) return w.worker
  if (w) void w.worker.terminate()
  return spawnWorker(memoryMb)
}

function release(worker: Worker, memoryMb: number): void {
  worker.unref() // an idle warm worker never keeps the process alive
  if (warm) void worker.terminate()
  else warm = { worker, memoryMb }
}

/**
 * Starts the worker before the run's first parse, so that its start-up (loading the readers and
 * pipelines) overlaps the run's own work: scanning and settling the inbox, claiming, hashing. An
 * idle worker that fails is dropped; the next parse starts another and meets the error there.
 */
export function prewarmParseWorker(memoryMb: number): void {
  if (warm?.memoryMb === memoryMb) return
  if (warm) void warm.worker.terminate()
  const worker = spawnWorker(memoryMb)
  const drop = () => {
    if (warm?.worker === worker) warm = undefined
  }
  worker.once('error', drop)
  worker.once('exit', drop)
  worker.unref()
  warm = { worker, memoryMb }
}

/** Stops the warm worker (tests, shutdown); the next parse starts a new one. */
export async function stopParseWorker(): Promise<void> {
  const w = warm
  warm = undefined
  if (w) await w.worker.terminate()
}

const LOG_METHODS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const

/** Whether a parse result has lists in spool files (a big file: see `finish`). */
function spooled(result: WireParsed): boolean {
  return result.sheets.some((s) => s.rawStream !== null || Object.keys(s.streamed).length > 0)
}

/** A stopped worker's spool files (its parse did not finish): nobody will read them. */
function removeSpools(spoolDir: string, worker: Worker): void {
  const prefix = `${process.pid}-${worker.threadId}-`
  try {
    for (const f of readdirSync(spoolDir))
      if (f.startsWith(prefix)) rmSync(join(spoolDir, f), { force: true })
  } catch {
    // no spool folder: nothing spilled
  }
}

/** Re-emits a worker's pino line through the ingesting process's logger. */
function forwardLog(log: Logger, line: string): void {
  try {
    const entry: unknown = JSON.parse(line)
    if (!isObj(entry)) return
    const { level, msg, time: _time, ...fields } = entry
    const label = typeof level === 'number' ? pino.levels.labels[level] : undefined
    const method = LOG_METHODS.find((m) => m === label)
    if (method) log[method](fields, String(msg ?? ''))
  } catch {
    // a malformed log line is not worth failing a parse for
  }
}

/** One parse of one file in a worker, bounded by the file's budgets. Never throws. */
export function parseInWorker(
  job: Omit<ParseJob, 'type' | 'id'>,
  opts: { log: Logger; onRows?: (file: string, rows: number) => void },
): Promise<Outcome> {
  const { parseMemoryMegabytes: memoryMb, parseSeconds } = job.config.limits
  const id = nextJobId++
  const worker = takeWorker(memoryMb)
  worker.ref()
  return new Promise<Outcome>((resolve) => {
    let settled = false
    let budgetTimer: NodeJS.Timeout | undefined
    const startupTimer = setTimeout(
      () => finish({ kind: 'failed', error: new Error('the parse worker did not start') }, 'stop'),
      STARTUP_MS,
    )
    const finish = (outcome: Outcome, after: 'keep' | 'stop' | 'gone') => {
      if (settled) return
      settled = true
      clearTimeout(startupTimer)
      clearTimeout(budgetTimer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (after === 'keep') release(worker, memoryMb)
      else {
        if (after === 'stop') void worker.terminate()
        if (outcome.kind !== 'parsed') removeSpools(job.spoolDir, worker)
      }
      resolve(outcome)
    }
    const onMessage = (m: WorkerReply) => {
      if (m.type === 'log') return forwardLog(opts.log, m.line)
      if (m.id !== id) return
      switch (m.type) {
        case 'started':
          clearTimeout(startupTimer)
          budgetTimer = setTimeout(
            () => finish({ kind: 'budget', failure: { budget: 'time', limit: parseSeconds } }, 'stop'),
            parseSeconds * 1000,
          )
          return
        case 'rows':
          opts.onRows?.(m.file, m.rows)
          return
        case 'done':
          // A worker that spilled a big file has a heap of that size: stopped, it gives it back
          // before the load starts, so the parse's memory and the load's are never added up.
          return finish({ kind: 'parsed', result: m.result }, spooled(m.result) ? 'stop' : 'keep')
        case 'rejected':
          return finish({ kind: 'rejected', error: errorFromWire(m.error) }, 'keep')
        case 'failed': {
          const error = new Error(m.message)
          error.stack = m.stack
          return finish({ kind: 'failed', error }, 'stop')
        }
      }
    }
    const onError = (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY')
        finish(
          { kind: 'budget', failure: { budget: 'memory', limit: memoryMb, detail: err.message } },
          'gone',
        )
      else if (err instanceof RangeError && /call stack/i.test(err.message))
        finish({ kind: 'rejected', error: new QdError('too-complex', t('poison.stack-overflow')) }, 'stop')
      else finish({ kind: 'failed', error: err }, 'stop')
    }
    const onExit = (code: number) =>
      finish(
        {
          kind: 'budget',
          failure: { budget: 'crash', limit: null, detail: `worker exited with code ${code}` },
        },
        'gone',
      )
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage({ type: 'parse', id, ...job } satisfies ParseJob)
  })
}

/** The rejection of a file whose parses kept failing, saying which budget and its limit. */
export function budgetRejection(record: AttemptRecord): QdError {
  const f = record.lastFailure
  return new QdError(
    'too-complex',
    t('poison.budget-rejected', { attempts: record.attempts, budget: f.budget, limit: f.limit }),
    {
      expected: t('poison.budget-expected', { budget: f.budget, limit: f.limit }),
      found: t('poison.budget-found', { attempts: record.attempts, budget: f.budget }),
    },
  )
}

/** What every parse result has (the rest is the family's own, read by its own load()). */
function isParsedTable(v: unknown): v is ParsedTable {
  return isObj(v) && typeof v.rows === 'number' && Array.isArray(v.findings)
}

const isRow = (v: unknown): v is Row => isObj(v) && typeof v.rowNumber === 'number' && Array.isArray(v.cells)
const rawRow = (v: unknown): Row => {
  if (!isRow(v)) throw new Error('a spooled raw row of an unexpected shape')
  return v
}
/** A spooled field without a codec: the family's own type, read by its own load() (unchecked here). */
const asItIs = (v: unknown): unknown => v

function fromWire(result: WireParsed, pipelines: Pipeline[], fileName: string): LoadableFile {
  const lists: Array<SpooledList<unknown>> = []
  const list = <T>(ref: StreamRef, decode: (wire: unknown) => T): SpooledList<T> => {
    const l = new SpooledList(ref, decode, fileName)
    lists.push(l)
    return l
  }
  return {
    format: result.format,
    encoding: result.encoding,
    json: result.json,
    sheets: result.sheets.map((s) => {
      const pipeline = pipelines.find((p) => p.key === s.pipelineKey)
      if (!pipeline) throw new Error(`the parse worker used pipeline ${s.pipelineKey}, unknown here`)
      // A spooled field is read back through the codec its pipeline spooled it with.
      const codecs: Readonly<Record<string, SpoolCodec<unknown> | undefined>> | undefined =
        pipeline.kind === 'table' ? pipeline.spoolCodecs : undefined
      const parsed: Record<string, unknown> = { ...s.parsed }
      for (const [field, ref] of Object.entries(s.streamed))
        parsed[field] = list(ref, codecs?.[field]?.decode ?? asItIs)
      if (!isParsedTable(parsed))
        throw new Error(`the parse worker's result for ${s.sheet} has no rows/findings`)
      const raw = s.rawStream ? list(s.rawStream, rawRow) : s.raw
      return { pipeline, sheet: s.sheet, parsed, raw }
    }),
    release: () => {
      for (const l of lists) l.dispose()
    },
  }
}

/**
 * Parses a file under its budgets, retrying a failed attempt on a fresh worker. Throws the file's
 * QdError (content), a too-complex QdError (budgets exhausted), or a plain Error (not the file's
 * fault: the worker could not run).
 */
export async function parseWithinBudget(
  env: IngestEnv,
  path: string,
  fileName: string,
  sha256: string,
): Promise<LoadableFile> {
  const { store, config, log } = env
  const write = { durable: env.group === undefined }
  for (;;) {
    const prior = attemptsSoFar(store, sha256)
    if (prior && prior.attempts >= config.limits.parseAttempts) {
      // Forget the attempts with the verdict: the same bytes dropped in again get a fresh chance
      // (after the operator raised a limit, say) instead of an instant rejection.
      clearAttempts(store, sha256, write)
      throw budgetRejection(prior)
    }
    const attempt = beginAttempt(store, sha256, fileName, new Date(), write)
    const outcome = await parseInWorker(
      {
        path,
        fileName,
        config,
        provinces: env.registry.all,
        lang: getLang(),
        logLevel: typeof log.level === 'string' ? log.level : 'info',
        spoolDir: env.home.spool,
      },
      { log, onRows: env.onRows },
    )
    if (outcome.kind === 'budget') {
      recordFailure(store, sha256, outcome.failure, write)
      log.warn(
        { file: fileName, attempt, budget: outcome.failure.budget, limit: outcome.failure.limit },
        t('log.ingest.budget'),
      )
      continue
    }
    clearAttempts(store, sha256, write)
    if (outcome.kind === 'parsed') {
      try {
        return fromWire(outcome.result, env.pipelines, fileName)
      } catch (err) {
        for (const s of outcome.result.sheets)
          for (const ref of [s.rawStream, ...Object.values(s.streamed)])
            if (ref) rmSync(ref.path, { force: true })
        throw err
      }
    }
    throw outcome.error
  }
}
