/**
 * `status` in an office's first week (issue 10 §6): a rejected file that was fixed is marked
 * resolved, a brand-new home does not warn about a missed schedule, withdrawn files are listed and
 * no longer counted, and every time a person reads is local and in one format.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { nationalTable, titleLines } from '../../fixtures/national.ts'
import { type App, openApp, runJob } from '../../src/app.ts'
import { setLang } from '../../src/i18n/index.ts'
import { getStatus, localTimeText } from '../../src/report/status.ts'
import { withdrawFile } from '../../src/withdraw/withdraw.ts'
import { tempHome } from '../helpers.ts'

const opened: App[] = []
afterEach(async () => {
  setLang('vi')
  while (opened.length) await opened.pop()!.close()
})

function open(): App {
  const app = openApp(tempHome())
  opened.push(app)
  return app
}

async function table(
  path: string,
  period: string,
  asOf: string,
  opts: { bad?: boolean; seed?: number } = {},
) {
  const t = nationalTable({ cohort: 34, seed: opts.seed ?? 5, title: titleLines(period, asOf) })
  if (opts.bad) t.grid.rows[6]![2] = 19.5 // CKMB is out of 18
  await writeXlsx(path, [t.grid])
  return path
}

describe('status in the first week', () => {
  it('a brand-new home does not warn about a missed schedule; one that has run does', async () => {
    const app = open()
    // 10:00 on 20/10/2026 in Hà Nội: the 04:00 tick of that day has no run
    const later = new Date('2026-10-20T03:00:00Z')
    const fresh = await getStatus(app, { now: later })
    expect(fresh.schedule.lastTick).toBe('2026-10-19T21:00:00.000Z')
    expect(fresh.attention.join('\n')).not.toMatch(/Chưa có lượt refresh nào/)
    await runJob(app, { command: 'refresh' })
    // the run happened today; dated back to two days before that tick, whatever today's date is
    app.store.raw
      .prepare('UPDATE runs SET started_at = ?, finished_at = ?, heartbeat_at = NULL')
      .run('2026-10-17T22:00:00.000Z', '2026-10-17T22:00:05.000Z')
    const after = await getStatus(app, { now: later })
    expect(after.attention.join('\n')).toMatch(
      /Chưa có lượt refresh nào từ giờ đã lên lịch 20\/10\/2026 04:00/,
    )
  })

  it('marks a rejected file resolved when the same name, or a newer file of the same reading, is accepted', async () => {
    const app = open()
    const inbox = app.home.inbox
    await table(join(inbox, 'xep-hang-2026-10-05.xlsx'), '2026', '2026-10-05', { bad: true })
    await table(join(inbox, 'bang-2026-Q3-2026-10-02.xlsx'), '2026-Q3', '2026-10-02', { bad: true })
    await table(join(inbox, 'con-loi-2026-08.xlsx'), '2026-08', '2026-09-01', { bad: true })
    await runJob(app, { command: 'refresh' })
    let s = await getStatus(app)
    expect(s.rejected.map((r) => [r.file, r.resolvedBy]).sort()).toEqual([
      ['bang-2026-Q3-2026-10-02.xlsx', null],
      ['con-loi-2026-08.xlsx', null],
      ['xep-hang-2026-10-05.xlsx', null],
    ])
    // The same name again, fixed; and the quarter under a new name.
    await table(join(inbox, 'xep-hang-2026-10-05.xlsx'), '2026', '2026-10-05', { seed: 6 })
    await table(join(inbox, 'quy-3-2026-da-sua.xlsx'), '2026-Q3', '2026-10-02', { seed: 7 })
    await runJob(app, { command: 'refresh' })
    s = await getStatus(app)
    const byName = new Map(s.rejected.map((r) => [r.file, r.resolvedBy]))
    expect(byName.get('xep-hang-2026-10-05.xlsx')).toMatchObject({ file: 'xep-hang-2026-10-05.xlsx' })
    expect(byName.get('bang-2026-Q3-2026-10-02.xlsx')).toMatchObject({ file: 'quy-3-2026-da-sua.xlsx' })
    expect(byName.get('con-loi-2026-08.xlsx')).toBeNull()
  })

  it('lists withdrawn files and leaves them out of freshness, totals and snapshots per period', async () => {
    const app = open()
    await table(join(app.home.inbox, 'a-2026-10-01.xlsx'), '2026', '2026-10-01', { seed: 1 })
    await table(join(app.home.inbox, 'b-2026-10-09.xlsx'), '2026', '2026-10-09', { seed: 2 })
    await runJob(app, { command: 'refresh' })
    withdrawFile(app, 'b-2026-10-09.xlsx', { reason: 'sai ngày', by: 'chi.tran' })
    const s = await getStatus(app)
    expect(s.withdrawn).toEqual([
      expect.objectContaining({ file: 'b-2026-10-09.xlsx', withdrawnBy: 'chi.tran', reason: 'sai ngày' }),
    ])
    expect(s.freshness.find((f) => f.period === '2026')).toMatchObject({ latestAsOf: '2026-10-01', files: 1 })
    expect(s.periods.find((p) => p.period === '2026')).toMatchObject({
      latestAsOf: '2026-10-01',
      snapshots: 1,
    })
    expect(s.ingested.files).toBe(1)
  })

  it.each([
    ['vi', '2026-10-04T21:00:00.000Z', '05/10/2026 04:00'],
    ['en', '2026-10-04T21:00:00.000Z', '2026-10-05 04:00'],
    ['vi', '2026-12-31T17:30:00.000Z', '01/01/2027 00:30'],
  ] as const)('times read local and in one format (%s, %s)', (lang, iso, text) => {
    setLang(lang)
    expect(localTimeText(iso, 'Asia/Ho_Chi_Minh')).toBe(text)
  })
})
