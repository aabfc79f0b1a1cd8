import { fmtInt } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'
import { QueryError, runReadOnlySql, SQL_DEFAULTS, SQL_LIMITS } from '../../index.ts'
import type { SqlValue } from '../../query/run-sql.ts'
import { defineCommand, EXIT, UsageError } from '../args.ts'
import { readAppFor } from '../context.ts'
import { type Cell, printJson, renderTable, toCsv } from '../output.ts'

/** --timeout SECONDS (decimals allowed) -> ms, within the module's bounds. */
function timeoutMs(value: unknown): number {
  if (value === undefined) return SQL_DEFAULTS.timeoutMs
  const text = String(value)
  const s = Number(text.replace(',', '.'))
  const max = SQL_LIMITS.timeoutMs / 1000
  if (!(s > 0 && s <= max)) throw new UsageError(t('query.bad-timeout', { value: text, max }))
  return Math.round(s * 1000)
}

function maxRows(value: unknown): number {
  if (value === undefined) return SQL_DEFAULTS.maxRows
  const text = String(value)
  const n = Number(text)
  if (!(Number.isInteger(n) && n >= 1 && n <= SQL_LIMITS.maxRows))
    throw new UsageError(t('query.bad-max-rows', { value: text, max: SQL_LIMITS.maxRows }))
  return n
}

/** Blobs print as they did when rows came straight from better-sqlite3 (a Buffer). */
const cell = (v: SqlValue): unknown => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v) : v)

export const queryCommand = defineCommand({
  name: 'query',
  summary: () => t('query.summary'),
  usage: 'qd766 query "<SQL>" [--format table|csv|json] [--timeout SECONDS] [--max-rows N]',
  options: {
    format: { type: 'string' },
    timeout: { type: 'string' },
    'max-rows': { type: 'string' },
  },
  details: () =>
    t('query.details', { timeout: SQL_DEFAULTS.timeoutMs / 1000, maxRows: SQL_DEFAULTS.maxRows }),
  async run({ values, positionals }) {
    const text = positionals.join(' ').trim()
    if (!text) throw new UsageError(t('query.no-sql'))
    const format = values.json ? 'json' : (values.format ?? 'table')
    if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(t('query.bad-format', { format }))
    const limits = { timeoutMs: timeoutMs(values.timeout), maxRows: maxRows(values['max-rows']) }
    // Opening read-only checks the home (a database that needs migrating is refused) and creates
    // the database on first use; the query itself runs on its own connection in a child process.
    const app = readAppFor(values)
    const database = app.home.database
    await app.close()
    let result: Awaited<ReturnType<typeof runReadOnlySql>>
    try {
      result = await runReadOnlySql(database, text, limits)
    } catch (err) {
      if (!(err instanceof QueryError)) throw err
      process.stderr.write(`qd766 query: ${err.message}\n`)
      return EXIT.usage
    }
    const { columns: headers, rows } = result
    if (format === 'json')
      printJson(rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, cell(r[i] ?? null)]))))
    else if (format === 'csv')
      process.stdout.write(
        toCsv(
          headers,
          rows.map((r) => r.map(cell) as Cell[]),
        ),
      )
    else
      process.stdout.write(
        `${renderTable(
          headers,
          rows.map((r) => r.map(cell) as Cell[]),
        )}\n${t('query.rows', { n: fmtInt(rows.length) })}\n`,
      )
    if (result.truncated)
      process.stderr.write(`qd766 query: ${t('query.truncated', { rows: rows.length })}\n`)
    return EXIT.ok
  },
})
