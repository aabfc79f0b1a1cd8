/**
 * The JSON API: each route returns exactly what the CLI prints with `--format json` / `--json` for
 * the same arguments — the same report function and the same serialisation (jsonText) — so a
 * script can move between `qd766 ranking --json` and `GET /api/ranking` without a difference.
 *
 *   /api/ranking?period&asOf&by          = qd766 ranking [--period] [--as-of] [--by GROUP|METRIC] --format json
 *   /api/province/<code>?period&asOf&whatIf=M:R = qd766 province <code> [...] [--what-if M=R] --format json
 *   /api/province/<code>?units=1         = qd766 province <code> --units --format json
 *   /api/units/<code>?period&level       = qd766 units <code> [--period] [--level] --format json
 *   /api/status                          = qd766 status --json
 *   /api/sql?q=                          = qd766 query "<q>" --format json (up to serve.sqlMaxRows rows)
 */
import type { Hono } from 'hono'
import { getMetricRanking, metricByCode, metricRankingJson } from '../report/metric-ranking.ts'
import { getProvinceReport } from '../report/province.ts'
import { getProvinceWithUnits, provinceWithUnitsJson } from '../report/province-units.ts'
import { getRanking, rankingJson } from '../report/ranking.ts'
import { jsonText } from '../report/text-formats.ts'
import { getUnitsReport } from '../report/units.ts'
import { BadRequest, type Ctx, type Env, readingQuery } from './context.ts'
import { whatIfsFromQuery } from './pages/province.ts'
import { MAX_SQL_CHARS, sqlFailure } from './pages/sql.ts'

/** Group codes (and the five-group DVCTT) rank the snapshot, as in `qd766 ranking --by`. */
const GROUP_OR_ONLINE = /^(ckmb|tdgq|clgq|tttt|mdhl|mdsh|dvctt|online22)$/i

export function jsonResponse(c: Ctx, value: unknown, status = 200, headers: Record<string, string> = {}) {
  return c.body(jsonText(value), status as 200, {
    'Content-Type': 'application/json; charset=utf-8',
    ...headers,
  })
}

export function registerApi(app: Hono<Env>): void {
  app.get('/api/ranking', (c) => {
    const deps = c.get('deps')
    const { period, asOf } = readingQuery(c)
    const by = c.req.query('by') || undefined
    const { store, registry, config } = deps.app
    // A metric code (3.3, DOSSIER_SYNC) is `ranking --by METRIC`; a group code or none, the snapshot's.
    const byMetric = by && metricByCode(by) && !GROUP_OR_ONLINE.test(by)
    return jsonResponse(
      c,
      deps.app.read(() =>
        byMetric
          ? metricRankingJson(getMetricRanking(store, registry, config, { period, asOf, by }))
          : rankingJson(getRanking(store, { period, asOf, by })),
      ),
    )
  })

  app.get('/api/province/:code', (c) => {
    const deps = c.get('deps')
    const { period, asOf } = readingQuery(c)
    const whatIf = whatIfsFromQuery(c.req.queries('whatIf') ?? [])
    const code = c.req.param('code')
    const { store, registry } = deps.app
    // ?units=1 is `province <code> --units --json`
    return jsonResponse(
      c,
      deps.app.read(() =>
        c.req.query('units')
          ? provinceWithUnitsJson(getProvinceWithUnits(store, registry, code, { period, asOf, whatIf }))
          : getProvinceReport(store, registry, code, { period, asOf, whatIf }),
      ),
    )
  })

  app.get('/api/units/:code', (c) => {
    const deps = c.get('deps')
    const { period } = readingQuery(c)
    const level = c.req.query('level') || undefined
    return jsonResponse(
      c,
      deps.app.read(() =>
        getUnitsReport(deps.app.store, deps.app.registry, c.req.param('code'), { period, level }),
      ),
    )
  })

  app.get('/api/status', async (c) => jsonResponse(c, await c.get('deps').status.get()))

  app.get('/api/sql', async (c) => {
    const deps = c.get('deps')
    const q = (c.req.query('q') ?? '').trim()
    if (!q) throw new BadRequest('q=')
    if (q.length > MAX_SQL_CHARS) throw new BadRequest(`q: > ${MAX_SQL_CHARS}`)
    const cfg = deps.app.config.serve
    const r = await deps.sql.run(q, { timeoutMs: cfg.sqlTimeoutMs, maxRows: cfg.sqlMaxRows })
    if (!r.ok)
      return jsonResponse(
        c,
        { error: { code: `sql-${r.reason}`, message: sqlFailure(r, cfg.sqlTimeoutMs) } },
        400,
      )
    return jsonResponse(c, r.rows, 200, r.truncated ? { 'X-QD766-Truncated': String(cfg.sqlMaxRows) } : {})
  })
}
