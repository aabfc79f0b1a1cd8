/**
 * Read-only SQL for the SQL page and /api/sql, run where a runaway query can be stopped: a child
 * Node process with its own read-only connection. SQLite gives a JavaScript binding no way to
 * interrupt a statement that is inside one long step (a recursive CTE that never ends, a huge
 * cross join under an aggregate), and a worker thread cannot be terminated while native code runs;
 * a process can always be killed. The child stays warm between queries (one at a time, in order)
 * and is replaced after a kill, so the usual query costs a message round trip, not a process start.
 *
 * The fences of `qd766 query` (src/query/run-sql.ts, which starts a fresh process per query — too
 * slow for a page): the connection is read-only and query_only; ATTACH/DETACH and load_extension()
 * are refused before anything runs; a statement SQLite does not report as read-only, or one that
 * returns no rows (BEGIN would leave this warm connection inside a transaction), is refused.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { t } from '../i18n/index.ts'
import { refuseBeforeRunning } from '../query/run-sql.ts'

export interface SqlOptions {
  timeoutMs: number
  maxRows: number
}

export type SqlResult =
  | { ok: true; columns: string[]; rows: Array<Record<string, unknown>>; truncated: boolean; ms: number }
  | { ok: false; reason: 'refused' | 'error' | 'timeout'; message: string }

export interface SqlRunner {
  run(sql: string, opts: SqlOptions): Promise<SqlResult>
  close(): void
}

/** The child's program: plain CommonJS so it needs no TypeScript loader and no bundle entry. */
const CHILD = `
const Database = require(process.env.QD766_SQLITE_MODULE)
const db = new Database(process.env.QD766_SQL_DB, { readonly: true, fileMustExist: true })
db.pragma('query_only = ON')
// Prepared statements by their SQL, the most recent 64: preparing a query over the views costs
// more than running it (v_latest_ranking: ~0.85 ms to prepare, ~0.25 ms to run), and a dashboard
// asks the same few queries again and again. A cached statement runs afresh each time on the data
// as it is then. After a schema change (a migration while the server runs) the cache is emptied:
// SQLite would re-prepare such a statement by itself, but better-sqlite3 keeps the columns it had
// (SELECT * would miss a new column).
const cache = new Map()
let schemaVersion = -1
const prepared = (sql) => {
  const version = db.pragma('schema_version', { simple: true })
  if (version !== schemaVersion) { cache.clear(); schemaVersion = version }
  let stmt = cache.get(sql)
  if (stmt) cache.delete(sql)
  else stmt = db.prepare(sql)
  cache.set(sql, stmt)
  if (cache.size > 64) cache.delete(cache.keys().next().value)
  return stmt
}
process.on('message', (m) => {
  let reply
  try {
    const stmt = prepared(m.sql)
    if (!stmt.readonly) reply = { id: m.id, ok: false, reason: 'refused', message: 'write' }
    // BEGIN, SAVEPOINT, ...: read-only but no rows, and they would change this warm connection
    else if (!stmt.reader) reply = { id: m.id, ok: false, reason: 'refused', message: 'no-rows' }
    else {
      const columns = stmt.columns().map((c) => c.name)
      const rows = []
      let truncated = false
      for (const row of stmt.iterate()) {
        if (rows.length >= m.maxRows) { truncated = true; break }
        rows.push(row)
      }
      reply = { id: m.id, ok: true, columns, rows, truncated }
    }
  } catch (err) {
    reply = { id: m.id, ok: false, reason: 'error', message: String(err && err.message || err) }
  }
  process.send(reply)
})
process.on('disconnect', () => process.exit(0))
`

interface Pending {
  id: number
  sql: string
  opts: SqlOptions
  resolve(r: SqlResult): void
}

export function childSqlRunner(databasePath: string): SqlRunner {
  const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3')
  let child: ChildProcess | null = null
  let nextId = 1
  const queue: Pending[] = []
  let current: (Pending & { timer: NodeJS.Timeout; started: number; child: ChildProcess }) | null = null
  let closed = false

  function start(): ChildProcess {
    const c = spawn(process.execPath, ['-e', CHILD], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
      env: { QD766_SQLITE_MODULE: sqliteModule, QD766_SQL_DB: databasePath },
    })
    c.on('message', (m: { id: number } & Record<string, unknown>) => {
      if (!current || m.id !== current.id) return
      const done = current
      clearTimeout(done.timer)
      current = null
      const { id: _id, ...rest } = m
      const message =
        rest.message === 'write'
          ? t('query.refused-write')
          : rest.message === 'no-rows'
            ? t('query.refused-no-rows')
            : rest.message
      done.resolve(
        rest.ok
          ? ({ ...rest, ms: Date.now() - done.started } as SqlResult)
          : ({ ok: false, reason: rest.reason, message } as SqlResult),
      )
      pump()
    })
    c.on('exit', () => {
      if (child === c) child = null
      // Only the query this process was running is lost (after a kill, the next one runs elsewhere).
      if (current && current.child === c) {
        const lost = current
        clearTimeout(lost.timer)
        current = null
        lost.resolve({ ok: false, reason: 'error', message: t('serve.sql.process-stopped') })
        pump()
      }
    })
    return c
  }

  function pump(): void {
    if (current || closed) return
    const job = queue.shift()
    if (!job) return
    child ??= start()
    const running = child
    const timer = setTimeout(() => {
      // Too long: kill the process (the only sure stop) and answer; the next query gets a new one.
      if (current?.id !== job.id) return
      current = null
      child = null
      running.kill('SIGKILL')
      job.resolve({ ok: false, reason: 'timeout', message: `${job.opts.timeoutMs} ms` })
      pump()
    }, job.opts.timeoutMs)
    current = { ...job, timer, started: Date.now(), child: running }
    running.send({ id: job.id, sql: job.sql, maxRows: job.opts.maxRows })
  }

  return {
    run(sql, opts) {
      if (closed) return Promise.resolve({ ok: false, reason: 'error', message: t('serve.sql.closed') })
      // The same refusals as `qd766 query` (ATTACH could read other files; load_extension code).
      const refusal = refuseBeforeRunning(sql)
      if (refusal) return Promise.resolve({ ok: false, reason: 'refused', message: refusal.message })
      return new Promise((resolve) => {
        queue.push({ id: nextId++, sql, opts, resolve })
        pump()
      })
    },
    close() {
      closed = true
      child?.kill('SIGKILL')
      child = null
      for (const q of queue.splice(0))
        q.resolve({ ok: false, reason: 'error', message: t('serve.sql.closed') })
    },
  }
}

/**
 * Several warm children, each query given to the one with the fewest queries in hand: under many
 * clients, queries no longer wait in one line behind each other, and a runaway query (until its
 * time limit kills it) holds up only its own child. Children start on first use.
 */
export function sqlRunnerPool(databasePath: string, size: number): SqlRunner {
  const lanes = Array.from({ length: Math.max(1, size) }, () => ({
    runner: childSqlRunner(databasePath),
    inHand: 0,
  }))
  return {
    async run(sql, opts) {
      const lane = lanes.reduce((best, l) => (l.inHand < best.inHand ? l : best))
      lane.inHand++
      try {
        return await lane.runner.run(sql, opts)
      } finally {
        lane.inHand--
      }
    },
    close() {
      for (const l of lanes) l.runner.close()
    },
  }
}
