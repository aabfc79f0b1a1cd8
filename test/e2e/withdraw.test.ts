/**
 * Taking a wrong file back, end to end through the real CLI (issue 10 §3). A home with every input
 * family (national tables, five-group quarter, the portal's national summary and Đắk Lắk's metric
 * captures, Thanh Hóa's one-stop export); we capture everything a person or a tool reads — ranking
 * JSON (latest, earlier, quarter), province JSON (with units), units JSON, the HTML report and every
 * documented view — then ingest a wrong file, withdraw it and require EXACTLY the captured JSON again;
 * undo brings the wrong state back exactly. Portal captures are re-derived (a withdrawn capture's
 * group comes from the national summary) and restored by undo to the very same rows.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeDemoInbox } from '../../fixtures/demo.ts'
import { encodeCsv } from '../../fixtures/lib/write-csv.ts'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { makeScores, nationalTable, titleLines } from '../../fixtures/national.ts'
import {
  buildServiceResults,
  envelope,
  payloadFor,
  type SummaryRow,
  writeCaptureFiles,
} from '../../fixtures/portal/build-captures.ts'
import { DAK_LAK_2026, DAK_LAK_2026_REPORTED } from '../../fixtures/portal/provinces.ts'
import { ProvinceRegistry } from '../../src/reference/provinces.ts'
import { BIN, type CliResult, cli, tempDir, tempHome } from '../helpers.ts'

const DOCUMENTED_VIEWS = [
  'v_latest_ranking',
  'v_ranking_history',
  'v_province_scores',
  'v_snapshot_sequence',
  'v_portal_metrics',
  'v_portal_metric_scores',
  'v_portal_group_scores',
  'v_unit_facts',
  'v_unit_rollup',
  'v_units',
] as const

/** The CLI without blocking, so the read commands of one state run side by side. */
function cliAsync(home: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, '--home', home], {
      env: { ...process.env, QD766_LOG_LEVEL: 'warn' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

const sortRows = (rows: unknown[]) =>
  rows.map((r) => JSON.stringify(r)).sort() as unknown as Array<Record<string, unknown>>

/** Everything a person or a tool reads about this home, as JSON (the report as its HTML text). */
async function everything(home: string, outDir: string) {
  // (Every snapshot's rows and rank changes are in v_ranking_history below.)
  const reads: Array<[string, string[]]> = [
    ['ranking', ['ranking', '--format', 'json']],
    ['province', ['province', 'Đắk Lắk', '--units', '--format', 'json']],
    ['units', ['units', 'Thanh Hóa', '--format', 'json']],
  ]
  const html = join(outDir, `report-${Math.random().toString(36).slice(2)}.html`)
  const results = await Promise.all([
    ...reads.map(([, args]) => cliAsync(home, args)),
    cliAsync(home, ['report', '--province', 'Đắk Lắk', '--out', html]),
  ])
  const out: Record<string, unknown> = {}
  reads.forEach(([name], i) => {
    const r = results[i]!
    out[name] = r.code === 0 ? JSON.parse(r.stdout) : { exit: r.code }
  })
  const report = results.at(-1)!
  expect(report.code, report.stderr).toBe(0)
  // The footer says when the page was made; everything else must be identical.
  out.report = readFileSync(html, 'utf8').replace(/Lập bởi qd766 lúc [^.]*\./, 'Lập bởi qd766 lúc ….')
  const db = new Database(join(home, 'qd766.sqlite'), { readonly: true })
  try {
    for (const v of DOCUMENTED_VIEWS) out[v] = sortRows(db.prepare(`SELECT * FROM ${v}`).all())
  } finally {
    db.close()
  }
  return out
}

function ingest(home: string, files: string[]) {
  const r = cli(home, ['ingest', ...files, '--json'])
  return { code: r.code, rows: JSON.parse(r.stdout) as Array<Record<string, unknown>>, stderr: r.stderr }
}

interface WithdrawJson {
  action: string
  changed: boolean
  by: string
  reason: string | null
  snapshots: { withdrawn: number[]; restored: number[]; taken: number[] }
}

function withdraw(home: string, args: string[]) {
  const r = cli(home, ['withdraw', ...args, '--json'])
  return { ...r, json: r.stdout ? (JSON.parse(r.stdout) as WithdrawJson) : null }
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')

describe('qd766 withdraw: a wrong file taken back, everything exactly as before', () => {
  let home: string
  let work: string
  let before: Record<string, unknown>
  let shas: Map<string, string>

  beforeAll(async () => {
    home = tempHome({ province: 'Đắk Lắk' })
    work = tempDir('withdraw-')
    const inbox = join(home, 'inbox')
    await writeDemoInbox(inbox)
    // The portal's national summary of the same day as Đắk Lắk's captures: a 34-province portal
    // reading that is the latest ranking, and the groups a withdrawn capture falls back to.
    const registry = ProvinceRegistry.fromSeeds()
    const rows: SummaryRow[] = makeScores(34, 1010).map((s) => {
      const p = registry.byCode(34, s.code)!
      const dl = s.code === '66'
      return {
        department: {
          departmentId: p.dvcqgUuid!,
          departmentCode: p.dvcqgCode!,
          departmentName: `UBND tỉnh ${p.name}`,
        },
        groups: dl ? DAK_LAK_2026_REPORTED.groups : s.groups,
        total: dl ? DAK_LAK_2026_REPORTED.total : s.total,
      }
    })
    writeFileSync(
      join(inbox, 'service-results-2026.json'),
      JSON.stringify(
        envelope(
          'service-results',
          payloadFor('service-results', '2026', ''),
          '2026-10-10T08:00:00+07:00',
          buildServiceResults(rows),
        ),
      ),
    )
    const refresh = cli(home, ['refresh', '--json'])
    expect(refresh.code, refresh.stderr).toBe(0)
    shas = new Map(
      (JSON.parse(refresh.stdout).files as Array<{ file: string; sha256: string }>).map((f) => [
        f.file,
        f.sha256,
      ]),
    )
    before = await everything(home, work)
    // The home is what the scenario needs: a 34-province portal reading is the latest ranking.
    const ranking = before.ranking as { asOf: string; source: string; ranked: number }
    expect(ranking).toMatchObject({ asOf: '2026-10-10', ranked: 34 })
    expect(ranking.source).toMatch(/^portal/)
  }, 300_000)

  it('a national table with a wrong date (and rows cut off) becomes the latest ranking, with warnings; withdraw restores every output exactly; undo brings it back exactly', async () => {
    // 05/10/2096 for 05/10/2026, and the last three provinces lost in a copy-paste.
    const wrong = nationalTable({ cohort: 34, seed: 77, title: titleLines('2026', '2096-10-05') })
    wrong.grid.rows.splice(wrong.grid.rows.length - 3, 3)
    const path = join(work, 'xep-hang-2026-10-05-ban-sua.xlsx')
    await writeXlsx(path, [wrong.grid])
    const r = ingest(home, [path])
    expect(r.code, r.stderr).toBe(0)
    const findings = r.rows[0]!.findings as Array<{ kind: string; message: string }>
    expect(findings.map((f) => f.kind).sort()).toEqual(['future-reading', 'partial-coverage'])
    expect(findings.find((f) => f.kind === 'future-reading')!.message).toContain('05/10/2096')
    expect(findings.find((f) => f.kind === 'partial-coverage')!.message).toContain('31 trong 34')

    const wrongState = await everything(home, work)
    expect((wrongState.ranking as { asOf: string }).asOf).toBe('2096-10-05')
    expect(wrongState).not.toEqual(before)
    // The report and status say what looks wrong with the reading they show.
    expect(wrongState.report).toMatch(/class="warn"[^<]*05\/10\/2096/)
    expect(wrongState.report).toContain('chỉ có 31 trong 34')
    const status = JSON.parse(cli(home, ['status', '--json']).stdout) as { attention: string[] }
    expect(status.attention.join('\n')).toContain('05/10/2096')

    const w = withdraw(home, ['xep-hang-2026-10-05-ban-sua.xlsx', '--reason', 'sai năm', '--by', 'an.nguyen'])
    expect(w.code, w.stderr).toBe(0)
    expect(w.json).toMatchObject({ action: 'withdraw', changed: true, by: 'an.nguyen', reason: 'sai năm' })
    expect(w.json!.snapshots.withdrawn).toHaveLength(1)
    expect(await everything(home, work)).toEqual(before)

    // A second withdraw changes nothing and says so.
    const again = withdraw(home, ['xep-hang-2026-10-05-ban-sua.xlsx'])
    expect(again.code).toBe(0)
    expect(again.json).toMatchObject({ changed: false, by: 'an.nguyen' })

    const prefix = sha256(readFileSync(path)).slice(0, 10)
    const u = withdraw(home, ['--undo', prefix])
    expect(u.code, u.stderr).toBe(0)
    expect(u.json).toMatchObject({ action: 'undo', changed: true, by: userInfo().username })
    expect(u.json!.snapshots.restored).toEqual(w.json!.snapshots.withdrawn)
    expect(await everything(home, work)).toEqual(wrongState)

    // Take it back for good (human output, default user), then the audit trail in SQL.
    const final = cli(home, ['withdraw', prefix, '--reason', 'sai năm'])
    expect(final.code, final.stderr).toBe(0)
    expect(final.stdout).toContain('Đã rút tệp "xep-hang-2026-10-05-ban-sua.xlsx"')
    expect(final.stdout).toContain(`qd766 withdraw --undo ${prefix.slice(0, 10)}`)
    expect(JSON.parse(cli(home, ['ranking', '--format', 'json']).stdout)).toEqual(before.ranking)

    const audit = cli(home, [
      'query',
      "SELECT action, by_user, reason, file_name, file_withdrawn_at IS NOT NULL AS withdrawn FROM v_file_withdrawals WHERE file_name LIKE 'xep-hang-2026-10-05-ban-sua%' ORDER BY id",
      '--format',
      'json',
    ])
    expect(audit.code, audit.stderr).toBe(0)
    expect(JSON.parse(audit.stdout)).toEqual([
      {
        action: 'withdraw',
        by_user: 'an.nguyen',
        reason: 'sai năm',
        file_name: path.split('/').pop(),
        withdrawn: 1,
      },
      {
        action: 'undo',
        by_user: userInfo().username,
        reason: null,
        file_name: path.split('/').pop(),
        withdrawn: 1,
      },
      {
        action: 'withdraw',
        by_user: userInfo().username,
        reason: 'sai năm',
        file_name: path.split('/').pop(),
        withdrawn: 1,
      },
    ])
    // The file's bytes and rows stay: in archive/ and in raw_rows.
    const kept = cli(home, [
      'query',
      `SELECT f.archived_as, (SELECT COUNT(*) FROM raw_rows r WHERE r.source_file_id = f.id) AS raw FROM source_files f WHERE f.sha256 LIKE '${prefix}%'`,
      '--format',
      'json',
    ])
    const [row] = JSON.parse(kept.stdout) as Array<{ archived_as: string; raw: number }>
    expect(readFileSync(row!.archived_as).equals(readFileSync(path))).toBe(true)
    expect(row!.raw).toBeGreaterThan(31)
  }, 300_000)

  it('portal captures: a wrong revision withdrawn gives back the very same score sets and snapshots; a withdrawn original capture is re-derived from the national summary, and undo restores it', async () => {
    // A revision of Đắk Lắk's transparency capture, later the same day, with wrong counts.
    const revised = {
      ...DAK_LAK_2026,
      transparency: Object.fromEntries(
        Object.entries(DAK_LAK_2026.transparency!).map(([k, v]) => [
          k,
          { ...v, n: v.d, score: undefined, ratio: undefined },
        ]),
      ),
    } as typeof DAK_LAK_2026
    const dir = join(work, 'revised')
    writeCaptureFiles(dir, revised, [], { period: '2026', capturedAt: '2026-10-10T16:00:00+07:00' })
    const file = join(work, 'transparency-2026-chieu.json')
    copyFileSync(join(dir, 'transparency-2026.json'), file)
    expect(ingest(home, [file]).code).toBe(0)
    const revisedState = await everything(home, work)
    expect(revisedState.province).not.toEqual(before.province)
    expect(revisedState.ranking).not.toEqual(before.ranking)

    const w = withdraw(home, ['transparency-2026-chieu.json'])
    expect(w.code, w.stderr).toBe(0)
    expect(w.json!.snapshots.taken).toEqual([])
    expect(await everything(home, work)).toEqual(before)

    // The original digitisation capture (MDSH) taken back: Đắk Lắk's MDSH now comes from the
    // national summary, in a newly derived score set, reading and snapshot.
    const d = withdraw(home, [shas.get('dossier-digitized-2026.json')!.slice(0, 8)])
    expect(d.code, d.stderr).toBe(0)
    expect(d.json!.snapshots.taken).toHaveLength(1)
    expect(d.json!.snapshots.withdrawn).toHaveLength(1)
    const derived = await everything(home, work)
    const province = derived.province as {
      groups: Array<{ code: string; score: number | null }>
      metrics: Array<{ group: string }>
    }
    expect(province.groups.find((g) => g.code === 'MDSH')!.score).toBe(DAK_LAK_2026_REPORTED.groups.MDSH)
    expect(province.metrics.some((m) => m.group === 'MDSH')).toBe(false)
    expect((derived.ranking as { snapshotId: number }).snapshotId).toBe(d.json!.snapshots.taken[0])

    const back = withdraw(home, ['--undo', 'dossier-digitized-2026.json'])
    expect(back.code, back.stderr).toBe(0)
    expect(back.json!.snapshots.withdrawn).toEqual(d.json!.snapshots.taken)
    expect(await everything(home, work)).toEqual(before)
  }, 300_000)

  it("a provincial one-stop export withdrawn: the province's units are gone, undo brings them back", async () => {
    const name = [...shas.keys()].find((f) => f.startsWith('Bảng thống kê'))!
    const w = withdraw(home, [name])
    expect(w.code, w.stderr).toBe(0)
    const units = cli(home, ['units', 'Thanh Hóa', '--format', 'json'])
    expect(units.code).toBe(5)
    const view = cli(home, ['query', 'SELECT COUNT(*) AS n FROM v_unit_facts', '--format', 'json'])
    expect(view.code, view.stderr).toBe(0)
    expect(JSON.parse(view.stdout)).toEqual([{ n: 0 }])
    expect(withdraw(home, ['--undo', name]).code).toBe(0)
    expect(JSON.parse(cli(home, ['units', 'Thanh Hóa', '--format', 'json']).stdout)).toEqual(before.units)
  }, 300_000)

  it('exit 5 when nothing matches, 2 when a prefix matches several files; duplicates and rejected files are explained', async () => {
    const none = cli(home, ['withdraw', 'khong-co-tep-nay.xlsx'])
    expect(none.code).toBe(5)
    expect(none.stderr).toContain('Không có tệp đã nhận nào')

    // Two national tables (2026-Q2) whose SHA-256 share their first 4 hex digits.
    const q2 = nationalTable({ cohort: 34, seed: 42, title: titleLines('2026-Q2', '2026-07-01') })
    const byPrefix = new Map<string, Buffer>()
    let pair: [Buffer, Buffer] | null = null
    for (let k = 0; !pair; k++) {
      const bytes = encodeCsv([...q2.grid.rows, [`Ghi chú: bản ${k}`]], {
        encoding: 'utf-8-bom',
        delimiter: ',',
      })
      const p = sha256(bytes).slice(0, 4)
      const seen = byPrefix.get(p)
      if (seen) pair = [seen, bytes]
      else byPrefix.set(p, bytes)
    }
    const a = join(work, 'quy-2-a.csv')
    const b = join(work, 'quy-2-b.csv')
    writeFileSync(a, pair[0])
    writeFileSync(b, pair[1])
    expect(ingest(home, [a, b]).code).toBe(0)
    const ambiguous = cli(home, ['withdraw', sha256(pair[0]).slice(0, 4)])
    expect(ambiguous.code).toBe(2)
    expect(ambiguous.stderr).toContain('quy-2-a.csv')
    expect(ambiguous.stderr).toContain('quy-2-b.csv')

    // A duplicate: names the original; nothing is withdrawn.
    const copy = join(work, 'ban-sao-quy-2.csv')
    copyFileSync(a, copy)
    const dup = ingest(home, [copy])
    expect(dup.rows[0]!.status).toBe('duplicate')
    const wd = cli(home, ['withdraw', 'ban-sao-quy-2.csv'])
    expect(wd.code).toBe(5)
    expect(wd.stderr).toContain('bản trùng')
    expect(wd.stderr).toContain('quy-2-a.csv')

    // A rejected file: nothing of it was stored.
    const bad = join(work, 'hong.csv')
    writeFileSync(bad, 'STT,Tỉnh/Thành phố,Tổng điểm\n1,Tỉnh Không Có,50\n')
    const rej = ingest(home, [bad])
    expect(rej.rows[0]!.status).toBe('rejected')
    const wr = cli(home, ['withdraw', 'hong.csv', '--json'])
    expect(wr.code).toBe(5)
    expect(JSON.parse(wr.stdout)).toMatchObject({ error: 'rejected' })
    expect(wr.stderr).toContain('đã bị từ chối')
  }, 300_000)
})
