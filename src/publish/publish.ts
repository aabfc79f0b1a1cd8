/**
 * One publish: connect, migrate the warehouse schema, then in ONE PostgreSQL transaction (serialised
 * with any other publish into the same schema by an advisory lock): read the warehouse's state for
 * this office, read the home in one SQLite read transaction, write what changed, and move the
 * office's watermark. A publish killed at any point leaves the warehouse as it was before it (the
 * transaction never committed); the next one starts again from the committed watermark.
 */
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { Store } from '../db/sqlite.ts'
import { t } from '../i18n/index.ts'
import type { Logger } from '../log.ts'
import { toWarehouseError } from './errors.ts'
import { extractHome } from './extract.ts'
import { migrateWarehouse } from './migrate.ts'
import { readRemoteState } from './remote-state.ts'
import type { WarehouseTarget } from './target.ts'
import { homeWatermark, sameWatermark, type Watermark } from './watermark.ts'
import { runSteps } from './write.ts'

export interface PublishResult {
  officeId: string
  target: string
  schema: string
  upToDate: boolean
  changes: Record<string, number>
  rowsWritten: number
  watermark: Watermark
  ms: number
}

export interface PublishSource {
  /** The home's database (read only here). */
  store: Store
  /** Runs fn in one consistent read transaction of that database. */
  read<T>(fn: () => T): T
  officeId: string
  provinceCode: string | null
}

/**
 * One connection for the whole publish: kysely (PostgresDialect) runs the migrations and the
 * transaction on it, and COPY goes through the same client, inside that transaction.
 */
async function connect(
  target: WarehouseTarget,
): Promise<{ db: Kysely<unknown>; client: pg.PoolClient; end(): Promise<void> }> {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 1,
    connectionTimeoutMillis: 10_000,
    application_name: 'qd766 publish',
  })
  // An idle client's error (server restarted) must not crash the process; the query that needs it fails.
  pool.on('error', () => {})
  let client: pg.PoolClient
  try {
    client = await pool.connect()
  } catch (err) {
    await pool.end().catch(() => {})
    throw err
  }
  client.on('error', () => {})
  const single = {
    connect: async () => ({ query: client.query.bind(client), release: () => {} }),
    end: async () => {},
  }
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: single }) })
  return {
    db,
    client,
    async end() {
      await db.destroy().catch(() => {})
      client.release()
      await pool.end().catch(() => {})
    },
  }
}

/** Test hook for the crash test: pause (ms) in the middle of the write, after half of the steps. */
function pauseMs(): number {
  return Number(process.env.QD766_TEST_PUBLISH_PAUSE_MS ?? 0)
}

export async function publish(
  source: PublishSource,
  target: WarehouseTarget,
  log?: Logger,
): Promise<PublishResult> {
  const started = Date.now()
  const startedAt = new Date().toISOString()
  const s = sql.id(target.schema)
  let conn: Awaited<ReturnType<typeof connect>> | null = null
  const cleanups: Array<() => void> = []
  try {
    conn = await connect(target)
    const { db, client } = conn
    const connected = Date.now()
    await migrateWarehouse(db, target.schema)
    log?.debug({ connectMs: connected - started, migrateMs: Date.now() - connected }, 'publish: connected')
    let writtenAt = 0
    const result = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`qd766 publish ${target.schema}`}))`.execute(trx)
      const t0 = Date.now()
      // Nothing changed since the last publish: the home's counters say so without reading anything else.
      const last = await sql<{
        watermark: Watermark
      }>`SELECT watermark FROM ${s}.offices WHERE office_id = ${source.officeId}`.execute(trx)
      const now = source.read(() => homeWatermark(source.store.raw))
      if (sameWatermark(last.rows[0]?.watermark ?? null, now))
        return { extract: { watermark: now, upToDate: true, steps: [], changes: {} }, rowsWritten: 0 }
      const remote = await readRemoteState(trx, target.schema, source.officeId)
      const t1 = Date.now()
      // The home is read on a connection of its own, in one read transaction that stays open until
      // the last step has run: child rows are read while PostgreSQL stores the ones before them
      // (extract-context.ts planChildren). Nothing else uses that connection, so awaiting inside
      // its transaction cannot interleave with another statement; in WAL mode it blocks no writer.
      const home = new Store(source.store.path, { readonly: true })
      cleanups.push(() => home.raw.close())
      home.raw.exec('BEGIN')
      const extract = extractHome(home.raw, source.officeId, remote)
      log?.debug(
        { stateMs: t1 - t0, extractMs: Date.now() - t1, steps: extract.steps.length },
        'publish: planned',
      )
      if (extract.upToDate) return { extract, rowsWritten: 0 }
      const pause = pauseMs()
      const half = Math.floor(extract.steps.length / 2)
      await runSteps(trx, client, target.schema, extract.steps.slice(0, half), log)
      if (pause > 0) {
        process.stderr.write('qd766 publish: test pause\n')
        await new Promise((r) => setTimeout(r, pause))
      }
      await runSteps(trx, client, target.schema, extract.steps.slice(half), log)
      const watermark = JSON.stringify(extract.watermark)
      const changes = JSON.stringify(extract.changes)
      await sql`INSERT INTO ${s}.offices (office_id, province_code, watermark, publishes)
                VALUES (${source.officeId}, ${source.provinceCode}, ${watermark}::jsonb, 1)
                ON CONFLICT (office_id) DO UPDATE SET watermark = EXCLUDED.watermark,
                  province_code = EXCLUDED.province_code, last_published_at = now(),
                  publishes = ${s}.offices.publishes + 1`.execute(trx)
      await sql`INSERT INTO ${s}.publishes (office_id, started_at, watermark, changes)
                VALUES (${source.officeId}, ${startedAt}, ${watermark}::jsonb, ${changes}::jsonb)`.execute(
        trx,
      )
      writtenAt = Date.now()
      const rowsWritten = extract.steps.reduce(
        (n, st) => n + (st.op === 'insert' || st.op === 'copy' ? st.rows : 0),
        0,
      )
      return { extract, rowsWritten }
    })
    if (writtenAt) log?.debug({ commitMs: Date.now() - writtenAt }, 'publish: committed')
    const out: PublishResult = {
      officeId: source.officeId,
      target: target.display,
      schema: target.schema,
      upToDate: result.extract.upToDate,
      changes: result.extract.changes,
      rowsWritten: result.rowsWritten,
      watermark: result.extract.watermark,
      ms: Date.now() - started,
    }
    log?.info(
      { target: out.target, schema: out.schema, upToDate: out.upToDate, rows: out.rowsWritten, ms: out.ms },
      t('log.publish.done'),
    )
    return out
  } catch (err) {
    throw toWarehouseError(err, target.url)
  } finally {
    for (const c of cleanups) c()
    await conn?.end()
  }
}
