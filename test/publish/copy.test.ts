/**
 * COPY FROM STDIN with lazily read chunks (src/publish/copy.ts) on a real PostgreSQL: every chunk
 * arrives in order; a row the server refuses, or a failure while reading the next chunk, fails the
 * COPY with that error (no hang), later chunks are not read, and the connection stays usable.
 */
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { copyInto } from '../../src/publish/copy.ts'
import { describePg, freshDatabase } from './pg.ts'

let pool: pg.Pool
let client: pg.PoolClient

describePg('COPY with chunks read as they are sent', () => {
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await freshDatabase('copy'), max: 1 })
    client = await pool.connect()
    await client.query('CREATE TABLE t (a integer PRIMARY KEY, b text)')
  })
  afterAll(async () => {
    client?.release()
    await pool?.end()
  })

  /** n chunks of 10,000 rows each (about 1.5 MB in all: more than one socket buffer), read when pulled. */
  function* chunks(n: number, pulled: number[], bad?: { chunk: number; line: string }) {
    for (let c = 0; c < n; c++) {
      pulled.push(c)
      if (bad?.chunk === c && bad.line === 'throw') throw new Error('the home could not be read')
      const lines: string[] = []
      for (let i = 0; i < 10_000; i++) lines.push(`${c * 10_000 + i}\tvalue ${'x'.repeat(100)} ${c}/${i}`)
      if (bad?.chunk === c) lines.push(bad.line)
      yield `${lines.join('\n')}\n`
    }
  }

  it('sends every chunk in order', async () => {
    const pulled: number[] = []
    await client.query('BEGIN')
    await copyInto(client, 't', ['a', 'b'], chunks(12, pulled))
    const r = await client.query('SELECT count(*)::int AS n, max(a) AS m, min(b) AS b FROM t')
    await client.query('ROLLBACK')
    expect(r.rows[0]).toEqual({ n: 120_000, m: 119_999, b: `value ${'x'.repeat(100)} 0/0` })
    expect(pulled).toEqual([...Array(12).keys()])
  })

  it('a row the server refuses fails the COPY; the connection is usable after the rollback', async () => {
    const pulled: number[] = []
    await client.query('BEGIN')
    // a duplicate key in the third chunk
    const copy = copyInto(client, 't', ['a', 'b'], chunks(200, pulled, { chunk: 2, line: '5\tagain' }))
    await expect(copy).rejects.toThrow(/duplicate key/)
    await client.query('ROLLBACK')
    expect(pulled.length).toBeLessThan(200)
    expect((await client.query('SELECT count(*)::int AS n FROM t')).rows[0].n).toBe(0)
  })

  it('a failure while reading the next chunk fails the COPY with that error; nothing is stored', async () => {
    const pulled: number[] = []
    await client.query('BEGIN')
    const copy = copyInto(client, 't', ['a', 'b'], chunks(20, pulled, { chunk: 3, line: 'throw' }))
    await expect(copy).rejects.toThrow('the home could not be read')
    await client.query('ROLLBACK')
    expect(pulled).toEqual([0, 1, 2, 3])
    expect((await client.query('SELECT count(*)::int AS n FROM t')).rows[0].n).toBe(0)
  })
})
