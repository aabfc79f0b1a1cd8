/**
 * Which files in the inbox are ready to take, and what every other entry is. Office and browsers
 * leave lock, temp and partial files next to real ones (ignored quietly, by name); a file still
 * being copied has a fresh mtime or a changing size (waiting); symlinks, sub-folders, FIFOs and
 * names that are not valid UTF-8 are never taken, and are reported with the reason (skipped) so
 * that nothing in the inbox is passed over in silence. `status` lists the inbox with the same
 * classification (listInbox, no pause).
 */
import { isUtf8 } from 'node:buffer'
import { lstat, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { t } from '../i18n/index.ts'

export interface InboxEntry {
  name: string
  path: string
  size: number
  mtimeMs: number
  /** mtime ahead of this machine's clock (another machine's clock, a share): age says nothing. */
  futureMtime?: boolean
}

export type WaitCode = 'too-young' | 'changing'
export type SkipCode = 'symlink' | 'directory' | 'special' | 'bad-name' | 'cannot-claim'

export interface WaitingEntry extends InboxEntry {
  code: WaitCode
  reason: string
}

export interface SkippedEntry {
  name: string
  code: SkipCode
  reason: string
}

export interface ScanResult {
  ready: InboxEntry[]
  /** Seen but left alone this time (still being written). */
  waiting: WaitingEntry[]
  /** Lock/temp/hidden files, never taken and not worth a word. */
  ignored: string[]
  /** Never taken, for a reason a person should see (symlink, folder, FIFO, bad name). */
  skipped: SkippedEntry[]
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

/** Clocks of two machines differ a little: an mtime this far ahead of ours counts as "future". */
const FUTURE_TOLERANCE_MS = 2000

export function isIgnoredName(name: string): boolean {
  return IGNORED.some((re) => re.test(name))
}

/** A name that is not UTF-8, readable: valid parts as text, each bad byte as \xNN. */
export function displayBytes(name: Buffer): string {
  let out = ''
  let i = 0
  while (i < name.length) {
    let len = 1
    const b = name.readUInt8(i)
    if (b >= 0xc2 && b <= 0xdf) len = 2
    else if (b >= 0xe0 && b <= 0xef) len = 3
    else if (b >= 0xf0 && b <= 0xf4) len = 4
    const part = name.subarray(i, i + len)
    if (b < 0x80 || (part.length === len && len > 1 && isUtf8(part))) {
      out += part.toString('utf8')
      i += len
    } else {
      out += `\\x${b.toString(16).padStart(2, '0')}`
      i += 1
    }
  }
  return out
}

function skip(name: string, code: Exclude<SkipCode, 'cannot-claim'>, kind = ''): SkippedEntry {
  const reason =
    code === 'special'
      ? t('inbox.skip.special', { kind })
      : code === 'symlink'
        ? t('inbox.skip.symlink')
        : code === 'directory'
          ? t('inbox.skip.directory')
          : t('inbox.skip.bad-name')
  return { name, code, reason }
}

function specialKind(d: { isFIFO(): boolean; isSocket(): boolean }): string {
  return d.isFIFO() ? 'FIFO' : d.isSocket() ? 'socket' : 'device'
}

/**
 * Every entry of the inbox, classified by name and type, without waiting: candidates (regular
 * files, with size and mtime), ignored and skipped. Used by the scan and by `status`.
 */
export async function listInbox(
  inbox: string,
  now = Date.now(),
): Promise<{ candidates: InboxEntry[]; ignored: string[]; skipped: SkippedEntry[] }> {
  const out: { candidates: InboxEntry[]; ignored: string[]; skipped: SkippedEntry[] } = {
    candidates: [],
    ignored: [],
    skipped: [],
  }
  // Raw bytes: a name that is not UTF-8 would otherwise be decoded to a different (U+FFFD) name
  // that does not exist, and the file would vanish from every list.
  const entries = await readdir(inbox, { withFileTypes: true, encoding: 'buffer' })
  for (const d of entries) {
    if (!isUtf8(d.name)) {
      out.skipped.push(skip(displayBytes(d.name), 'bad-name'))
      continue
    }
    const name = d.name.toString('utf8')
    if (isIgnoredName(name)) {
      out.ignored.push(name)
      continue
    }
    const path = join(inbox, name)
    let type: {
      isFile(): boolean
      isDirectory(): boolean
      isSymbolicLink(): boolean
      isFIFO(): boolean
      isSocket(): boolean
    } = d
    if (!d.isFile() && !d.isDirectory() && !d.isSymbolicLink() && !d.isFIFO() && !d.isSocket()) {
      // DT_UNKNOWN (some network file systems) or a device: ask the file system
      try {
        type = await lstat(path)
      } catch {
        continue
      }
    }
    if (type.isSymbolicLink()) out.skipped.push(skip(name, 'symlink'))
    else if (type.isDirectory()) out.skipped.push(skip(name, 'directory'))
    else if (!type.isFile()) out.skipped.push(skip(name, 'special', specialKind(type)))
    else {
      try {
        const s = await stat(path)
        out.candidates.push({
          name,
          path,
          size: s.size,
          mtimeMs: s.mtimeMs,
          ...(s.mtimeMs > now + FUTURE_TOLERANCE_MS ? { futureMtime: true } : {}),
        })
      } catch {
        // vanished between readdir and stat: someone moved it; nothing to do
      }
    }
  }
  return out
}

/**
 * One look at the inbox: files at least `minFileAgeSeconds` old (by mtime) whose size and mtime do
 * not change across a pause of `stableWaitMs` are ready. A file whose mtime is in the future (a
 * clock that runs ahead) cannot be judged by age: it is ready once it is stable.
 */
export async function scanInbox(
  inbox: string,
  opts: { minFileAgeSeconds: number; stableWaitMs: number; now?: number },
): Promise<ScanResult> {
  const now = opts.now ?? Date.now()
  const listed = await listInbox(inbox, now)
  const result: ScanResult = { ready: [], waiting: [], ignored: listed.ignored, skipped: listed.skipped }
  const minAgeMs = opts.minFileAgeSeconds * 1000
  const old: InboxEntry[] = []
  for (const c of listed.candidates) {
    if (!c.futureMtime && now - c.mtimeMs < minAgeMs)
      result.waiting.push({
        ...c,
        code: 'too-young',
        reason: t('inbox.wait.too-young', { seconds: opts.minFileAgeSeconds }),
      })
    else old.push(c)
  }
  if (old.length > 0 && opts.stableWaitMs > 0) await sleep(opts.stableWaitMs)
  for (const c of old) {
    try {
      const s = await stat(c.path)
      if (s.size !== c.size || s.mtimeMs !== c.mtimeMs)
        result.waiting.push({ ...c, code: 'changing', reason: t('inbox.wait.changing') })
      else result.ready.push(c)
    } catch {
      // gone
    }
  }
  // Oldest first, then by name: deterministic order, and later readings supersede earlier ones.
  result.ready.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name))
  return result
}

/** How long until the youngest waiting file is old enough to be looked at again (ms, >= 0). */
export function msUntilOldEnough(
  waiting: WaitingEntry[],
  minFileAgeSeconds: number,
  now = Date.now(),
): number {
  const young = waiting.filter((w) => w.code === 'too-young')
  if (young.length === 0) return 0
  return Math.max(0, Math.min(...young.map((w) => w.mtimeMs + minFileAgeSeconds * 1000 - now)))
}
