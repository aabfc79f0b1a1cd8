/**
 * `qd766 ranking --by METRIC` output (src/report/metric-ranking.ts) and the `--province` sentence
 * ("Đắk Lắk is 26th of 34 provinces on MDSH") shared with the group/total ranking.
 */
import { writeFileSync } from 'node:fs'
import type { ReadApp } from '../../app.ts'
import { NotFoundError } from '../../errors.ts'
import { getMetricRanking, type MetricRanking } from '../../index.ts'
import { unknownProvinceArg } from '../../reference/suggest.ts'
import { metricRankingJson } from '../../report/metric-ranking.ts'
import { UsageError } from '../args.ts'
import { type Cell, formatNumber, peopleCsv, printJson, renderTable, writeCsvFile } from '../output.ts'

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
  const p = app.registry.resolve(cohort as 34 | 63, arg)
  if (!p) {
    throw new NotFoundError(
      app.registry.cohortsOf(arg).length > 0
        ? `--province ${arg}: not a province of the ${cohort}-province list`
        : `--province: ${unknownProvinceArg(app.registry, [cohort as 34 | 63], arg)}`,
    )
  }
  const row = r.rows.find((x) => x.code === p.code)
  const of = r.rows.filter((x) => x.rank !== null).length
  const value = row ? (row.value !== undefined ? row.value : row.total) : null
  const on = r.by === 'total' ? 'on the total score' : `on ${r.by}`
  const when = `${r.period}${r.asOf ? ` as of ${r.asOf}` : ''}`
  const sentence =
    row?.rank !== null && row?.rank !== undefined
      ? `${p.name} is ${ordinal(row.rank)} of ${of} provinces ${on} (${formatNumber(value)}), ${when}.${extra}`
      : `${p.name} has no rank ${on} in ${when}${row ? ' (no score)' : ' (not in this reading)'}.${extra}`
  return { code: p.code, name: p.name, rank: row?.rank ?? null, of, value: value ?? null, sentence }
}

function ordinal(n: number): string {
  const t = n % 100
  if (t >= 11 && t <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

/** "It is one of the 17 provinces at or above 50%." for the focused province. */
function thresholdClause(app: ReadApp, r: MetricRanking, arg: string): string {
  const code = app.registry.resolve(34, arg)?.code
  const row = r.rows.find((x) => x.code === code)
  if (!row || row.metric.atOrAbove === null) return ''
  return row.metric.atOrAbove
    ? ` It is one of the ${r.threshold.atOrAbove} provinces at or above ${r.threshold.ratio}%.`
    : ` It is below ${r.threshold.ratio}% (${r.threshold.atOrAbove} of ${r.threshold.of} provinces are at or above).`
}

function tableOf(r: MetricRanking): { headers: string[]; rows: Cell[][] } {
  const headers = [
    'Hạng',
    'Mã',
    'Tỉnh, thành phố',
    'Tỷ lệ %',
    'Tử số',
    'Mẫu số',
    'Điểm',
    'Tối đa',
    `≥ ${r.threshold.ratio}%`,
    'Tổng',
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
    row.metric.atOrAbove === null ? null : row.metric.atOrAbove ? 'có' : 'không',
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
  if (format === 'xlsx') throw new UsageError('--by METRIC: use --format table, csv or json')
  let atLeast: number | undefined
  if (opts.atLeast !== undefined) {
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(opts.atLeast.trim())
    const v = m ? Number(m[1]) / (m[2] ? 100 : 1) : Number.NaN
    if (!m || !(v >= 0 && v <= 1)) {
      throw new UsageError(
        `--at-least ${opts.atLeast}: write a ratio such as 0.5 or a percentage such as 50%`,
      )
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
  const shown = rows.map((row) => row.map((c, i) => ([3, 6, 9].includes(i) ? formatNumber(c) : c)))
  const text =
    `Xếp hạng theo chỉ số ${r.metric.code} — ${r.metric.name} (nhóm ${r.metric.group}, tối đa ${r.metric.maxScore}` +
    `${r.metric.fullPointsAt !== null ? `, đạt tối đa khi ≥ ${r.metric.fullPointsAt}%` : ''}${r.metric.estimate ? ', ước tính' : ''}) — ` +
    `kỳ ${r.period}${r.asOf ? `, tính đến ${r.asOf}` : ''}, ${r.ranked}/${r.cohort} tỉnh (nguồn: ${r.source}, phương pháp ${r.metric.methodologyVersion})\n` +
    `${r.threshold.sentence}\n` +
    (focus ? `${focus.sentence}\n` : '') +
    `\n${renderTable(headers, shown, ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'r'])}\n` +
    (r.missing.length
      ? `\nNo capture for this reading (${r.missing.length}): ${r.missing.map((m) => m.name).join(', ')}\n`
      : '')
  if (out) writeFileSync(out, text)
  else process.stdout.write(text)
}
