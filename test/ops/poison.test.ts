/**
 * No poison files (issue 9 §3): a file whose parse exhausts memory or time, or takes the whole
 * process down, is retried once and then rejected as too-complex, byte-for-byte in rejected/ with its
 * .error.json, while the other files of the run land; and a run that lost its lease stops before
 * it commits or moves anything. Real child processes, real SQLite, files generated here. Both ways
 * the CLI runs are exercised: the TypeScript sources (tsx) and the esbuild bundle.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, ROOT, tempDir, tempHome } from '../helpers.ts'
import { sha256, writeNationalBatch } from './ops-helpers.ts'

interface IngestRow {
  file: string
  status: string
  error: string | null
  errorDetail: { code: string; message: string } | null
}

let fixtures: string
let good: { name: string; path: string }
let goodCsv: { name: string; path: string }
let bigHtml: string
let bundleDir: string

/**
 * An HTML ".xls" table whose one row holds `rows` x 20 cells: the reader streams row by row, so only
 * a row that never ends makes a few MB take seconds and ~30x in memory (the row's cells are held
 * until it closes).
 */
function writeBigHtml(path: string, rows: number): void {
  const cells = Array.from({ length: 20 }, (_, i) => `<td>ô ${i}</td>`).join('')
  writeFileSync(path, `<html><body><table><tr>${cells.repeat(rows)}</tr></table></body></html>`)
}

beforeAll(async () => {
  fixtures = tempDir('poison-fixtures-')
  const [first, second] = await writeNationalBatch(fixtures, { files: 2 })
  good = { name: first!.name, path: join(fixtures, first!.name) }
  goodCsv = { name: second!.name, path: join(fixtures, second!.name) } // parses in milliseconds
  bigHtml = join(fixtures, 'a-big.xls')
  writeBigHtml(bigHtml, 40_000) // ~9 MB
  // The bundle as bin/build.js makes it, two folders below the root like .build/cli.
  bundleDir = join(ROOT, '.build-test', `poison-${process.pid}`)
  const built = spawnSync(process.execPath, [join(ROOT, 'bin', 'build.js'), bundleDir], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  expect(built.status, built.stderr).toBe(0)
}, 120_000)

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true })
})

/** A home with `files` in its inbox, taken in the order given (older mtime first). */
function home(limits: Record<string, unknown>, files: string[]): string {
  const h = tempHome({ limits })
  const t0 = Date.now() / 1000 - 1000
  files.forEach((f, i) => {
    const to = join(h, 'inbox', f.slice(f.lastIndexOf('/') + 1))
    copyFileSync(f, to)
    utimesSync(to, t0 + i * 10, t0 + i * 10)
  })
  return h
}

/** Attempts recorded so far for the (one) file being parsed; 0 before the database exists. */
function attemptsNow(h: string): number {
  try {
    return attempts(h)[0]?.attempts ?? 0
  } catch {
    return 0
  }
}

type Way = 'sources' | 'bundle'

function ingestArgs(way: Way, h: string): { cmd: string[]; env: Record<string, string> } {
  const entry = way === 'bundle' ? join(bundleDir, 'qd766.js') : BIN
  return {
    cmd: [entry, 'ingest', '--json', '--home', h],
    env: { QD766_LOG_LEVEL: 'warn', ...(way === 'sources' ? { QD766_NO_BUNDLE: '1' } : {}) },
  }
}

function ingest(way: Way, h: string): { code: number; rows: IngestRow[]; stderr: string } {
  const { cmd, env } = ingestArgs(way, h)
  const r = spawnSync(process.execPath, cmd, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 180_000,
  })
  let rows: IngestRow[] = []
  try {
    rows = JSON.parse(r.stdout) as IngestRow[]
  } catch {
    throw new Error(`not JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`)
  }
  return { code: r.status ?? -1, rows, stderr: r.stderr }
}

function attempts(h: string): Array<{ attempts: number; last_failure: string }> {
  const db = new Database(join(h, 'qd766.sqlite'), { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT attempts, last_failure FROM parse_attempts').all() as Array<{
      attempts: number
      last_failure: string
    }>
  } finally {
    db.close()
  }
}

/** The rejection as a person and a tool see it, and the bytes kept as they came. */
function expectRejectedAsPoison(h: string, name: string, source: string, budget: RegExp) {
  const rejected = readdirSync(join(h, 'rejected'))
  expect(rejected).toContain(name)
  expect(sha256(readFileSync(join(h, 'rejected', name)))).toBe(sha256(readFileSync(source)))
  const report = JSON.parse(readFileSync(join(h, 'rejected', `${name}.error.json`), 'utf8'))
  expect(report.code).toBe('too-complex')
  expect(report.message).toMatch(/^Tệp quá lớn hoặc quá phức tạp để xử lý an toàn/)
  expect(report.message).toMatch(budget)
  expect(attempts(h)).toEqual([]) // the verdict clears the attempts
}

describe('per-file budgets', () => {
  it('a parse over its memory budget ends the worker, not the run: retried once, then rejected (sources)', () => {
    const h = home({ parseMemoryMegabytes: 96 }, [bigHtml, good.path])
    const r = ingest('sources', h)
    expect(r.code).toBe(1) // partial: one file rejected, the other landed
    const byFile = new Map(r.rows.map((o) => [o.file, o]))
    expect(byFile.get(good.name)?.status).toBe('accepted')
    expect(byFile.get('a-big.xls')?.status).toBe('rejected')
    expect(byFile.get('a-big.xls')?.errorDetail?.code).toBe('too-complex')
    expect(r.stderr.match(/"budget":"memory"/g)?.length).toBe(2) // two attempts, each logged
    expectRejectedAsPoison(h, 'a-big.xls', bigHtml, /bộ nhớ 96 MB \(limits\.parseMemoryMegabytes\)/)
    expect(readdirSync(join(h, 'archive'))).toContain(good.name)
  }, 240_000)

  it('a parse over its time budget is stopped: retried once, then rejected (bundle)', () => {
    const h = home({ parseSeconds: 1 }, [bigHtml, goodCsv.path])
    const r = ingest('bundle', h)
    expect(r.code).toBe(1)
    const byFile = new Map(r.rows.map((o) => [o.file, o]))
    expect(byFile.get(goodCsv.name)?.status).toBe('accepted')
    expect(byFile.get('a-big.xls')?.errorDetail?.code).toBe('too-complex')
    expect(r.stderr.match(/"budget":"time"/g)?.length).toBe(2)
    expectRejectedAsPoison(h, 'a-big.xls', bigHtml, /thời gian 1 giây \(limits\.parseSeconds\)/)
  }, 240_000)

  it('within its budgets the same file parses as before, on both ways of running', () => {
    for (const way of ['sources', 'bundle'] as const) {
      const h = home({}, [good.path])
      const r = ingest(way, h)
      expect(r.code, r.stderr).toBe(0)
      expect(r.rows.map((o) => o.status)).toEqual(['accepted'])
      expect(attempts(h)).toEqual([])
    }
  }, 240_000)
})

describe('a file that kills the whole process', () => {
  /** Starts `ingest`, waits until the big file's parse attempt is recorded, then kill -9. */
  async function killDuringParse(h: string): Promise<void> {
    const { cmd, env } = ingestArgs('sources', h)
    const child: ChildProcess = spawn(process.execPath, cmd, {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    })
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    const before = attemptsNow(h)
    for (let i = 0; i < 1200 && attemptsNow(h) === before; i++) await new Promise((r) => setTimeout(r, 50))
    child.kill('SIGKILL')
    await exited
    expect(attempts(h)[0]?.attempts).toBe(before + 1)
  }

  it('after two deaths during its parse, the next run rejects it instead of dying again', async () => {
    const h = home({}, [bigHtml, good.path])
    await killDuringParse(h)
    await killDuringParse(h) // the retry (taken up from work/) dies too
    const r = ingest('sources', h)
    const byFile = new Map(r.rows.map((o) => [o.file, o]))
    expect(byFile.get('a-big.xls')?.errorDetail?.code).toBe('too-complex')
    expectRejectedAsPoison(h, 'a-big.xls', bigHtml, /dừng đột ngột/)
    // the other file landed (in the run that took it up first from work/)
    expect(readdirSync(join(h, 'archive'))).toContain(good.name)
    expect(readdirSync(join(h, 'work'))).toEqual([])
  }, 240_000)
})

describe('the lease', () => {
  it('a run whose lease expired mid-parse stops before committing or moving anything', async () => {
    const h = home({}, [bigHtml, good.path])
    const { cmd, env } = ingestArgs('sources', h)
    const child = spawn(process.execPath, cmd, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr?.on('data', (d) => {
      stderr += d
    })
    const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
    for (let i = 0; i < 1200 && attemptsNow(h) === 0; i++) await new Promise((r) => setTimeout(r, 50))
    // As after a clock jump or a long stall: the lease ran out while the file was being parsed.
    const db = new Database(join(h, 'qd766.sqlite'))
    db.prepare("UPDATE runs SET lease_until = '2000-01-01T00:00:00.000Z' WHERE status = 'running'").run()
    db.close()
    expect(await code).toBe(3) // busy: another run may own the home now
    expect(stderr).toMatch(/mất quyền xử lý/)
    // nothing committed, nothing moved: both files still in work/, no report, no event
    const check = new Database(join(h, 'qd766.sqlite'), { readonly: true })
    expect(check.prepare('SELECT COUNT(*) AS n FROM file_events').get()).toEqual({ n: 0 })
    expect(check.prepare('SELECT COUNT(*) AS n FROM source_files').get()).toEqual({ n: 0 })
    check.close()
    expect(existsSync(join(h, 'rejected')) ? readdirSync(join(h, 'rejected')) : []).toEqual([])
    const workFiles = readdirSync(join(h, 'work')).flatMap((d) => readdirSync(join(h, 'work', d)))
    expect(workFiles.sort()).toEqual(['a-big.xls', good.name].sort())
    // the next run takes both up
    const r = ingest('sources', h)
    expect(r.rows.map((o) => o.status).sort()).toEqual(['accepted', 'rejected'])
  }, 240_000)
})
