/**
 * Read-only SQL with limits, for `qd766 query` and the web server's /sql and /api/sql. Independent
 * of the CLI: give it a database path and the SQL.
 *
 * Contract:
 *   runReadOnlySql(databasePath, sql, { timeoutMs, maxRows, maxBytes }) -> Promise<SqlResult>
 *   SqlResult = { columns, rows (arrays, in column order), truncated, elapsedMs }
 *   Rejects only with QueryError, whose `code` is
 *     'refused'        not a single statement that returns rows from the qd766 database: writes,
 *                      ATTACH/DETACH, load_extension(), BEGIN, several statements, empty text;
 *     'sql-error'      SQLite rejected the SQL (syntax, unknown table or column, ...);
 *     'timeout'        still running after timeoutMs: the query was stopped;
 *     'too-many-rows'  the result overflowed its process's memory (with `truncate: false`, also
 *                      more rows than maxRows).
 *   A result is cut at maxRows rows or about maxBytes of values: `truncated: true` says it was.
 *   The message of a QueryError is for people (current language); the code is stable.
 *
 * How: the statement runs in a child Node process with its own read-only connection, and rows come
 * back in batches over IPC until the cap. A child process, not a worker thread: better-sqlite3 has
 * no interrupt and its SQLite has no progress handler, and a worker cannot be terminated while it is
 * inside one long native step (a recursive CTE under count(*) never returns to JavaScript; checked:
 * worker.terminate() waited a full minute). A process can always be killed.
 * One fresh child per query, not a pool: measured at 240-580 ms per `SELECT 1` end to end on the
 * 2-core development machine under a load average of 30 (Node's start and the native module),
 * acceptable beside a person's query for the CLI, and nothing is shared between queries or outlives
 * them. A server answering many queries may keep a warm child instead (src/serve/sql-runner.ts does).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { t } from '../i18n/index.ts'

export type QueryErrorCode = 'timeout' | 'refused' | 'sql-error' | 'too-many-rows'

export class QueryError extends Error {
  readonly code: QueryErrorCode
  constructor(code: QueryErrorCode, message: string) {
    super(message)
    this.name = 'QueryError'
    this.code = code
  }
}

export interface SqlOptions {
  /** Stop the query after this long (default 5 s). */
  timeoutMs?: number
  /** Keep at most this many rows (default 10,000). */
  maxRows?: number
  /** Keep about this many bytes of values at most (default 64 MB). */
  maxBytes?: number
  /** false: a result over maxRows is an error ('too-many-rows') instead of cut. Default true. */
  truncate?: boolean
}

export type SqlValue = string | number | bigint | Uint8Array | null

export interface SqlResult {
  columns: string[]
  rows: SqlValue[][]
  truncated: boolean
  elapsedMs: number
}

export const SQL_DEFAULTS = { timeoutMs: 5_000, maxRows: 10_000, maxBytes: 64 * 1024 * 1024 } as const
/** Upper bounds a caller may ask for (the CLI's --timeout and --max-rows are checked against them). */
export const SQL_LIMITS = { timeoutMs: 600_000, maxRows: 10_000_000 } as const

/** Heap of the child: a result too big for it ends the child, never the caller. */
const CHILD_HEAP_MB = 512

/**
 * The child's program: plain CommonJS run by `node -e`, so it needs no TypeScript loader and works
 * the same from the sources (tsx) and from the esbuild bundle.
 */
const CHILD = `
const Database = require(process.env.QD766_SQLITE_MODULE)
const send = (m) => new Promise((resolve) => process.send(m, resolve))
process.on('message', async (m) => {
  let db
  try {
    db = new Database(m.database, { readonly: true, fileMustExist: true, timeout: 1000 })
    db.pragma('query_only = ON')
    let stmt
    try { stmt = db.prepare(m.sql) } catch (err) {
      const multi = /more than one statement/i.test(String(err && err.message))
      await send({ type: 'error', code: multi ? 'refused' : 'sql-error', reason: multi ? 'several' : null, message: String(err && err.message || err) })
      return
    }
    if (!stmt.readonly) { await send({ type: 'error', code: 'refused', reason: 'write' }); return }
    if (!stmt.reader) { await send({ type: 'error', code: 'refused', reason: 'no-rows' }); return }
    stmt.raw(true)
    await send({ type: 'columns', columns: stmt.columns().map((c) => c.name) })
    let batch = []
    let rows = 0
    let bytes = 0
    let truncated = false
    for (const row of stmt.iterate()) {
      if (rows >= m.maxRows || bytes >= m.maxBytes) { truncated = true; break }
      for (const v of row) bytes += v === null ? 1 : typeof v === 'string' ? v.length * 2 : typeof v === 'object' ? v.length : 8
      batch.push(row)
      rows++
      if (batch.length >= 500) { await send({ type: 'rows', rows: batch }); batch = [] }
    }
    if (batch.length) await send({ type: 'rows', rows: batch })
    await send({ type: 'done', truncated })
  } catch (err) {
    const text = String(err && err.message || err)
    const extension = /not authorized/i.test(text)
    await send({ type: 'error', code: extension ? 'refused' : 'sql-error', reason: extension ? 'extension' : null, message: text })
  } finally {
    if (db) db.close()
    process.disconnect()
  }
})
`

type ChildMessage =
  | { type: 'columns'; columns: string[] }
  | { type: 'rows'; rows: SqlValue[][] }
  | { type: 'done'; truncated: boolean }
  | {
      type: 'error'
      code: QueryErrorCode
      reason: 'several' | 'write' | 'no-rows' | 'extension' | null
      message?: string
    }

/** SQL text with comments and string literals blanked, for the keyword checks below. */
function codeOnly(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ')
    .replace(/'(?:[^']|'')*'?/g, "''")
}

/** Refusals that need no database: empty text, ATTACH/DETACH, load_extension(). (Also the web server's warm runner.) */
export function refuseBeforeRunning(sql: string): QueryError | null {
  const code = codeOnly(sql).trim()
  if (code === '' || /^;*$/.test(code)) return new QueryError('refused', t('query.empty'))
  if (/^(ATTACH|DETACH)\b/i.test(code)) return new QueryError('refused', t('query.refused-attach'))
  if (/\bload_extension\s*\(/i.test(code)) return new QueryError('refused', t('query.refused-extension'))
  return null
}

function childError(m: Extract<ChildMessage, { type: 'error' }>): QueryError {
  if (m.reason === 'write') return new QueryError('refused', t('query.refused-write'))
  if (m.reason === 'no-rows') return new QueryError('refused', t('query.refused-no-rows'))
  if (m.reason === 'several') return new QueryError('refused', t('query.refused-several'))
  if (m.reason === 'extension') return new QueryError('refused', t('query.refused-extension'))
  return new QueryError(m.code, t('query.sql-error', { message: m.message ?? '' }))
}

let sqliteModule: string | undefined

/** Runs one read-only statement with a time limit and a row cap (contract in the file header). */
export function runReadOnlySql(databasePath: string, sql: string, opts: SqlOptions = {}): Promise<SqlResult> {
  const timeoutMs = opts.timeoutMs ?? SQL_DEFAULTS.timeoutMs
  const maxRows = opts.maxRows ?? SQL_DEFAULTS.maxRows
  const maxBytes = opts.maxBytes ?? SQL_DEFAULTS.maxBytes
  const truncate = opts.truncate ?? true
  const early = refuseBeforeRunning(sql)
  if (early) return Promise.reject(early)
  sqliteModule ??= createRequire(import.meta.url).resolve('better-sqlite3')
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [`--max-old-space-size=${CHILD_HEAP_MB}`, '-e', CHILD],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
        env: { QD766_SQLITE_MODULE: sqliteModule },
      },
    )
    let columns: string[] = []
    const rows: SqlValue[][] = []
    let settled = false
    let stderr = ''
    const finish = (err: QueryError | Error | null, result?: SqlResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (child.exitCode === null) child.kill('SIGKILL')
      if (err) reject(err)
      else if (result) resolve(result)
    }
    const timer = setTimeout(
      () => finish(new QueryError('timeout', t('query.timeout', { seconds: timeoutMs / 1000 }))),
      timeoutMs,
    )
    child.stderr?.on('data', (b: Buffer) => {
      if (stderr.length < 4000) stderr += b.toString('utf8')
    })
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'columns') columns = m.columns
      else if (m.type === 'rows') rows.push(...m.rows)
      else if (m.type === 'error') finish(childError(m))
      else if (m.type === 'done') {
        if (m.truncated && !truncate)
          finish(new QueryError('too-many-rows', t('query.too-many-rows', { maxRows })))
        else finish(null, { columns, rows, truncated: m.truncated, elapsedMs: Date.now() - started })
      }
    })
    child.on('error', (err) => finish(err))
    child.on('exit', (code, signal) => {
      if (settled) return
      // Killed by V8 for lack of heap: the result was too big to hold.
      if (/heap out of memory|Allocation failed/i.test(stderr))
        finish(new QueryError('too-many-rows', t('query.too-large')))
      else finish(new Error(`the SQL process stopped (exit ${code ?? signal}): ${stderr.trim().slice(-500)}`))
    })
    child.send({ database: databasePath, sql, maxRows, maxBytes })
  })
}
