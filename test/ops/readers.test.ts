/**
 * Issue 9 §1: readers never wait for writers. Every read command answers, as a real child process,
 * while another connection holds a write transaction open (what a refresh does while it loads a
 * file), and the read paths never ask for a write lock at all: with a busy timeout of 0 any attempt
 * would fail at once with SQLITE_BUSY. A database the code cannot read safely (it needs migrating,
 * or a newer qd766 wrote it) is refused with a message and exit 2, never migrated by a reader.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, openReadOnly } from '../../src/app.ts'
import { DatabaseVersionError } from '../../src/errors.ts'
import { gatherLeadershipReport } from '../../src/report/leadership/data.ts'
import { getMetricRanking } from '../../src/report/metric-ranking.ts'
import { getProvinceReport } from '../../src/report/province.ts'
import { getRanking } from '../../src/report/ranking.ts'
import { getStatus } from '../../src/report/status.ts'
import { getUnitsReport } from '../../src/report/units.ts'
import { cli, tempDir } from '../helpers.ts'

/** A home with every input family (the demo: national tables, portal captures, provincial tables). */
let demo: string
beforeAll(() => {
  demo = join(tempDir('readers-'), 'home')
  const r = cli(demo, ['demo'])
  expect(r.code, r.stderr).toBe(0)
})

/** A copy of the demo home's database and config in a new home (SQLite's own consistent copy). */
function copyOfDemo(): string {
  const home = tempDir('readers-copy-')
  copyFileSync(join(demo, 'qd766.config.json'), join(home, 'qd766.config.json'))
  const db = new Database(join(demo, 'qd766.sqlite'), { readonly: true })
  db.prepare('VACUUM INTO ?').run(join(home, 'qd766.sqlite'))
  db.close()
  const copy = new Database(join(home, 'qd766.sqlite'))
  copy.pragma('journal_mode = WAL') // as every home's database is
  copy.close()
  return home
}

/** Every read command, with arguments that reach each of its read paths on the demo home. */
function readCommands(home: string): Array<[string, string[]]> {
  const reports = join(home, 'out')
  mkdirSync(reports, { recursive: true })
  return [
    ['ranking', ['ranking']],
    ['ranking --by group', ['ranking', '--by', 'MDSH', '--province', 'Đắk Lắk']],
    ['ranking --by metric', ['ranking', '--by', '3.3', '--province', 'Đắk Lắk', '--json']],
    ['ranking csv', ['ranking', '--format', 'csv']],
    ['province', ['province', 'Đắk Lắk']],
    ['province --units (portal units)', ['province', 'Đắk Lắk', '--units', '--json']],
    ['province --units (provincial tables)', ['province', 'Thanh Hóa', '--units']],
    ['units', ['units', 'Thanh Hóa', '--format', 'csv']],
    ['status', ['status', '--json']],
    ['report', ['report', '--province', 'Đắk Lắk', '--out', `${reports}/`]],
    ['query', ['query', 'SELECT count(*) AS n FROM snapshots']],
  ]
}

describe('readers never wait for writers', () => {
  let home: string
  let writer: Database.Database
  beforeAll(() => {
    home = copyOfDemo()
    // Another connection inside a write transaction, with rows written but not committed.
    writer = new Database(join(home, 'qd766.sqlite'))
    writer.exec('BEGIN IMMEDIATE')
    writer
      .prepare("INSERT INTO findings (kind, severity, message, at) VALUES ('test', 'info', 'uncommitted', ?)")
      .run(new Date(0).toISOString())
  })
  afterAll(() => {
    if (writer.inTransaction) writer.exec('ROLLBACK')
    writer.close()
  })

  it('every read command succeeds as a child process while a write transaction is open', () => {
    const failures: string[] = []
    const commands = readCommands(home)
    expect(commands.length).toBeGreaterThan(5)
    for (const [label, args] of commands) {
      const r = cli(home, args)
      if (r.code !== 0) failures.push(`${label}: exit ${r.code}\n${r.stderr}`)
    }
    expect(failures).toEqual([])
    // the write transaction is still open and its rows are invisible to the readers
    expect(writer.inTransaction).toBe(true)
    const status = cli(home, ['status', '--json'])
    expect(status.stdout).not.toContain('uncommitted')
    expect(existsSync(join(home, 'out'))).toBe(true)
  })

  it('read paths never ask for a write lock: they work with a busy timeout of 0', async () => {
    const app = openReadOnly(home, { busyTimeoutMs: 0 })
    try {
      const read = app.read(() => ({
        ranking: getRanking(app.store, {}),
        metric: getMetricRanking(app.store, app.registry, app.config, { by: '3.3' }),
        province: getProvinceReport(app.store, app.registry, 'Đắk Lắk', { whatIf: [] }),
        units: getUnitsReport(app.store, app.registry, 'Thanh Hóa', {}),
        report: gatherLeadershipReport(app.store, app.registry, {
          province: 'Đắk Lắk',
          timezone: app.config.schedule.timezone,
        }),
      }))
      expect(read.ranking.rows.length).toBe(34)
      expect(read.metric.rows.map((r) => r.code)).toContain('66')
      expect(read.province.code).toBe('66')
      expect(read.units.units.length).toBeGreaterThan(0)
      expect(read.report.province.code).toBe('66')
      const status = await getStatus(app)
      expect(status.runs.length).toBeGreaterThan(0)
      expect(status.findings.map((f) => f.message)).not.toContain('uncommitted')
    } finally {
      await app.close()
    }
  })
})

describe('a database the code cannot read safely is refused, never migrated by a reader', () => {
  it('refuses a database that needs migrating (exit 2, says to run refresh) and leaves it as it was', () => {
    const home = copyOfDemo()
    const dbPath = join(home, 'qd766.sqlite')
    const db = new Database(dbPath)
    const last = db.prepare('SELECT id FROM schema_migrations ORDER BY id DESC LIMIT 1').get() as {
      id: string
    }
    db.prepare('DELETE FROM schema_migrations WHERE id = ?').run(last.id)
    db.close()
    for (const args of [
      ['ranking'],
      ['province', '66'],
      ['units', '38'],
      ['status'],
      ['query', 'SELECT 1'],
    ]) {
      const r = cli(home, args, { QD766_LANG: 'en' })
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2)
      expect(r.stderr).toContain(`needs upgrading to this version of qd766 (pending: ${last.id})`)
      expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
    }
    // the reader did not migrate it
    const after = new Database(dbPath, { readonly: true })
    expect(after.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').get(last.id)).toBeUndefined()
    after.close()
    // in Vietnamese by default
    expect(cli(home, ['ranking']).stderr).toMatch(/cần được nâng cấp/)
  })

  it('refuses a database written by a newer qd766, for readers and writers alike (exit 2)', () => {
    const home = copyOfDemo()
    const db = new Database(join(home, 'qd766.sqlite'))
    db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(
      '9999_from_the_future',
      new Date(0).toISOString(),
    )
    db.close()
    for (const args of [['status'], ['refresh'], ['ingest']]) {
      const r = cli(home, args, { QD766_LANG: 'en' })
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2)
      expect(r.stderr).toContain(
        'was written by a newer qd766 than this one (unknown migrations: 9999_from_the_future)',
      )
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
    expect(() => openApp(home)).toThrow(DatabaseVersionError)
    expect(() => openReadOnly(home)).toThrow(DatabaseVersionError)
  })
})
