/**
 * A batch: every ready inbox file (or the files named on the command line), one at a time. Files
 * left in work/ by a run that died are taken first, exactly once. Outcomes are data: a rejected file
 * is one entry in the result, never an exception that stops the others.
 *
 * Files dropped a moment ago are waited for (bounded by inbox.settleWaitSeconds) and taken in the
 * same run. A run that stops early (a signal) or fails for a reason that is not a file's fault gives
 * every claimed file it has not finished back: inbox files to the inbox, copies of command-line
 * files are dropped (the originals never moved), files left by an earlier run stay in work/.
 *
 * The files of a run are committed in groups (group-commit.ts): one durable commit for up to
 * GROUP_MAX_FILES files, GROUP_MAX_BYTES or GROUP_MAX_MS, then their moves. A group is committed
 * before the run stops, gives files back or waits for files to settle; never after a lost lease.
 */
import { readdir, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { errnoCode, QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import {
  claim,
  claimCopy,
  leftovers,
  notARegularFile,
  removeEmptyDirs,
  returnToInbox,
} from '../inbox/files.ts'
import { msUntilOldEnough, type ScanResult, type SkippedEntry, scanInbox } from '../inbox/scan.ts'
import { heartbeat, LeaseLostError } from '../run/runs.ts'
import { failureDetail, RunFailedError } from './failure.ts'
import { CommitGroup } from './group-commit.ts'
import { commitGroup, type FileOutcome, type IngestEnv, ingestFile, recordNote } from './ingest-file.ts'
import { prewarmParseWorker } from './parse-budget.ts'

export interface WaitingFile {
  name: string
  code: string
  reason: string
}

export interface BatchResult {
  outcomes: FileOutcome[]
  /** Inbox files still not settled when the bounded wait ended: the next run takes them. */
  waiting: WaitingFile[]
  ignored: string[]
  /** Inbox entries never taken (symlinks, folders, FIFOs, bad names, files that cannot be moved). */
  skipped: SkippedEntry[]
  /** Claimed files not started because shouldStop() asked to stop; given back for the next run. */
  stopped?: number
}

export interface BatchOptions {
  files?: string[]
  /** Called before each file: for progress display and graceful shutdown checks. */
  onFile?: (index: number, total: number, name: string) => void
  /** Called while waiting for files dropped a moment ago to settle (every few hundred ms). */
  onWait?: (waiting: WaitingFile[], msLeft: number) => void
  /** Return true to stop before the next file (SIGTERM): the current file always finishes. */
  shouldStop?: () => boolean
}

type Origin = 'leftover' | 'inbox' | 'copy'

interface Claimed {
  path: string
  origin: Origin
}

/** The files of a command line that cannot be read as files, with the reason (usage errors). */
export async function unreadableArguments(files: string[]): Promise<Array<{ file: string; reason: string }>> {
  const out: Array<{ file: string; reason: string }> = []
  for (const file of files) {
    const why = await notARegularFile(file)
    if (why)
      out.push({
        file,
        reason:
          why === 'missing'
            ? t('inbox.arg.missing', { file })
            : why === 'directory'
              ? t('inbox.arg.directory', { file })
              : t('inbox.arg.special', { file }),
      })
  }
  return out
}

export async function ingestBatch(plainEnv: IngestEnv, opts: BatchOptions = {}): Promise<BatchResult> {
  // Group commit needs a run: its lease renewal is the group's durable commit.
  const env: IngestEnv =
    plainEnv.runId === null || plainEnv.group ? plainEnv : { ...plainEnv, group: new CommitGroup() }
  const { home } = env
  const workDir = join(home.work, `run-${env.runId ?? 'adhoc'}-${process.pid}`)
  const result: BatchResult = { outcomes: [], waiting: [], ignored: [], skipped: [] }
  let done = 0
  let lastBeat = 0

  /** Gives back claimed files the run will not finish; says where the first one went. */
  const giveBack = async (items: Claimed[]): Promise<'inbox' | 'work'> => {
    let first: 'inbox' | 'work' | null = null
    for (const item of items) {
      let where: 'inbox' | 'work' = 'work'
      try {
        if (item.origin === 'inbox') {
          await returnToInbox(item.path, home.inbox)
          where = 'inbox'
        } else if (item.origin === 'copy') {
          await rm(item.path, { force: true })
          where = 'inbox'
        }
      } catch (err) {
        // it stays in work/, which the next run takes first: nothing is lost either way
        env.log.warn({ file: basename(item.path), err: failureDetail(err) }, t('log.ingest.give-back-failed'))
      }
      first ??= where
    }
    return first ?? 'inbox'
  }

  /**
   * Commits the group of files done so far and moves them (group-commit.ts). When that fails for a
   * reason that is not a file's fault, the run fails: those files stay in work/ with their records
   * (the next run moves them), `rest` (claimed, not started) are given back.
   */
  const commitDone = async (rest: Claimed[]): Promise<void> => {
    try {
      await commitGroup(env)
    } catch (err) {
      if (err instanceof LeaseLostError) throw err
      const failure = new RunFailedError(null, err)
      failure.returned = rest.length > 0 ? await giveBack(rest) : 'work'
      failure.outcomes = result.outcomes
      throw failure
    }
  }

  /** Processes claimed files in order; false when it stopped early. */
  const run = async (items: Claimed[]): Promise<boolean> => {
    for (const [i, item] of items.entries()) {
      if (opts.shouldStop?.()) {
        const left = items.slice(i)
        await commitDone(left)
        env.log.warn({ left: left.length }, t('log.ingest.stopping'))
        await giveBack(left)
        result.stopped = (result.stopped ?? 0) + left.length
        return false
      }
      opts.onFile?.(done, done + items.length - i, basename(item.path))
      // The lease is renewed between files, but at most every 30 s: each renewal is a durable commit.
      if (env.runId !== null && Date.now() - lastBeat > 30_000) {
        heartbeat(env.store, env.runId)
        lastBeat = Date.now()
      }
      try {
        result.outcomes.push(await ingestFile(env, item.path, { recovered: item.origin === 'leftover' }))
      } catch (err) {
        // A run that lost its lease must not move anything: another run owns the home now.
        if (err instanceof LeaseLostError) throw err
        const failure = err instanceof RunFailedError ? err : new RunFailedError(basename(item.path), err)
        // The files done before this one landed: their group is committed and moved first (if that
        // fails too, they stay in work/ with their records, and the next run moves them).
        await commitGroup(env).catch((groupErr: unknown) => {
          if (groupErr instanceof LeaseLostError) throw groupErr
          env.log.warn({ err: failureDetail(groupErr) }, t('log.ingest.group-commit-failed'))
        })
        failure.returned = await giveBack(items.slice(i))
        failure.outcomes = result.outcomes
        throw failure
      }
      done++
      if (env.group?.due) await commitDone(items.slice(i + 1))
    }
    await commitDone([])
    return true
  }

  let lastWaiting: ScanResult['waiting'] = []
  const claimReady = async (scan: ScanResult): Promise<Claimed[]> => {
    lastWaiting = scan.waiting
    result.waiting = scan.waiting.map((w) => ({ name: w.name, code: w.code, reason: w.reason }))
    result.ignored = scan.ignored
    const skipped = [...scan.skipped]
    const items: Claimed[] = []
    for (const entry of scan.ready) {
      try {
        const claimed = await claim(entry.path, workDir, entry.name)
        if (claimed) items.push({ path: claimed, origin: 'inbox' })
        if (entry.futureMtime)
          env.log.warn(
            { file: entry.name, mtime: new Date(entry.mtimeMs).toISOString() },
            t('log.ingest.future-mtime'),
          )
      } catch (err) {
        // One file the antivirus holds (or `chattr +i`, a permission) must not stop the others.
        const reason = t('inbox.note.cannot-claim', { detail: failureDetail(err) })
        env.log.warn({ file: entry.name, err: failureDetail(err) }, reason)
        const code = errnoCode(err) ?? null
        recordNote(env, {
          file_name: entry.name,
          place: 'inbox',
          code: 'cannot-claim',
          error_code: code,
          message: reason,
        })
        skipped.push({ name: entry.name, code: 'cannot-claim', reason })
      }
    }
    // keep the notes of earlier rounds of this run (a file that could not be claimed stays listed)
    const seen = new Set(skipped.map((s) => s.name))
    result.skipped = [
      ...skipped,
      ...result.skipped.filter((s) => !seen.has(s.name) && s.code === 'cannot-claim'),
    ]
    return items
  }

  try {
    const first: Claimed[] = (await leftovers(home.work)).map((path) => ({ path, origin: 'leftover' }))
    if (first.length > 0) env.log.warn({ files: first.length }, t('log.ingest.leftovers'))

    if (opts.files && opts.files.length > 0) {
      const bad = await unreadableArguments(opts.files)
      if (bad.length > 0) throw new QdError('unknown-format', bad.map((b) => b.reason).join('\n'))
      prewarmParseWorker(env.config.limits.parseMemoryMegabytes)
      for (const f of opts.files) first.push({ path: await claimCopy(f, workDir), origin: 'copy' })
      await run(first)
      return result
    }

    const inboxOptions = env.config.inbox
    // Something to read: the parse worker starts now, while the inbox settles (stableWaitMs).
    if (first.length > 0 || (await readdir(home.inbox).catch(() => [])).length > 0)
      prewarmParseWorker(env.config.limits.parseMemoryMegabytes)
    const scan = () => scanInbox(home.inbox, inboxOptions)
    first.push(...(await claimReady(await scan())))
    if (!(await run(first))) return result

    // Files dropped a moment ago: wait for them to settle (bounded) and take them in this run.
    const deadline = Date.now() + inboxOptions.settleWaitSeconds * 1000
    while (result.waiting.length > 0 && Date.now() < deadline && !opts.shouldStop?.()) {
      const untilOld = msUntilOldEnough(lastWaiting, inboxOptions.minFileAgeSeconds)
      // only files too young to be ready before the deadline are left: waiting would change nothing
      if (lastWaiting.every((w) => w.code === 'too-young') && untilOld > deadline - Date.now()) break
      const pause = Math.min(Math.max(untilOld, 100), 500, Math.max(deadline - Date.now(), 0))
      opts.onWait?.(result.waiting, deadline - Date.now())
      await sleep(pause)
      if (opts.shouldStop?.()) break
      const items = await claimReady(await scan())
      if (!(await run(items))) return result
    }
    return result
  } finally {
    await removeEmptyDirs(home.work).catch(() => {})
  }
}
