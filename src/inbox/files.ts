/**
 * Moving files through the home without ever losing or changing one: claim by atomic rename into
 * work/<run>/, then rename again into archive/ or rejected/ (same filesystem, so the bytes are
 * never rewritten). Name clashes get a short content-hash suffix rather than overwriting.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** A free path for `name` in `dir`: the name itself, else "stem-<hash8>.ext", else with a counter. */
export function freeName(dir: string, name: string, sha256: string): string {
  const first = join(dir, name)
  if (!existsSync(first)) return first
  const ext = extname(name)
  const stem = basename(name, ext)
  const withHash = join(dir, `${stem}-${sha256.slice(0, 8)}${ext}`)
  if (!existsSync(withHash)) return withHash
  for (let i = 2; ; i++) {
    const p = join(dir, `${stem}-${sha256.slice(0, 8)}-${i}${ext}`)
    if (!existsSync(p)) return p
  }
}

/** Claims an inbox file by rename into the run's work dir. Returns null if another process took it. */
export async function claim(path: string, workDir: string): Promise<string | null> {
  await mkdir(workDir, { recursive: true })
  const target = join(workDir, basename(path))
  try {
    await rename(path, target)
    return target
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/** A file named on the command line is copied (never moved) into work/, via a temp name + rename. */
export async function claimCopy(path: string, workDir: string): Promise<string> {
  await mkdir(workDir, { recursive: true })
  const target = join(workDir, basename(path))
  const tmp = join(workDir, `.${basename(path)}.copying`)
  await copyFile(path, tmp)
  await rename(tmp, target)
  return target
}

export async function moveInto(path: string, dir: string, sha256: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const target = freeName(dir, basename(path), sha256)
  await rename(path, target)
  return target
}

/** Writes `<stored name>.error.json` beside a rejected file, atomically (temp + rename). */
export async function writeErrorReport(rejectedPath: string, report: unknown): Promise<string> {
  const target = `${rejectedPath}.error.json`
  const tmp = `${target}.tmp`
  await writeFile(tmp, `${JSON.stringify(report, null, 2)}\n`, 'utf8')
  await rename(tmp, target)
  return target
}

/** Files left in work/ by runs that died: they are taken again, exactly once, by the next run. */
export async function leftovers(work: string): Promise<string[]> {
  const out: string[] = []
  if (!existsSync(work)) return out
  for (const dir of await readdir(work, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue
    const d = join(work, dir.name)
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
