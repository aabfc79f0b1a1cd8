/**
 * The schedule (issue 5 §1): each tick is claimed in the database under a unique run key, so two
 * schedulers on one home run it once; missed ticks are caught up at start; a tick whose run died is
 * retried; a tick waits for another run's lease instead of overlapping it; SIGINT/SIGTERM stop
 * between files and exit 0. In-process cases use two App instances (two SQLite connections) on one
 * home; the CLI cases start real `qd766 schedule` processes.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { type App, openApp, runJob } from '../../src/app.ts'
import { finishRun, startRun } from '../../src/run/runs.ts'
import { MAX_RETRIES, Scheduler, tickKey } from '../../src/schedule/scheduler.ts'
import { BIN, tempHome } from '../helpers.ts'
import { filesIn, writeNationalBatch } from './ops-helpers.ts'

const NIGHTLY = { cron: '0 4 * * *', timezone: 'Asia/Ho_Chi_Minh', catchUpHours: 36 }
/** 04:00 on 05/10/2026 in Hà Nội. */
const TICK = new Date('2026-10-04T21:00:00Z')

function runsOf(app: App) {
  return app.store.all(app.store.db.selectFrom('runs').selectAll().orderBy('id'))
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', ''])
  return r.pid!
}

const opened: App[] = []
function open(home: string): App {
  const app = openApp(home)
  opened.push(app)
  return app
}
afterEach(async () => {
  while (opened.length) await opened.pop()!.close()
})

describe('tick claiming and catch-up (in-process, two connections on one home)', () => {
  it('two schedulers firing the same tick: one runs it, the other skips; one run row', async () => {
    const home = tempHome()
    const a = new Scheduler(open(home), NIGHTLY)
    const b = new Scheduler(open(home), NIGHTLY)
    const results = await Promise.all([a.runTick(TICK, 'schedule'), b.runTick(TICK, 'schedule')])
    expect(results.map((r) => r.outcome).sort()).toEqual(['ran', 'taken'])
    const rows = runsOf(opened[0]!).filter((r) => r.run_key === tickKey(TICK))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'ok', trigger: 'schedule', scheduled_for: TICK.toISOString() })
    // and again later (a restarted scheduler that fires the same tick): still one
    expect((await a.runTick(TICK, 'schedule')).outcome).toBe('taken')
  })

  it('catch-up at start runs the newest missed tick once, even when two schedulers start together', async () => {
    const home = tempHome()
    const now = () => new Date('2026-10-05T03:00:00Z') // 10:00 local, six hours after the 04:00 tick
    const a = new Scheduler(open(home), { ...NIGHTLY, now })
    const b = new Scheduler(open(home), { ...NIGHTLY, now })
    const [ra, rb] = await Promise.all([a.catchUp(), b.catchUp()])
    // one runs it; the other finds it claimed (running, or taken if it raced to the insert)
    const outcomes = [...ra, ...rb].map((r) => r.outcome)
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1)
    expect(outcomes.filter((o) => o !== 'ran' && o !== 'taken')).toEqual([])
    const rows = runsOf(opened[0]!)
    // first start ever: nothing older is called "missed", only the newest tick is caught up
    expect(rows.map((r) => [r.run_key, r.trigger, r.status])).toEqual([[tickKey(TICK), 'catch-up', 'ok']])
    // restarting later the same day finds nothing to do
    expect(await new Scheduler(open(home), { ...NIGHTLY, now }).catchUp()).toEqual([])
  })

  it('after days of downtime: the newest tick runs, the ticks in between are recorded as missed', async () => {
    const home = tempHome()
    await new Scheduler(open(home), { ...NIGHTLY, now: () => new Date('2026-10-05T03:00:00Z') }).catchUp()
    // down until 12:00 on the 8th; window 80 h covers the ticks of the 6th, 7th and 8th
    const later = new Scheduler(open(home), {
      ...NIGHTLY,
      catchUpHours: 80,
      now: () => new Date('2026-10-08T05:00:00Z'),
    })
    const results = await later.catchUp()
    expect(results.map((r) => [r.tick, r.outcome])).toEqual([['2026-10-07T21:00:00.000Z', 'ran']])
    const rows = runsOf(opened[0]!).map((r) => [r.scheduled_for, r.trigger, r.status])
    expect(rows).toEqual([
      ['2026-10-04T21:00:00.000Z', 'catch-up', 'ok'],
      ['2026-10-05T21:00:00.000Z', 'schedule', 'missed'],
      ['2026-10-06T21:00:00.000Z', 'schedule', 'missed'],
      ['2026-10-07T21:00:00.000Z', 'catch-up', 'ok'],
    ])
  })

  it(`a tick whose run died is retried at start, at most ${MAX_RETRIES} times`, async () => {
    const home = tempHome()
    const app = open(home)
    const now = () => new Date('2026-10-05T03:00:00Z')
    const died = (key: string) =>
      app.store.run(
        app.store.db.insertInto('runs').values({
          run_key: key,
          trigger: 'schedule',
          command: 'refresh',
          status: 'running',
          started_at: TICK.toISOString(),
          heartbeat_at: TICK.toISOString(),
          lease_until: new Date(Date.now() + 600_000).toISOString(),
          pid: deadPid(),
          host: hostname(),
          scheduled_for: TICK.toISOString(),
          error: null,
        }),
      )
    died(tickKey(TICK))
    const first = await new Scheduler(app, { ...NIGHTLY, now }).catchUp()
    expect(first.map((r) => [r.key, r.outcome])).toEqual([[`${tickKey(TICK)}#retry-1`, 'ran']])
    expect(runsOf(app).map((r) => r.status)).toEqual(['abandoned', 'ok'])
    // the retry itself succeeded: nothing more to do
    expect(await new Scheduler(app, { ...NIGHTLY, now }).catchUp()).toEqual([])

    // a tick that keeps dying (a file that crashes the process, say) is not retried for ever
    const home2 = tempHome()
    const app2 = open(home2)
    const died2 = (key: string) =>
      app2.store.run(
        app2.store.db.insertInto('runs').values({
          run_key: key,
          trigger: 'schedule',
          command: 'refresh',
          status: 'abandoned',
          started_at: TICK.toISOString(),
          pid: null,
          host: null,
          scheduled_for: TICK.toISOString(),
          error: 'process died',
        }),
      )
    died2(tickKey(TICK))
    for (let n = 1; n <= MAX_RETRIES; n++) died2(`${tickKey(TICK)}#retry-${n}`)
    expect(await new Scheduler(app2, { ...NIGHTLY, now }).catchUp()).toEqual([])
  })

  it('a tick never overlaps another run: it waits for the lease, then runs', async () => {
    const home = tempHome()
    const app = open(home)
    const manual = startRun(app.store, { trigger: 'manual', command: 'refresh' })
    const sched = new Scheduler(open(home), { ...NIGHTLY, busyRetryMs: 20 })
    const pending = sched.runTick(TICK, 'schedule')
    // while the manual run holds the lease the tick has not started (no row for its key)
    await sleep(100)
    expect(runsOf(app).filter((r) => r.run_key === tickKey(TICK))).toEqual([])
    finishRun(app.store, manual, 'ok', {})
    const result = await pending
    expect(result.outcome).toBe('ran')
    const [m, t] = runsOf(app)
    expect(t!.started_at >= m!.finished_at!).toBe(true)
  })

  it('stop() while waiting for the lease gives up without recording the tick (catch-up will see it)', async () => {
    const home = tempHome()
    const app = open(home)
    startRun(app.store, { trigger: 'manual', command: 'refresh' })
    const sched = new Scheduler(open(home), { ...NIGHTLY, busyRetryMs: 60_000 })
    const pending = sched.runTick(TICK, 'schedule')
    await sleep(50)
    await sched.stop()
    expect((await pending).outcome).toBe('stopped')
    expect(runsOf(app).filter((r) => r.run_key === tickKey(TICK))).toEqual([])
  })
})

describe('graceful stop between files', () => {
  it('stopping after the first file records the run as interrupted; the rest go back to the inbox for the next run', async () => {
    const home = tempHome()
    const files = await writeNationalBatch(join(home, 'inbox'), { files: 4 })
    const app = open(home)
    let seen = 0
    const first = await runJob(app, {
      command: 'refresh',
      onFile: () => {
        seen++
      },
      shouldStop: () => seen >= 1,
    })
    expect(first.outcomes).toHaveLength(1)
    expect(first.stopped).toBe(3)
    expect(filesIn(join(home, 'work'))).toHaveLength(0)
    expect(filesIn(join(home, 'inbox'))).toHaveLength(3)
    const row = runsOf(app).at(-1)!
    expect(row).toMatchObject({ status: 'interrupted', accepted: 1 })
    expect(row.error).toMatch(/3 tệp chưa xử lý được trả lại/)
    const second = await runJob(app, { command: 'refresh' })
    expect(second.outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted'])
    const all = [...first.outcomes, ...second.outcomes].map((o) => o.file).sort()
    expect(all).toEqual(files.map((f) => f.name).sort())
  })
})

// ---- real processes -----------------------------------------------------------------------------

interface Proc {
  child: ChildProcess
  stderr: () => string
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function start(home: string, args: string[]): Proc {
  const child = spawn(process.execPath, [BIN, 'schedule', '--home', home, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, QD766_LOG_LEVEL: 'info' },
  })
  let err = ''
  child.stderr!.on('data', (d) => {
    err += d
  })
  child.stdout!.resume()
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  return { child, stderr: () => err, exit }
}

async function waitFor(what: string, cond: () => boolean, limitMs = 60_000): Promise<void> {
  const until = Date.now() + limitMs
  while (!cond()) {
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`)
    await sleep(25)
  }
}

/** The run has claimed its files (work/run-* exists). */
function claimed(home: string): boolean {
  const work = join(home, 'work')
  return existsSync(work) && readdirSync(work).some((d) => d.startsWith('run-'))
}

function dbRuns(home: string) {
  if (!existsSync(join(home, 'qd766.sqlite'))) return []
  const db = new Database(join(home, 'qd766.sqlite'), { readonly: true, timeout: 5000 })
  try {
    return db.prepare('SELECT * FROM runs ORDER BY id').all() as Array<{
      run_key: string
      status: string
      trigger: string
      started_at: string
      finished_at: string | null
      pid: number
    }>
  } catch {
    return [] // not migrated yet
  } finally {
    db.close()
  }
}

describe('qd766 schedule (real processes)', () => {
  it('two processes on one home, same tick at the same moment: exactly one run row, both exit 0', async () => {
    const home = tempHome()
    await writeNationalBatch(join(home, 'inbox'), { files: 2 })
    // migrate first, so the two processes race on the tick, not on creating the schema
    spawnSync(process.execPath, [BIN, 'status', '--home', home])
    const tick = '2026-10-04T21:00:00Z'
    const a = start(home, ['--tick', tick, '--json'])
    const b = start(home, ['--tick', tick, '--json'])
    const [ea, eb] = await Promise.all([a.exit, b.exit])
    expect([ea.code, eb.code]).toEqual([0, 0])
    const runs = dbRuns(home)
    expect(runs.map((r) => r.run_key)).toEqual([`refresh@${new Date(tick).toISOString()}`])
    expect(runs[0]!.status).toBe('ok')
    expect(a.stderr() + b.stderr()).toMatch(/đã do một bộ lập lịch khác nhận/)
  })

  it('two daemons ticking every second: every tick runs once, runs never overlap, SIGTERM exits 0', async () => {
    const home = tempHome()
    spawnSync(process.execPath, [BIN, 'status', '--home', home])
    const args = ['--cron', '* * * * * *', '--catch-up-hours', '0']
    const a = start(home, args)
    const b = start(home, args)
    await waitFor('four ticks', () => dbRuns(home).filter((r) => r.status === 'ok').length >= 4)
    a.child.kill('SIGTERM')
    b.child.kill('SIGTERM')
    const [ea, eb] = await Promise.all([a.exit, b.exit])
    expect([ea.code, eb.code]).toEqual([0, 0])
    const runs = dbRuns(home)
    const keys = runs.map((r) => r.run_key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const r of runs) expect(r.status).toMatch(/^(ok|missed)$/)
    const ran = runs.filter((r) => r.status === 'ok').sort((x, y) => x.started_at.localeCompare(y.started_at))
    for (let i = 1; i < ran.length; i++) expect(ran[i]!.started_at >= ran[i - 1]!.finished_at!).toBe(true)
    // both processes took part (each ran at least one tick or skipped one the other had claimed)
    expect(a.stderr()).toMatch(/đã bật lịch chạy tự động/)
    expect(b.stderr()).toMatch(/đã bật lịch chạy tự động/)
  })

  it('SIGTERM during a catch-up batch: the current file finishes, the run is recorded, exit 0', async () => {
    const home = tempHome()
    const files = await writeNationalBatch(join(home, 'inbox'), { files: 8, duplicates: 1, bad: true })
    // first start ever: the newest 04:00 tick within 36 h is caught up at once
    const p = start(home, [])
    await waitFor('files claimed', () => claimed(home))
    p.child.kill('SIGTERM')
    const e = await p.exit
    expect(e).toEqual({ code: 0, signal: null })
    const runs = dbRuns(home)
    expect(runs.map((r) => r.status).filter((s) => s === 'running' || s === 'abandoned')).toEqual([])
    // whatever was left is taken by the next run, and every file lands exactly once
    const r = spawnSync(process.execPath, [BIN, 'refresh', '--home', home, '--json'], { encoding: 'utf8' })
    expect([0, 1]).toContain(r.status)
    const db = new Database(join(home, 'qd766.sqlite'), { readonly: true })
    try {
      const events = db.prepare('SELECT file_name, status FROM file_events ORDER BY file_name').all()
      expect(events).toEqual(files.map((f) => ({ file_name: f.name, status: f.expect })))
    } finally {
      db.close()
    }
  })

  it('a second signal abandons the current file at once; nothing is lost', async () => {
    const home = tempHome()
    const files = await writeNationalBatch(join(home, 'inbox'), { files: 8 })
    const p = start(home, [])
    await waitFor('files claimed', () => claimed(home))
    p.child.kill('SIGINT')
    await sleep(30)
    p.child.kill('SIGINT')
    const e = await p.exit
    // 130 when the second signal came while a file was being read; 0 when the run had already
    // ended; killed by the signal when it came while the process was closing down
    expect([
      JSON.stringify({ code: 0, signal: null }),
      JSON.stringify({ code: 130, signal: null }),
      JSON.stringify({ code: null, signal: 'SIGINT' }),
    ]).toContain(JSON.stringify(e))
    const r = spawnSync(process.execPath, [BIN, 'refresh', '--home', home], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    const db = new Database(join(home, 'qd766.sqlite'), { readonly: true })
    try {
      const n = db.prepare('SELECT count(*) AS n FROM source_files').get() as { n: number }
      expect(n.n).toBe(files.length)
      const stuck = db.prepare("SELECT count(*) AS n FROM runs WHERE status = 'running'").get() as {
        n: number
      }
      expect(stuck.n).toBe(0)
    } finally {
      db.close()
    }
    expect(filesIn(join(home, 'work'))).toEqual([])
  })
})
