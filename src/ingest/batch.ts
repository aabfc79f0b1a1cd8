/**
 * A batch: every ready inbox file (or the files named on the command line), one at a time. Files
 * left in work/ by a run that died are taken first, exactly once. Outcomes are data: a rejected file
 * is one entry in the result, never an exception that stops the others.
 */
import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { QdError } from '../errors.ts'
import { claim, claimCopy, leftovers, removeEmptyDirs } from '../inbox/files.ts'
import { scanInbox } from '../inbox/scan.ts'
import { heartbeat } from '../run/runs.ts'
import { type FileOutcome, type IngestEnv, ingestFile } from './ingest-file.ts'

export interface BatchResult {
  outcomes: FileOutcome[]
  waiting: Array<{ name: string; reason: string }>
  ignored: string[]
  /** Files left in work/ because shouldStop() asked to stop; the next run takes them first. */
  stopped?: number
}

export interface BatchOptions {
  files?: string[]
  /** Called before each file: for progress display and graceful shutdown checks. */
  onFile?: (index: number, total: number, name: string) => void
  /** Return true to stop before the next file (SIGTERM): the current file always finishes. */
  shouldStop?: () => boolean
}

export async function ingestBatch(env: IngestEnv, opts: BatchOptions = {}): Promise<BatchResult> {
  const { home } = env
  const workDir = join(home.work, `run-${env.runId ?? 'adhoc'}-${process.pid}`)
  const queue: Array<{ path: string; recovered: boolean }> = []

  for (const path of await leftovers(home.work)) queue.push({ path, recovered: true })
  if (queue.length > 0) env.log.warn({ files: queue.length }, 'taking up files left by an interrupted run')

  const result: BatchResult = { outcomes: [], waiting: [], ignored: [] }
  if (opts.files && opts.files.length > 0) {
    for (const f of opts.files) {
      if (!existsSync(f)) throw new QdError('internal', `no such file: ${f}`)
      queue.push({ path: await claimCopy(f, workDir), recovered: false })
    }
  } else {
    const scan = await scanInbox(home.inbox, env.config.inbox)
    result.waiting = scan.waiting.map((w) => ({ name: w.name, reason: w.reason }))
    result.ignored = scan.ignored
    for (const entry of scan.ready) {
      const claimed = await claim(entry.path, workDir)
      if (claimed) queue.push({ path: claimed, recovered: false })
    }
  }

  let lastBeat = 0
  for (const [i, item] of queue.entries()) {
    if (opts.shouldStop?.()) {
      env.log.warn(
        { left: queue.length - i },
        'stopping before the next file; the rest stay in work/ for the next run',
      )
      result.stopped = queue.length - i
      break
    }
    opts.onFile?.(i, queue.length, basename(item.path))
    // The lease is renewed between files, but at most every 30 s: each renewal is a durable commit.
    if (env.runId !== null && Date.now() - lastBeat > 30_000) {
      heartbeat(env.store, env.runId)
      lastBeat = Date.now()
    }
    result.outcomes.push(await ingestFile(env, item.path, { recovered: item.recovered }))
  }
  await removeEmptyDirs(home.work)
  return result
}
