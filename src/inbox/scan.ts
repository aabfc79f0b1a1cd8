/**
 * Which files in the inbox are ready to take. Office and browsers leave lock, temp and partial
 * files next to real ones; a file still being copied has a fresh mtime or a changing size. Those
 * are left for the next run (docs/engineering-notes.md §2, "our reliability bar" 1).
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export interface InboxEntry {
  name: string
  path: string
  size: number
  mtimeMs: number
}

export interface ScanResult {
  ready: InboxEntry[]
  /** Seen but left alone this time (still being written). */
  waiting: Array<InboxEntry & { reason: string }>
  /** Lock/temp/hidden files, never taken. */
  ignored: string[]
}

const IGNORED = [
  /^~\$/,
  /^\.~lock\..*#$/,
  /^\./,
  /\.tmp$/i,
  /\.part$/i,
  /\.crdownload$/i,
  /\.download$/i,
  /\.partial$/i,
  /^Thumbs\.db$/i,
  /^desktop\.ini$/i,
]

export function isIgnoredName(name: string): boolean {
  return IGNORED.some((re) => re.test(name))
}

export async function scanInbox(
  inbox: string,
  opts: { minFileAgeSeconds: number; stableWaitMs: number; now?: number },
): Promise<ScanResult> {
  const result: ScanResult = { ready: [], waiting: [], ignored: [] }
  const names = (await readdir(inbox, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name)
  const candidates: InboxEntry[] = []
  for (const name of names) {
    if (isIgnoredName(name)) {
      result.ignored.push(name)
      continue
    }
    const path = join(inbox, name)
    try {
      const s = await stat(path)
      candidates.push({ name, path, size: s.size, mtimeMs: s.mtimeMs })
    } catch {
      // vanished between readdir and stat: someone moved it; nothing to do
    }
  }
  const now = opts.now ?? Date.now()
  const young = candidates.filter((c) => now - c.mtimeMs < opts.minFileAgeSeconds * 1000)
  const old = candidates.filter((c) => now - c.mtimeMs >= opts.minFileAgeSeconds * 1000)
  for (const c of young)
    result.waiting.push({ ...c, reason: `modified less than ${opts.minFileAgeSeconds}s ago` })
  if (old.length > 0 && opts.stableWaitMs > 0) await sleep(opts.stableWaitMs)
  for (const c of old) {
    try {
      const s = await stat(c.path)
      if (s.size !== c.size || s.mtimeMs !== c.mtimeMs)
        result.waiting.push({ ...c, reason: 'still changing' })
      else result.ready.push(c)
    } catch {
      // gone
    }
  }
  // Oldest first, then by name: deterministic order, and later readings supersede earlier ones.
  result.ready.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name))
  return result
}
