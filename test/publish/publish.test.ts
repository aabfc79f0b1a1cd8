/**
 * qd766 publish against a real PostgreSQL: the demo home (every input family) published and every
 * view compared row by row with SQLite's; republish writes nothing; incremental after one new file;
 * two homes into one warehouse; a publish killed with SIGKILL in the middle of its transaction;
 * a warehouse that is down or refuses the login during refresh; withdrawals; no password printed.
 */
import { spawn } from 'node:child_process'
import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, expect, it } from 'vitest'
import { encodeCsv } from '../../fixtures/lib/write-csv.ts'
import { nationalTable, titleLines } from '../../fixtures/national.ts'
import { BIN, cli, tempDir, tempHome } from '../helpers.ts'
import { describePg, freshDatabase, PG_URL, query, tableVersions } from './pg.ts'

const VIEWS = [
  'v_latest_ranking',
  'v_ranking_history',
  'v_snapshot_sequence',
  'v_province_scores',
  'v_portal_metrics',
  'v_portal_metric_scores',
  'v_portal_group_scores',
  'v_unit_facts',
  'v_unit_rollup',
  'v_units',
]
/** Ids are the warehouse's own (natural-key hashes); everything else must be equal. */
const isId = (c: string) => c === 'id' || c.endsWith('_id')

function canonicalRows(rows: Array<Record<string, unknown>>, columns: string[]): string[] {
  return rows.map((r) => JSON.stringify(columns.filter((c) => !isId(c)).map((c) => r[c] ?? null))).sort()
}

async function compareViews(home: string, url: string, schema: string): Promise<void> {
  const sqlite = new Database(join(home, 'qd766.sqlite'), { readonly: true })
  try {
    for (const view of VIEWS) {
      const stmt = sqlite.prepare(`SELECT * FROM ${view}`)
      const columns = stmt.columns().map((c) => c.name)
      const local = stmt.all() as Array<Record<string, unknown>>
      const remote = await query(url, `SELECT * FROM "${schema}"."${view}"`)
      expect(Object.keys(remote[0] ?? Object.fromEntries(columns.map((c) => [c, 1]))), view).toEqual(columns)
      expect(local.length, view).toBeGreaterThan(0)
      expect(canonicalRows(remote, columns), view).toEqual(canonicalRows(local, columns))
    }
  } finally {
    sqlite.close()
  }
  await expectSequenceAsWindow(url, schema)
}

/**
 * The warehouse's v_snapshot_sequence (index lookup, warehouse migration 0004) names the same
 * previous snapshot as the LAG window of warehouse migration 0001 (ids are compared here: both are
 * the warehouse's own).
 */
async function expectSequenceAsWindow(url: string, schema: string): Promise<void> {
  const now = await query(
    url,
    `SELECT id, previous_snapshot_id FROM "${schema}".v_snapshot_sequence ORDER BY id`,
  )
  const window = await query(
    url,
    `SELECT s.id, c.previous_snapshot_id
     FROM "${schema}".snapshots s
     LEFT JOIN (SELECT id, LAG(id) OVER (PARTITION BY period_type, cohort
                                         ORDER BY period_start, COALESCE(as_of, period_end), seq)
                             AS previous_snapshot_id
                FROM "${schema}".snapshots WHERE ranked * 2 >= cohort) c ON c.id = s.id
     ORDER BY s.id`,
  )
  expect(now.filter((r) => r.previous_snapshot_id !== null).length).toBeGreaterThan(0)
  expect(now).toEqual(window)
}

function publish(home: string, url: string, schema: string, env: Record<string, string> = {}) {
  const r = cli(home, ['publish', '--to', url, '--schema', schema, '--json'], env)
  if (r.code !== 0) throw new Error(`publish exit ${r.code}: ${r.stdout}\n${r.stderr}`)
  return JSON.parse(r.stdout) as {
    upToDate: boolean
    rowsWritten: number
    changes: Record<string, number>
    officeId: string
  }
}

function writeNational(home: string, asOf: string, seed: number): string {
  const t = nationalTable({ cohort: 34, seed, title: titleLines('2026', asOf) })
  const path = join(home, 'inbox', `xep-hang-2026-${asOf}.csv`)
  writeFileSync(path, encodeCsv(t.grid.rows, { encoding: 'utf-8-bom', delimiter: ',' }))
  return path
}

let url = ''
let demo = ''

describePg('qd766 publish (PostgreSQL warehouse)', () => {
  beforeAll(async () => {
    url = await freshDatabase('publish')
    demo = join(tempDir('publish-'), 'demo')
    const r = cli(demo, ['demo'])
    expect(r.code, r.stderr).toBe(0)
    writeFileSync(
      join(demo, 'qd766.config.json'),
      JSON.stringify({ inbox: { minFileAgeSeconds: 0, stableWaitMs: 0 } }),
    )
  })

  it('publishes the demo home with every view equal to SQLite, then republishes nothing, then only a new file', async () => {
    const home = join(tempDir('publish-'), 'home')
    cpSync(demo, home, { recursive: true })
    const first = publish(home, url, 'one')
    expect(first.upToDate).toBe(false)
    expect(first.changes['snapshots.new']).toBe(5)
    await compareViews(home, url, 'one')

    const before = await tableVersions(url, 'one')
    const again = publish(home, url, 'one')
    expect(again).toMatchObject({ upToDate: true, rowsWritten: 0 })
    expect(await tableVersions(url, 'one')).toEqual(before)

    writeNational(home, '2026-10-20', 77)
    expect(cli(home, ['ingest']).code).toBe(0)
    const inc = publish(home, url, 'one')
    expect(inc.changes).toMatchObject({ 'stg_readings.new': 1, 'snapshots.new': 1, 'snapshot_rows.new': 34 })
    expect(inc.changes['stg_portal_metrics.new']).toBeUndefined()
    await compareViews(home, url, 'one')
    const after = await tableVersions(url, 'one')
    // the old rows were not rewritten: same count and versions where nothing changed
    expect(after.stg_portal_metrics).toEqual(before.stg_portal_metrics)
    expect(after.stg_unit_facts).toEqual(before.stg_unit_facts)
    expect(after.snapshot_rows).not.toEqual(before.snapshot_rows)
    const [{ n }] = (await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM one.publishes')) as [
      { n: number },
    ]
    expect(n).toBe(2)
  })

  it('takes two homes into one warehouse: shared national readings once, each office its own captures and units', async () => {
    const a = join(tempDir('publish-'), 'a')
    const b = join(tempDir('publish-'), 'b')
    cpSync(demo, a, { recursive: true })
    cpSync(demo, b, { recursive: true })
    const pa = publish(a, url, 'two')
    const pb = publish(b, url, 'two')
    expect(pa.officeId).not.toBe(pb.officeId)
    const counts = await query<{ t: string; n: number }>(
      url,
      `SELECT 'readings' AS t, count(*)::int AS n FROM two.stg_readings WHERE kind = 'national-table'
       UNION ALL SELECT 'captures', count(*)::int FROM two.stg_portal_captures
       UNION ALL SELECT 'units', count(*)::int FROM two.stg_units
       UNION ALL SELECT 'offices', count(*)::int FROM two.offices
       UNION ALL SELECT 'national sources', count(*)::int FROM two.reading_sources s JOIN two.stg_readings r ON r.id = s.reading_id WHERE r.kind = 'national-table'
       UNION ALL SELECT 'latest national', count(*)::int FROM two.v_latest_national_ranking`,
    )
    expect(Object.fromEntries(counts.map((c) => [c.t, c.n]))).toEqual({
      readings: 4,
      captures: 12,
      units: 6,
      offices: 2,
      'national sources': 8,
      'latest national': 34,
    })
    const perOffice = await query<{ office_id: string; n: number }>(
      url,
      'SELECT office_id, count(*)::int AS n FROM two.stg_portal_captures GROUP BY office_id ORDER BY 1',
    )
    expect(perOffice.map((p) => p.n)).toEqual([6, 6])
  })

  it('withdrawals propagate: the reading leaves the warehouse once no office has it', async () => {
    const a = join(tempDir('publish-'), 'a')
    const b = join(tempDir('publish-'), 'b')
    cpSync(demo, a, { recursive: true })
    cpSync(demo, b, { recursive: true })
    // Through the real command: the file's state, the audit row and the markers of its readings.
    const withdraw = (home: string) => {
      const db = new Database(join(home, 'qd766.sqlite'), { readonly: true })
      const f = db
        .prepare(
          "SELECT f.sha256 FROM source_files f JOIN stg_readings r ON r.source_file_id = f.id WHERE r.period = '2024'",
        )
        .get() as { sha256: string }
      db.close()
      const r = cli(home, ['withdraw', f.sha256.slice(0, 12), '--reason', 'wrong year', '--by', 'analyst'])
      if (r.code !== 0) throw new Error(`withdraw exit ${r.code}: ${r.stderr}`)
      return f.sha256
    }
    publish(a, url, 'wd')
    publish(b, url, 'wd')
    const readings2024 = async () =>
      (
        await query<{ n: number }>(
          url,
          "SELECT count(*)::int AS n FROM wd.v_ranking_history WHERE period = '2024'",
        )
      )[0]!.n
    expect(await readings2024()).toBe(63)
    const sha = withdraw(a)
    const pa = publish(a, url, 'wd')
    expect(pa.changes['source_files.changed']).toBe(1)
    expect(await readings2024()).toBe(63) // office b still publishes it
    const [file] = await query(
      url,
      'SELECT status, withdrawn_by, withdraw_reason FROM wd.source_files WHERE sha256 = $1 AND office_id = $2',
      [sha, pa.officeId],
    )
    expect(file).toEqual({ status: 'withdrawn', withdrawn_by: 'analyst', withdraw_reason: 'wrong year' })
    // The audit trail is published too, its view with SQLite's columns and rows.
    expect(pa.changes['file_withdrawals.new']).toBe(1)
    const audit =
      'SELECT action, at, by_user, reason, file_name, sha256, kind, period, as_of FROM v_file_withdrawals'
    const home = new Database(join(a, 'qd766.sqlite'), { readonly: true })
    const local = home.prepare(`${audit} ORDER BY id`).all()
    home.close()
    expect(local).toEqual([expect.objectContaining({ action: 'withdraw', by_user: 'analyst', sha256: sha })])
    expect(
      await query(
        url,
        `${audit.replace('FROM v_file_withdrawals', 'FROM wd.v_file_withdrawals')}
         WHERE id IN (SELECT id FROM wd.file_withdrawals WHERE office_id = $1)`,
        [pa.officeId],
      ),
    ).toEqual(local)
    withdraw(b)
    publish(b, url, 'wd')
    expect(await readings2024()).toBe(0)
    expect((await query(url, "SELECT 1 FROM wd.stg_readings WHERE period = '2024'")).length).toBe(0)
  })

  it('a full publish into empty tables (keys built after the load) gives the same rows, keys and indexes as COPY into tables that have rows', async () => {
    // The steps the publish took, from its debug log: which COPYs loaded bare and built keys after.
    const steps = (home: string, schema: string) => {
      const r = cli(home, ['publish', '--to', url, '--schema', schema, '--json'], {
        QD766_LOG_LEVEL: 'debug',
      })
      if (r.code !== 0) throw new Error(`publish exit ${r.code}: ${r.stdout}\n${r.stderr}`)
      const out: Record<string, string> = {}
      for (const line of r.stderr.split('\n')) {
        if (!line.startsWith('{')) continue
        const e = JSON.parse(line) as { msg?: string; table?: string; op?: string }
        if (e.msg === 'publish: step' && e.table) out[e.table] = e.op!
      }
      return { out, officeId: (JSON.parse(r.stdout) as { officeId: string }).officeId }
    }
    // A schema that only ran the migrations: the keys and indexes as written there.
    const empty = tempHome()
    expect(cli(empty, ['ingest']).code).toBe(0)
    steps(empty, 'shape')
    const catalog = async (schema: string) =>
      (
        await query<{ d: string }>(
          url,
          `SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS d
             FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1
           UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY 1`,
          [schema],
        )
      ).map((r) => r.d.replaceAll(`${schema}.`, 'S.'))
    const a = join(tempDir('publish-'), 'a')
    const b = join(tempDir('publish-'), 'b')
    cpSync(demo, a, { recursive: true })
    cpSync(demo, b, { recursive: true })
    // Into an empty schema: every child table is loaded bare, its keys built after.
    const full = steps(a, 'bulk')
    expect(full.out.stg_portal_metrics).toBe('copy (keys built after the load)')
    expect(full.out.stg_unit_facts).toBe('copy (keys built after the load)')
    expect(await catalog('bulk')).toEqual(await catalog('shape'))
    // The same home into a schema another office filled first: ordinary COPY, keys checked per row.
    steps(b, 'seeded')
    const seeded = steps(a, 'seeded')
    expect(seeded.officeId).toBe(full.officeId)
    expect(seeded.out.stg_portal_metrics).toBe('copy')
    expect(seeded.out.stg_unit_facts).toBe('copy')
    expect(await catalog('seeded')).toEqual(await catalog('shape'))
    // Every row the bare load wrote is in the other schema too, column for column: apart from seq
    // (the order of arrival across offices) and the publish log; a national reading both offices
    // publish keeps the file and run of the office that published it first (there: b).
    const shared = new Set(['stg_readings', 'snapshots'])
    const tables = await query<{ t: string }>(
      url,
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'bulk'
         AND table_type = 'BASE TABLE' AND table_name NOT IN ('offices', 'publishes')
         AND table_name NOT LIKE 'warehouse_migrations%' ORDER BY 1`,
    )
    expect(tables.length).toBeGreaterThan(20)
    for (const { t } of tables) {
      const rows = async (schema: string) =>
        (
          await query<{ r: string }>(
            url,
            `SELECT (to_jsonb(x) - 'seq'${shared.has(t) ? " - 'source_file_id' - 'run_id' - 'taken_at'" : ''})::text AS r
             FROM "${schema}"."${t}" x ORDER BY 1`,
          )
        ).map((r) => r.r)
      const inBulk = await rows('bulk')
      const inSeeded = new Set(await rows('seeded'))
      expect(
        inBulk.filter((r) => !inSeeded.has(r)),
        t,
      ).toEqual([])
      if (t === 'stg_portal_metrics') expect(inBulk.length).toBeGreaterThan(0)
    }
    await compareViews(a, url, 'bulk')
  })

  it('a publish killed with SIGKILL mid-transaction leaves the warehouse as before; the next one completes it', async () => {
    const home = join(tempDir('publish-'), 'home')
    cpSync(demo, home, { recursive: true })
    publish(home, url, 'kill')
    writeNational(home, '2026-10-21', 78)
    expect(cli(home, ['ingest']).code).toBe(0)
    const before = await tableVersions(url, 'kill')
    const child = spawn(process.execPath, [BIN, 'publish', '--home', home, '--to', url, '--schema', 'kill'], {
      env: { ...process.env, QD766_TEST_PUBLISH_PAUSE_MS: '60000', QD766_LOG_LEVEL: 'error' },
    })
    await new Promise<void>((resolve, reject) => {
      let err = ''
      child.stderr.on('data', (d) => {
        err += d
        if (err.includes('test pause')) resolve()
      })
      child.on('exit', (code) => reject(new Error(`publish exited (${code}) before the pause: ${err}`)))
    })
    // Half of the rows are written in the open transaction now.
    child.kill('SIGKILL')
    await new Promise((r) => child.on('close', r))
    // The server notices the dead connection and rolls its transaction back.
    for (let i = 0; i < 100; i++) {
      const open = await query(url, "SELECT 1 FROM pg_stat_activity WHERE application_name = 'qd766 publish'")
      if (open.length === 0) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(await tableVersions(url, 'kill')).toEqual(before)
    const next = publish(home, url, 'kill')
    expect(next.changes['snapshots.new']).toBe(1)
    await compareViews(home, url, 'kill')
  })

  it('refresh with the warehouse down or refusing the login still succeeds; status shows the lag; the next run catches up; no password printed', async () => {
    const home = join(tempDir('publish-'), 'home')
    cpSync(demo, home, { recursive: true })
    const secret = 'S3cr3t-pässword'
    const down = `postgres://qd766:${encodeURIComponent(secret)}@127.0.0.1:1/warehouse`
    const wrongPassword = new URL(url)
    wrongPassword.password = encodeURIComponent(secret)
    const config = (u: string) =>
      writeFileSync(
        join(home, 'qd766.config.json'),
        JSON.stringify({
          inbox: { minFileAgeSeconds: 0, stableWaitMs: 0 },
          warehouse: { url: u, schema: 'lag' },
        }),
      )
    const noSecret = (text: string) => {
      expect(text).not.toContain(secret)
      expect(text).not.toContain(encodeURIComponent(secret))
      expect(text).not.toContain(new URL(PG_URL).password)
    }
    for (const [u, code] of [
      [down, 'unreachable'],
      [wrongPassword.toString(), 'login'],
    ] as const) {
      config(u)
      writeNational(home, code === 'login' ? '2026-10-22' : '2026-10-23', code === 'login' ? 79 : 80)
      const r = cli(home, ['refresh', '--json'])
      expect(r.code, r.stderr).toBe(0)
      noSecret(r.stdout + r.stderr)
      const out = JSON.parse(r.stdout)
      expect(out.snapshots).toBe(1)
      expect(out.warehouse).toMatchObject({ ok: false, error: { code } })
      const s = cli(home, ['status', '--json'])
      noSecret(s.stdout + s.stderr)
      const status = JSON.parse(s.stdout)
      expect(status.warehouse).toMatchObject({ configured: true, upToDate: false, lastError: { code } })
      expect(status.warehouse.behind.snapshots).toBeGreaterThan(0)
      if (code === 'login') continue
      const text = cli(home, ['status'])
      noSecret(text.stdout + text.stderr)
      expect(text.stdout).toMatch(/chậm hơn máy này/)
      const p = cli(home, ['publish'])
      expect(p.code).toBe(1)
      noSecret(p.stdout + p.stderr)
    }
    config(url)
    const r = cli(home, ['refresh', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).warehouse).toMatchObject({ ok: true, upToDate: false })
    const status = JSON.parse(cli(home, ['status', '--json']).stdout)
    expect(status.warehouse).toMatchObject({
      upToDate: true,
      lastError: null,
      behind: { files: 0, snapshots: 0 },
    })
    await compareViews(home, url, 'lag')
  }, 120_000)
})
