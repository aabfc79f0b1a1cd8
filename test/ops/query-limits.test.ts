/**
 * Issue 9 §5: `query` has a time limit, a row cap and clean refusals. The library function
 * (src/query/run-sql.ts, shared with the web server) is tested in process; the CLI as a child
 * process, where the contract is the exit code and stderr without a stack trace.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../../src/app.ts'
import { setLang } from '../../src/i18n/index.ts'
import { QueryError, type QueryErrorCode, runReadOnlySql } from '../../src/query/run-sql.ts'
import { cli, tempHome } from '../helpers.ts'

/** 10^9 rows: far more than any limit lets through, so only a limit can end it. */
const BILLION = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000)'

let home: string
let database: string
beforeAll(async () => {
  home = tempHome()
  const app = openApp(home)
  database = app.home.database
  await app.close()
  setLang('en')
})

async function codeOf(sql: string, opts = {}): Promise<QueryErrorCode | 'ok'> {
  try {
    await runReadOnlySql(database, sql, opts)
    return 'ok'
  } catch (err) {
    if (err instanceof QueryError) return err.code
    throw err
  }
}

describe('runReadOnlySql', () => {
  it('returns columns, rows in column order, and whether the result was cut', async () => {
    const r = await runReadOnlySql(
      database,
      "SELECT 1 AS a, 'x' AS b, NULL AS c UNION ALL SELECT 2, 'y', 3.5",
    )
    expect(r.columns).toEqual(['a', 'b', 'c'])
    expect(r.rows).toEqual([
      [1, 'x', null],
      [2, 'y', 3.5],
    ])
    expect(r.truncated).toBe(false)
    expect(r.elapsedMs).toBeGreaterThanOrEqual(0)
  })

  it.each<[string, string, QueryErrorCode]>([
    ['a write', 'DELETE FROM runs', 'refused'],
    [
      'a write hidden in a CTE',
      'WITH x AS (SELECT 1) INSERT INTO meta (key, value) SELECT 1, 2 FROM x',
      'refused',
    ],
    ['ATTACH of a missing file', "ATTACH '/nonexistent/other.sqlite' AS other", 'refused'],
    ['ATTACH after a comment', "/* look */ -- here\n attach database 'x.db' as y", 'refused'],
    ['DETACH', 'DETACH main', 'refused'],
    ['load_extension', "SELECT load_extension('/tmp/evil.so')", 'refused'],
    ['VACUUM INTO (writes a file)', "VACUUM INTO '/tmp/copy.sqlite'", 'refused'],
    ['a statement that returns no rows', 'BEGIN', 'refused'],
    ['two statements', 'SELECT 1; SELECT 2', 'refused'],
    ['empty text', ' ;; ', 'refused'],
    ['a syntax error', 'SELEC 1', 'sql-error'],
    ['an unknown table', 'SELECT * FROM no_such_table', 'sql-error'],
  ])('%s: %s -> %s', async (_what, sql, code) => {
    expect(await codeOf(sql)).toBe(code)
  })

  it('accepts what only looks like a refused keyword (inside a string)', async () => {
    const r = await runReadOnlySql(database, "SELECT 'ATTACH' AS word, 'load_extension(x)' AS other")
    expect(r.rows).toEqual([['ATTACH', 'load_extension(x)']])
  })

  it('stops a 10^9-row count with the timeout error (the step never returns to JavaScript)', async () => {
    expect(await codeOf(`${BILLION} SELECT count(*) FROM c`, { timeoutMs: 500 })).toBe('timeout')
  })

  it('cuts a 10^9-row result at the row cap, or refuses it when asked not to cut', async () => {
    const r = await runReadOnlySql(database, `${BILLION} SELECT x FROM c`, { maxRows: 1234 })
    expect(r.rows.length).toBe(1234)
    expect(r.rows.at(-1)).toEqual([1234])
    expect(r.truncated).toBe(true)
    expect(await codeOf(`${BILLION} SELECT x FROM c`, { maxRows: 10, truncate: false })).toBe('too-many-rows')
  })

  it('cuts a result at the byte cap', async () => {
    const r = await runReadOnlySql(database, `${BILLION} SELECT printf('%.1000c', 'x') FROM c`, {
      maxBytes: 100_000,
    })
    expect(r.truncated).toBe(true)
    expect(r.rows.length).toBeGreaterThan(0)
    expect(r.rows.length).toBeLessThan(100)
  })

  it('answers while another connection holds a write transaction', async () => {
    const writer = new Database(database)
    writer.exec('BEGIN IMMEDIATE')
    try {
      const r = await runReadOnlySql(database, 'SELECT count(*) FROM runs')
      expect(r.rows).toEqual([[0]])
    } finally {
      writer.exec('ROLLBACK')
      writer.close()
    }
  })
})

describe('qd766 query limits and refusals (CLI)', () => {
  const en = { QD766_LANG: 'en' }
  it.each<[string, string[], RegExp]>([
    ['a write', ['DELETE FROM runs'], /only read-only statements may run/],
    ['ATTACH of a missing file', ["ATTACH '/nonexistent/x.sqlite' AS x"], /ATTACH\/DETACH is not allowed/],
    ['load_extension', ["SELECT load_extension('x')"], /load_extension\) is not allowed/],
    ['a syntax error', ['SELEC 1'], /syntax error/],
    [
      'a runaway query',
      [`${BILLION} SELECT count(*) FROM c`, '--timeout', '1'],
      /ran longer than 1 s and was stopped/,
    ],
    ['a bad --timeout', ['SELECT 1', '--timeout', '0'], /--timeout 0: give seconds/],
    ['a bad --max-rows', ['SELECT 1', '--max-rows', '1.5'], /--max-rows 1.5: give a whole number/],
  ])('%s: exit 2 with a message, no stack trace', (_what, args, message) => {
    const r = cli(home, ['query', ...args], en)
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.stdout).toBe('')
  })

  it('prints the first --max-rows rows and says on stderr that the result was cut (exit 0)', () => {
    const r = cli(home, ['query', `${BILLION} SELECT x FROM c`, '--max-rows', '3', '--json'], en)
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }])
    expect(r.stderr).toMatch(/cut at 3 rows/)
  })

  it('says it in Vietnamese by default', () => {
    const r = cli(home, ['query', 'DELETE FROM runs'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/chỉ đọc/)
  })

  it('keeps the database file as it was', () => {
    const db = new Database(join(home, 'qd766.sqlite'), { readonly: true })
    expect(db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 0 })
    db.close()
  })
})
