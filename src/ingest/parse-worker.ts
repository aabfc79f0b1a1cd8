/**
 * Worker thread entry: parses one file at a time for the ingesting thread (parse-budget.ts), which
 * bounds this thread's heap (resourceLimits) and stops it when its time budget runs out. Nothing
 * here touches the database or moves files: a worker that is stopped mid-parse leaves nothing.
 */
import { parentPort } from 'node:worker_threads'
import pino from 'pino'
import { PIPELINES } from '../../pipelines/index.ts'
import { QdError } from '../errors.ts'
import { setLang, t } from '../i18n/index.ts'
import { ProvinceRegistry } from '../reference/provinces.ts'
import { injectFault } from '../testing/faults.ts'
import { parseFile } from './parse-file.ts'
import { type StreamRef, StreamServer } from './parse-stream.ts'
import { errorToWire, type ParseJob, type WireParsed, type WorkerReply } from './parse-wire.ts'

const port = parentPort
if (!port) throw new Error('parse-worker.ts runs as a worker thread (see parse-budget.ts)')
const send = (m: WorkerReply) => port.postMessage(m)

/** A recursion that ran out of stack on some deeply nested input: the file's shape, not a bug. */
function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message)
}

/**
 * The registry of the last job, reused while the province list is the same (every job of a run
 * sends the same list): building its name index costs more than parsing a 34-row CSV.
 */
let registry: { key: string; registry: ProvinceRegistry } | undefined
function registryFor(provinces: ParseJob['provinces']): ProvinceRegistry {
  const key = JSON.stringify(provinces)
  if (registry?.key !== key) registry = { key, registry: new ProvinceRegistry(provinces) }
  return registry.registry
}

/** The current job's file name, for the fault injected while its rows are handed over (tests). */
let currentFile = ''
const streams = new StreamServer(() => injectFault('pull', currentFile, 'read'))

async function run(job: ParseJob): Promise<void> {
  setLang(job.lang)
  currentFile = job.fileName
  if (job.pull) streams.connect(job.pull.port, job.pull.signal)
  streams.clear()
  send({ type: 'started', id: job.id })
  const log = pino({ level: job.logLevel }, { write: (line: string) => send({ type: 'log', line }) })
  try {
    const parsed = await parseFile(
      {
        config: job.config,
        registry: registryFor(job.provinces),
        pipelines: PIPELINES,
        log,
        onRows: (file, rows) => send({ type: 'rows', id: job.id, file, rows }),
      },
      job.path,
      job.fileName,
    )
    const result: WireParsed = {
      format: parsed.format,
      encoding: parsed.encoding,
      json: parsed.json,
      // Lists longer than a chunk stay here and are pulled while the ingesting thread loads them
      // (parse-stream.ts).
      sheets: parsed.sheets.map((s) => {
        const fields = new Set<string>(s.pipeline.kind === 'table' ? (s.pipeline.streamed ?? []) : [])
        const rest: Record<string, unknown> = {}
        const streamed: Record<string, StreamRef> = {}
        const bigRaw = s.raw.length > StreamServer.inlineMax
        for (const [field, value] of Object.entries(s.parsed)) {
          if (fields.has(field) && Array.isArray(value) && value.length > StreamServer.inlineMax)
            streamed[field] = streams.hold(value)
          else rest[field] = value
        }
        return {
          pipelineKey: s.pipeline.key,
          sheet: s.sheet,
          parsed: rest,
          streamed,
          raw: bigRaw ? [] : s.raw,
          rawStream: bigRaw ? streams.hold(s.raw) : null,
        }
      }),
    }
    send({ type: 'done', id: job.id, result })
  } catch (err) {
    if (err instanceof QdError) send({ type: 'rejected', id: job.id, error: errorToWire(err) })
    else if (isStackOverflow(err))
      send({
        type: 'rejected',
        id: job.id,
        error: errorToWire(new QdError('too-complex', t('poison.stack-overflow'))),
      })
    else {
      const e = err instanceof Error ? err : new Error(String(err))
      send({ type: 'failed', id: job.id, message: e.message, stack: e.stack })
    }
  }
}

// One job at a time: the ingesting thread sends the next file only after this one replied.
port.on('message', (job: ParseJob) => {
  void run(job)
})
