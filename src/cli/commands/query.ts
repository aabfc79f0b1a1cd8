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
  details: `
The statement runs in its own process on a read-only connection and must be one statement that
returns rows (SELECT, WITH ... SELECT, EXPLAIN, read-only PRAGMAs); writes, ATTACH/DETACH and
load_extension are refused. Stable views for analysts: v_latest_ranking, v_ranking_history,
v_province_scores (see README "SQL views").
  --timeout SECONDS   stop the query after this long (default ${SQL_DEFAULTS.timeoutMs / 1000})
  --max-rows N        keep at most N rows (default ${SQL_DEFAULTS.maxRows}); a longer result is cut and
                      a note on stderr says so
Example:
  qd766 query "SELECT rank, name, total FROM v_latest_ranking ORDER BY rank LIMIT 5"`,
  async run({ values, positionals }) {
    const text = positionals.join(' ').trim()
    if (!text) throw new UsageError('give the SQL to run, in quotes')
    const format = values.json ? 'json' : (values.format ?? 'table')
    if (!['table', 'csv', 'json'].includes(format))
      throw new UsageError(`--format ${format}: use table, csv or json`)
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
        )}\n(${rows.length} rows)\n`,
      )
    if (result.truncated)
      process.stderr.write(`qd766 query: ${t('query.truncated', { rows: rows.length })}\n`)
    return EXIT.ok
  },
})
