/**
 * The status behind `/data` and `/api/status`, cached. Computing it reads the inbox and work/
 * folders (a stat per file) and a dozen queries; under load that was the slowest route. Two layers:
 *
 * - the folders: a listing is reused while the inbox and work/ folders' modification times are
 *   unchanged (adding, removing or renaming a file changes them) and for at most `ttlMs`, so a file
 *   still being written in place is seen again within that time;
 * - the status itself: reused while the database is unchanged (SQLite's `data_version`, as the
 *   DataMemo), the listing says the same and the clock is in the same minute (see #key).
 *
 * A refresh moves files out of the inbox (the folder changes) and commits (the database changes):
 * the next request sees both. Concurrent requests share one folder scan.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { ReadApp } from '../app.ts'
import { type InboxFiles, inboxFiles, type Status, statusInRead } from '../report/status.ts'

export class StatusCache {
  #scan: { key: string; at: number; files: Promise<InboxFiles> } | null = null
  readonly #status = new Map<number, { key: string; value: Status }>()

  constructor(
    private readonly app: ReadApp,
    private readonly ttlMs = 1000,
  ) {}

  /** The modification times of the inbox, work/ and work/'s run folders ('' parts when missing). */
  #foldersKey(): string {
    const { inbox, work } = this.app.home
    const m = (p: string) => {
      try {
        return String(statSync(p).mtimeMs)
      } catch {
        return ''
      }
    }
    const parts = [m(inbox), m(work)]
    try {
      for (const d of readdirSync(work, { withFileTypes: true }))
        if (d.isDirectory()) parts.push(`${d.name}:${m(join(work, d.name))}`)
    } catch {
      // no work/ folder: nothing claimed
    }
    return parts.join('|')
  }

  #files(now: Date): Promise<InboxFiles> {
    const key = this.#foldersKey()
    const s = this.#scan
    const age = now.getTime() - (s?.at ?? 0)
    if (s && s.key === key && age >= 0 && age < this.ttlMs) return s.files
    const files = inboxFiles(this.app.home, now)
    this.#scan = { key, at: now.getTime(), files }
    // A failed scan is not kept: the next request tries again.
    files.catch(() => {
      if (this.#scan?.files === files) this.#scan = null
    })
    return files
  }

  /**
   * What the status depends on besides the database: the listing (names, sizes, times), and the
   * clock to the minute (ages in days, the schedule's last tick, hours waiting); to the second while
   * an inbox file is still too young to take (it turns ready on its own).
   */
  #key(version: number, files: InboxFiles, now: Date): string {
    const minAge = this.app.config.inbox.minFileAgeSeconds * 1000
    const young = files.listed.candidates.some((c) => !c.futureMtime && now.getTime() - c.mtimeMs < minAge)
    const listing = JSON.stringify([
      files.listed.candidates.map((c) => [c.name, c.size, c.mtimeMs, c.futureMtime ?? false]),
      files.listed.skipped,
      files.listed.ignored,
      files.inWork,
    ])
    const clock = young ? Math.floor(now.getTime() / 1000) : `m${Math.floor(now.getTime() / 60_000)}`
    return `${version}|${clock}|${listing}`
  }

  async get(opts: { runs?: number; now?: Date } = {}): Promise<Status> {
    const now = opts.now ?? new Date()
    const runs = opts.runs ?? 5
    const files = await this.#files(now)
    return this.app.read(() => {
      const version = this.app.store.dataVersion()
      const key = this.#key(version, files, now)
      const hit = this.#status.get(runs)
      if (hit && hit.key === key) return hit.value
      const value = statusInRead(this.app, files, now, runs)
      this.#status.set(runs, { key, value })
      return value
    })
  }
}
