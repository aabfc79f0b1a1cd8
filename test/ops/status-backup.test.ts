/**
 * The morning view (`status`), the online backup and progress output, through the real CLI where
 * the contract is the process's output.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { type App, openApp, runJob } from '../../src/app.ts'
import { getStatus } from '../../src/report/status.ts'
import { Scheduler } from '../../src/schedule/scheduler.ts'
import { BIN, cli, cliJson, tempDir, tempHome } from '../helpers.ts'
import { integrityCheck, writeNationalBatch } from './ops-helpers.ts'

const opened: App[] = []
afterEach(async () => {
  while (opened.length) await opened.pop()!.close()
})

describe('status: what an analyst needs in the morning', () => {
  it('says the scheduled refresh did not run, and what is waiting, rejected and how fresh each period is', async () => {
    const home = tempHome()
    await writeNationalBatch(join(home, 'inbox'), { files: 3, bad: true })
    const app = openApp(home)
    opened.push(app)
    await runJob(app, { command: 'refresh' })
    writeFileSync(join(home, 'inbox', 'late-arrival.xlsx'), 'not yet read')
    // 10:00 on 20/10/2026 in Hà Nội; the 04:00 tick of that day has no run
    const now = new Date('2026-10-20T03:00:00Z')
    const s = await getStatus(app, { now })
    expect(s.schedule).toMatchObject({
      cron: '0 4 * * *',
      timezone: 'Asia/Ho_Chi_Minh',
      lastTick: '2026-10-19T21:00:00.000Z',
      lastTickRun: null,
      nextTick: '2026-10-20T21:00:00.000Z',
    })
    // The run above really happened today; dated back to 05:00 on 18/10 (Hà Nội), it is a run
    // before the 04:00 tick of 20/10, so that tick was missed, whatever today's date is.
    app.store.raw
      .prepare('UPDATE runs SET started_at = ?, finished_at = ?, heartbeat_at = NULL')
      .run('2026-10-17T22:00:00.000Z', '2026-10-17T22:00:05.000Z')
    const later = await getStatus(app, { now })
    expect(later.attention.join('\n')).toMatch(
      /Chưa có lượt refresh nào từ giờ đã lên lịch 20\/10\/2026 04:00/,
    )
    expect(s.attention.join('\n')).toMatch(/1 tệp bị lượt chạy gần nhất từ chối/)
    expect(s.attention.join('\n')).toMatch(/1 tệp đang chờ trong hộp thư/)
    expect(s.inbox).toMatchObject({ waiting: 1, files: ['late-arrival.xlsx'], inWork: [] })
    expect(s.rejected).toEqual([
      expect.objectContaining({
        file: '99-bad-score.xlsx',
        code: 'out-of-range',
        message: expect.stringMatching(/từ 0 đến 18/),
      }),
    ])
    // readings of 01/10 and 02/10/2026 and of 03/10 ... as the batch writer dates them
    const fresh2026 = s.freshness.find((f) => f.period === '2026')!
    expect(fresh2026).toMatchObject({
      kind: 'national-ranking',
      latestAsOf: '2026-10-03',
      ageDays: 17,
      files: 3,
    })
    expect(s.periods.find((p) => p.period === '2026')).toMatchObject({
      latestAsOf: '2026-10-03',
      ageDays: 17,
    })
    expect(s.runs[0]).toMatchObject({
      trigger: 'manual',
      command: 'refresh',
      status: 'partial',
      accepted: 3,
      rejected: 1,
    })
  })

  it('after the scheduled run: quiet, with the run, its trigger and tick', async () => {
    const home = tempHome()
    await writeNationalBatch(join(home, 'inbox'), { files: 2 })
    const app = openApp(home)
    opened.push(app)
    const now = new Date('2026-10-20T03:00:00Z')
    await new Scheduler(app, {
      cron: '0 4 * * *',
      timezone: 'Asia/Ho_Chi_Minh',
      catchUpHours: 36,
      now: () => now,
    }).catchUp()
    const s = await getStatus(app, { now })
    expect(s.attention).toEqual([])
    expect(s.schedule.lastTickRun).toMatchObject({ status: 'ok', trigger: 'catch-up' })
    expect(s.runs[0]).toMatchObject({
      trigger: 'catch-up',
      scheduledFor: '2026-10-19T21:00:00.000Z',
      accepted: 2,
    })
  })

  it('status --json keeps its keys (scripts read them)', async () => {
    const home = tempHome()
    await writeNationalBatch(join(home, 'inbox'), { files: 1 })
    expect(cli(home, ['refresh']).code).toBe(0)
    const { code, json } = cliJson<Record<string, unknown>>(home, ['status', '--json'])
    expect(code).toBe(0)
    expect(Object.keys(json).sort()).toEqual(
      [
        'attention',
        'database',
        'findings',
        'freshness',
        'home',
        'inbox',
        'ingested',
        'periods',
        'rejected',
        'runs',
        'schedule',
        'warehouse',
        'withdrawn',
      ].sort(),
    )
    const run = (json.runs as Array<Record<string, unknown>>)[0]!
    for (const k of [
      'id',
      'command',
      'trigger',
      'status',
      'startedAt',
      'finishedAt',
      'filesSeen',
      'accepted',
      'duplicate',
      'rejected',
      'waiting',
      'snapshots',
      'findings',
      'findingsByKind',
      'error',
      'scheduledFor',
    ])
      expect(run, k).toHaveProperty(k)
    const text = cli(home, ['status'])
    expect(text.stdout).toMatch(/Cần chú ý:/)
    expect(text.stdout).toMatch(/Độ mới của từng nguồn/)
  })
})

describe('backup: SQLite online backup, verified', () => {
  it('writes a self-contained, integrity-checked copy with the same content', async () => {
    const home = tempHome()
    await writeNationalBatch(join(home, 'inbox'), { files: 2 })
    expect(cli(home, ['refresh']).code).toBe(0)
    const { code, json } = cliJson<{ file: string; integrity: string; bytes: number }>(home, [
      'backup',
      '--json',
    ])
    expect(code).toBe(0)
    expect(json.file).toMatch(/backups[/\\]qd766-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite$/)
    expect(json.integrity).toBe('ok')
    expect(integrityCheck(json.file)).toEqual(['ok'])
    // rollback-journal mode: the copy is one file, no -wal beside it
    expect(readdirSync(join(home, 'backups')).filter((f) => !f.endsWith('.sqlite'))).toEqual([])
    const count = (p: string) => {
      const db = new Database(p, { readonly: true })
      try {
        return db
          .prepare(
            'SELECT (SELECT count(*) FROM stg_province_scores) AS s, (SELECT count(*) FROM snapshot_rows) AS r',
          )
          .get()
      } finally {
        db.close()
      }
    }
    expect(count(json.file)).toEqual(count(join(home, 'qd766.sqlite')))
  })

  it('is consistent while a refresh writes to the database', async () => {
    const home = tempHome()
    await writeNationalBatch(join(home, 'inbox'), { files: 6 })
    cli(home, ['status']) // migrate first
    const refresh = spawn(process.execPath, [BIN, 'refresh', '--home', home], { stdio: 'ignore' })
    const done = new Promise<number | null>((resolve) => refresh.on('exit', (c) => resolve(c)))
    const outs: string[] = []
    for (let i = 0; i < 3; i++) {
      const out = join(tempDir('backup-'), `b${i}.sqlite`)
      const r = spawnSync(process.execPath, [BIN, 'backup', '--home', home, '--out', out], {
        encoding: 'utf8',
      })
      expect(r.status, r.stderr).toBe(0)
      outs.push(out)
    }
    expect(await done).toBe(0)
    for (const o of outs) expect(integrityCheck(o)).toEqual(['ok'])
  })

  it('refuses to overwrite, and says when there is nothing to back up', () => {
    const home = tempHome()
    expect(cli(home, ['backup']).code).toBe(5)
    cli(home, ['status'])
    const out = join(tempDir('backup-'), 'taken.sqlite')
    writeFileSync(out, 'x')
    const r = cli(home, ['backup', '--out', out])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/đã có; chọn --out khác/)
    expect(existsSync(`${out}.partial`)).toBe(false)
  })
})

describe('progress', () => {
  it('not on a terminal: no progress line, only JSON log lines on stderr', async () => {
    const home = tempHome()
    await writeNationalBatch(join(home, 'inbox'), { files: 2, bad: true })
    const r = cli(home, ['refresh'], { QD766_LOG_LEVEL: 'info' })
    expect(r.stderr).not.toMatch(/\r|\x1b\[/)
    const lines = r.stderr.split('\n').filter(Boolean)
    expect(lines.length).toBeGreaterThan(0)
    for (const l of lines) expect(() => JSON.parse(l), l).not.toThrow()
  })

  const hasScript = spawnSync('script', ['--version']).status === 0
  it.skipIf(!hasScript)('on a terminal: files as they are read, on stderr', async () => {
    const home = tempHome()
    await writeNationalBatch(join(home, 'inbox'), { files: 3 })
    // `script` gives the command a pseudo-terminal, as an analyst's shell would
    const r = spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${BIN}" refresh --home "${home}"`, '/dev/null'],
      {
        encoding: 'utf8',
        env: { ...process.env, QD766_LOG_LEVEL: 'warn' },
      },
    )
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/\[1\/3\] 00-xep-hang-2026-10-01\.xlsx/)
    expect(r.stdout).toMatch(/\[3\/3\]/)
  })
})
