/**
 * Downloads under /download/…, generated in memory on request (no temporary files): the ranking as
 * CSV (Excel's flavour, the CLI's columns) and xlsx, the leadership workbook and HTML report for any
 * province and reading, a SQL result as CSV, and a rejected file's error report.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { NotFoundError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import { gatherLeadershipReport, reportFileStem } from '../report/leadership/data.ts'
import { renderLeadershipHtml } from '../report/leadership/html.ts'
import { getRanking, type Ranking } from '../report/ranking.ts'
import { rankingTable } from '../report/ranking-table.ts'
import { excelCsv } from '../report/text-formats.ts'
import { BadRequest, type Ctx, type Env, readingQuery } from './context.ts'
import { MAX_SQL_CHARS, sqlFailure } from './pages/sql.ts'

function attachment(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

function send(c: Ctx, body: string | Uint8Array, type: string, name: string) {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'Content-Type': type,
    'Content-Disposition': attachment(name),
  })
}

function rankingStem(r: Ranking): string {
  return `xep-hang-${r.period}${r.asOf ? `-${r.asOf}` : ''}${r.by !== 'total' ? `-${r.by}` : ''}`
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function registerDownloads(app: Hono<Env>): void {
  const ranking = (c: Ctx) => {
    const deps = c.get('deps')
    const { period, asOf } = readingQuery(c)
    const by = c.req.query('by') || undefined
    return deps.app.read(() => getRanking(deps.app.store, { period, asOf, by }))
  }

  app.get('/download/ranking.csv', (c) => {
    const r = ranking(c)
    const { headers, rows } = rankingTable(r)
    return send(c, excelCsv(headers, rows), 'text/csv; charset=utf-8', `${rankingStem(r)}.csv`)
  })

  app.get('/download/ranking.xlsx', async (c) => {
    const r = ranking(c)
    const { rankingXlsxBuffer } = await import('../report/ranking-xlsx.ts')
    return send(c, await rankingXlsxBuffer(r), XLSX, `${rankingStem(r)}.xlsx`)
  })

  const leadership = (c: Ctx) => {
    const deps = c.get('deps')
    const { period, asOf } = readingQuery(c)
    const province = c.req.query('province') || deps.app.config.province
    if (!province) throw new BadRequest(t('serve.dl.need-province'))
    return deps.app.read(() =>
      gatherLeadershipReport(deps.app.store, deps.app.registry, {
        province,
        period,
        asOf,
        timezone: deps.app.config.schedule.timezone,
      }),
    )
  }

  app.get('/download/report.xlsx', async (c) => {
    const report = leadership(c)
    const { leadershipXlsxBuffer } = await import('../report/leadership/xlsx.ts')
    return send(c, await leadershipXlsxBuffer(report), XLSX, `${reportFileStem(report)}.xlsx`)
  })

  app.get('/download/report.html', (c) => {
    const report = leadership(c)
    return send(c, renderLeadershipHtml(report), 'text/html; charset=utf-8', `${reportFileStem(report)}.html`)
  })

  app.get('/download/sql.csv', async (c) => {
    const deps = c.get('deps')
    const q = (c.req.query('q') ?? '').trim()
    if (!q || q.length > MAX_SQL_CHARS) throw new BadRequest(t('serve.sql.too-long', { n: MAX_SQL_CHARS }))
    const cfg = deps.app.config.serve
    const r = await deps.sql.run(q, { timeoutMs: cfg.sqlTimeoutMs, maxRows: cfg.sqlMaxRows })
    if (!r.ok) throw new BadRequest(sqlFailure(r, cfg.sqlTimeoutMs))
    const rows = r.rows.map((row) =>
      r.columns.map((col) => {
        const v = row[col]
        return v === null || v === undefined ? null : typeof v === 'number' ? v : String(v)
      }),
    )
    return send(c, excelCsv(r.columns, rows), 'text/csv; charset=utf-8', 'truy-van.csv')
  })

  // A rejected file's error report: only a plain name inside rejected/, never a path.
  app.get('/download/rejected/:name', (c) => {
    const deps = c.get('deps')
    const name = c.req.param('name')
    if (!/^[^/\\]+\.error\.json$/.test(name) || name.startsWith('.') || name.includes('..'))
      throw new NotFoundError(t('serve.not-found'))
    const path = join(deps.app.home.rejected, name)
    if (!existsSync(path) || !statSync(path).isFile()) throw new NotFoundError(t('serve.not-found'))
    return send(c, readFileSync(path), 'application/json; charset=utf-8', name)
  })
}
