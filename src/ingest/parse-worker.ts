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
import { Spool, SpoolArea } from '../pipeline/spool.ts'
import { ProvinceRegistry } from '../reference/provinces.ts'
import { parseFile } from './parse-file.ts'
import { handOver, type StreamRef } from './parse-stream.ts'
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

async function run(job: ParseJob): Promise<void> {
  setLang(job.lang)
  send({ type: 'started', id: job.id })
  const log = pino({ level: job.logLevel }, { write: (line: string) => send({ type: 'log', line }) })
  try {
    const parsed = await parseFile(
      {
        spools: new SpoolArea(job.spoolDir),
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
      // Lists longer than a chunk are in spool files, handed over to the ingesting thread, which
      // reads them while it loads (parse-stream.ts): nothing of them stays here.
      sheets: parsed.sheets.map((s) => {
        const rest: Record<string, unknown> = {}
        const streamed: Record<string, StreamRef> = {}
        for (const [field, value] of Object.entries(s.parsed)) {
          if (!(value instanceof Spool)) rest[field] = value
          else if (value.small) rest[field] = value.drain()
          else streamed[field] = handOver(value)
        }
        return {
          pipelineKey: s.pipeline.key,
          sheet: s.sheet,
          parsed: rest,
          streamed,
          raw: s.raw.small ? s.raw.drain() : [],
          rawStream: s.raw.small ? null : handOver(s.raw),
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
