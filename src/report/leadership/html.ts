/**
 * The leadership report as one self-contained HTML page: inline CSS and inline SVG charts, no
 * script, no font or image to fetch, and a Content-Security-Policy that forbids every request, so it
 * can be mailed, opened offline and read on a phone. Sections: headline and key figures, rank over
 * time, groups against their maxima, points lost per metric with what-ifs, the units that cost most,
 * the full ranking with the province highlighted.
 */

import { fmtDate, fmtNumber, fmtPercent, fmtSigned } from '../../i18n/format.ts'
import { getLang, t } from '../../i18n/index.ts'
import { periodName } from '../../i18n/terms.ts'
import { LEVEL_LABELS } from '../../provincial/rows.ts'
import { GROUPS, groupValueOf } from '../../reference/groups.ts'
import { capturesLabel, otherDay, snapshotLabel } from '../figures.ts'
import { unitCohortLabel } from '../portal-units.ts'
import { barChart } from '../svg/bar-chart.ts'
import { escapeXml as esc } from '../svg/escape.ts'
import { formatRankChange, MISSING } from '../svg/format.ts'
import { inlineBar } from '../svg/inline-bar.ts'
import { lineChart, niceTicks } from '../svg/line-chart.ts'
import { SYSTEM_FONTS } from '../svg/text.ts'
import {
  displayGroups,
  groupName,
  headline,
  type LeadershipReport,
  levelLabel,
  sourceLabel,
  type WhatIfRow,
} from './data.ts'

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const num = (x: number | null | undefined, d = 2) => fmtNumber(x, d)

/** Bars in the points-lost chart; the rest are summed up in a line (the workbook has them all). */
export const MAX_METRIC_BARS = 10
/** History rows beside the rank chart (the workbook has them all). */
export const HISTORY_ROWS = 8

/** "05/10/2026 08:30" (en "2026-10-05 08:30") in the office's time zone. */
export function formatTimestampVi(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso))
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return getLang() === 'vi'
    ? `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`
    : `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}

function changeCell(change: number | null): string {
  const text = formatRankChange(change)
  if (!text || change === null) return '<td class="num chg"></td>'
  const cls = change > 0 ? 'up' : change < 0 ? 'down' : 'same'
  const title =
    change > 0
      ? t('rpt.rank-up', { n: change })
      : change < 0
        ? t('rpt.rank-down', { n: -change })
        : t('rpt.unchanged')
  return `<td class="num chg ${cls}" title="${esc(title)}">${esc(text)}</td>`
}

function table(
  headers: Array<{ text: string; num?: boolean; title?: string }>,
  body: string[],
  cls = '',
): string {
  const head = headers
    .map(
      (h) =>
        `<th scope="col"${h.num ? ' class="num"' : ''}${h.title ? ` title="${esc(h.title)}"` : ''}>${esc(h.text)}</th>`,
    )
    .join('')
  return `<div class="table-wrap"><table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>`
}

function note(text: string | null | undefined): string {
  return text ? `<p class="note">${esc(text)}</p>` : ''
}

function keyFigures(r: LeadershipReport): string {
  const p = r.province
  const lost = p.total === null ? null : Math.round((100 - p.total) * 100) / 100
  const change = p.rankChange
  const cards = [
    { k: t('rpt.h.standing'), v: p.rank === null ? MISSING : `${p.rank}/${p.cohortSize}`, cls: '' },
    { k: t('rpt.h.total'), v: `${num(p.total)}<small>/100</small>`, cls: '', raw: true },
    {
      k: t('rpt.h.vs-previous'),
      v:
        change === null
          ? MISSING
          : formatRankChange(change) === '='
            ? t('rpt.unchanged-cap')
            : formatRankChange(change),
      cls: change === null || change === 0 ? '' : change > 0 ? 'up' : 'down',
    },
    { k: t('rpt.h.band'), v: p.band ?? MISSING, cls: '' },
    { k: t('rpt.h.lost'), v: num(lost), cls: '' },
  ]
  return `<div class="cards">${cards
    .map(
      (c) =>
        `<div class="card"><div class="k">${esc(c.k)}</div><div class="v ${c.cls}">${c.raw ? c.v : esc(c.v)}</div></div>`,
    )
    .join('')}</div>`
}

function historySection(r: LeadershipReport): string {
  const h = r.history
  const title = t('rpt.history.chart-title', { name: r.province.name, n: r.province.cohortSize })
  if (h.length === 0) {
    return `<section id="lich-su"><h2>${esc(t('rpt.s1'))}</h2>${note(t('rpt.history.none'))}</section>`
  }
  const label = (x: (typeof h)[number]) => (x.asOf ? fmtDate(x.asOf) : periodName(x.period))
  const chart = lineChart({
    title,
    points: h.map((x) => ({
      label: label(x),
      value: x.rank,
      valueLabel: x.rank === null ? undefined : String(x.rank),
      title: t('rpt.history.point', {
        label: label(x),
        period: periodName(x.period),
        rank: String(x.rank ?? MISSING),
        total: num(x.total),
      }),
    })),
    yMin: 1,
    yMax: r.province.cohortSize,
    invert: true,
    yTicks: niceTicks(1, r.province.cohortSize),
    emphasiseLast: true,
  })
  const rows = h.map((x, i) => {
    const prev = h[i - 1]?.rank ?? null
    const change = x.rank !== null && prev !== null ? prev - x.rank : null
    const me = x.snapshotId === r.province.snapshotId ? ' class="me"' : ''
    return `<tr${me} title="${esc(t('rpt.history.row-title', { period: periodName(x.period), source: sourceLabel(x.source) }))}"><td>${esc(label(x))}</td><td class="num">${esc(x.rank ?? MISSING)}</td>${changeCell(change)}<td class="num">${esc(num(x.total))}</td></tr>`
  })
  const shown = rows.slice(-HISTORY_ROWS)
  return `<section id="lich-su"><h2>${esc(t('rpt.s1'))}</h2>
<p class="lead">${esc(t('rpt.history.lead', { n: r.province.cohortSize }))}</p>
<div class="split"><figure>${chart}</figure><div>${table(
    [
      { text: t('rpt.h.date') },
      { text: t('rpt.h.rank'), num: true },
      { text: '±', num: true, title: t('rpt.h.rank-change-long') },
      { text: t('rpt.h.total'), num: true },
    ],
    shown,
  )}${
    h.length === 1
      ? note(t('rpt.history.one'))
      : h.length > shown.length
        ? note(t('rpt.history.more', { shown: shown.length, n: h.length, sheet: t('rpt.sheet.history') }))
        : ''
  }${note(r.historyNote)}</div></div></section>`
}

function groupsSection(r: LeadershipReport): string {
  const groups = displayGroups(r)
  const p = r.province
  // One answer per question (src/report/figures.ts): the group scores are the snapshot's; when the
  // portal captures are of another day their recomputed group scores stand beside, labelled.
  const portalDay = p.portal && otherDay(p.asOf, p.portal.asOf) ? p.portal.asOf : null
  const rankShown = p.nationalRank
  const chart = barChart({
    title: t('rpt.groups.chart-title', { name: r.province.name }),
    bars: groups.map((g) => {
      const share = g.score === null ? null : (100 * g.score) / g.max
      return {
        label: `${g.name} (${g.code})`,
        value: g.score,
        max: g.max,
        valueLabel: `${num(g.score)} / ${num(g.max, 0)}`,
        title: t('rpt.groups.bar-title', {
          name: g.name,
          score: num(g.score),
          max: num(g.max, 0),
          share: fmtPercent(share, 1),
          rank:
            g.rank && rankShown ? t('rpt.groups.bar-rank', { rank: g.rank, n: r.province.cohortSize }) : '',
        }),
        color: share === null ? '#9aa3ae' : share >= 80 ? '#2e7d32' : share >= 60 ? '#1f4e79' : '#c0392b',
      }
    }),
    scaleMax: 22,
  })
  const rows = [...groups]
    .sort((a, b) => (b.score === null ? -1 : b.max - b.score) - (a.score === null ? -1 : a.max - a.score))
    .map((g) => {
      const lost = g.score === null ? null : Math.round((g.max - g.score) * 100) / 100
      const portalCell = portalDay
        ? `<td class="num">${esc(num(g.reportedScore ?? g.computedScore))}</td>`
        : ''
      return `<tr><td class="name">${esc(g.name)} <span class="code">${esc(g.code)}</span></td><td class="num${lost !== null && lost > 0 ? ' lost' : ''}">${esc(num(lost))}</td><td class="num">${esc(fmtPercent(g.score === null ? null : (100 * g.score) / g.max, 1))}</td><td class="num">${g.rank === null || !rankShown ? MISSING : esc(`${g.rank}/${r.province.cohortSize}`)}</td>${portalCell}</tr>`
    })
  const sourceNote = p.source
    ? t('rpt.groups.source', { label: snapshotLabel({ source: p.source, asOf: p.asOf, period: p.period }) }) +
      (portalDay ? t('rpt.groups.source-portal', { label: capturesLabel(portalDay) }) : '')
    : t('rpt.groups.source', { label: capturesLabel(p.asOf) })
  return `<section id="nhom"><h2>${esc(t('rpt.s2'))}</h2>
<p class="lead">${esc(t('rpt.groups.lead'))} ${esc(sourceNote)}</p>
<div class="split"><figure>${chart}</figure><div>${table(
    [
      { text: t('rpt.h.group') },
      { text: t('rpt.h.lost'), num: true },
      { text: t('rpt.h.share'), num: true },
      { text: t('rpt.h.rank'), num: true, title: t('rpt.h.group-rank-title') },
      ...(portalDay ? [{ text: t('rpt.h.by-portal'), num: true, title: capturesLabel(portalDay) }] : []),
    ],
    rows,
  )}</div></div></section>`
}

function whatIfSentence(w: WhatIfRow, cohort: number): string {
  if (w.totalAfter === null) return w.note ?? t('rpt.not-computable')
  const rank =
    w.rankAfter === null
      ? ''
      : w.rankBefore !== null && w.rankAfter < w.rankBefore
        ? t('rpt.whatif.up-to', { rank: w.rankAfter, n: cohort })
        : t('rpt.whatif.still', { rank: w.rankAfter, n: cohort })
  return t('rpt.whatif.sentence', { gain: fmtSigned(w.pointsGained), total: num(w.totalAfter), rank })
}

function metricsSection(r: LeadershipReport): string {
  const p = r.province
  const losing = p.metrics.filter((m) => m.rule !== 'tracked' && m.pointsLost !== null && m.pointsLost > 0)
  const scored = losing.slice(0, MAX_METRIC_BARS)
  const more = losing.length - scored.length
  let chart: string
  let lead: string
  if (p.metrics.length > 0) {
    lead = t('rpt.metrics.lead', {
      date: p.portal?.asOf ? t('rpt.on-day', { date: fmtDate(p.portal.asOf) }) : '',
      other:
        p.portal && otherDay(p.asOf, p.portal.asOf)
          ? t('rpt.metrics.other-day', { date: fmtDate(p.asOf) })
          : '',
    })
    chart = barChart({
      title: t('rpt.metrics.chart-title', { name: p.name }),
      bars: scored.map((m) => ({
        label: `${m.name}${m.estimate ? t('rpt.estimate-suffix') : ''}`,
        value: m.pointsLost,
        valueLabel: `−${num(m.pointsLost)} / ${num(m.maxScore, 0)}`,
        title: t('rpt.metrics.bar-title', {
          name: m.name,
          group: m.group,
          ratio: fmtPercent(m.ratio),
          score: num(m.score),
          max: num(m.maxScore, 0),
          lost: num(m.pointsLost),
          full:
            m.fullPointsAt !== null ? t('rpt.metrics.bar-full', { at: fmtPercent(m.fullPointsAt, 0) }) : '',
        }),
      })),
      color: '#c0392b',
      empty: t('rpt.metrics.none-lost'),
    })
  } else {
    lead = t('rpt.metrics.by-group')
    const groups = displayGroups(r)
      .flatMap((g) => (g.score === null ? [] : [{ ...g, lost: Math.round((g.max - g.score) * 100) / 100 }]))
      .sort((a, b) => b.lost - a.lost)
    chart = barChart({
      title: t('rpt.metrics.group-chart-title', { name: p.name }),
      bars: groups.map((g) => ({
        label: `${g.name} (${g.code})`,
        value: g.lost,
        valueLabel: `−${num(g.lost)} / ${num(g.max, 0)}`,
      })),
      color: '#c0392b',
      empty: t('rpt.groups.none'),
    })
  }
  const w = r.whatIf
  const items = [...w.rows, ...(w.combined ? [w.combined] : [])].map((x) => {
    const what =
      x === w.combined
        ? `<strong>${esc(x.name)}</strong>`
        : t('rpt.whatif.raise', {
            name: esc(x.name),
            from: esc(fmtPercent(x.ratio)),
            to: esc(fmtPercent(x.target, 0)),
          })
    return `<li>${what}: ${esc(whatIfSentence(x, p.cohortSize))}.</li>`
  })
  const whatIf = items.length
    ? `<div class="push"><h3>${esc(t('rpt.whatif.title'))}</h3><p class="lead">${esc(t('rpt.whatif.lead'))}</p><ol>${items.join('')}</ol>${note(w.note)}</div>`
    : p.metrics.length > 0
      ? note(w.note)
      : ''
  const rest =
    p.metrics.length > 0 && more > 0
      ? note(
          t('rpt.metrics.more', { n: more, sheet: t('rpt.sheet.province', { kind: r.kind, name: p.name }) }),
        )
      : ''
  return `<section id="chi-tieu"><h2>${esc(t('rpt.s3'))}</h2>${whatIf}<p class="lead">${esc(lead)}</p><figure>${chart}</figure>${rest}</section>`
}

function unitsSection(r: LeadershipReport): string {
  const parts: string[] = []
  const u = r.units
  if (u) {
    const top = u.units.filter((x) => x.pointsAtStake > 0).slice(0, 12)
    const maxStake = Math.max(0, ...top.map((x) => x.pointsAtStake))
    const short = new Map<string, string>(u.indicators.map((i) => [i.code, i.short]))
    const rows = top.map((x) => {
      const worst = Object.entries(x.indicators)
        .flatMap(([code, v]) => (v && (v.pointsAtStake ?? 0) > 0 ? [{ code, v }] : []))
        .sort((a, b) => (b.v.pointsAtStake ?? 0) - (a.v.pointsAtStake ?? 0))[0]
      const worstText = worst ? `${short.get(worst.code) ?? worst.code}: ${fmtPercent(worst.v.value)}` : ''
      return `<tr><td class="name">${esc(x.name)}</td><td>${esc(levelLabel(x.level, LEVEL_LABELS[x.level]))}</td><td class="num">${esc(fmtPercent(x.scorePercent, 1))}</td><td>${esc(worstText)}</td><td class="barcell">${inlineBar(x.pointsAtStake, maxStake, { label: t('rpt.points', { n: num(x.pointsAtStake) }) })}<span>${esc(num(x.pointsAtStake))}</span></td></tr>`
    })
    parts.push(
      `<h3>${esc(t('rpt.units.title', { period: periodName(u.period), to: u.asOf ? t('rpt.to', { date: fmtDate(u.asOf) }) : '' }))}</h3>`,
      note(r.unitsNote),
      `<p class="lead">${esc(t('rpt.units.lead'))}</p>`,
      top.length
        ? table(
            [
              { text: t('rpt.h.unit') },
              { text: t('rpt.h.level') },
              {
                text: t('rpt.h.share'),
                num: true,
                title: t('rpt.h.share-title'),
              },
              { text: t('rpt.h.weakest') },
              { text: t('rpt.h.province-gain') },
            ],
            rows,
            'units',
          )
        : note(t('rpt.units.none-losing')),
    )
  }
  const pu = r.portalUnits
  if (pu) {
    const ranked = pu.units.flatMap((x) => (x.total === null ? [] : [{ ...x, total: x.total }]))
    const worst = [...ranked].sort((a, b) => a.total - b.total).slice(0, 12)
    const rows = worst.map((x) => {
      const lost = Math.round((100 - x.total) * 100) / 100
      const label = levelLabel(x.type, unitCohortLabel(x.type))
      return `<tr><td class="name">${esc(x.name)}</td><td>${esc(label)}</td><td class="num">${esc(x.rank === null ? MISSING : `${x.rank}/${x.rankOf}`)}</td><td class="num">${esc(num(x.total))}</td><td class="barcell">${inlineBar(lost, 100, { label: t('rpt.points', { n: num(lost) }) })}<span>${esc(num(lost))}</span></td></tr>`
    })
    parts.push(
      `<h3>${esc(t('rpt.portal-units.title', { period: periodName(pu.period), day: pu.asOf ? t('rpt.on-day', { date: fmtDate(pu.asOf) }) : '' }))}</h3>`,
      `<p class="lead">${esc(t('rpt.portal-units.lead'))}${pu.units.length > ranked.length ? esc(t('rpt.portal-units.incomplete', { n: pu.units.length - ranked.length })) : ''}</p>`,
      worst.length
        ? table(
            [
              { text: t('rpt.h.unit') },
              { text: t('rpt.h.cohort') },
              { text: t('rpt.h.rank'), num: true },
              { text: t('rpt.h.total'), num: true },
              { text: t('rpt.h.lost') },
            ],
            rows,
            'units',
          )
        : note(t('rpt.portal-units.none-complete')),
    )
  }
  if (!u && !pu) {
    parts.push(`<p class="empty">${esc(t('rpt.units.none'))}</p>`, note(r.unitsNote), note(r.portalUnitsNote))
  }
  return `<section id="don-vi"><h2>${esc(t('rpt.s4'))}</h2>${parts.join('')}</section>`
}

function rankingSection(r: LeadershipReport): string {
  const k = r.ranking
  if (!k) {
    return `<section id="xep-hang"><h2>${esc(t('rpt.s5'))}</h2>${note(t('rpt.no-ranking'))}</section>`
  }
  const five = k.form === 'five'
  const cols = five
    ? [
        { code: 'CKMB', max: 18 },
        { code: 'TDGQ', max: 20 },
        { code: 'DVCTT', max: 22 },
        { code: 'MDHL', max: 18 },
        { code: 'MDSH', max: 22 },
      ]
    : GROUPS.map((g): { code: string; max: number } => ({ code: g.code, max: g.max }))
  const nameOf = (code: string) =>
    code === 'DVCTT' ? t('rpt.group.DVCTT') : groupName(code, GROUPS.find((g) => g.code === code)?.name)
  const rows = k.rows.map((row) => {
    const me = row.code === r.province.code
    const v = (code: string) => (code === 'DVCTT' ? row.online22 : groupValueOf(row.groups, code))
    return `<tr${me ? ' class="me" aria-current="true"' : ''} data-code="${esc(row.code)}"><td class="num">${esc(row.rank ?? MISSING)}</td>${changeCell(row.rankChange)}<td class="name">${esc(row.name)}</td><td class="num total">${esc(num(row.total))}</td><td>${esc(row.band ?? '')}</td>${cols.map((c) => `<td class="num">${esc(num(v(c.code)))}</td>`).join('')}</tr>`
  })
  const missing = k.missing.length
    ? note(t('rpt.ranking.missing', { names: k.missing.map((m) => m.name).join(', ') }))
    : ''
  return `<section id="xep-hang"><h2>${esc(t('rpt.s5-n', { n: k.cohort }))}</h2>
<p class="lead">${esc(t('rpt.ranking.lead', { period: periodName(k.period), asOf: k.asOf ? t('rpt.as-of', { date: fmtDate(k.asOf) }) : '', ranked: k.ranked, n: k.cohort }))}</p>
${table(
  [
    { text: t('rpt.h.rank'), num: true },
    { text: '±', num: true, title: t('rpt.h.rank-change-long') },
    { text: t('rpt.h.province') },
    { text: t('rpt.h.total-short'), num: true },
    { text: t('rpt.h.band') },
    ...cols.map((c) => ({
      text: c.code,
      num: true,
      title: t('rpt.ranking.col-title', { name: nameOf(c.code), max: c.max }),
    })),
  ],
  rows,
  'ranking',
)}
<p class="legend">${cols.map((c) => `<span><b>${esc(c.code)}</b> ${esc(nameOf(c.code))} (${c.max})</span>`).join(' ')}</p>${missing}</section>`
}

const STYLE = `
:root{--ink:#1d2733;--muted:#5b6472;--brand:#1f4e79;--line:#e3e7ee;--up:#2e7d32;--down:#c0392b;--hl:#fff3bf;--bg:#f3f5f8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font-family:${SYSTEM_FONTS};font-size:16px;line-height:1.5}
.top{background:var(--brand);color:#fff}
.wrap{max-width:980px;margin:0 auto;padding:0 16px}
.top .wrap{padding-top:20px;padding-bottom:20px}
.kicker{margin:0 0 6px;font-size:.85rem;letter-spacing:.02em;opacity:.85;text-transform:uppercase}
h1{margin:0 0 6px;font-size:1.6rem;line-height:1.25}
.meta{margin:0;opacity:.9;font-size:.95rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:16px 0 0}
.card{background:#fff;color:var(--ink);border-radius:10px;padding:10px 14px}
.card .k{font-size:.8rem;color:var(--muted)}
.card .v{font-size:1.45rem;font-weight:700;font-variant-numeric:tabular-nums}
.card .v small{font-size:.8rem;font-weight:400;color:var(--muted)}
section{background:#fff;border-radius:12px;padding:18px 18px 12px;margin:18px 0;box-shadow:0 1px 3px rgba(20,30,50,.08)}
h2{margin:0 0 6px;font-size:1.2rem;color:var(--brand)}
h3{margin:18px 0 6px;font-size:1.02rem}
.lead{margin:0 0 10px;color:var(--muted);font-size:.92rem}
figure{margin:8px 0 12px}
svg.chart{display:block;width:100%;height:auto}
svg.chart-line{max-width:500px}
svg.chart-bars{max-width:470px}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:6px 0 10px;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:.9rem;font-variant-numeric:tabular-nums}
th,td{padding:6px 9px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap;vertical-align:middle}
thead th{background:#eef2f7;position:sticky;top:0;font-weight:600}
th.num,td.num{text-align:right}
tbody tr:nth-child(even) td{background:#fafbfc}
tr.me td{background:var(--hl)!important;font-weight:700}
tr.me td:first-child{box-shadow:inset 4px 0 0 #e0a800}
td.name{white-space:normal;min-width:140px}
td.lost{color:var(--down)}
.up{color:var(--up)}.down{color:var(--down)}.same{color:var(--muted)}
td.chg{font-weight:700}
.code{color:var(--muted);font-size:.8em}
.barcell{white-space:nowrap}
.barcell svg{vertical-align:middle;margin-right:6px}
.barcell span{display:inline-block;min-width:3.2em;text-align:right}
.push{background:#f6f9fd;border:1px solid #d6e2f0;border-radius:10px;padding:4px 14px 6px;margin:8px 0 10px}
.push ol{margin:4px 0 8px;padding-left:1.3em}
.push li{margin:4px 0}
.note{color:var(--muted);font-size:.88rem;margin:6px 0}
.warn{background:#fff4e5;color:#7a3e00;border-left:4px solid #e8890c;padding:6px 10px;margin:8px 0;font-weight:600}
.empty{font-weight:600}
.legend{color:var(--muted);font-size:.8rem;display:flex;flex-wrap:wrap;gap:4px 14px;margin:4px 0}
.split{display:grid;grid-template-columns:minmax(0,1fr);gap:6px 28px;align-items:start}
.split>*{min-width:0}
@media (min-width:860px){.split{grid-template-columns:minmax(0,440px) minmax(0,1fr)}}
footer{color:var(--muted);font-size:.82rem;padding:4px 0 28px}
@media (max-width:600px){
  body{font-size:15px}
  h1{font-size:1.3rem}
  .wrap{padding:0 10px}
  section{padding:14px 12px 8px;border-radius:10px}
  .cards{grid-template-columns:repeat(3,minmax(0,1fr));gap:8px}
  .card{padding:8px 10px}
  .card .k{font-size:.72rem}
  .card .v{font-size:1rem;white-space:nowrap}
  th,td{padding:5px 7px}
}
@media print{
  body{background:#fff}
  section{box-shadow:none;border:1px solid var(--line);break-inside:avoid}
  .top{background:#fff;color:var(--ink);border-bottom:3px solid var(--brand)}
  .card{border:1px solid var(--line)}
  .table-wrap{overflow:visible;border:0}
  thead th{position:static}
}
`

export function renderLeadershipHtml(r: LeadershipReport): string {
  const p = r.province
  const title = t('rpt.title', { name: p.name, period: periodName(p.period) })
  const meta = [
    periodName(p.period),
    p.asOf ? t('rpt.meta.as-of', { date: fmtDate(p.asOf) }) : null,
    r.ranking ? t('rpt.meta.source', { source: sourceLabel(r.ranking.source) }) : null,
  ]
    .filter(Boolean)
    .join(' · ')
  const status =
    p.rank === null ? note(p.status === 'incomplete' ? t('rpt.incomplete') : t('rpt.not-ranked')) : ''
  return `<!DOCTYPE html>
<html lang="${getLang()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="qd766">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><div class="wrap">
<p class="kicker">${esc(t('rpt.kicker'))}</p>
<h1 id="headline">${esc(headline(r))}</h1>
<p class="meta">${esc(meta)}</p>
${r.readingWarnings.map((w) => `<p class="warn" role="alert">⚠ ${esc(w)}</p>`).join('')}
${keyFigures(r)}
</div></header>
<main class="wrap">
${status}
${historySection(r)}
${groupsSection(r)}
${metricsSection(r)}
${unitsSection(r)}
${rankingSection(r)}
<footer>${esc(t('rpt.footer', { at: formatTimestampVi(r.generatedAt, r.timezone), version: p.methodologyVersion ? ` ${p.methodologyVersion}` : '' }))}</footer>
</main>
</body>
</html>
`
}
