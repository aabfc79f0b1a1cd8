/**
 * The SQL page's query processes: with a pool, a runaway query (until its time limit kills its
 * process) holds up only its own process, and a quick query from another visitor is answered
 * meanwhile; with one process, the quick query waits behind it. Real child processes, a real file.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { setLang } from '../../src/i18n/index.ts'
import { type SqlResult, type SqlRunner, sqlRunnerPool } from '../../src/serve/sql-runner.ts'
import { tempDir } from '../helpers.ts'

const RUNAWAY = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c'
const path = join(tempDir(), 'pool.sqlite')
const db = new Database(path)
db.pragma('journal_mode = WAL')
db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)')
db.close()

const runners: SqlRunner[] = []
afterAll(() => {
  for (const r of runners) r.close()
})

/** Which of the two answers came first, and both answers. */
async function race(size: number): Promise<{ order: string[]; runaway: SqlResult; quick: SqlResult }> {
  const pool = sqlRunnerPool(path, size)
  runners.push(pool)
  // both processes warm first, so the order below is about waiting, not start-up
  await Promise.all([
    pool.run('SELECT 1 AS warm', { timeoutMs: 30_000, maxRows: 10 }),
    pool.run('SELECT 2 AS warm', { timeoutMs: 30_000, maxRows: 10 }),
  ])
  const order: string[] = []
  const runaway = pool.run(RUNAWAY, { timeoutMs: 4_000, maxRows: 10 }).then((r) => {
    order.push('runaway')
    return r
  })
  const quick = pool.run('SELECT sum(x) AS total FROM t', { timeoutMs: 30_000, maxRows: 10 }).then((r) => {
    order.push('quick')
    return r
  })
  return { order, runaway: await runaway, quick: await quick }
}

describe('SQL query processes', () => {
  it('the same query asked again answers from the data as it is now (statements are reused, results are not)', async () => {
    const file = join(tempDir(), 'again.sqlite')
    const w = new Database(file)
    w.pragma('journal_mode = WAL')
    w.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2)')
    const pool = sqlRunnerPool(file, 1)
    runners.push(pool)
    const ask = () =>
      pool.run('SELECT sum(x) AS total, count(*) AS n FROM t', { timeoutMs: 30_000, maxRows: 10 })
    expect(await ask()).toMatchObject({ ok: true, rows: [{ total: 3, n: 2 }] })
    w.exec('INSERT INTO t VALUES (10)') // a writer commits between two asks
    expect(await ask()).toMatchObject({ ok: true, rows: [{ total: 13, n: 3 }] })
    // a schema change under a reused statement: SQLite prepares it again
    const star = () => pool.run('SELECT * FROM t ORDER BY x', { timeoutMs: 30_000, maxRows: 10 })
    expect(await star()).toMatchObject({ ok: true, columns: ['x'], rows: [{ x: 1 }, { x: 2 }, { x: 10 }] })
    w.exec('ALTER TABLE t ADD COLUMN y INTEGER DEFAULT 5')
    expect(await ask()).toMatchObject({ ok: true, rows: [{ total: 13, n: 3 }] })
    expect(await star()).toMatchObject({
      ok: true,
      columns: ['x', 'y'],
      rows: [
        { x: 1, y: 5 },
        { x: 2, y: 5 },
        { x: 10, y: 5 },
      ],
    })
    // a result cut at maxRows leaves the statement ready for the next ask
    const cut = await pool.run('SELECT x FROM t ORDER BY x', { timeoutMs: 30_000, maxRows: 1 })
    expect(cut).toMatchObject({ ok: true, rows: [{ x: 1 }], truncated: true })
    expect(await pool.run('SELECT x FROM t ORDER BY x', { timeoutMs: 30_000, maxRows: 10 })).toMatchObject({
      ok: true,
      rows: [{ x: 1 }, { x: 2 }, { x: 10 }],
      truncated: false,
    })
    w.close()
  }, 60_000)

  it('a pool of two answers a quick query while a runaway one runs, then stops the runaway', async () => {
    const r = await race(2)
    expect(r.order).toEqual(['quick', 'runaway'])
    expect(r.quick).toMatchObject({ ok: true, rows: [{ total: 6 }] })
    expect(r.runaway).toMatchObject({ ok: false, reason: 'timeout' })
  }, 60_000)

  it('one process: the quick query waits until the runaway one is stopped', async () => {
    const r = await race(1)
    expect(r.order).toEqual(['runaway', 'quick'])
    expect(r.quick).toMatchObject({ ok: true, rows: [{ total: 6 }] })
    expect(r.runaway).toMatchObject({ ok: false, reason: 'timeout' })
  }, 60_000)

  it('a query after the server closed its processes is refused in the language of the server', async () => {
    const pool = sqlRunnerPool(path, 1)
    pool.close()
    const q = { timeoutMs: 5_000, maxRows: 10 }
    expect(await pool.run('SELECT 1', q)).toEqual({
      ok: false,
      reason: 'error',
      message: 'máy chủ đang tắt, không nhận thêm truy vấn',
    })
    setLang('en')
    try {
      expect(await pool.run('SELECT 1', q)).toMatchObject({ message: expect.stringMatching(/shutting down/) })
    } finally {
      setLang('vi')
    }
  })
})
