/**
 * SQL (`/sql?q=`): read-only SQL over the documented views and tables, as `qd766 query` runs it,
 * with a time limit (config serve.sqlTimeoutMs, default 2 s; the query runs in a process that is
 * killed when it overruns) and a row cap for display; CSV and JSON downloads of the same query;
 * canned queries for the documented views.
 */
import { t } from '../../i18n/index.ts'
import { type Ctx, render } from '../context.ts'
import { type Html, html, num, qs } from '../html.ts'
import type { SqlResult } from '../sql-runner.ts'

/** Longest SQL text accepted (a query string, not a data upload). */
export const MAX_SQL_CHARS = 20_000

export const CANNED: Array<{ key: string; sql: string }> = [
  {
    key: 'latest',
    sql: 'SELECT rank, province_code, name, total, band, rank_change FROM v_latest_ranking ORDER BY rank',
  },
  {
    key: 'history',
    sql: 'SELECT period, as_of, province_code, name, rank, total FROM v_ranking_history ORDER BY as_of DESC, rank LIMIT 200',
  },
  { key: 'scores', sql: 'SELECT * FROM v_province_scores LIMIT 200' },
  { key: 'metrics', sql: 'SELECT * FROM v_portal_metric_scores LIMIT 200' },
  { key: 'units', sql: 'SELECT * FROM v_units ORDER BY province_code, level, name LIMIT 200' },
  { key: 'unit-facts', sql: 'SELECT * FROM v_unit_facts LIMIT 200' },
  {
    key: 'files',
    sql: 'SELECT file_name, kind, period, as_of, rows, accepted_at FROM source_files ORDER BY id DESC LIMIT 100',
  },
  {
    key: 'objects',
    sql: "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY type DESC, name",
  },
]

/** 2000 -> "2", 1500 -> "1,5" (seconds for people). */
const seconds = (ms: number) => num(ms / 1000, Number.isInteger(ms / 1000) ? 0 : 1)

/** A failed query as the person reads it (the same words on the page and in /api/sql's error). */
export function sqlFailure(r: Extract<SqlResult, { ok: false }>, timeoutMs: number): string {
  if (r.reason === 'refused') return r.message
  if (r.reason === 'timeout') return t('serve.sql.timeout', { seconds: seconds(timeoutMs) })
  return t('serve.sql.error', { message: r.message })
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Uint8Array) return t('serve.sql.blob', { n: v.length })
  return String(v)
}

export async function sqlPage(c: Ctx) {
  const deps = c.get('deps')
  const cfg = deps.app.config.serve
  const q = (c.req.query('q') ?? '').trim()
  let result: SqlResult | null = null
  let status: 200 | 400 = 200
  if (q.length > MAX_SQL_CHARS) {
    result = { ok: false, reason: 'error', message: t('serve.sql.too-long', { n: MAX_SQL_CHARS }) }
  } else if (q) {
    result = await deps.sql.run(q, { timeoutMs: cfg.sqlTimeoutMs, maxRows: cfg.sqlDisplayRows })
  }
  if (result && !result.ok) status = 400
  const body = html`<h1>${t('serve.sql.title')}</h1>
<p class="lead">${t('serve.sql.lead', { seconds: seconds(cfg.sqlTimeoutMs), rows: cfg.sqlDisplayRows })}</p>
<form method="get" action="/sql" id="sql-form">
<label>${t('serve.sql.label')}<textarea name="q" id="q" spellcheck="false" rows="6">${q}</textarea></label>
<p><button type="submit">${t('serve.sql.run')}</button> <span class="note">${t('serve.sql.shortcut')}</span></p>
</form>
${result ? resultBlock(q, result, cfg.sqlTimeoutMs) : ''}
<h2>${t('serve.sql.canned')}</h2>
<ul class="plain" id="canned">${CANNED.map((x) => html`<li><a href="/sql${qs({ q: x.sql })}">${t(`serve.sql.canned.${x.key}` as 'serve.sql.canned.latest')}</a> — <code>${x.sql}</code></li>`)}</ul>`
  const res = await render(c, { title: t('serve.sql.title'), active: 'sql' }, body)
  return status === 200 ? res : new Response(res.body, { status, headers: res.headers })
}

function resultBlock(q: string, r: SqlResult, timeoutMs: number): Html {
  if (!r.ok) return html`<p class="error-box" role="alert" id="sql-error">${sqlFailure(r, timeoutMs)}</p>`
  return html`<p class="note" id="sql-count" role="status">${r.truncated ? t('serve.sql.truncated', { n: r.rows.length }) : t('serve.sql.count', { n: r.rows.length })}</p>
<ul class="downloads"><li><a href="/download/sql.csv${qs({ q })}" download>${t('serve.dl.csv')}</a></li><li><a href="/api/sql${qs({ q })}">${t('serve.dl.json')}</a></li></ul>
<div class="table-wrap"><table id="sql-result">
<thead><tr>${r.columns.map((col) => html`<th scope="col">${col}</th>`)}</tr></thead>
<tbody>${r.rows.map((row) => html`<tr>${r.columns.map((col) => html`<td>${cell(row[col])}</td>`)}</tr>`)}</tbody>
</table></div>`
}
