/**
 * Child rows by COPY (src/publish/extract-context.ts planChildren) on a real PostgreSQL: the text
 * SQLite writes reads back as the same values, whatever they hold (tabs, newlines, carriage
 * returns, backslashes, quotes, "\.", empty strings, nulls, Vietnamese, reals at full precision,
 * text in a column declared real), whether a parent's rows are written as one text or row by row,
 * with the local ids replaced by warehouse ids (null when an id has none).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { copyInto } from '../../src/publish/copy.ts'
import {
  type ExtractContext,
  GROUPED_MAX_ROWS,
  newExtractContext,
  planChildren,
} from '../../src/publish/extract-context.ts'
import type { RemoteState } from '../../src/publish/remote-state.ts'
import { describePg, freshDatabase } from './pg.ts'

const TEXTS = [
  'tab\there',
  'line\nbreak',
  'carriage\rreturn',
  'back\\slash',
  'a "quoted" word',
  '"',
  '\\.',
  '\\N',
  '',
  null,
  'Hà Nội, Đắk Lắk',
  ' leading and trailing ',
]
const REALS = [0.1 + 0.2, 1e300, -2.5e-300, 123456789.12345679, 0, null, -1]

let dir: string
let sqlite: Database.Database
let pool: pg.Pool
let client: pg.PoolClient

/** The rows the home holds: parents 1 and 2 have children, 3 has none, 4 has no warehouse id. */
function expected() {
  const rows: Array<{
    parent: number
    other: number | null
    label: string | null
    amount: unknown
    n: number
  }> = []
  let n = 0
  for (const parent of [1, 2, 4])
    for (const label of TEXTS)
      for (const amount of [...REALS, 'not "a" number'])
        rows.push({ parent, other: n % 3 === 0 ? null : n % 3, label, amount, n: n++ })
  return rows
}

function context(): ExtractContext {
  // planChildren reads the home only, never the warehouse's state
  const remote = {
    watermark: null,
    owned: {},
    readingSources: new Map(),
    readings: new Set(),
    columns: new Map(),
  } as unknown as RemoteState
  return newExtractContext(sqlite, 'o', remote)
}

describePg('child rows written as COPY text by SQLite', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qd766-children-'))
    sqlite = new Database(join(dir, 'home.sqlite'))
    sqlite.exec(`CREATE TABLE kids (parent_id integer NOT NULL, other_id integer, label text, amount real, n integer NOT NULL,
                   PRIMARY KEY (parent_id, n))`)
    const insert = sqlite.prepare('INSERT INTO kids VALUES (?, ?, ?, ?, ?)')
    for (const r of expected()) insert.run(r.parent, r.other, r.label, r.amount, r.n)
    sqlite.close()
    sqlite = new Database(join(dir, 'home.sqlite'), { readonly: true })
    sqlite.exec('BEGIN')
    pool = new pg.Pool({ connectionString: await freshDatabase('children'), max: 1 })
    client = await pool.connect()
    await client.query(
      'CREATE TABLE kids (parent_id bigint, other_id bigint, label text, amount text, n integer)',
    )
  })
  afterAll(async () => {
    client?.release()
    await pool?.end()
    sqlite?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  for (const [how, groupedMax] of [
    ['one text per parent', GROUPED_MAX_ROWS],
    ['row by row', 0],
  ] as const)
    it(`reads back the same values (${how})`, async () => {
      const ctx = context()
      const parents = new Map([
        [1, '1001'],
        [2, '1002'],
        [3, '1003'],
      ])
      const others = new Map([[1, '2001']])
      planChildren(
        ctx,
        'kids',
        ['parent_id', 'other_id', 'label', 'amount', 'n'],
        'parent_id',
        [1, 2, 3, 4],
        {
          parent_id: parents,
          other_id: others,
        },
        groupedMax,
      )
      const step = ctx.inserts[0]
      if (step?.op !== 'copy') throw new Error('planChildren planned no COPY')
      await client.query('TRUNCATE kids')
      await copyInto(client, 'kids', step.columns, step.chunks, step.options)
      const got = await client.query<{
        parent_id: string | null
        other_id: string | null
        label: string | null
        amount: string | null
        n: number
      }>('SELECT parent_id, other_id, label, amount, n FROM kids ORDER BY n')
      const rows = expected()
      expect(step.rows).toBe(rows.length)
      expect(ctx.changes['kids.new']).toBe(rows.length)
      expect(got.rows).toEqual(
        rows.map((r) => ({
          parent_id: parents.get(r.parent) ?? null,
          other_id: r.other === null ? null : (others.get(r.other) ?? null),
          label: r.label,
          // numbers as SQLite writes them: PostgreSQL's float8 reads the same double back
          amount: r.amount === null ? null : typeof r.amount === 'number' ? expect.any(String) : r.amount,
          n: r.n,
        })),
      )
      for (const [i, r] of rows.entries())
        if (typeof r.amount === 'number') expect(Number(got.rows[i]?.amount)).toBe(r.amount)
    })
})
