import { getStatus } from '../../report/status.ts'
import { type CommandDef, EXIT } from '../args.ts'
import { appFor } from '../context.ts'
import { printJson, renderTable } from '../output.ts'

export const statusCommand: CommandDef = {
  name: 'status',
  summary: 'Last runs, files waiting in the inbox, rejected files, findings, latest snapshots.',
  usage: 'qd766 status [--json]',
  options: {},
  async run({ values }) {
    const app = appFor(values)
    try {
      const s = await getStatus(app)
      if (values.json) {
        printJson(s)
        return EXIT.ok
      }
      const out: string[] = [
        `Home: ${s.home}`,
        `Ingested: ${s.ingested.files} file(s), ${s.ingested.rows} row(s)`,
        '',
      ]
      out.push('Last runs:')
      out.push(
        s.runs.length
          ? renderTable(
              [
                'Run',
                'Command',
                'Status',
                'Started',
                'Files',
                'OK',
                'Dup',
                'Rejected',
                'Snapshots',
                'Findings',
              ],
              s.runs.map((r) => [
                r.id,
                r.command,
                r.status,
                r.startedAt,
                r.filesSeen,
                r.accepted,
                r.duplicate,
                r.rejected,
                r.snapshots,
                r.findings,
              ]),
            )
          : '  (none yet)',
      )
      out.push(
        '',
        `Inbox: ${s.inbox.waiting} file(s) waiting${s.inbox.waiting ? `: ${s.inbox.files.join(', ')}` : ''}`,
      )
      out.push('', 'Rejected files (in rejected/, each with a .error.json):')
      out.push(
        s.rejected.length ? s.rejected.map((r) => `  ${r.storedAs}: ${r.message}`).join('\n') : '  (none)',
      )
      out.push('', 'Latest findings:')
      out.push(
        s.findings.length
          ? s.findings
              .slice(0, 10)
              .map((f) => `  [${f.severity}] ${f.message}`)
              .join('\n')
          : '  (none)',
      )
      out.push('', 'Snapshots per period:')
      out.push(
        s.periods.length
          ? renderTable(
              ['Period', 'Type', 'Latest reading', 'Snapshots'],
              s.periods.map((p) => [p.period, p.period_type, p.latestAsOf, p.snapshots]),
            )
          : '  (none yet)',
      )
      process.stdout.write(`${out.join('\n')}\n`)
      return EXIT.ok
    } finally {
      await app.close()
    }
  },
}
