/**
 * The PostgreSQL server for the warehouse tests: its URL comes from QD766_TEST_PG_URL (started by
 * bin/test-postgres.sh, which .ci/run uses). Without it the tests skip with a message, except when
 * QD766_REQUIRE_POSTGRES=1 (CI), where they fail. Each test file gets its own database.
 */
import pg from 'pg'
import { describe } from 'vitest'

export const PG_URL = process.env.QD766_TEST_PG_URL ?? ''
const REQUIRED = process.env.QD766_REQUIRE_POSTGRES === '1'

if (!PG_URL) {
  if (REQUIRED)
    throw new Error(
      'QD766_REQUIRE_POSTGRES=1 but QD766_TEST_PG_URL is not set: no PostgreSQL for the warehouse tests',
    )
  process.stderr.write(
    'warehouse tests skipped: no PostgreSQL (run `eval "$(bin/test-postgres.sh start)"` to get one, see README)\n',
  )
}

export const describePg = PG_URL ? describe : describe.skip

/** A new empty database for one test file; returns its URL. */
export async function freshDatabase(tag: string): Promise<string> {
  const name = `qd766_test_${tag}_${process.pid}_${Date.now().toString(36)}`
  const c = new pg.Client(PG_URL)
  await c.connect()
  try {
    await c.query(`CREATE DATABASE ${name}`)
  } finally {
    await c.end()
  }
  const u = new URL(PG_URL)
  u.pathname = `/${name}`
  return u.toString()
}

export async function query<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client(url)
  await c.connect()
  try {
    return (await c.query(text, params)).rows as T[]
  } finally {
    await c.end()
  }
}

/** Every table of a schema with its rows' xmin (the transaction that last wrote each row). */
export async function tableVersions(url: string, schema: string): Promise<Record<string, string>> {
  const tables = await query<{ t: string }>(
    url,
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1`,
    [schema],
  )
  const out: Record<string, string> = {}
  for (const { t } of tables) {
    const [r] = await query<{ n: string; x: string | null }>(
      url,
      `SELECT count(*)::text AS n, md5(string_agg(xmin::text || ':' || md5(x::text), ',' ORDER BY md5(x::text))) AS x FROM "${schema}"."${t}" x`,
    )
    out[t] = `${r!.n}/${r!.x}`
  }
  return out
}
