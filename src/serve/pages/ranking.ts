/**
 * Xếp hạng (`/`): the ranking of the chosen reading (picker of the readings that exist), ranked by
 * the total or by one group (the column headers are links: works without JavaScript), bands in
 * colour, rank-change arrows, the provinces missing from the reading, the office's own province
 * highlighted, and that province's rank over the readings.
 */

import { NotFoundError } from '../../errors.ts'
import { t } from '../../i18n/index.ts'
import { GROUPS, groupValueOf } from '../../reference/groups.ts'
import { getProvinceReport } from '../../report/province.ts'
import { getRanking, type Ranking } from '../../report/ranking.ts'
import { lineChart, niceTicks } from '../../report/svg/index.ts'
import { type Ctx, homeCodeIn, listReadings, type Reading, readingQuery, render } from '../context.ts'
import { date, type Html, html, num, qs, rankChange, readingLabel, trusted } from '../html.ts'
import { bandClass } from '../layout.ts'

/** Columns of the table: the six groups, or the five of a five-group reading (CLGQ+TTTT as /22). */
export function groupColumns(r: Ranking): Array<{ by: string; label: string; title: string; max: number }> {
  if (r.form === 'five')
    return [
      ...GROUPS.filter((g) => g.code === 'CKMB' || g.code === 'TDGQ'),
      { code: 'DVCTT', name: t('serve.group.online22'), max: 22 },
      ...GROUPS.filter((g) => g.code === 'MDHL' || g.code === 'MDSH'),
    ].map((g) => ({ by: g.code, label: g.code, title: g.name, max: g.max }))
  return GROUPS.map((g) => ({ by: g.code, label: g.code, title: g.name, max: g.max }))
}

function readingOption(x: Reading): string {
  return `${readingLabel(x.period, x.asOf)} — ${t('serve.ranked-of', { ranked: x.ranked, cohort: x.cohort })}${x.form === 'five' ? ` · ${t('serve.five-groups')}` : ''}`
}

export function rankingPage(c: Ctx) {
  const deps = c.get('deps')
  const { period, asOf } = readingQuery(c)
  const by = c.req.query('by') || undefined
  const { readings, r, chart } = deps.app.read(() => {
    const readings = listReadings(deps)
    if (readings.length === 0) return { readings, r: null, chart: null }
    const r = getRanking(deps.app.store, { period, asOf, by: by === 'total' ? undefined : by })
    const home = homeCodeIn(deps, r.cohort)
    let chart: {
      name: string
      points: Array<{ asOf: string | null; period: string; rank: number | null; total: number | null }>
    } | null = null
    if (home) {
      try {
        const p = getProvinceReport(deps.app.store, deps.app.registry, home, {
          period: r.period,
          asOf: r.asOf ?? undefined,
        })
        chart = { name: p.name, points: p.history }
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err
      }
    }
    return { readings, r, chart }
  })
  if (!r) {
    return render(
      c,
      { title: t('serve.ranking.title'), active: 'ranking' },
      html`<h1>${t('serve.ranking.title')}</h1><p class="error-box">${t('serve.ranking.none')}</p>`,
    )
  }
  const home = homeCodeIn(deps, r.cohort)
  const cols = groupColumns(r)
  const current = `${r.period}@${r.asOf ?? ''}`
  const keep = { period: r.period, asOf: r.asOf }
  const sortLink = (key: string, label: string, title: string) => {
    const active = (r.by === 'total' ? 'total' : r.by) === key
    return html`<a href="/${qs({ ...keep, by: key === 'total' ? null : key })}" title="${t('serve.sort-by', { what: title })}"${active ? html` aria-current="true"` : ''}>${label}${active ? ' ▾' : ''}</a>`
  }
  const value = (row: Ranking['rows'][number], key: string) =>
    key === 'DVCTT' ? row.online22 : groupValueOf(row.groups, key)
  const homeRow = home ? r.rows.find((x) => x.code === home) : undefined
  const body = html`
<h1>${t('serve.ranking.title')}</h1>
<p class="lead">${readingLabel(r.period, r.asOf)} · ${t('serve.ranked-of', { ranked: r.ranked, cohort: r.cohort })} · ${t('serve.source', { source: r.source })}${r.by !== 'total' ? html` · ${t('serve.ranked-by', { what: r.by })}` : ''}</p>
<form class="picker" method="get" action="/">
<label>${t('serve.pick-reading')}
<select name="reading" data-autosubmit>
${readings.map((x) => {
  const v = `${x.period}@${x.asOf ?? ''}`
  return html`<option value="${v}"${v === current ? html` selected` : ''}>${readingOption(x)}</option>`
})}
</select></label>
${r.by !== 'total' ? html`<input type="hidden" name="by" value="${r.by}">` : ''}
<button type="submit">${t('serve.show')}</button>
</form>
${
  homeRow
    ? html`<div class="cards" id="home-card">
<div class="card">${homeRow.name}<b>${t('serve.rank-n', { rank: homeRow.rank ?? '–', of: r.ranked })}</b>${rankChange(homeRow.rankChange)}</div>
<div class="card">${t('serve.total')}<b>${num(homeRow.total)}</b>${homeRow.band ? html`<span class="band ${bandClass(homeRow.band, deps.app.config.bands)}">${homeRow.band}</span>` : ''}</div>
</div>`
    : ''
}
<div class="table-wrap"><table id="ranking">
<caption class="note">${t('serve.ranking.caption')}</caption>
<thead><tr>
<th class="n" scope="col">${t('serve.col.rank')}</th>
<th scope="col"><span class="hide-narrow">${t('serve.col.change')}</span></th>
<th scope="col">${t('serve.col.province')}</th>
<th class="n" scope="col">${sortLink('total', t('serve.col.total'), t('serve.col.total'))}</th>
${cols.map((g) => html`<th class="n" scope="col">${sortLink(g.by, g.label, `${g.title} (${g.max})`)}</th>`)}
<th scope="col">${t('serve.col.band')}</th>
</tr></thead>
<tbody>
${r.rows.map(
  (row) => html`<tr data-code="${row.code}"${row.code === home ? html` class="me" aria-current="true"` : ''}>
<td class="n">${row.rank ?? '–'}</td>
<td>${rankChange(row.rankChange)}</td>
<td class="name"><a href="/province/${row.code}${qs(keep)}">${row.name}</a></td>
<td class="n total">${num(row.total)}</td>
${cols.map((g) => html`<td class="n">${num(value(row, g.by))}</td>`)}
<td>${row.band ? html`<span class="band ${bandClass(row.band, deps.app.config.bands)}">${row.band}</span>` : ''}</td>
</tr>`,
)}
</tbody></table></div>
${
  r.missing.length
    ? html`<h2 id="missing">${t('serve.missing', { n: r.missing.length })}</h2>
<p>${r.missing.map((m, i) => html`${i ? ', ' : ''}<a href="/province/${m.code}${qs(keep)}">${m.name}</a>`)}</p>`
    : ''
}
${chart ? historyChart(chart.name, chart.points, r.cohort) : ''}
<h2>${t('serve.downloads')}</h2>
<ul class="downloads">
<li><a href="/download/ranking.csv${qs({ ...keep, by: r.by === 'total' ? null : r.by })}" download>${t('serve.dl.ranking-csv')}</a></li>
<li><a href="/download/ranking.xlsx${qs({ ...keep, by: r.by === 'total' ? null : r.by })}" download>${t('serve.dl.ranking-xlsx')}</a></li>
${
  home
    ? html`<li><a href="/download/report.xlsx${qs({ ...keep, province: home })}" download>${t('serve.dl.report-xlsx')}</a></li>
<li><a href="/download/report.html${qs({ ...keep, province: home })}" download>${t('serve.dl.report-html')}</a></li>`
    : ''
}
<li><a href="/api/ranking${qs({ ...keep, by: r.by === 'total' ? null : r.by })}">${t('serve.dl.json')}</a></li>
</ul>`
  return render(c, { title: t('serve.ranking.title'), active: 'ranking', cohort: r.cohort }, body)
}

/** The province's rank over its readings, from the SVG kit (rank 1 at the top). */
export function historyChart(
  name: string,
  points: Array<{ asOf: string | null; period: string; rank: number | null; total: number | null }>,
  cohort: number,
): Html {
  if (points.length === 0) return html``
  const title = t('serve.history-chart', { name })
  const svg = lineChart({
    title,
    points: points.map((p) => ({
      label: date(p.asOf ?? null) === '–' ? p.period : date(p.asOf),
      value: p.rank,
      valueLabel: p.rank === null ? undefined : String(p.rank),
      title: `${readingLabel(p.period, p.asOf)}: ${t('serve.rank-n', { rank: p.rank ?? '–', of: cohort })}, ${num(p.total)}`,
    })),
    yMin: 1,
    yMax: cohort,
    invert: true,
    yTicks: niceTicks(1, cohort),
    emphasiseLast: true,
    width: 640,
  })
  return html`<section id="history"><h2>${title}</h2><figure class="chart">${trusted(svg)}</figure></section>`
}
