import { existsSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join, sep } from 'node:path'
import { t } from '../../i18n/index.ts'
import { gatherLeadershipReport } from '../../index.ts'
import { headline, reportFileStem } from '../../report/leadership/data.ts'
import { renderLeadershipHtml } from '../../report/leadership/html.ts'
import { defineCommand, EXIT, periodOptions, UsageError } from '../args.ts'
import { readAppFor } from '../context.ts'
import { printJson } from '../output.ts'

type Target = { kind: 'xlsx' | 'html'; path: string } | { kind: 'dir'; path: string }

/** FILE.xlsx, FILE.html (or .htm), or a directory (existing, or written with a trailing slash). */
export function parseTarget(out: string): Target {
  const isDir = out.endsWith('/') || out.endsWith(sep) || (existsSync(out) && statSync(out).isDirectory())
  if (isDir) return { kind: 'dir', path: out }
  const ext = extname(out).toLowerCase()
  if (ext === '.xlsx') return { kind: 'xlsx', path: out }
  if (ext === '.html' || ext === '.htm') return { kind: 'html', path: out }
  throw new UsageError(t('report.bad-out', { out }))
}

/** Written beside the target and renamed into place: a reader never sees half a report. */
async function atomically(path: string, write: (tmp: string) => Promise<void> | void): Promise<void> {
  mkdirSync(dirname(path) || '.', { recursive: true })
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  try {
    await write(tmp)
    renameSync(tmp, path)
  } catch (err) {
    if (existsSync(tmp)) unlinkSync(tmp)
    throw err
  }
}

export const reportCommand = defineCommand({
  name: 'report',
  summary: () => t('report.summary'),
  usage:
    'qd766 report [--period P] [--as-of DATE] [--province NAME|CODE] --out FILE.xlsx|FILE.html|DIR [--out ...]',
  options: {
    period: { type: 'string' },
    'as-of': { type: 'string' },
    province: { type: 'string', short: 'p' },
    out: { type: 'string', short: 'o', multiple: true },
  },
  details: () => t('report.details'),
  async run({ values }) {
    const outs = values.out ?? []
    if (outs.length === 0) throw new UsageError(t('report.no-out'))
    const targets = outs.map(parseTarget)
    const { period, asOf } = periodOptions(values)
    const app = readAppFor(values)
    try {
      const province = values.province ?? app.config.province
      if (!province) {
        throw new UsageError(t('report.no-province'))
      }
      const report = app.read(() =>
        gatherLeadershipReport(app.store, app.registry, {
          province,
          period,
          asOf,
          timezone: app.config.schedule.timezone,
        }),
      )
      const files: Array<{ format: 'xlsx' | 'html'; path: string }> = []
      for (const t of targets) {
        if (t.kind === 'dir') {
          const stem = reportFileStem(report)
          files.push({ format: 'xlsx', path: join(t.path, `${stem}.xlsx`) })
          files.push({ format: 'html', path: join(t.path, `${stem}.html`) })
        } else files.push({ format: t.kind, path: t.path })
      }
      let html: string | null = null
      for (const f of files) {
        if (f.format === 'html') {
          html ??= renderLeadershipHtml(report)
          const text = html
          await atomically(f.path, (tmp) => writeFileSync(tmp, text, 'utf8'))
        } else {
          // exceljs is heavy to load: only when a workbook is asked for
          const { writeLeadershipXlsx } = await import('../../report/leadership/xlsx.ts')
          await atomically(f.path, (tmp) => writeLeadershipXlsx(tmp, report))
        }
        if (!values.quiet && !values.json) process.stderr.write(`${t('cli.wrote', { path: f.path })}\n`)
      }
      const p = report.province
      if (values.json) {
        printJson({
          province: { code: p.code, name: p.name },
          period: p.period,
          asOf: p.asOf,
          snapshotId: p.snapshotId,
          rank: p.rank,
          cohort: p.cohortSize,
          total: p.total,
          rankChange: p.rankChange,
          headline: headline(report),
          files,
        })
      } else if (!values.quiet) {
        process.stdout.write(`${headline(report)}\n`)
      }
      return EXIT.ok
    } finally {
      await app.close()
    }
  },
})
