import {
  getProvinceReport,
  getProvinceWithUnits,
  type ProvinceReport,
  type ProvinceWithUnits,
  provinceWithUnitsJson,
} from '../../index.ts'
import { type CommandDef, EXIT, periodOptions, UsageError } from '../args.ts'
import { readAppFor } from '../context.ts'
import { formatNumber, printJson, renderTable } from '../output.ts'
import { parseWhatIfs, renderPortalDetail, renderPortalUnits } from './province-portal.ts'
import { renderUnits } from './units.ts'

export const provinceCommand: CommandDef = {
  name: 'province',
  summary: 'One province: group scores, points lost, rank, band and rank history.',
  usage:
    'qd766 province <NAME|CODE> [--period P] [--as-of DATE] [--units] [--what-if METRIC=RATIO ...] [--format table|json]',
  options: {
    period: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
    units: { type: 'boolean' },
    'what-if': { type: 'string', multiple: true },
  },
  details: `
NAME may be written any way the exports write it ("Đắk Lắk", "Dak Lak", "UBND tỉnh Đắk Lắk"),
or give the 2-digit GSO code of the province list in force for the period ("66").
Examples:
  qd766 province "Lào Cai"
  qd766 province 15 --period 2024      (15 was Yên Bái before 07/2025)
  qd766 province "Thanh Hóa" --units   (its agencies and communes from the province's one-stop exports:
                                        indicator values, points at stake, change since the previous period)
  qd766 province 66 --period 2026 --what-if 3.3=0.55 --what-if PUBLISH_ON_TIME=80%
                                       (from portal captures: every metric with the portal's and the
                                        computed score, sorted by points lost; the total and the rank it
                                        would have had with 3.3 at 55%; RATIO is 0.55, 55% or counts N/D)`,
  async run({ values, positionals }) {
    const arg = positionals[0]
    if (!arg) throw new UsageError('name the province: qd766 province "Đắk Lắk"')
    const format = values.json ? 'json' : ((values.format as string | undefined) ?? 'table')
    if (!['table', 'json'].includes(format)) throw new UsageError(`--format ${format}: use table or json`)
    const { period, asOf } = periodOptions(values)
    const whatIf = parseWhatIfs(values['what-if'])
    const app = readAppFor(values)
    try {
      if (values.units) {
        const v = app.read(() => getProvinceWithUnits(app.store, app.registry, arg, { period, asOf, whatIf }))
        if (format === 'json') printJson(provinceWithUnitsJson(v))
        else process.stdout.write(renderProvinceWithUnits(v))
        return EXIT.ok
      }
      const r = app.read(() => getProvinceReport(app.store, app.registry, arg, { period, asOf, whatIf }))
      if (format === 'json') {
        printJson(r)
        return EXIT.ok
      }
      process.stdout.write(renderProvince(r) + renderPortalDetail(r))
      return EXIT.ok
    } finally {
      await app.close()
    }
  },
}

/**
 * Units come from the province's own exports, which need no national snapshot: the national part
 * is shown when there is one. Without provincial tables, the portal captures' units are shown.
 */
function renderProvinceWithUnits(v: ProvinceWithUnits): string {
  if (!v.provincial)
    return renderProvince(v.national) + renderPortalDetail(v.national) + renderPortalUnits(v.portalUnits)
  const national = v.national
    ? `${renderProvince(v.national)}${renderPortalDetail(v.national)}\n`
    : '(No national ranking snapshot for this province and period: only the provincial tables are shown.)\n\n'
  return national + renderUnits(v.provincial) + renderPortalUnits(v.portalUnits)
}

function renderProvince(r: ProvinceReport): string {
  const change =
    r.rankChange === null
      ? ''
      : r.rankChange > 0
        ? ` (↑${r.rankChange})`
        : r.rankChange < 0
          ? ` (↓${-r.rankChange})`
          : ' (=)'
  return (
    `${r.name} (mã ${r.code}) — kỳ ${r.period}${r.asOf ? `, tính đến ${r.asOf}` : ''}\n` +
    `Tổng điểm ${formatNumber(r.total)}/100, hạng ${r.rank ?? '–'}/${r.cohortSize}${change}, xếp loại ${r.band ?? '–'}\n\n` +
    `${renderTable(
      ['Nhóm', 'Tên', 'Điểm', 'Tối đa', 'Mất', 'Hạng nhóm'],
      [...r.groups]
        .sort((a, b) => (b.pointsLost ?? -1) - (a.pointsLost ?? -1))
        .map((g) => [
          g.code,
          g.name,
          formatNumber(g.score),
          formatNumber(g.maxScore, 0),
          formatNumber(g.pointsLost),
          g.rank,
        ]),
      ['l', 'l', 'r', 'r', 'r', 'r'],
    )}\n\nLịch sử xếp hạng:\n${renderTable(
      ['Kỳ', 'Ngày', 'Hạng', 'Tổng', 'Nguồn'],
      r.history.map((h) => [h.period, h.asOf, h.rank, formatNumber(h.total), h.source]),
      ['l', 'l', 'r', 'r', 'l'],
    )}\n`
  )
}
