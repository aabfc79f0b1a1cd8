import { fmtInt } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'
import { getStatus } from '../../index.ts'
import { localTimeText } from '../../report/status.ts'
import { type CommandDef, EXIT } from '../args.ts'
import { readAppFor } from '../context.ts'
import { printJson, renderTable } from '../output.ts'

function duration(from: string, to: string): string {
  const s = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000))
  return s < 60
    ? `${s}s`
    : s < 3600
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${(s / 3600).toFixed(1)}h`
}

export const statusCommand: CommandDef = {
  name: 'status',
  summary: 'Last runs, files waiting in the inbox, rejected files, findings, latest snapshots.',
  usage: 'qd766 status [--json]',
  options: {},
  async run({ values }) {
    const app = readAppFor(values)
    try {
      const s = await getStatus(app)
      if (values.json) {
        printJson(s)
        return EXIT.ok
      }
      const tz = s.schedule.timezone
      const out: string[] = [
        `Home: ${s.home}`,
        `Ingested: ${s.ingested.files} file(s), ${s.ingested.rows} row(s)`,
        '',
      ]
      out.push('Needs attention:')
      out.push(s.attention.length ? s.attention.map((a) => `  ! ${a}`).join('\n') : '  nothing: all quiet')
      out.push(
        '',
        `Schedule: "${s.schedule.cron}" (${tz})` +
          (s.schedule.lastTick
            ? `; last tick ${localTimeText(s.schedule.lastTick, tz)}: ${
                s.schedule.lastTickRun
                  ? `run ${s.schedule.lastTickRun.id} ${s.schedule.lastTickRun.status}`
                  : 'no scheduled run'
              }`
            : '') +
          (s.schedule.nextTick ? `; next ${localTimeText(s.schedule.nextTick, tz)}` : ''),
      )
      out.push('', `Last runs (times in ${tz}):`)
      out.push(
        s.runs.length
          ? renderTable(
              [
                'Run',
                'Trigger',
                'Command',
                'Status',
                'Started',
                'Took',
                'Files',
                'OK',
                'Dup',
                'Rejected',
                'Snapshots',
                'Findings',
              ],
              s.runs.map((r) => [
                r.id,
                r.trigger,
                r.command,
                r.status,
                localTimeText(r.startedAt, tz),
                r.finishedAt && r.status !== 'missed' ? duration(r.startedAt, r.finishedAt) : '',
                r.filesSeen,
                r.accepted,
                r.duplicate,
                r.rejected,
                r.snapshots,
                r.findings,
              ]),
              ['r', 'l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
            )
          : '  (none yet)',
      )
      for (const r of s.runs.filter((r) => r.error)) out.push(`  run ${r.id}: ${r.error}`)
      out.push('', t('publish.status-title'), ...warehouseLines(s.warehouse, tz))
      out.push(
        '',
        `Inbox: ${s.inbox.waiting} file(s) waiting${s.inbox.waiting ? ` (oldest ${s.inbox.oldestHours} h): ${s.inbox.files.join(', ')}` : ''}`,
      )
      for (const e of s.inbox.entries.filter((e) => e.reason)) out.push(`  ${e.name}: ${e.reason}`)
      for (const n of s.inbox.workNotes) out.push(`  work/${n.name}: ${n.reason}`)
      if (s.inbox.inWork.length)
        out.push(`In work/ (claimed by a run, taken first by the next one): ${s.inbox.inWork.join(', ')}`)
      out.push('', 'Rejected files (in rejected/, each with a .error.json):')
      out.push(
        s.rejected.length
          ? s.rejected
              .map(
                (r) =>
                  `  ${r.storedAs} (${t('withdraw.status-rejected-at', { at: localTimeText(r.at, tz) })}${
                    r.resolvedBy
                      ? `; ${t('withdraw.status-resolved', { by: r.resolvedBy.file, at: localTimeText(r.resolvedBy.at, tz) })}`
                      : ''
                  }): ${r.message}`,
              )
              .join('\n')
          : '  (none)',
      )
      if (s.withdrawn.length) {
        out.push('', t('withdraw.status-withdrawn-title'))
        for (const w of s.withdrawn)
          out.push(
            t('withdraw.status-withdrawn', {
              name: `${w.file} (${w.sha256.slice(0, 12)})`,
              at: localTimeText(w.withdrawnAt, tz),
              by: w.withdrawnBy ?? '?',
              reason: w.reason ?? '',
            }),
          )
      }
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
              ['Period', 'Type', 'Latest reading', 'Age (days)', 'Snapshots'],
              s.periods.map((p) => [p.period, p.period_type, p.latestAsOf, p.ageDays, p.snapshots]),
              ['l', 'l', 'l', 'r', 'r'],
            )
          : '  (none yet)',
      )
      out.push('', 'Freshness of every input (newest reading per kind and period):')
      out.push(
        s.freshness.length
          ? renderTable(
              ['Kind', 'Period', 'Latest reading', 'Age (days)', 'Files'],
              s.freshness.map((f) => [f.kind, f.period, f.latestAsOf, f.ageDays, f.files]),
              ['l', 'l', 'l', 'r', 'r'],
            )
          : '  (nothing ingested yet)',
      )
      process.stdout.write(`${out.join('\n')}\n`)
      return EXIT.ok
    } finally {
      await app.close()
    }
  },
}

function warehouseLines(w: Awaited<ReturnType<typeof getStatus>>['warehouse'], tz: string): string[] {
  if (!w) return [t('publish.status-none')]
  const target = w.target ?? ''
  const schema = w.schema ?? ''
  const at = w.lastPublishedAt ? localTimeText(w.lastPublishedAt, tz) : t('publish.status-never')
  const lines = [
    w.upToDate
      ? t('publish.status-up-to-date', { target, schema, at })
      : t('publish.status-behind', {
          target,
          schema,
          at,
          files: fmtInt(w.behind.files),
          snapshots: fmtInt(w.behind.snapshots),
          runs: fmtInt(w.behind.runs),
        }),
  ]
  if (w.lastError && w.lastAttemptAt)
    lines.push(
      t('publish.status-error', { at: localTimeText(w.lastAttemptAt, tz), message: w.lastError.message }),
    )
  return lines
}
