import { getUnitsReport, type UnitsReport } from '../../index.ts'
import { LEVEL_LABELS } from '../../provincial/rows.ts'
import { type CommandDef, EXIT, periodOptions, UsageError } from '../args.ts'
import { readAppFor } from '../context.ts'
import { type Cell, formatNumber, peopleCsv, printJson, renderTable } from '../output.ts'

const signed = (v: number | null | undefined) =>
  v === null || v === undefined ? null : `${v > 0 ? '+' : ''}${v.toFixed(2)}`

/** The terminal rendering of a units report, shared by `units` and `province --units`. */
export function renderUnits(r: UnitsReport): string {
  const out: string[] = []
  out.push(
    `Đơn vị của ${r.province.name} — kỳ ${r.period}${r.asOf ? `, tính đến ${r.asOf}` : ''} (ƯỚC TÍNH từ bảng theo dõi của hệ thống một cửa tỉnh; phương pháp ${r.methodology})`,
  )
  if (r.methodologyNote) out.push(`Lưu ý: ${r.methodologyNote}`)
  out.push(
    `Nguồn: ${r.readings.map((x) => `${x.table} "${x.file}"`).join('; ')}${r.previousPeriod ? `; so với kỳ ${r.previousPeriod}` : ''}`,
  )
  out.push('')
  out.push(
    renderTable(
      ['Chỉ tiêu', 'Mã', 'Tử số', 'Mẫu số', 'Tỷ lệ %', 'Δ kỳ trước', 'Điểm ước tính', 'Tối đa', 'Bảng'],
      r.indicators.map((i) => [
        i.name,
        i.metric ?? '(tham khảo)',
        i.numerator,
        i.denominator,
        formatNumber(i.value),
        signed(i.change),
        formatNumber(i.estimatedScore),
        i.maxScore === null ? null : formatNumber(i.maxScore, 0),
        i.source.table,
      ]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
  )
  if (r.groups.length) {
    out.push('')
    out.push(
      renderTable(
        ['Nhóm', 'Điểm ước tính (các chỉ số có dữ liệu)', 'Trên tối đa', 'Tối đa nhóm', 'Điểm Cổng DVCQG'],
        r.groups.map((g) => [
          `${g.code} ${g.name}`,
          formatNumber(g.estimatedScore),
          formatNumber(g.coveredMax, 0),
          formatNumber(g.groupMax, 0),
          g.portalScore === null ? '–' : `${formatNumber(g.portalScore)} (${g.portalSource})`,
        ]),
        ['l', 'r', 'r', 'r', 'l'],
      ),
    )
  }
  const shown = r.indicators.filter((i) => r.units.some((u) => u.indicators[i.code]))
  out.push('')
  out.push(
    renderTable(
      [
        'Hạng',
        'Đơn vị',
        'Cấp',
        ...shown.map((i) => `${i.short} %`),
        'Điểm ƯT',
        '/ tối đa',
        'Δ điểm',
        'Điểm có thể tăng',
      ],
      r.units.map((u) => [
        u.rank,
        u.name,
        LEVEL_LABELS[u.level],
        ...shown.map((i) => formatNumber(u.indicators[i.code]?.value ?? null)),
        formatNumber(u.estimatedScore),
        formatNumber(u.coveredMax, 0),
        signed(u.scoreChange),
        formatNumber(u.pointsAtStake),
      ]),
      ['r', 'l', 'l', ...shown.map(() => 'r' as const), 'r', 'r', 'r', 'r'],
    ),
  )
  out.push(
    '(Hạng: trong cùng cấp — sở/ban/ngành, cấp huyện, cấp xã — theo điểm ước tính trên tối đa của các chỉ số có dữ liệu. ' +
      'Điểm có thể tăng: điểm ước tính của tỉnh tăng thêm nếu riêng đơn vị đó đạt mục tiêu của từng chỉ số.)',
  )
  if (r.findings.length) {
    out.push('')
    out.push(`Cảnh báo từ dữ liệu nguồn (${r.findings.length}):`)
    for (const f of r.findings) out.push(`  - [${f.kind}] ${f.file}: ${f.message}`)
  }
  return `${out.join('\n')}\n`
}

function csvOf(r: UnitsReport): string {
  const codes = r.indicators.map((i) => i.code)
  const headers = [
    'rank',
    'unit',
    'eid_code',
    'level',
    ...codes.map((c) => `${c}_pct`),
    'estimated_score',
    'covered_max',
    'score_change',
    'points_at_stake',
  ]
  const rows: Cell[][] = r.units.map((u) => [
    u.rank,
    u.name,
    u.eidCode,
    u.level,
    ...codes.map((c) => u.indicators[c]?.value ?? null),
    u.estimatedScore,
    u.coveredMax,
    u.scoreChange,
    u.pointsAtStake,
  ])
  return peopleCsv(headers, rows)
}

export const unitsCommand: CommandDef = {
  name: 'units',
  summary:
    "A province's agencies and communes from its one-stop exports: indicator values, estimated points, rank.",
  usage: 'qd766 units <NAME|CODE> [--period P] [--level agency|district|commune] [--format table|csv|json]',
  options: {
    period: { type: 'string' },
    level: { type: 'string' },
    format: { type: 'string' },
  },
  details: `
Reads the province's own 766 tracking tables (digitisation, online services, online payment,
processing progress; see docs/provincial-tables.md). Units are ranked within their level by their
ESTIMATED points on the metrics the tables cover; "points at stake" is how much the province's
estimated score would rise if that unit alone reached each metric's target. Without --period the
latest period with provincial tables is shown.
Examples:
  qd766 units "Thanh Hóa"
  qd766 units 38 --period 2025-10 --level commune --format csv`,
  async run({ values, positionals }) {
    const arg = positionals[0]
    if (!arg) throw new UsageError('name the province: qd766 units "Thanh Hóa"')
    const format = values.json ? 'json' : ((values.format as string | undefined) ?? 'table')
    if (!['table', 'csv', 'json'].includes(format))
      throw new UsageError(`--format ${format}: use table, csv or json`)
    const level = values.level as string | undefined
    if (level && !['agency', 'district', 'commune', 'land-registry'].includes(level))
      throw new UsageError(`--level ${level}: use agency, district or commune`)
    const { period } = periodOptions(values)
    const app = readAppFor(values)
    try {
      // NotFoundError (no such province / no provincial tables) exits 5 through main.
      const r = app.read(() => getUnitsReport(app.store, app.registry, arg, { period, level }))
      if (format === 'json') printJson(r)
      else if (format === 'csv') process.stdout.write(csvOf(r))
      else process.stdout.write(renderUnits(r))
      return EXIT.ok
    } finally {
      await app.close()
    }
  },
}
