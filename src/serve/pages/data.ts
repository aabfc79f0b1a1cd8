/**
 * Dữ liệu (`/data`): what came in and what became of it. Every file (accepted, duplicate, rejected
 * with its reason and a link to its error report, withdrawn where the database records
 * withdrawals), the runs, the freshness of every period and input, the findings, and — when
 * uploads are enabled — the upload form.
 */
import type { FileEventsTable } from '../../db/schema.ts'
import { t } from '../../i18n/index.ts'
import type { Ctx, ServeDeps } from '../context.ts'
import { render } from '../context.ts'
import { date, type Html, html, periodLabel, qs } from '../html.ts'

interface FileRow {
  id: number
  fileName: string
  status: FileEventsTable['status']
  kind: string | null
  rows: number | null
  message: string | null
  storedAs: string | null
  at: string
  period: string | null
  asOf: string | null
  withdrawnAt: string | null
  withdrawnBy: string | null
  withdrawReason: string | null
}

/** Whether this database records withdrawals (a later migration adds the columns). */
function hasWithdrawals(deps: ServeDeps): boolean {
  const cols = deps.app.store.raw
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('source_files')`)
    .all()
  return cols.some((c) => c.name === 'withdrawn_at')
}

export function fileRows(deps: ServeDeps, limit = 300): FileRow[] {
  const withdrawn = hasWithdrawals(deps)
  const sql = `SELECT e.id, e.file_name AS fileName, e.status, COALESCE(e.kind, sf.kind) AS kind, e.rows, e.message,
      e.stored_as AS storedAs, e.at, sf.period, sf.as_of AS asOf,
      ${withdrawn ? 'sf.withdrawn_at AS withdrawnAt, sf.withdrawn_by AS withdrawnBy, sf.withdraw_reason AS withdrawReason' : 'NULL AS withdrawnAt, NULL AS withdrawnBy, NULL AS withdrawReason'}
    FROM file_events e LEFT JOIN source_files sf ON sf.sha256 = e.sha256 AND e.status = 'accepted'
    ORDER BY e.id DESC LIMIT ?`
  return deps.app.store.raw.prepare<[number], FileRow>(sql).all(limit)
}

/** The name of a rejected file's error report in rejected/, when the event points at one. */
export function errorReportName(storedAs: string | null): string | null {
  if (!storedAs) return null
  const base = storedAs.split(/[\\/]/).pop() ?? ''
  return base ? `${base}.error.json` : null
}

function statusLabel(f: FileRow): Html {
  if (f.withdrawnAt) return html`<span class="band band-3">${t('serve.file.withdrawn')}</span>`
  const cls = f.status === 'accepted' ? 'band-1' : f.status === 'duplicate' ? 'band-none' : 'band-4'
  return html`<span class="band ${cls}">${t(`serve.file.${f.status}`)}</span>`
}

export async function dataPage(c: Ctx) {
  const deps = c.get('deps')
  // Status reads the inbox folder too, so it runs on its own (both cached: src/serve/status-cache.ts).
  const s = await deps.status.get({ runs: 20 })
  // The file table, rendered once per database change (300 rows; from one read transaction).
  const fileTable = deps.app.read(() => deps.memo.get('data:file-table', () => fileTableHtml(fileRows(deps))))
  const uploaded = Number(c.req.query('uploaded') ?? 0) || 0
  const refresh = c.req.query('refresh')
  const body = html`<h1>${t('serve.data.title')}</h1>
<p class="lead">${t('serve.data.lead', { files: s.ingested.files, rows: s.ingested.rows })}</p>
${uploaded ? html`<p class="ok-box" role="status" id="upload-done">${t('serve.upload.done', { n: uploaded })}${refresh === 'started' ? html` ${t('serve.upload.refresh-started')}` : refresh === 'busy' ? html` ${t('serve.upload.refresh-busy')}` : ''}</p>` : ''}
${s.attention.length ? html`<div class="error-box"><p><b>${t('serve.data.attention')}</b></p><ul class="plain">${s.attention.map((a) => html`<li>${a}</li>`)}</ul></div>` : ''}
${deps.app.config.serve.uploads ? uploadForm(deps.csrf.tokenFor(c), deps.triggerRefresh !== null) : ''}
<h2 id="files">${t('serve.data.files')}</h2>
${fileTable}
<h2 id="runs">${t('serve.data.runs')}</h2>
<div class="table-wrap"><table id="run-table">
<thead><tr><th class="n" scope="col">#</th><th scope="col">${t('serve.col.command')}</th><th scope="col">${t('serve.col.status')}</th><th scope="col">${t('serve.col.when')}</th><th class="n" scope="col">${t('serve.col.files')}</th><th class="n" scope="col">${t('serve.file.accepted')}</th><th class="n" scope="col">${t('serve.file.duplicate')}</th><th class="n" scope="col">${t('serve.file.rejected')}</th><th class="n" scope="col">${t('serve.col.snapshots')}</th></tr></thead>
<tbody>${s.runs.map(
    (r) =>
      html`<tr><td class="n">${r.id}</td><td>${r.command} (${r.trigger})</td><td>${r.status}${r.error ? html`<br><span class="note">${r.error}</span>` : ''}</td><td>${date(r.startedAt)} ${r.startedAt.slice(11, 16)}</td><td class="n">${r.filesSeen}</td><td class="n">${r.accepted}</td><td class="n">${r.duplicate}</td><td class="n">${r.rejected}</td><td class="n">${r.snapshots}</td></tr>`,
  )}</tbody></table></div>
<h2 id="freshness">${t('serve.data.freshness')}</h2>
<div class="table-wrap"><table id="freshness-table">
<thead><tr><th scope="col">${t('serve.col.period')}</th><th scope="col">${t('serve.col.kind')}</th><th scope="col">${t('serve.col.latest')}</th><th class="n" scope="col">${t('serve.col.age')}</th><th class="n" scope="col">${t('serve.col.files')}</th></tr></thead>
<tbody>${s.freshness.map(
    (f) =>
      html`<tr><td>${f.period ? periodLabel(f.period) : ''}</td><td>${f.kind}</td><td>${date(f.latestAsOf)}</td><td class="n">${f.ageDays ?? '–'}</td><td class="n">${f.files}</td></tr>`,
  )}</tbody></table></div>
<h2 id="snapshots">${t('serve.data.snapshots')}</h2>
<ul class="plain">${s.periods.map((p) => html`<li><a href="/${qs({ period: p.period })}">${periodLabel(p.period)}</a>: ${t('serve.data.period-line', { latest: date(p.latestAsOf), n: p.snapshots })}</li>`)}</ul>
<h2 id="findings">${t('serve.findings', { n: s.findings.length })}</h2>
${s.findings.length ? html`<ul class="plain">${s.findings.map((f) => html`<li>[${f.severity}] ${f.message}</li>`)}</ul>` : html`<p class="note">${t('serve.none')}</p>`}
${
  s.warehouse
    ? html`<h2 id="warehouse">${t('serve.data.warehouse')}</h2>
<p>${s.warehouse.target ?? ''}${s.warehouse.schema ? ` (${s.warehouse.schema})` : ''}: ${
        s.warehouse.upToDate
          ? t('serve.data.warehouse-ok', { when: date(s.warehouse.lastPublishedAt) })
          : t('serve.data.warehouse-behind', {
              files: s.warehouse.behind.files,
              snapshots: s.warehouse.behind.snapshots,
              when: date(s.warehouse.lastPublishedAt),
            })
      }${s.warehouse.lastError ? html`<br><span class="note">${s.warehouse.lastError}</span>` : ''}</p>`
    : ''
}
<h2>${t('serve.data.inbox')}</h2>
<p>${t('serve.data.inbox-line', { n: s.inbox.waiting })}${s.inbox.files.length ? html`: ${s.inbox.files.join(', ')}` : ''}</p>
<ul class="downloads"><li><a href="/api/status">${t('serve.dl.json')}</a></li></ul>`
  return render(c, { title: t('serve.data.title'), active: 'data' }, body)
}

function fileTableHtml(files: FileRow[]): Html {
  return html`<div class="table-wrap"><table id="file-table">
<thead><tr><th scope="col">${t('serve.col.file')}</th><th scope="col">${t('serve.col.status')}</th><th scope="col">${t('serve.col.kind')}</th><th scope="col">${t('serve.col.period')}</th><th class="n" scope="col">${t('serve.col.rows-n')}</th><th scope="col">${t('serve.col.when')}</th><th scope="col">${t('serve.col.reason')}</th></tr></thead>
<tbody>${files.map((f) => {
    const report = f.status === 'rejected' ? errorReportName(f.storedAs) : null
    return html`<tr data-status="${f.withdrawnAt ? 'withdrawn' : f.status}"><td class="name">${f.fileName}</td><td>${statusLabel(f)}</td><td>${f.kind ?? ''}</td><td>${f.period ? periodLabel(f.period) : ''}${f.asOf ? html` · ${date(f.asOf)}` : ''}</td><td class="n">${f.rows ?? ''}</td><td>${date(f.at)}</td>
<td>${f.withdrawnAt ? t('serve.file.withdrawn-by', { who: f.withdrawnBy ?? '?', when: date(f.withdrawnAt), why: f.withdrawReason ?? '' }) : (f.message ?? '')}${report ? html` <a href="/download/rejected/${encodeURIComponent(report)}" download>${t('serve.data.error-report')}</a>` : ''}</td></tr>`
  })}</tbody></table></div>`
}

function uploadForm(csrf: string, canRefresh: boolean): Html {
  return html`<h2 id="upload">${t('serve.upload.title')}</h2>
<form method="post" action="/upload" enctype="multipart/form-data" class="inline">
<input type="hidden" name="csrf" value="${csrf}">
<label>${t('serve.upload.files')}<input type="file" name="file" multiple required></label>
${canRefresh ? html`<label class="check"><span><input type="checkbox" name="refresh" value="1"> ${t('serve.upload.refresh')}</span></label>` : ''}
<button type="submit">${t('serve.upload.send')}</button>
</form>
<p class="note">${t('serve.upload.note')}</p>`
}
