import { writeFileSync } from 'node:fs'
import { NotFoundError } from '../../errors.ts'
import { getRanking, metricByCode, rankingJson, rankingTable } from '../../index.ts'
import { unknownProvinceArg } from '../../reference/suggest.ts'
import { type CommandDef, EXIT, periodOptions, UsageError } from '../args.ts'
import { readAppFor } from '../context.ts'
import { formatNumber, peopleCsv, printJson, renderTable, writeCsvFile } from '../output.ts'
import { focusOf, runMetricRanking } from './ranking-metric.ts'

export const rankingCommand: CommandDef = {
  name: 'ranking',
  summary: 'Show the province ranking snapshot (the latest unless --period/--as-of pick another).',
  usage:
    'qd766 ranking [--period P] [--as-of DATE] [--by GROUP|METRIC] [--at-least RATIO] [--province NAME] [--format table|csv|json|xlsx] [--out FILE]',
  options: {
    period: { type: 'string' },
    'as-of': { type: 'string' },
    by: { type: 'string' },
    'at-least': { type: 'string' },
    province: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  details: `
  --period P        2026 (year), 2026-Q3 (quarter) or 2026-08 (month)
  --as-of DATE      the reading date, YYYY-MM-DD
  --by GROUP        rank by one group instead of the total: CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH
                    (DVCTT = the five-group "Dịch vụ công trực tuyến" /22)
  --by METRIC       rank by one metric from portal API captures: 3.3, 3.1, 3.6, DOSSIER_SYNC,
                    REUSED_DIGITIZED_DATA, ... (any metric code of the methodology); prints how
                    many provinces are at or above its full-points threshold ("17 of 34 provinces
                    have 3.3 at or above 50%")
  --at-least RATIO  with --by METRIC: count provinces at or above RATIO instead (0.7 or 70%)
  --province NAME   say where one province stands ("Đắk Lắk is 26th of 34 provinces on MDSH")
  --format F        table (default), csv, json or xlsx (xlsx needs --out)
  --out FILE        write to FILE instead of stdout (csv gets a BOM so Excel shows Vietnamese)
Ties share a rank (1, 2, 2, 4; scores within 0.005 tie) and are listed alphabetically.
Examples:
  qd766 ranking
  qd766 ranking --period 2026-Q3 --format csv --out xep-hang-q3.csv
  qd766 ranking --by MDSH --format json
  qd766 ranking --by 3.3 --province "Đắk Lắk"`,
  async run({ values }) {
    const format =
      (values.json ? 'json' : (values.format as string | undefined)) ??
      (values.out && String(values.out).endsWith('.xlsx') ? 'xlsx' : 'table')
    if (!['table', 'csv', 'json', 'xlsx'].includes(format))
      throw new UsageError(`--format ${format}: use table, csv, json or xlsx`)
    if (format === 'xlsx' && !values.out) throw new UsageError('--format xlsx needs --out FILE.xlsx')
    const { period, asOf } = periodOptions(values)
    const by = values.by as string | undefined
    const province = values.province as string | undefined
    if (values['at-least'] !== undefined && !(by && metricByCode(by)))
      throw new UsageError('--at-least goes with --by METRIC (e.g. --by 3.3 --at-least 70%)')
    const app = readAppFor(values)
    try {
      // a name no list knows is answered first, with the closest names, whatever the data holds
      if (province && app.registry.cohortsOf(province).length === 0)
        throw new NotFoundError(`--province: ${unknownProvinceArg(app.registry, [34, 63], province)}`)
      const out = values.out as string | undefined
      if (by && metricByCode(by) && !/^(ckmb|tdgq|clgq|tttt|mdhl|mdsh|dvctt|online22)$/i.test(by)) {
        runMetricRanking(
          app,
          { period, asOf, by, atLeast: values['at-least'] as string | undefined, province },
          format,
          out,
        )
        if (out && !values.quiet) process.stderr.write(`wrote ${out}\n`)
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
        await writeRankingXlsx(out!, r)
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
          `Xếp hạng kỳ ${r.period}${r.asOf ? `, tính đến ${r.asOf}` : ''} — ${r.ranked}/${r.cohort} tỉnh${r.by !== 'total' ? `, theo ${r.by}` : ''} (nguồn: ${r.source})\n` +
          (focus ? `${focus.sentence}\n` : '') +
          '\n' +
          `${renderTable(headers, shown, ['r', 'l', 'l', ...headers.slice(3).map(() => 'r' as const)])}\n` +
          (r.missing.length
            ? `\nNot in this reading (${r.missing.length}): ${r.missing.map((m) => m.name).join(', ')}\n`
            : '')
        if (out) writeFileSync(out, text)
        else process.stdout.write(text)
      }
      if (out && !values.quiet) process.stderr.write(`wrote ${out}\n`)
      return EXIT.ok
    } finally {
      await app.close()
    }
  },
}
