/**
 * `qd766 ranking --by METRIC` output (src/report/metric-ranking.ts) and the `--province` sentence
 * ("Đắk Lắk is 26th of 34 provinces on MDSH") shared with the group/total ranking.
 */
import { writeFileSync } from 'node:fs'
import type { ReadApp } from '../../app.ts'
import { NotFoundError } from '../../errors.ts'
import { fmtDate, fmtNumber } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'
import { periodName } from '../../i18n/terms.ts'
import { getMetricRanking, type MetricRanking } from '../../index.ts'
import { unknownProvinceArg } from '../../reference/suggest.ts'
import { isNationalRanking } from '../../report/figures.ts'
import { metricRankingJson } from '../../report/metric-ranking.ts'
import { UsageError } from '../args.ts'
import { type Cell, formatNumber, peopleCsv, printJson, renderTable, wrap, writeCsvFile } from '../output.ts'

export interface Focus {
  code: string
  name: string
  rank: number | null
  /** Provinces with a rank on this measure. */
  of: number
  value: number | null
  sentence: string
}

/** The row of one province in a ranking, as a sentence a leader can quote. */
export function focusOf(
  app: ReadApp,
  cohort: number,
  arg: string,
  r: {
    by: string
    period: string
    asOf: string | null
    rows: Array<{
      rank: number | null
      code: string
      name: string
      total: number | null
      value?: number | null
    }>
  },
  extra = '',
): Focus {
  const p = app.registry.resolve(cohort, arg)
  if (!p) {
    throw new NotFoundError(
      app.registry.cohortsOf(arg).length > 0
        ? t('lookup.province-other-cohort', { arg, cohort: Number(cohort) })
        : `--province: ${unknownProvinceArg(app.registry, [cohort], arg)}`,
    )
  }
  const row = r.rows.find((x) => x.code === p.code)
  const of = r.rows.filter((x) => x.rank !== null).length
  const value = row ? (row.value !== undefined ? row.value : row.total) : null
  const on = r.by === 'total' ? t('ranking.focus.on-total') : t('ranking.focus.on', { by: r.by })
  const when = t('ranking.focus.when', { period: periodName(r.period), asOf: r.asOf ? fmtDate(r.asOf) : '' })
  const sentence =
    row?.rank !== null && row?.rank !== undefined
      ? t('ranking.focus.ranked', {
          name: p.name,
          rank: row.rank,
          of,
          on,
          value: formatNumber(value),
          when,
          national: isNationalRanking({ ranked: of, cohort }),
        }) + extra
      : t('ranking.focus.unranked', { name: p.name, on, when, inReading: Boolean(row) }) + extra
  return { code: p.code, name: p.name, rank: row?.rank ?? null, of, value: value ?? null, sentence }
}

/** "It is one of the 17 provinces at or above 50%." for the focused province. */
function thresholdClause(app: ReadApp, r: MetricRanking, arg: string): string {
  const code = app.registry.resolve(34, arg)?.code
  const row = r.rows.find((x) => x.code === code)
  if (!row || row.metric.atOrAbove === null) return ''
  const ratio = fmtNumber(r.threshold.ratio, r.threshold.ratio % 1 === 0 ? 0 : 2)
  return row.metric.atOrAbove
    ? t('ranking.focus.at-or-above', { n: r.threshold.atOrAbove, ratio })
    : t('ranking.focus.below', { n: r.threshold.atOrAbove, of: r.threshold.of, ratio })
}

function tableOf(r: MetricRanking): { headers: string[]; rows: Cell[][] } {
  const headers = [
    t('ranking.h.rank'),
    t('ranking.h.code'),
    t('ranking.h.province'),
    t('ranking.h.ratio'),
    t('ranking.h.numerator'),
    t('ranking.h.denominator'),
    t('ranking.h.score'),
    t('ranking.h.max'),
    `≥ ${r.threshold.ratio}%`,
    t('ranking.h.total'),
  ]
  const rows = r.rows.map((row) => [
    row.rank,
    row.code,
    row.name,
    row.metric.ratio,
    row.metric.numerator,
    row.metric.denominator,
    row.value,
    row.metric.maxScore,
    row.metric.atOrAbove === null ? null : row.metric.atOrAbove ? t('common.yes') : t('common.no'),
    row.total,
  ])
  return { headers, rows }
}

/** `ranking --by METRIC` end to end (the command has already parsed and validated the options). */
export function runMetricRanking(
  app: ReadApp,
  opts: { period?: string; asOf?: string; by: string; atLeast?: string; province?: string },
  format: string,
  out: string | undefined,
): void {
  if (format === 'xlsx') throw new UsageError(t('ranking.metric-no-xlsx'))
  let atLeast: number | undefined
  if (opts.atLeast !== undefined) {
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(opts.atLeast.trim())
    const v = m ? Number(m[1]) / (m[2] ? 100 : 1) : Number.NaN
    if (!m || !(v >= 0 && v <= 1)) {
      throw new UsageError(t('ranking.bad-at-least', { value: opts.atLeast }))
    }
    atLeast = m[2] ? Number((Number(m[1]) / 100).toFixed(10)) : v
  }
  const { r, focus } = app.read(() => {
    const r = getMetricRanking(app.store, app.registry, app.config, {
      period: opts.period,
      asOf: opts.asOf,
      by: opts.by,
      atLeast,
    })
    const focus = opts.province
      ? focusOf(app, r.cohort, opts.province, r, thresholdClause(app, r, opts.province))
      : null
    return { r, focus }
  })
  if (format === 'json') {
    const json = metricRankingJson(r, focus)
    if (out) writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`)
    else printJson(json)
    return
  }
  const { headers, rows } = tableOf(r)
  if (format === 'csv') {
    if (out) writeCsvFile(out, headers, rows)
    else process.stdout.write(peopleCsv(headers, rows))
    return
  }
  const shown = rows.map((row) =>
    row.map((c, i) =>
      [3, 6, 9].includes(i) ? formatNumber(c) : [4, 5, 7].includes(i) ? formatNumber(c, 0) : c,
    ),
  )
  const text =
    `${wrap(
      t('ranking.metric-title', {
        code: r.metric.code,
        name: r.metric.name,
        group: r.metric.group,
        max: fmtNumber(r.metric.maxScore, 0),
        fullAt: r.metric.fullPointsAt !== null ? fmtNumber(r.metric.fullPointsAt, 0) : '',
        estimate: r.metric.estimate,
        period: periodName(r.period),
        asOf: r.asOf ? fmtDate(r.asOf) : '',
        ranked: r.ranked,
        cohort: r.cohort,
        source: t('term.kind.portal-capture'),
        version: r.metric.methodologyVersion,
      }),
    )}\n` +
    `${wrap(r.threshold.sentence)}\n` +
    (isNationalRanking(r)
      ? ''
      : `${wrap(t('ranking.not-national', { ranked: r.ranked, cohort: r.cohort }))}\n`) +
    (focus ? `${wrap(focus.sentence)}\n` : '') +
    `\n${renderTable(headers, shown, ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'r'])}\n` +
    (r.missing.length
      ? `\n${wrap(t('ranking.no-capture', { n: r.missing.length, names: r.missing.map((m) => m.name).join(', ') }))}\n`
      : '')
  if (out) writeFileSync(out, text)
  else process.stdout.write(text)
}
