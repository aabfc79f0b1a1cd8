import { writeFileSync } from 'node:fs'
import { NotFoundError } from '../../errors.ts'
import { fmtDate } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'
import { periodName, sourceName } from '../../i18n/terms.ts'
import { getRanking, metricByCode, rankingJson, rankingTable } from '../../index.ts'
import { unknownProvinceArg } from '../../reference/suggest.ts'
import { isNationalRanking } from '../../report/figures.ts'
import type { Ranking } from '../../report/ranking.ts'
import { defineCommand, EXIT, periodOptions, UsageError } from '../args.ts'
import { readAppFor } from '../context.ts'
import {
  formatNumber,
  peopleCsv,
  printJson,
  refuseOverwrite,
  renderTable,
  wrap,
  writeCsvFile,
} from '../output.ts'
import { focusOf, runMetricRanking } from './ranking-metric.ts'

/** "Xếp hạng Năm 2026, số liệu đến ngày 05/10/2026 — 34/34 tỉnh, thành phố có hạng (nguồn: …)" */
export function rankingTitle(r: Ranking): string {
  return t('ranking.title', {
    period: periodName(r.period),
    asOf: r.asOf ? fmtDate(r.asOf) : '',
    ranked: r.ranked,
    cohort: r.cohort,
    by: r.by !== 'total' ? r.by : '',
    source: sourceName(r.source),
  })
}

/**
 * "đã ghi FILE": the command's only output when it writes a file, so it goes to stdout (in order
 * with what comes after it in a script's log); with --json stdout is for the JSON, so stderr.
 */
function wroteLine(path: string, json: boolean): void {
  ;(json ? process.stderr : process.stdout).write(`${t('cli.wrote', { path })}\n`)
}

export const rankingCommand = defineCommand({
  name: 'ranking',
  summary: () => t('ranking.summary'),
  usage:
    'qd766 ranking [--period P] [--as-of DATE] [--by GROUP|METRIC] [--at-least RATIO] [--province NAME] [--format table|csv|json|xlsx] [--out FILE [--force]]',
  options: {
    period: { type: 'string' },
    'as-of': { type: 'string' },
    by: { type: 'string' },
    'at-least': { type: 'string' },
    province: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  details: () => t('ranking.details'),
  async run({ values }) {
    const format =
      (values.json ? 'json' : values.format) ?? (values.out?.endsWith('.xlsx') ? 'xlsx' : 'table')
    if (!['table', 'csv', 'json', 'xlsx'].includes(format))
      throw new UsageError(t('ranking.bad-format', { format }))
    if (format === 'xlsx' && !values.out) throw new UsageError(t('ranking.xlsx-needs-out'))
    refuseOverwrite(values.out, values.force)
    const { period, asOf } = periodOptions(values)
    const by = values.by
    const province = values.province
    if (values['at-least'] !== undefined && !(by && metricByCode(by)))
      throw new UsageError(t('ranking.at-least-needs-metric'))
    const app = readAppFor(values)
    try {
      // a name no list knows is answered first, with the closest names, whatever the data holds
      if (province && app.registry.cohortsOf(province).length === 0)
        throw new NotFoundError(`--province: ${unknownProvinceArg(app.registry, [34, 63], province)}`)
      const out = values.out
      if (by && metricByCode(by) && !/^(ckmb|tdgq|clgq|tttt|mdhl|mdsh|dvctt|online22)$/i.test(by)) {
        runMetricRanking(app, { period, asOf, by, atLeast: values['at-least'], province }, format, out)
        if (out && !values.quiet) wroteLine(out, Boolean(values.json))
        return EXIT.ok
      }
      const { r, focus } = app.read(() => {
        const r = getRanking(app.store, { period, asOf, by })
        return { r, focus: province ? focusOf(app, r.cohort, province, r) : null }
      })
      if (format === 'json') {
        const json = { ...rankingJson(r), ...(focus ? { focus } : {}) }
        const text = `${JSON.stringify(json, null, 2)}\n`
        if (out) writeFileSync(out, text)
        else printJson(json)
      } else if (format === 'xlsx') {
        // exceljs is heavy to load: only when a workbook is asked for
        const { writeRankingXlsx } = await import('../../report/ranking-xlsx.ts')
        if (!out) throw new Error('internal: an xlsx ranking without --out passed the option check')
        await writeRankingXlsx(out, r)
      } else if (format === 'csv') {
        const { headers, rows } = rankingTable(r)
        if (out) writeCsvFile(out, headers, rows)
        else process.stdout.write(peopleCsv(headers, rows))
      } else {
        const { headers, rows } = rankingTable(r)
        const shown = rows.map((row) =>
          row.map((c, i) => (i >= 3 && i < headers.length - 2 ? formatNumber(c) : c)),
        )
        const text =
          `${wrap(rankingTitle(r))}\n` +
          (isNationalRanking(r)
            ? ''
            : `${wrap(t('ranking.not-national', { ranked: r.ranked, cohort: r.cohort }))}\n`) +
          (focus ? `${wrap(focus.sentence)}\n` : '') +
          '\n' +
          `${renderTable(headers, shown, ['r', 'l', 'l', ...headers.slice(3).map(() => 'r' as const)])}\n` +
          (r.missing.length
            ? `\n${wrap(t('ranking.missing', { n: r.missing.length, names: r.missing.map((m) => m.name).join(', ') }))}\n`
            : '')
        if (out) writeFileSync(out, text)
        else process.stdout.write(text)
      }
      if (out && !values.quiet) wroteLine(out, Boolean(values.json))
      return EXIT.ok
    } finally {
      await app.close()
    }
  },
})
