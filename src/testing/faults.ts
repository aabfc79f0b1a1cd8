/**
 * TEST-ONLY fault injection. Inert unless the environment variable QD766_TEST_FAULT is set, which
 * no operator does: it exists so the test suite can prove how a run behaves when something that is
 * not the file's fault goes wrong (a bug, a busy or full database, a full disk, a file the antivirus
 * will not let go), at the exact point where it would happen in real life.
 *
 *   QD766_TEST_FAULT="<point>:<kind>[:<file-name part>][,...]"
 *   e.g. "parse:bug:b.csv", "load:busy", "report:enospc:bad", "claim:eperm:locked"
 *
 * The kind `stall<ms>` ("worker:stall2000:big") throws nothing: it blocks the thread it runs on for
 * that long, like a long synchronous scan, so a test can show which thread a stall starves.
 * QD766_TEST_LEASE_MS shortens the run lease (src/run/runs.ts) so such a stall outlasts it.
 *
 * The error thrown is the one the real failure throws: a TypeError, better-sqlite3's SqliteError
 * with its code, or a Node system error with code, errno and syscall.
 */
import BetterSqlite3 from 'better-sqlite3'

/**
 * `worker` (the parse) is reached inside the parse worker thread; `pull` (each chunk of a spooled
 * list read back during the load) and every other point on the ingesting thread.
 */
export type FaultPoint = 'parse' | 'worker' | 'pull' | 'load' | 'report' | 'claim' | 'archive'

const SYSTEM: Record<string, { errno: number; text: string }> = {
  enospc: { errno: -28, text: 'no space left on device' },
  eacces: { errno: -13, text: 'permission denied' },
  eperm: { errno: -1, text: 'operation not permitted' },
  ebusy: { errno: -16, text: 'resource busy or locked' },
  eio: { errno: -5, text: 'i/o error' },
}

function faultError(kind: string, syscall: string, path: string): Error {
  if (kind === 'bug') return new TypeError("Cannot read properties of undefined (reading 'cells') [injected]")
  if (kind === 'busy') return new BetterSqlite3.SqliteError('database is locked [injected]', 'SQLITE_BUSY')
  if (kind === 'full')
    return new BetterSqlite3.SqliteError('database or disk is full [injected]', 'SQLITE_FULL')
  const sys = SYSTEM[kind]
  if (!sys) throw new Error(`QD766_TEST_FAULT: unknown fault kind "${kind}"`)
  const code = kind.toUpperCase()
  return Object.assign(new Error(`${code}: ${sys.text} [injected], ${syscall} '${path}'`), {
    code,
    errno: sys.errno,
    syscall,
    path,
  })
}

/** Throws the configured fault when `point` is reached for a file whose name contains the match. */
export function injectFault(point: FaultPoint, fileName: string, syscall = 'write'): void {
  const spec = process.env.QD766_TEST_FAULT
  if (!spec) return
  for (const item of spec.split(',')) {
    const [p, kind, match] = item.trim().split(':')
    if (p !== point || !kind || (match && !fileName.includes(match))) continue
    const stall = /^stall(\d+)$/.exec(kind)
    if (stall) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(stall[1]))
    else throw faultError(kind, syscall, fileName)
  }
}
