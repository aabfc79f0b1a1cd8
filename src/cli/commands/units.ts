import { fmtDate } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'
import { levelName, periodName, sourceName } from '../../i18n/terms.ts'
import { getUnitsReport, type UnitsReport } from '../../index.ts'
import { defineCommand, EXIT, periodOptions, UsageError } from '../args.ts'
import { readAppFor } from '../context.ts'
import {
  type Cell,
  formatNumber,
  peopleCsv,
  printJson,
  renderTable,
  TERMINAL_WIDTH,
  wrap,
} from '../output.ts'

const signed = (v: number | null | undefined) =>
  v === null || v === undefined ? null : `${v > 0 ? '+' : ''}${formatNumber(v)}`

/** The terminal rendering of a units report, shared by `units` and `province --units`. */
export function renderUnits(r: UnitsReport): string {
  const out: string[] = []
  out.push(
    wrap(
      t('units.title', {
        name: r.province.name,
        period: periodName(r.period),
        asOf: r.asOf ? fmtDate(r.asOf) : '',
        version: r.methodology,
      }),
    ),
  )
  if (r.methodologyNote) out.push(wrap(t('units.note', { text: r.methodologyNote })))
  out.push(
    wrap(
      t('units.sources', {
        list: r.readings.map((x) => `${x.table} "${x.file}"`).join('; '),
        previous: r.previousPeriod ? periodName(r.previousPeriod) : '',
      }),
    ),
  )
  out.push('')
  out.push(
    renderTable(
      [
        t('units.h.indicator'),
        t('units.h.code'),
        t('units.h.numerator'),
        t('units.h.denominator'),
        t('units.h.ratio'),
        t('units.h.change'),
        t('units.h.estimate'),
        t('units.h.max'),
        t('units.h.table'),
      ],
      r.indicators.map((i) => [
        i.name,
        i.metric ?? t('units.reference'),
        formatNumber(i.numerator, 0),
        formatNumber(i.denominator, 0),
        formatNumber(i.value),
        signed(i.change),
        formatNumber(i.estimatedScore),
        i.maxScore === null ? null : formatNumber(i.maxScore, 0),
        i.source.table,
      ]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      { shrink: 0, minWidth: 14, dropEmpty: true },
    ),
  )
  if (r.groups.length) {
    out.push('')
    out.push(
      renderTable(
        [
          t('units.h.group'),
          t('units.h.group-estimate'),
          t('units.h.covered-max'),
          t('units.h.group-max'),
          t('units.h.portal'),
        ],
        r.groups.map((g) => [
          `${g.code} ${g.name}`,
          formatNumber(g.estimatedScore),
          formatNumber(g.coveredMax, 0),
          formatNumber(g.groupMax, 0),
          g.portalScore === null ? '–' : formatNumber(g.portalScore),
        ]),
        ['l', 'r', 'r', 'r', 'r'],
        { shrink: 0, minWidth: 16 },
      ),
    )
    const sources = [
      ...new Set(
        r.groups.flatMap((g) =>
          g.portalSourceLabel
            ? [
                g.portalAsOf
                  ? t('units.portal-source-dated', {
                      source: sourceName(g.portalSourceLabel),
                      asOf: fmtDate(g.portalAsOf),
                    })
                  : sourceName(g.portalSourceLabel),
              ]
            : [],
        ),
      ),
    ]
    if (sources.length) out.push(wrap(t('units.portal-source', { list: sources.join('; ') })))
  }
  const shown = r.indicators.filter((i) => r.units.some((u) => u.indicators[i.code]))
  out.push('')
  out.push(
    renderTable(
      [
        t('units.h.rank'),
        t('units.h.unit'),
        t('units.h.level'),
        ...shown.map((i) => `${i.short} %`),
        t('units.h.estimate'),
        t('units.h.of-max'),
        t('units.h.score-change'),
        t('units.h.at-stake'),
      ],
      r.units.map((u) => [
        u.rank,
        u.name,
        levelName(u.level),
        ...shown.map((i) => formatNumber(u.indicators[i.code]?.value ?? null)),
        formatNumber(u.estimatedScore),
        formatNumber(u.coveredMax, 0),
        signed(u.scoreChange),
        formatNumber(u.pointsAtStake),
      ]),
      ['r', 'l', 'l', ...shown.map(() => 'r' as const), 'r', 'r', 'r', 'r'],
      { shrink: 1, minWidth: 14, dropEmpty: true },
    ),
  )
  out.push(wrap(t('units.legend')))
  if (r.findings.length) {
    out.push('')
    out.push(t('units.findings', { n: r.findings.length }))
    for (const f of r.findings) out.push(wrap(`- ${f.file}: ${f.message}`, TERMINAL_WIDTH, '  '))
  }
  return `${out.join('\n')}\n`
}

function csvOf(r: UnitsReport): string {
  const codes = r.indicators.map((i) => i.code)
  const headers = [
    t('units.csv.rank'),
    t('units.csv.unit'),
    t('units.csv.eid'),
    t('units.csv.level'),
    ...codes.map((c) => `${c} %`),
    t('units.csv.estimate'),
    t('units.csv.covered-max'),
    t('units.csv.score-change'),
    t('units.csv.at-stake'),
  ]
  const rows: Cell[][] = r.units.map((u) => [
    u.rank,
    u.name,
    u.eidCode,
    levelName(u.level),
    ...codes.map((c) => u.indicators[c]?.value ?? null),
    u.estimatedScore,
    u.coveredMax,
    u.scoreChange,
    u.pointsAtStake,
  ])
  return peopleCsv(headers, rows)
}

export const unitsCommand = defineCommand({
  name: 'units',
  summary: () => t('units.summary'),
  usage: 'qd766 units <NAME|CODE> [--period P] [--level agency|district|commune] [--format table|csv|json]',
  options: {
    period: { type: 'string' },
    level: { type: 'string' },
    format: { type: 'string' },
  },
  details: () => t('units.details'),
  async run({ values, positionals }) {
    const arg = positionals[0]
    if (!arg) throw new UsageError(t('province.name-it', { cmd: 'units', example: 'Thanh Hóa' }))
    const format = values.json ? 'json' : (values.format ?? 'table')
    if (!['table', 'csv', 'json'].includes(format))
      throw new UsageError(t('province.bad-format', { format, allowed: 'table, csv, json' }))
    const level = values.level
    if (level && !['agency', 'district', 'commune', 'land-registry'].includes(level))
      throw new UsageError(t('units.bad-level', { level }))
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
})
