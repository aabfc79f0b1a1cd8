/**
 * Đơn vị (`/units/<code>`): the province's agencies and communes ranked within their level, from
 * its own one-stop exports (estimates, labelled so), with the points each unit has at stake, the
 * change since the previous period and a link to the rows they came from (the SQL page over
 * v_unit_facts); without those exports, the units as the portal's captures score them.
 */

import type { Store } from '../../db/sqlite.ts'
import { NotFoundError } from '../../errors.ts'
import { t } from '../../i18n/index.ts'
import { LEVEL_LABELS } from '../../provincial/rows.ts'
import { GROUPS } from '../../reference/groups.ts'
import type { ProvinceRegistry } from '../../reference/provinces.ts'
import type { PortalUnits } from '../../report/portal-units.ts'
import { getProvinceReport } from '../../report/province.ts'
import { portalUnitsOf } from '../../report/province-units.ts'
import { getUnitsReport } from '../../report/units.ts'
import type { UnitsReport } from '../../report/units-types.ts'
import { BadRequest, type Ctx, readingQuery, render } from '../context.ts'
import { type Html, html, num, qs, readingLabel } from '../html.ts'

const LEVELS = ['agency', 'district', 'commune', 'land-registry'] as const

export function unitsPage(c: Ctx) {
  const deps = c.get('deps')
  const code = c.req.param('code') ?? ''
  const { period, asOf } = readingQuery(c)
  const level = c.req.query('level') || undefined
  if (level && !LEVELS.some((l) => l === level)) throw new BadRequest(t('serve.units.bad-level', { level }))
  const data = deps.app.read(() => {
    try {
      return {
        kind: 'provincial' as const,
        r: getUnitsReport(deps.app.store, deps.app.registry, code, { period, level }),
      }
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err
      const portal = deps.memo.get(`portal-units|${code}|${period ?? ''}|${asOf ?? ''}`, () =>
        portalUnitsFor(deps.app.store, deps.app.registry, code, { period, asOf }),
      )
      if (!portal) throw err
      return { kind: 'portal' as const, ...portal }
    }
  })
  if (data.kind === 'provincial') {
    const r = data.r
    return render(
      c,
      {
        title: t('serve.units.title', { name: r.province.name }),
        active: 'units',
        cohort: r.province.cohort,
      },
      provincialUnits(r, level),
    )
  }
  return render(
    c,
    { title: t('serve.units.title', { name: data.name }), active: 'units', cohort: data.cohort },
    portalUnits(data.name, data.units),
  )
}

/** The portal's agencies and communes of the score set behind the province's metric detail. */
function portalUnitsFor(
  store: Store,
  registry: ProvinceRegistry,
  code: string,
  opts: { period?: string; asOf?: string },
): { name: string; cohort: number; units: PortalUnits } | null {
  const p = getProvinceReport(store, registry, code, opts)
  const units = portalUnitsOf(store, p)
  return units ? { name: p.name, cohort: p.cohort, units } : null
}

function rowsLink(r: UnitsReport, unitId: number): string {
  const q = `SELECT file_name, sheet, row_number, level, indicator, metric, numerator, denominator, value FROM v_unit_facts WHERE unit_id = ${unitId} AND period = '${r.period}' ORDER BY file_name, sheet, row_number`
  return `/sql${qs({ q })}`
}

function provincialUnits(r: UnitsReport, level: string | undefined): Html {
  const shown = r.indicators.filter((i) => r.units.some((u) => u.indicators[i.code]))
  return html`<h1>${t('serve.units.title', { name: r.province.name })}</h1>
<p class="lead">${readingLabel(r.period, r.asOf)} · <span class="est">${t('serve.estimate')}</span> ${t('serve.units.estimate-note', { methodology: r.methodology })}</p>
${r.methodologyNote ? html`<p class="note">${r.methodologyNote}</p>` : ''}
<p class="note">${t('serve.units.sources')}: ${r.readings.map((x, i) => html`${i ? '; ' : ''}${x.table} “${x.file}”`)}${r.previousPeriod ? html` · ${t('serve.units.compared', { period: r.previousPeriod })}` : ''}</p>
<form class="picker" method="get" action="/units/${r.province.code}">
<input type="hidden" name="period" value="${r.period}">
<label>${t('serve.units.level')}<select name="level" data-autosubmit>
<option value="">${t('serve.units.all-levels')}</option>
${LEVELS.map((l) => html`<option value="${l}"${l === level ? html` selected` : ''}>${LEVEL_LABELS[l]}</option>`)}
</select></label>
<button type="submit">${t('serve.show')}</button>
</form>
<h2>${t('serve.units.indicators')}</h2>
<div class="table-wrap"><table id="indicator-table">
<thead><tr><th scope="col">${t('serve.col.indicator')}</th><th scope="col">${t('serve.col.metric')}</th><th class="n" scope="col">${t('serve.col.numerator')}</th><th class="n" scope="col">${t('serve.col.denominator')}</th><th class="n" scope="col">${t('serve.col.ratio')}</th><th class="n" scope="col">${t('serve.col.change-prev')}</th><th class="n" scope="col">${t('serve.col.estimated')}</th><th class="n" scope="col">${t('serve.col.max')}</th></tr></thead>
<tbody>${r.indicators.map(
    (i) =>
      html`<tr><td title="${i.note}">${i.name}</td><td>${i.metric ?? t('serve.units.info-only')}</td><td class="n">${num(i.numerator, 0)}</td><td class="n">${num(i.denominator, 0)}</td><td class="n">${num(i.value)}</td><td class="n">${num(i.change)}</td><td class="n">${num(i.estimatedScore)}</td><td class="n">${i.maxScore === null ? '–' : num(i.maxScore, 0)}</td></tr>`,
  )}</tbody></table></div>
<h2 id="units">${t('serve.units.ranked')}</h2>
<div class="table-wrap"><table id="unit-table">
<thead><tr><th class="n" scope="col">${t('serve.col.rank')}</th><th scope="col">${t('serve.col.unit')}</th><th scope="col">${t('serve.col.level')}</th>
${shown.map((i) => html`<th class="n" scope="col" title="${i.name}">${i.short} %</th>`)}
<th class="n" scope="col">${t('serve.col.estimated')}</th><th class="n" scope="col">${t('serve.col.max')}</th><th class="n" scope="col">${t('serve.col.change-prev')}</th><th class="n" scope="col">${t('serve.col.at-stake')}</th><th scope="col">${t('serve.col.rows')}</th></tr></thead>
<tbody>${r.units.map(
    (
      u,
    ) => html`<tr><td class="n">${u.rank ?? '–'}</td><td class="name">${u.name}</td><td>${LEVEL_LABELS[u.level]}</td>
${shown.map((i) => html`<td class="n">${num(u.indicators[i.code]?.value ?? null)}</td>`)}
<td class="n">${num(u.estimatedScore)}</td><td class="n">${num(u.coveredMax, 0)}</td><td class="n">${num(u.scoreChange)}</td><td class="n">${num(u.pointsAtStake)}</td>
<td><a href="${rowsLink(r, u.unitId)}">${t('serve.units.rows-link')}</a></td></tr>`,
  )}</tbody></table></div>
<p class="note">${t('serve.units.rank-note')}</p>
${
  r.findings.length
    ? html`<h2>${t('serve.findings', { n: r.findings.length })}</h2><ul class="plain">${r.findings.map((f) => html`<li>[${f.severity}] ${f.message} (${f.file}${f.row !== null ? `, ${t('serve.row-n', { n: f.row })}` : ''})</li>`)}</ul>`
    : ''
}
<ul class="downloads"><li><a href="/api/units/${r.province.code}${qs({ period: r.period, level })}">${t('serve.dl.json')}</a></li></ul>`
}

function portalUnits(name: string, u: PortalUnits): Html {
  return html`<h1>${t('serve.units.title', { name })}</h1>
<p class="lead">${readingLabel(u.period, u.asOf)} · ${t('serve.units.portal-note', { methodology: u.methodologyVersion })}</p>
${u.cohorts.map(
  (cohort) => html`<h2>${cohort.label}</h2>
<div class="table-wrap"><table class="portal-units">
<thead><tr><th class="n" scope="col">${t('serve.col.rank')}</th><th scope="col">${t('serve.col.unit')}</th><th class="n" scope="col">${t('serve.col.total')}</th>${GROUPS.map((g) => html`<th class="n" scope="col" title="${g.name}">${g.code}</th>`)}</tr></thead>
<tbody>${u.units
    .filter((x) => x.type === cohort.type)
    .map(
      (x) =>
        html`<tr><td class="n">${x.rank === null ? '–' : `${x.rank}/${x.rankOf}`}</td><td class="name">${x.name}</td><td class="n">${num(x.total)}</td>${GROUPS.map((g) => html`<td class="n">${num(x.groups[g.code])}</td>`)}</tr>`,
    )}</tbody></table></div>`,
)}`
}
