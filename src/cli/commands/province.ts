import { fmtDate } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'
import { periodName, sourceName } from '../../i18n/terms.ts'
import {
  getProvinceReport,
  getProvinceWithUnits,
  type ProvinceReport,
  type ProvinceWithUnits,
  provinceWithUnitsJson,
} from '../../index.ts'
import { capturesLabel, otherDay, snapshotLabel } from '../../report/figures.ts'
import { formatRankChange } from '../../report/svg/format.ts'
import { defineCommand, EXIT, periodOptions, UsageError } from '../args.ts'
import { readAppFor } from '../context.ts'
import { formatNumber, printJson, renderTable, wrap } from '../output.ts'
import { parseWhatIfs, renderPortalDetail, renderPortalUnits } from './province-portal.ts'
import { renderUnits } from './units.ts'

export const provinceCommand = defineCommand({
  name: 'province',
  summary: () => t('province.summary'),
  usage:
    'qd766 province <NAME|CODE> [--period P] [--as-of DATE] [--units] [--what-if METRIC=RATIO ...] [--format table|json]',
  options: {
    period: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
    units: { type: 'boolean' },
    'what-if': { type: 'string', multiple: true },
  },
  details: () => t('province.details'),
  async run({ values, positionals }) {
    const arg = positionals[0]
    if (!arg) throw new UsageError(t('province.name-it', { cmd: 'province', example: 'Đắk Lắk' }))
    const format = values.json ? 'json' : (values.format ?? 'table')
    if (!['table', 'json'].includes(format))
      throw new UsageError(t('province.bad-format', { format, allowed: 'table, json' }))
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
})

/**
 * Units come from the province's own exports, which need no national snapshot: the national part
 * is shown when there is one. Without provincial tables, the portal captures' units are shown.
 */
function renderProvinceWithUnits(v: ProvinceWithUnits): string {
  if (!v.provincial)
    return renderProvince(v.national) + renderPortalDetail(v.national) + renderPortalUnits(v.portalUnits)
  const national = v.national
    ? `${renderProvince(v.national)}${renderPortalDetail(v.national)}\n`
    : `${t('province.no-snapshot-units')}\n\n`
  return national + renderUnits(v.provincial) + renderPortalUnits(v.portalUnits)
}

function renderProvince(r: ProvinceReport): string {
  const change = r.rankChange === null ? '' : ` (${formatRankChange(r.rankChange)})`
  const rank =
    r.rank !== null && r.nationalRank
      ? `${r.rank}/${r.cohortSize}${change}`
      : r.rank !== null && r.ranked !== null
        ? `– (${t('figures.not-national', { ranked: r.ranked, cohort: r.cohortSize })})`
        : `– (${t('province.not-ranked')})`
  const portalOtherDay = r.portal && otherDay(r.asOf, r.portal.asOf) ? r.portal : null
  const groupRows = [...r.groups]
    .sort((a, b) => (b.pointsLost ?? -1) - (a.pointsLost ?? -1))
    .map((g) => [
      g.code,
      g.name,
      formatNumber(g.score),
      formatNumber(g.maxScore, 0),
      formatNumber(g.pointsLost),
      r.nationalRank ? g.rank : null,
      ...(portalOtherDay ? [formatNumber(g.reportedScore ?? g.computedScore)] : []),
    ])
  const headers = [
    t('province.h.group'),
    t('province.h.name'),
    t('province.h.score'),
    t('province.h.max'),
    t('province.h.lost'),
    t('province.h.group-rank'),
    ...(portalOtherDay ? [t('province.h.portal-group')] : []),
  ]
  const snapshotText = r.source
    ? snapshotLabel({ source: r.source, asOf: r.asOf, period: r.period })
    : capturesLabel(r.asOf)
  return (
    `${wrap(
      t('province.title', {
        name: r.name,
        code: r.code,
        period: periodName(r.period),
        asOf: r.asOf ? fmtDate(r.asOf) : '',
        source: r.source ? sourceName(r.source) : capturesLabel(r.asOf),
      }),
    )}\n` +
    `${t('province.headline', { total: formatNumber(r.total), rank, change: '', band: r.band ?? '–' })}\n\n` +
    `${renderTable(headers, groupRows, ['l', 'l', 'r', 'r', 'r', 'r', 'r'])}\n` +
    (portalOtherDay
      ? `${wrap(t('province.portal-group-note', { snapshot: snapshotText, captures: capturesLabel(portalOtherDay.asOf) }))}\n`
      : '') +
    `\n${t('province.history')}\n${renderTable(
      [
        t('province.h.period'),
        t('province.h.date'),
        t('province.h.rank'),
        t('province.h.total'),
        t('province.h.source'),
      ],
      r.history.map((h) => [h.period, fmtDate(h.asOf), h.rank, formatNumber(h.total), sourceName(h.source)]),
      ['l', 'l', 'r', 'r', 'l'],
    )}\n` +
    (r.history.some((h) => h.rank === null && h.total !== null) ? `${t('province.history-note')}\n` : '')
  )
}
