/**
 * Tỉnh (`/province/<code>`): one province's groups (score / max / points lost / rank), its metrics
 * (the portal's score beside the computed one, sorted by the points at stake, estimates labelled),
 * findings, history, and a what-if form that runs the same engine as `province --what-if`.
 */

import { errorMessage } from '../../errors.ts'
import { t } from '../../i18n/index.ts'
import { parseWhatIf } from '../../report/portal-detail.ts'
import { getProvinceReport, type ProvinceReport } from '../../report/province.ts'
import type { WhatIfChange } from '../../score/compute.ts'
import { BadRequest, type Ctx, readingQuery, render } from '../context.ts'
import { date, type Html, html, num, periodLabel, qs, rankChange, readingLabel } from '../html.ts'
import { bandClass } from '../layout.ts'
import { historyChart } from './ranking.ts'

/** `whatIf=METRIC:RATIO` values (repeatable) -> engine changes; bad syntax is the user's to fix. */
export function whatIfsFromQuery(values: string[]): WhatIfChange[] {
  return values
    .filter((v) => v.trim() !== '')
    .map((v) => {
      const at = v.indexOf(':')
      if (at < 1) throw new BadRequest(t('serve.whatif.bad', { value: v }))
      try {
        return parseWhatIf(`${v.slice(0, at)}=${v.slice(at + 1).replace(',', '.')}`)
      } catch (err) {
        throw new BadRequest(errorMessage(err))
      }
    })
}

/** The form's metric/percent pairs as canonical `whatIf` values ("3.3:55%"). */
export function whatIfsFromForm(metrics: string[], ratios: string[]): string[] {
  const out: string[] = []
  metrics.forEach((m, i) => {
    const r = (ratios[i] ?? '').trim().replace(',', '.').replace(/%$/, '')
    if (m && r) out.push(`${m}:${r}%`)
  })
  return out
}

export function provincePage(c: Ctx) {
  const deps = c.get('deps')
  const code = c.req.param('code') ?? ''
  const { period, asOf } = readingQuery(c)
  const formMetrics = c.req.queries('wm') ?? []
  if (formMetrics.length > 0) {
    // The form's pairs become the documented query (bookmarkable, same as the API's).
    const whatIf = whatIfsFromForm(formMetrics, c.req.queries('wr') ?? [])
    return c.redirect(`/province/${encodeURIComponent(code)}${qs({ period, asOf, whatIf })}#what-if`, 303)
  }
  const rawWhatIf = c.req.queries('whatIf') ?? []
  const whatIf = whatIfsFromQuery(rawWhatIf)
  const r = deps.app.read(() =>
    getProvinceReport(deps.app.store, deps.app.registry, code, { period, asOf, whatIf }),
  )
  const keep = { period: r.period, asOf: r.asOf }
  const body = html`
<h1>${r.name}</h1>
<p class="lead">${readingLabel(r.period, r.asOf)}${r.snapshotId === null ? html` · ${t('serve.province.no-snapshot')}` : ''}</p>
<div class="cards">
<div class="card">${t('serve.total')}<b>${num(r.total)}<small>/100</small></b>${r.band ? html`<span class="band ${bandClass(r.band, deps.app.config.bands)}">${r.band}</span>` : ''}</div>
<div class="card">${t('serve.col.rank')}<b>${r.rank ?? '–'}<small>/${r.cohortSize}</small></b>${rankChange(r.rankChange)}</div>
${r.computedTotal !== null ? html`<div class="card">${t('serve.computed-total')}<b>${num(r.computedTotal)}</b></div>` : ''}
</div>
<p class="no-print"><a href="/units/${r.code}${qs({ period: r.period })}">${t('serve.province.to-units')}</a></p>
${groupsTable(r)}
${metricsTable(r)}
${whatIfSection(r, rawWhatIf)}
${findingsList(r)}
${historySection(r)}
<h2>${t('serve.downloads')}</h2>
<ul class="downloads">
<li><a href="/download/report.xlsx${qs({ ...keep, province: r.code })}" download>${t('serve.dl.report-xlsx')}</a></li>
<li><a href="/download/report.html${qs({ ...keep, province: r.code })}" download>${t('serve.dl.report-html')}</a></li>
<li><a href="/api/province/${r.code}${qs({ ...keep, whatIf: rawWhatIf })}">${t('serve.dl.json')}</a></li>
</ul>`
  return render(c, { title: r.name, active: 'province', cohort: r.cohort }, body)
}

function groupsTable(r: ProvinceReport): Html {
  const portal = r.groups.some((g) => g.reportedScore !== null || g.computedScore !== null)
  return html`<h2 id="groups">${t('serve.province.groups')}</h2>
<div class="table-wrap"><table id="group-table">
<thead><tr><th scope="col">${t('serve.col.group')}</th><th class="n" scope="col">${t('serve.col.score')}</th><th class="n" scope="col">${t('serve.col.max')}</th><th class="n" scope="col">${t('serve.col.lost')}</th><th class="n" scope="col">${t('serve.col.group-rank')}</th>
${portal ? html`<th class="n" scope="col">${t('serve.col.reported')}</th><th class="n" scope="col">${t('serve.col.computed')}</th>` : ''}</tr></thead>
<tbody>${r.groups.map(
    (
      g,
    ) => html`<tr><td>${g.code} · ${g.name}${g.estimate ? html` <span class="est">${t('serve.estimate')}</span>` : ''}</td>
<td class="n">${num(g.score)}</td><td class="n">${num(g.maxScore, 0)}</td><td class="n">${num(g.pointsLost)}</td><td class="n">${g.rank ?? '–'}</td>
${portal ? html`<td class="n">${num(g.reportedScore)}</td><td class="n">${num(g.computedScore)}</td>` : ''}</tr>`,
  )}</tbody></table></div>`
}

function metricsTable(r: ProvinceReport): Html {
  if (r.metrics.length === 0)
    return html`<h2 id="metrics">${t('serve.province.metrics')}</h2><p class="note">${t('serve.province.no-metrics')}</p>`
  const p = r.portal
  return html`<h2 id="metrics">${t('serve.province.metrics')}</h2>
${p ? html`<p class="note">${t('serve.province.metrics-source', { reading: readingLabel(p.period, p.asOf), methodology: p.methodologyVersion, source: p.source })}</p>` : ''}
<div class="table-wrap"><table id="metric-table">
<thead><tr><th scope="col">${t('serve.col.group')}</th><th scope="col">${t('serve.col.metric')}</th><th class="n" scope="col">${t('serve.col.numerator')}</th><th class="n" scope="col">${t('serve.col.denominator')}</th><th class="n" scope="col">${t('serve.col.ratio')}</th><th class="n" scope="col">${t('serve.col.reported')}</th><th class="n" scope="col">${t('serve.col.computed')}</th><th class="n" scope="col">${t('serve.col.max')}</th><th class="n" scope="col">${t('serve.col.lost')}</th><th class="n" scope="col">${t('serve.col.rank')}</th></tr></thead>
<tbody>${r.metrics.map(
    (
      m,
    ) => html`<tr data-metric="${m.code}"><td>${m.group}</td><td><code>${m.code}</code> ${m.name}${m.estimate ? html` <span class="est">${t('serve.estimate')}</span>` : ''}</td>
<td class="n">${num(m.numerator, 0)}</td><td class="n">${num(m.denominator, 0)}</td><td class="n">${num(m.ratio)}</td>
<td class="n">${num(m.reportedScore)}</td><td class="n">${num(m.computedScore)}</td><td class="n">${num(m.maxScore, 0)}</td><td class="n">${num(m.pointsLost)}</td>
<td class="n">${m.rank === null ? '–' : `${m.rank}/${m.rankOf}`}</td></tr>`,
  )}</tbody></table></div>
<p class="note">${t('serve.province.metrics-note')}</p>`
}

function whatIfSection(r: ProvinceReport, current: string[]): Html {
  if (r.metrics.length === 0) return html``
  const rows = [...current.map((v) => v.split(':')), ['', '']].slice(0, 4)
  const w = r.whatIf
  return html`<h2 id="what-if">${t('serve.whatif.title')}</h2>
<p class="note">${t('serve.whatif.help')}</p>
<form class="whatif" method="get" action="/province/${r.code}">
<input type="hidden" name="period" value="${r.period}">
${r.asOf ? html`<input type="hidden" name="asOf" value="${r.asOf}">` : ''}
${rows.map(
  ([metric, ratio], i) => html`<div class="whatif-row">
<label>${t('serve.whatif.metric')}
<select name="wm" id="wm-${i}"><option value="">—</option>
${r.metrics.map((m) => html`<option value="${m.code}"${m.code === metric ? html` selected` : ''}>${m.code} · ${m.name}</option>`)}
</select></label>
<label>${t('serve.whatif.ratio')}<input name="wr" id="wr-${i}" inputmode="decimal" size="8" value="${(ratio ?? '').replace(/%$/, '')}"></label>
</div>`,
)}
<button type="submit">${t('serve.whatif.run')}</button>
</form>
${
  w
    ? html`<div class="ok-box" id="what-if-result" role="status">
<p><b>${t('serve.whatif.result', { before: num(w.before.total), after: num(w.after.total), gained: num(w.after.pointsGained) })}</b></p>
<p>${t('serve.whatif.rank', { before: w.before.rank ?? '–', after: w.after.rank ?? '–', of: w.ranked ?? r.cohortSize })}</p>
<ul class="plain">${w.steps.map((s) => html`<li><code>${s.metric}</code>: ${t('serve.whatif.step', { ratio: num(s.ratio), before: num(s.before.metricScore), after: num(s.after.metricScore) })}${s.note ? html` — ${s.note}` : ''}</li>`)}</ul>
${w.note ? html`<p class="note">${w.note}</p>` : ''}
</div>`
    : ''
}`
}

function findingsList(r: ProvinceReport): Html {
  if (r.findings.length === 0) return html``
  return html`<h2 id="findings">${t('serve.findings', { n: r.findings.length })}</h2>
<ul class="plain">${r.findings.map((f) => html`<li>[${f.severity}] ${f.message}</li>`)}</ul>`
}

function historySection(r: ProvinceReport): Html {
  if (r.history.length === 0) return html``
  return html`${historyChart(r.name, r.history, r.cohortSize)}
<div class="table-wrap"><table id="history-table">
<thead><tr><th scope="col">${t('serve.col.period')}</th><th scope="col">${t('serve.col.date')}</th><th class="n" scope="col">${t('serve.col.rank')}</th><th class="n" scope="col">${t('serve.col.total')}</th><th scope="col">${t('serve.col.source')}</th></tr></thead>
<tbody>${[...r.history]
    .reverse()
    .map(
      (h) =>
        html`<tr${h.snapshotId === r.snapshotId ? html` class="me" aria-current="true"` : ''}><td><a href="/province/${r.code}${qs({ period: h.period, asOf: h.asOf })}">${periodLabel(h.period)}</a></td><td>${date(h.asOf)}</td><td class="n">${h.rank ?? '–'}</td><td class="n">${num(h.total)}</td><td>${h.source}</td></tr>`,
    )}</tbody></table></div>`
}
