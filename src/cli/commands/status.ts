import { fmtDate, fmtDuration, fmtInt, fmtNumber } from '../../i18n/format.ts'
import { t, textOf } from '../../i18n/index.ts'
import { kindName, periodName, severityName } from '../../i18n/terms.ts'
import { getStatus } from '../../index.ts'
import { localTimeText } from '../../report/status.ts'
import { defineCommand, EXIT } from '../args.ts'
import { readAppFor } from '../context.ts'
import { printJson, renderTable, TERMINAL_WIDTH, wrap } from '../output.ts'

/** A run status, trigger or period type in the current language; the code itself when unknown. */
function termOf(prefix: string, code: string): string {
  return textOf(`${prefix}.${code}`) ?? code
}

function duration(from: string, to: string): string {
  return fmtDuration(Date.parse(to) - Date.parse(from))
}

export const statusCommand = defineCommand({
  name: 'status',
  summary: () => t('status.summary'),
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
      const term = (prefix: string, code: string) => termOf(prefix, code)
      const out: string[] = [
        t('status.home', { home: s.home }),
        t('status.ingested', { files: fmtInt(s.ingested.files), rows: fmtInt(s.ingested.rows) }),
        '',
      ]
      out.push(t('status.attention'))
      out.push(
        s.attention.length
          ? s.attention.map((a) => wrap(`! ${a}`, TERMINAL_WIDTH, '  ')).join('\n')
          : t('status.quiet'),
      )
      out.push(
        '',
        wrap(
          t('status.schedule', { cron: s.schedule.cron, tz }) +
            (s.schedule.lastTick
              ? t('status.last-tick', {
                  at: localTimeText(s.schedule.lastTick, tz),
                  what: s.schedule.lastTickRun
                    ? t('status.tick-run', {
                        id: s.schedule.lastTickRun.id,
                        status: term('term.run', s.schedule.lastTickRun.status),
                      })
                    : t('status.no-tick-run'),
                })
              : '') +
            (s.schedule.nextTick
              ? t('status.next-tick', { at: localTimeText(s.schedule.nextTick, tz) })
              : ''),
        ),
      )
      out.push('', t('status.runs', { tz }))
      out.push(
        s.runs.length
          ? renderTable(
              [
                t('status.h.run'),
                t('status.h.trigger'),
                t('status.h.command'),
                t('status.h.status'),
                t('status.h.started'),
                t('status.h.took'),
                t('status.h.files'),
                t('status.h.ok'),
                t('status.h.dup'),
                t('status.h.rejected'),
                t('status.h.snapshots'),
                t('status.h.findings'),
              ],
              s.runs.map((r) => [
                r.id,
                term('term.trigger', r.trigger),
                r.command,
                term('term.run', r.status),
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
              { shrink: 3, minWidth: 8 },
            )
          : t('status.none-yet'),
      )
      for (const r of s.runs)
        if (r.error) out.push(wrap(t('status.run-error', { id: r.id, error: r.error }), TERMINAL_WIDTH, '  '))
      out.push('', t('publish.status-title'), ...warehouseLines(s.warehouse, tz))
      out.push(
        '',
        wrap(
          t('status.inbox', {
            n: s.inbox.waiting,
            hours: fmtNumber(s.inbox.oldestHours ?? 0, 1),
            files: s.inbox.files.join(', '),
          }),
        ),
      )
      for (const e of s.inbox.entries.filter((e) => e.reason)) out.push(`  ${e.name}: ${e.reason}`)
      for (const n of s.inbox.workNotes) out.push(`  work/${n.name}: ${n.reason}`)
      if (s.inbox.inWork.length) out.push(wrap(t('status.in-work', { files: s.inbox.inWork.join(', ') })))
      out.push('', t('status.rejected'))
      out.push(
        s.rejected.length
          ? s.rejected
              .map(
                (r) =>
                  `  ${wrap(
                    `${r.storedAs} (${t('withdraw.status-rejected-at', { at: localTimeText(r.at, tz) })}${
                      r.resolvedBy
                        ? `; ${t('withdraw.status-resolved', { by: r.resolvedBy.file, at: localTimeText(r.resolvedBy.at, tz) })}`
                        : ''
                    }): ${r.message}`,
                    TERMINAL_WIDTH,
                    '    ',
                  ).trimStart()}`,
              )
              .join('\n')
          : `  ${t('common.none')}`,
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
      out.push('', t('status.findings'))
      out.push(
        s.findings.length
          ? s.findings
              .slice(0, 10)
              .map((f) => wrap(`[${severityName(f.severity)}] ${f.message}`, TERMINAL_WIDTH, '  '))
              .join('\n')
          : `  ${t('common.none')}`,
      )
      out.push('', t('status.periods'))
      out.push(
        s.periods.length
          ? renderTable(
              [
                t('status.h.period'),
                t('status.h.type'),
                t('status.h.latest'),
                t('status.h.age'),
                t('status.h.snapshots'),
              ],
              s.periods.map((p) => [
                periodName(p.period),
                term('term.period-type', p.period_type),
                fmtDate(p.latestAsOf),
                p.ageDays,
                p.snapshots,
              ]),
              ['l', 'l', 'l', 'r', 'r'],
            )
          : t('status.none-yet'),
      )
      out.push('', t('status.freshness'))
      out.push(
        s.freshness.length
          ? renderTable(
              [
                t('status.h.kind'),
                t('status.h.period'),
                t('status.h.latest'),
                t('status.h.age'),
                t('status.h.files'),
              ],
              s.freshness.map((f) => [
                kindName(f.kind),
                periodName(f.period),
                fmtDate(f.latestAsOf),
                f.ageDays,
                f.files,
              ]),
              ['l', 'l', 'l', 'r', 'r'],
            )
          : t('status.nothing-yet'),
      )
      process.stdout.write(`${out.join('\n')}\n`)
      return EXIT.ok
    } finally {
      await app.close()
    }
  },
})

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
