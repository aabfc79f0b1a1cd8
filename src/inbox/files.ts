/**
 * Moving files through the home without ever losing or changing one: claim by atomic rename into
 * work/<run>/, then rename again into archive/ or rejected/ (same filesystem, so the bytes are
 * never rewritten). Name clashes get a short content-hash suffix rather than overwriting.
 */
import { createHash } from 'node:crypto'
import { constants, createReadStream, existsSync } from 'node:fs'
import { type FileHandle, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { SPOOL_DIR } from '../config/home.ts'
import { errnoCode } from '../errors.ts'
import { injectFault } from '../testing/faults.ts'
import { fitName, NAME_MAX, safeName } from './names.ts'

/** Files up to this size are hashed from one read (a stream costs more than a small file's bytes). */
const READ_WHOLE_BYTES = 8 * 1024 * 1024

/** A file stream's chunks as the Buffers they are (no encoding is set), checked rather than assumed. */
async function* bufferChunks(stream: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    if (!Buffer.isBuffer(chunk)) throw new Error('internal: a file stream without encoding gave text')
    yield chunk
  }
}

export async function sha256File(path: string, size?: number): Promise<string> {
  if (size !== undefined && size <= READ_WHOLE_BYTES)
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex')
  const hash = createHash('sha256')
  for await (const chunk of bufferChunks(createReadStream(path))) hash.update(chunk)
  return hash.digest('hex')
}

/**
 * A free path for `name` in `dir`: the name itself, else "stem-<hash8>.ext", else with a counter.
 * Every candidate fits in `maxBytes` (shortened by whole characters, extension kept), so the rename
 * that follows can never fail with ENAMETOOLONG. `taken` are paths already promised to files whose
 * move has not happened yet (a group commit's): they count as occupied.
 */
export function freeName(
  dir: string,
  name: string,
  sha256: string,
  maxBytes = NAME_MAX,
  taken?: ReadonlySet<string>,
): string {
  const free = (p: string) => !taken?.has(p) && !existsSync(p)
  const first = join(dir, fitName(name, maxBytes))
  if (free(first)) return first
  const withHash = join(dir, fitName(name, maxBytes, `-${sha256.slice(0, 8)}`))
  if (free(withHash)) return withHash
  for (let i = 2; ; i++) {
    const p = join(dir, fitName(name, maxBytes, `-${sha256.slice(0, 8)}-${i}`))
    if (free(p)) return p
  }
}

/** A free path for `name` in `dir` before the file's hash is known: "name", "name-2", ... */
function freeNameByCounter(dir: string, name: string): string {
  const first = join(dir, fitName(name))
  if (!existsSync(first)) return first
  for (let i = 2; ; i++) {
    const p = join(dir, fitName(name, NAME_MAX, `-${i}`))
    if (!existsSync(p)) return p
  }
}

/**
 * Moves a file to a free name in `dir` ("name", else "name-2", ...). A checked rename, not link +
 * unlink: a kill between those two would leave the file in two places and it would be counted
 * twice. (The check and the rename are not one atomic step; an analyst would have to drop a file of
 * the same name in that instant.)
 */
async function moveNoReplace(from: string, dir: string, name: string): Promise<string> {
  const target = freeNameByCounter(dir, name)
  await rename(from, target)
  return target
}

/**
 * Claims an inbox file by rename into the run's work dir, under its safe name (no control
 * characters, at most NAME_MAX bytes). Returns null if another process took it.
 */
export async function claim(path: string | Buffer, workDir: string, name: string): Promise<string | null> {
  await mkdir(workDir, { recursive: true })
  const target = freeNameByCounter(workDir, safeName(name))
  try {
    injectFault('claim', name, 'rename')
    await rename(path, target)
    return target
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw err
  }
}

/** A file named on the command line is copied (never moved) into work/, via a temp name + rename. */
export async function claimCopy(path: string, workDir: string): Promise<string> {
  await mkdir(workDir, { recursive: true })
  const target = freeNameByCounter(workDir, safeName(basename(path)))
  const tmp = join(workDir, `.qd766-${process.pid}-${Date.now()}.copying`)
  await copyRegularFile(path, tmp)
  await rename(tmp, target)
  return target
}

/**
 * Why `path` cannot be ingested as a file, or null: it must exist and be a regular file (after
 * symlinks). Checked on an open descriptor (O_NONBLOCK, so a FIFO cannot block the open), which is
 * the same descriptor the copy then reads: nothing can be swapped in between.
 */
export async function notARegularFile(path: string): Promise<'missing' | 'directory' | 'special' | null> {
  let fh: FileHandle
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (err) {
    const code = errnoCode(err)
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing'
    if (code === 'EISDIR') return 'directory'
    throw err
  }
  try {
    const st = await fh.stat()
    return st.isFile() ? null : st.isDirectory() ? 'directory' : 'special'
  } finally {
    await fh.close()
  }
}

async function copyRegularFile(from: string, to: string): Promise<void> {
  const src = await open(from, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    if (!(await src.stat()).isFile()) {
      throw Object.assign(new Error(`not a regular file: ${from}`), { code: 'EINVAL', syscall: 'open' })
    }
    const dst = await open(to, 'wx')
    try {
      for await (const chunk of bufferChunks(src.createReadStream({ autoClose: false })))
        await dst.write(chunk)
    } finally {
      await dst.close()
    }
  } catch (err) {
    await rm(to, { force: true }).catch(() => {})
    throw err
  } finally {
    await src.close()
  }
}

/**
 * Gives a claimed file back to the inbox, unchanged and under its name (or "name-2" if an analyst
 * has dropped another file of that name since): for files a stopped or failed run never started.
 */
export async function returnToInbox(workPath: string, inbox: string): Promise<string> {
  return moveNoReplace(workPath, inbox, basename(workPath))
}

/**
 * Writes `<stored name>.error.json` beside a rejected file, atomically (temp + rename). When the
 * write fails (a full disk) the temp file is removed: no 0-byte `.error.json.tmp` stays behind.
 */
export async function writeErrorReport(rejectedPath: string, report: unknown): Promise<string> {
  const target = `${rejectedPath}.error.json`
  const tmp = `${target}.tmp`
  try {
    const fh = await open(tmp, 'w')
    try {
      injectFault('report', basename(rejectedPath))
      await fh.writeFile(`${JSON.stringify(report, null, 2)}\n`, 'utf8')
    } finally {
      await fh.close()
    }
    await rename(tmp, target)
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {})
    throw err
  }
  return target
}

/** Files left in work/ by runs that died: they are taken again, exactly once, by the next run. */
export async function leftovers(work: string): Promise<string[]> {
  const out: string[] = []
  if (!existsSync(work)) return out
  for (const dir of await readdir(work, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue
    const d = join(work, dir.name)
    if (dir.name === SPOOL_DIR) {
      // a crashed run's parse scratch (src/pipeline/spool.ts): nothing in it is anybody's file
      await rm(d, { recursive: true, force: true })
      continue
    }
    for (const f of await readdir(d, { withFileTypes: true })) {
      if (!f.isFile()) continue
      // half-done copies of command-line files: the original is still where the user left it
      if (f.name.endsWith('.copying')) await rm(join(d, f.name), { force: true })
      else out.push(join(d, f.name))
    }
  }
  return out.sort()
}

export async function removeEmptyDirs(work: string): Promise<void> {
  if (!existsSync(work)) return
  for (const dir of await readdir(work, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue
    const d = join(work, dir.name)
    if ((await readdir(d)).length === 0) await rm(d, { recursive: true, force: true })
  }
}
