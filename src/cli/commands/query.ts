import { prepareReadOnly } from '../../db/sqlite.ts'
import { type CommandDef, EXIT, UsageError } from '../args.ts'
import { readAppFor } from '../context.ts'
import { type Cell, printJson, renderTable, toCsv } from '../output.ts'

export const queryCommand: CommandDef = {
  name: 'query',
  summary: 'Run read-only SQL over the database; statements that would write are refused.',
  usage: 'qd766 query "<SQL>" [--format table|csv|json]',
  options: { format: { type: 'string' } },
  details: `
The connection is opened read-only and each statement must be one SQLite itself reports as
read-only (SELECT, WITH ... SELECT, EXPLAIN, read-only PRAGMAs). Stable views for analysts:
v_latest_ranking, v_ranking_history, v_province_scores (see README "SQL views").
Example:
  qd766 query "SELECT rank, name, total FROM v_latest_ranking ORDER BY rank LIMIT 5"`,
  async run({ values, positionals }) {
    const text = positionals.join(' ').trim()
    if (!text) throw new UsageError('give the SQL to run, in quotes')
    const format = values.json ? 'json' : ((values.format as string | undefined) ?? 'table')
    if (!['table', 'csv', 'json'].includes(format))
      throw new UsageError(`--format ${format}: use table, csv or json`)
    // Read-only: never migrates (a database that needs it is refused) and never waits on a writer.
    const app = readAppFor(values)
    const store = app.store
    try {
      let stmt: ReturnType<typeof prepareReadOnly>
      try {
        stmt = prepareReadOnly(store.raw, text)
      } catch (err) {
        process.stderr.write(`qd766 query: refused: ${(err as Error).message}\n`)
        return EXIT.usage
      }
      if (!stmt.reader) {
        stmt.run()
        return EXIT.ok
      }
      const rows = stmt.all() as Array<Record<string, unknown>>
      const headers = stmt.columns().map((c) => c.name)
      if (format === 'json') printJson(rows)
      else if (format === 'csv')
        process.stdout.write(
          toCsv(
            headers,
            rows.map((r) => headers.map((h) => r[h] as Cell)),
          ),
        )
      else
        process.stdout.write(
          `${renderTable(
            headers,
            rows.map((r) => headers.map((h) => r[h] as Cell)),
          )}\n(${rows.length} rows)\n`,
        )
      return EXIT.ok
    } finally {
      await app.close()
    }
  },
}
