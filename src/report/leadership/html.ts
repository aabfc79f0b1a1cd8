/**
 * The leadership report as one self-contained HTML page: inline CSS and inline SVG charts, no
 * script, no font or image to fetch, and a Content-Security-Policy that forbids every request, so it
 * can be mailed, opened offline and read on a phone. Sections: headline and key figures, rank over
 * time, groups against their maxima, points lost per metric with what-ifs, the units that cost most,
 * the full ranking with the province highlighted.
 */

import { LEVEL_LABELS } from '../../provincial/rows.ts'
import { GROUPS } from '../../reference/groups.ts'
import { capturesLabel, otherDay, snapshotLabel } from '../figures.ts'
import { UNIT_COHORTS } from '../portal-units.ts'
import { barChart } from '../svg/bar-chart.ts'
import { escapeXml as esc } from '../svg/escape.ts'
import {
  formatDateVi,
  formatNumberVi,
  formatPercentVi,
  formatPeriodVi,
  formatRankChange,
  formatSignedVi,
  MISSING,
} from '../svg/format.ts'
import { inlineBar } from '../svg/inline-bar.ts'
import { lineChart, niceTicks } from '../svg/line-chart.ts'
import { SYSTEM_FONTS } from '../svg/text.ts'
import { displayGroups, headline, type LeadershipReport, sourceLabelVi, type WhatIfRow } from './data.ts'

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const num = (x: number | null | undefined, d = 2) => formatNumberVi(x, d)

/** Bars in the points-lost chart; the rest are summed up in a line (the workbook has them all). */
export const MAX_METRIC_BARS = 10
/** History rows beside the rank chart (the workbook has them all). */
export const HISTORY_ROWS = 8

/** "05/10/2026 08:30" in the office's time zone. */
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
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`
}

function changeCell(change: number | null): string {
  const text = formatRankChange(change)
  if (!text) return '<td class="num chg"></td>'
  const cls = change! > 0 ? 'up' : change! < 0 ? 'down' : 'same'
  const title = change! > 0 ? `tăng ${change} bậc` : change! < 0 ? `giảm ${-change!} bậc` : 'giữ nguyên'
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
    { k: 'Thứ hạng', v: p.rank === null ? MISSING : `${p.rank}/${p.cohortSize}`, cls: '' },
    { k: 'Tổng điểm', v: `${num(p.total)}<small>/100</small>`, cls: '', raw: true },
    {
      k: 'So với lần trước',
      v:
        change === null
          ? MISSING
          : formatRankChange(change) === '='
            ? 'Giữ nguyên'
            : formatRankChange(change),
      cls: change === null || change === 0 ? '' : change > 0 ? 'up' : 'down',
    },
    { k: 'Xếp loại', v: p.band ?? MISSING, cls: '' },
    { k: 'Điểm bị mất', v: num(lost), cls: '' },
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
  const title = `Thứ hạng của ${r.province.name} qua các lần cập nhật (trong ${r.province.cohortSize} tỉnh, thành phố)`
  if (h.length === 0) {
    return `<section id="lich-su"><h2>1. Thứ hạng qua thời gian</h2>${note('Chưa có bảng xếp hạng nào để vẽ diễn biến thứ hạng.')}</section>`
  }
  const label = (x: (typeof h)[number]) => (x.asOf ? formatDateVi(x.asOf) : formatPeriodVi(x.period))
  const chart = lineChart({
    title,
    points: h.map((x) => ({
      label: label(x),
      value: x.rank,
      valueLabel: x.rank === null ? undefined : String(x.rank),
      title: `${label(x)} (${formatPeriodVi(x.period)}): hạng ${x.rank ?? MISSING}, ${num(x.total)} điểm`,
    })),
    yMin: 1,
    yMax: r.province.cohortSize,
    invert: true,
    yTicks: niceTicks(1, r.province.cohortSize),
    emphasiseLast: true,
  })
  const rows = h.map((x, i) => {
    const prev = i > 0 ? h[i - 1]!.rank : null
    const change = x.rank !== null && prev !== null ? prev - x.rank : null
    const me = x.snapshotId === r.province.snapshotId ? ' class="me"' : ''
    return `<tr${me} title="${esc(`${formatPeriodVi(x.period)}; nguồn: ${sourceLabelVi(x.source)}`)}"><td>${esc(label(x))}</td><td class="num">${esc(x.rank ?? MISSING)}</td>${changeCell(change)}<td class="num">${esc(num(x.total))}</td></tr>`
  })
  const shown = rows.slice(-HISTORY_ROWS)
  return `<section id="lich-su"><h2>1. Thứ hạng qua thời gian</h2>
<p class="lead">Hạng 1 ở trên cùng. Mỗi điểm là một lần cập nhật bảng xếp hạng ${esc(r.province.cohortSize)} tỉnh, thành phố.</p>
<div class="split"><figure>${chart}</figure><div>${table(
    [
      { text: 'Ngày số liệu' },
      { text: 'Hạng', num: true },
      { text: '±', num: true, title: 'Thay đổi hạng so với lần trước' },
      { text: 'Tổng điểm', num: true },
    ],
    shown,
  )}${
    h.length === 1
      ? note('Mới có một lần cập nhật; đường diễn biến sẽ hiện khi có thêm bảng xếp hạng.')
      : h.length > shown.length
        ? note(
            `${shown.length} lần cập nhật gần nhất; đủ ${h.length} lần trong sheet “Lịch sử” của bảng tính.`,
          )
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
    title: `Điểm từng nhóm tiêu chí so với điểm tối đa — ${r.province.name}`,
    bars: groups.map((g) => {
      const share = g.score === null ? null : (100 * g.score) / g.max
      return {
        label: `${g.name} (${g.code})`,
        value: g.score,
        max: g.max,
        valueLabel: `${num(g.score)} / ${num(g.max, 0)}`,
        title: `${g.name}: ${num(g.score)}/${num(g.max, 0)} điểm (${formatPercentVi(share, 1)})${g.rank && rankShown ? `, hạng ${g.rank}/${r.province.cohortSize} trong nhóm` : ''}`,
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
      return `<tr><td class="name">${esc(g.name)} <span class="code">${esc(g.code)}</span></td><td class="num${lost !== null && lost > 0 ? ' lost' : ''}">${esc(num(lost))}</td><td class="num">${esc(formatPercentVi(g.score === null ? null : (100 * g.score) / g.max, 1))}</td><td class="num">${g.rank === null || !rankShown ? MISSING : esc(`${g.rank}/${r.province.cohortSize}`)}</td>${portalCell}</tr>`
    })
  const sourceNote = p.source
    ? `Điểm nhóm ${snapshotLabel({ source: p.source, asOf: p.asOf, period: p.period })}.` +
      (portalDay
        ? ` Cột “Theo Cổng”: điểm nhóm ${capturesLabel(portalDay)} (khác ngày nên có thể khác điểm nhóm của bảng xếp hạng; phần 3 dùng số liệu này).`
        : '')
    : `Điểm nhóm ${capturesLabel(p.asOf)}.`
  return `<section id="nhom"><h2>2. Điểm theo nhóm tiêu chí</h2>
<p class="lead">Thanh màu là điểm đạt được, phần xám là điểm còn thiếu so với tối đa. Xanh lá: đạt từ 80% điểm tối đa; đỏ: dưới 60%. Bảng xếp theo điểm bị mất. ${esc(sourceNote)}</p>
<div class="split"><figure>${chart}</figure><div>${table(
    [
      { text: 'Nhóm tiêu chí' },
      { text: 'Điểm bị mất', num: true },
      { text: 'Tỷ lệ đạt', num: true },
      { text: 'Hạng', num: true, title: 'Hạng trong nhóm tiêu chí' },
      ...(portalDay ? [{ text: 'Theo Cổng', num: true, title: capturesLabel(portalDay) }] : []),
    ],
    rows,
  )}</div></div></section>`
}

function whatIfSentence(w: WhatIfRow, cohort: number): string {
  if (w.totalAfter === null) return w.note ?? 'không tính được'
  const rank =
    w.rankAfter === null
      ? ''
      : w.rankBefore !== null && w.rankAfter < w.rankBefore
        ? `, lên hạng ${w.rankAfter}/${cohort}`
        : `, vẫn hạng ${w.rankAfter}/${cohort}`
  return `${formatSignedVi(w.pointsGained)} điểm, tổng ${num(w.totalAfter)}${rank}`
}

function metricsSection(r: LeadershipReport): string {
  const p = r.province
  const losing = p.metrics.filter((m) => m.rule !== 'tracked' && m.pointsLost !== null && m.pointsLost > 0)
  const scored = losing.slice(0, MAX_METRIC_BARS)
  const more = losing.length - scored.length
  let chart: string
  let lead: string
  if (p.metrics.length > 0) {
    lead = `Điểm bị mất ở từng chỉ tiêu (điểm tối đa trừ điểm đạt), nhiều nhất ở trên. Số liệu chi tiết từ Cổng Dịch vụ công quốc gia${p.portal?.asOf ? `, ngày ${formatDateVi(p.portal.asOf)}` : ''}.${
      p.portal && otherDay(p.asOf, p.portal.asOf)
        ? ` Số liệu này khác ngày với bảng xếp hạng (${formatDateVi(p.asOf)}), nên điểm nhóm cộng từ các chỉ tiêu có thể khác điểm nhóm ở phần 2.`
        : ''
    }`
    chart = barChart({
      title: `Điểm bị mất theo chỉ tiêu — ${p.name}`,
      bars: scored.map((m) => ({
        label: `${m.name}${m.estimate ? ' (ước tính)' : ''}`,
        value: m.pointsLost,
        valueLabel: `−${num(m.pointsLost)} / ${num(m.maxScore, 0)}`,
        title: `${m.name} [${m.group}]: tỷ lệ ${formatPercentVi(m.ratio)}, đạt ${num(m.score)}/${num(m.maxScore, 0)}, mất ${num(m.pointsLost)} điểm${m.fullPointsAt !== null ? `; đủ điểm khi đạt ${formatPercentVi(m.fullPointsAt, 0)}` : ''}`,
      })),
      color: '#c0392b',
      empty: 'Không mất điểm ở chỉ tiêu nào.',
    })
  } else {
    lead =
      'Chưa có số liệu chi tiết theo chỉ tiêu (cần dữ liệu thu thập từ Cổng Dịch vụ công quốc gia); dưới đây là điểm bị mất theo nhóm.'
    const groups = displayGroups(r)
      .filter((g) => g.score !== null)
      .map((g) => ({ ...g, lost: Math.round((g.max - g.score!) * 100) / 100 }))
      .sort((a, b) => b.lost - a.lost)
    chart = barChart({
      title: `Điểm bị mất theo nhóm — ${p.name}`,
      bars: groups.map((g) => ({
        label: `${g.name} (${g.code})`,
        value: g.lost,
        valueLabel: `−${num(g.lost)} / ${num(g.max, 0)}`,
      })),
      color: '#c0392b',
      empty: 'Chưa có điểm nhóm.',
    })
  }
  const w = r.whatIf
  const items = [...w.rows, ...(w.combined ? [w.combined] : [])].map((x) => {
    const what =
      x === w.combined
        ? `<strong>${esc(x.name)}</strong>`
        : `Đưa <strong>${esc(x.name)}</strong> từ ${esc(formatPercentVi(x.ratio))} lên ${esc(formatPercentVi(x.target, 0))}`
    return `<li>${what}: ${esc(whatIfSentence(x, p.cohortSize))}.</li>`
  })
  const whatIf = items.length
    ? `<div class="push"><h3>Ưu tiên cải thiện</h3><p class="lead">Ba chỉ tiêu mất nhiều điểm nhất, nếu đạt mức đủ điểm (mỗi dòng tính riêng; dòng cuối: cả ba cùng lúc; các tỉnh khác giữ nguyên điểm).</p><ol>${items.join('')}</ol>${note(w.note)}</div>`
    : p.metrics.length > 0
      ? note(w.note)
      : ''
  const rest =
    p.metrics.length > 0 && more > 0
      ? note(`Và ${more} chỉ tiêu khác mất ít điểm hơn (xem sheet “${r.kind} ${p.name}” của bảng tính).`)
      : ''
  return `<section id="chi-tieu"><h2>3. Điểm bị mất theo chỉ tiêu</h2>${whatIf}<p class="lead">${esc(lead)}</p><figure>${chart}</figure>${rest}</section>`
}

function unitsSection(r: LeadershipReport): string {
  const parts: string[] = []
  const u = r.units
  if (u) {
    const top = u.units.filter((x) => x.pointsAtStake > 0).slice(0, 12)
    const maxStake = Math.max(0, ...top.map((x) => x.pointsAtStake))
    const short = new Map(u.indicators.map((i) => [i.code, i.short]))
    const rows = top.map((x) => {
      const worst = Object.entries(x.indicators)
        .filter(([, v]) => v && (v.pointsAtStake ?? 0) > 0)
        .sort((a, b) => (b[1]!.pointsAtStake ?? 0) - (a[1]!.pointsAtStake ?? 0))[0]
      const worstText = worst
        ? `${short.get(worst[0] as never) ?? worst[0]}: ${formatPercentVi(worst[1]!.value)}`
        : ''
      return `<tr><td class="name">${esc(x.name)}</td><td>${esc(LEVEL_LABELS[x.level] ?? x.level)}</td><td class="num">${esc(formatPercentVi(x.scorePercent, 1))}</td><td>${esc(worstText)}</td><td class="barcell">${inlineBar(x.pointsAtStake, maxStake, { label: `${num(x.pointsAtStake)} điểm` })}<span>${esc(num(x.pointsAtStake))}</span></td></tr>`
    })
    parts.push(
      `<h3>Theo số liệu hệ thống một cửa của tỉnh (${esc(formatPeriodVi(u.period))}${u.asOf ? `, đến ${esc(formatDateVi(u.asOf))}` : ''})</h3>`,
      note(r.unitsNote),
      `<p class="lead">Điểm có thể tăng: điểm ước tính của tỉnh tăng thêm nếu riêng đơn vị đó đạt mục tiêu ở mọi chỉ tiêu. Số liệu ước tính từ bảng xuất của tỉnh, không phải điểm chính thức của Cổng.</p>`,
      top.length
        ? table(
            [
              { text: 'Đơn vị' },
              { text: 'Cấp' },
              {
                text: 'Tỷ lệ đạt',
                num: true,
                title: 'Điểm ước tính / điểm tối đa của các chỉ tiêu có số liệu',
              },
              { text: 'Chỉ tiêu yếu nhất' },
              { text: 'Điểm tỉnh có thể tăng' },
            ],
            rows,
            'units',
          )
        : note('Không đơn vị nào làm tỉnh mất điểm theo các bảng hiện có.'),
    )
  }
  const pu = r.portalUnits
  if (pu) {
    const ranked = pu.units.filter((x) => x.total !== null)
    const worst = [...ranked].sort((a, b) => a.total! - b.total!).slice(0, 12)
    const rows = worst.map((x) => {
      const lost = Math.round((100 - x.total!) * 100) / 100
      const label = UNIT_COHORTS[x.type as keyof typeof UNIT_COHORTS] ?? x.type
      return `<tr><td class="name">${esc(x.name)}</td><td>${esc(label)}</td><td class="num">${esc(x.rank === null ? MISSING : `${x.rank}/${x.rankOf}`)}</td><td class="num">${esc(num(x.total))}</td><td class="barcell">${inlineBar(lost, 100, { label: `${num(lost)} điểm` })}<span>${esc(num(lost))}</span></td></tr>`
    })
    parts.push(
      `<h3>Theo Cổng Dịch vụ công quốc gia (${esc(formatPeriodVi(pu.period))}${pu.asOf ? `, ngày ${esc(formatDateVi(pu.asOf))}` : ''})</h3>`,
      `<p class="lead">Các đơn vị có tổng điểm thấp nhất; sở, ban, ngành và xã, phường được xếp hạng riêng.${pu.units.length > ranked.length ? ` ${pu.units.length - ranked.length} đơn vị chưa đủ điểm sáu nhóm nên chưa có tổng.` : ''}</p>`,
      worst.length
        ? table(
            [
              { text: 'Đơn vị' },
              { text: 'Khối' },
              { text: 'Hạng', num: true },
              { text: 'Tổng điểm', num: true },
              { text: 'Điểm bị mất' },
            ],
            rows,
            'units',
          )
        : note('Chưa đơn vị nào có đủ điểm sáu nhóm.'),
    )
  }
  if (!u && !pu) {
    parts.push(`<p class="empty">Không có số liệu đơn vị.</p>`, note(r.unitsNote), note(r.portalUnitsNote))
  }
  return `<section id="don-vi"><h2>4. Đơn vị làm mất nhiều điểm nhất</h2>${parts.join('')}</section>`
}

function rankingSection(r: LeadershipReport): string {
  const k = r.ranking
  if (!k) {
    return `<section id="xep-hang"><h2>5. Bảng xếp hạng</h2>${note('Kỳ này chưa có bảng xếp hạng các tỉnh.')}</section>`
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
    : GROUPS.map((g) => ({ code: g.code as string, max: g.max }))
  const nameOf = (code: string) =>
    code === 'DVCTT' ? 'Dịch vụ công trực tuyến (gộp)' : (GROUPS.find((g) => g.code === code)?.name ?? code)
  const rows = k.rows.map((row) => {
    const me = row.code === r.province.code
    const v = (code: string) =>
      code === 'DVCTT' ? row.online22 : row.groups[code as keyof typeof row.groups]
    return `<tr${me ? ' class="me" aria-current="true"' : ''} data-code="${esc(row.code)}"><td class="num">${esc(row.rank ?? MISSING)}</td>${changeCell(row.rankChange)}<td class="name">${esc(row.name)}</td><td class="num total">${esc(num(row.total))}</td><td>${esc(row.band ?? '')}</td>${cols.map((c) => `<td class="num">${esc(num(v(c.code)))}</td>`).join('')}</tr>`
  })
  const missing = k.missing.length
    ? note(`Không có trong lần cập nhật này (không xếp hạng): ${k.missing.map((m) => m.name).join(', ')}.`)
    : ''
  return `<section id="xep-hang"><h2>5. Bảng xếp hạng ${esc(k.cohort)} tỉnh, thành phố</h2>
<p class="lead">${esc(formatPeriodVi(k.period))}${k.asOf ? `, số liệu tính đến ngày ${esc(formatDateVi(k.asOf))}` : ''}; ${esc(k.ranked)}/${esc(k.cohort)} tỉnh, thành phố được xếp hạng. Các tỉnh bằng điểm cùng hạng.</p>
${table(
  [
    { text: 'Hạng', num: true },
    { text: '±', num: true, title: 'Thay đổi hạng so với lần trước' },
    { text: 'Tỉnh, thành phố' },
    { text: 'Tổng', num: true },
    { text: 'Xếp loại' },
    ...cols.map((c) => ({ text: c.code, num: true, title: `${nameOf(c.code)} (tối đa ${c.max})` })),
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
  const title = `${p.name} — Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766), ${formatPeriodVi(p.period)}`
  const meta = [
    formatPeriodVi(p.period),
    p.asOf ? `số liệu tính đến ngày ${formatDateVi(p.asOf)}` : null,
    r.ranking ? `nguồn: ${sourceLabelVi(r.ranking.source)}` : null,
  ]
    .filter(Boolean)
    .join(' · ')
  const status =
    p.rank === null
      ? note(
          p.status === 'incomplete'
            ? 'Tỉnh chưa có đủ điểm sáu nhóm trong lần cập nhật này nên chưa có tổng điểm và thứ hạng.'
            : 'Tỉnh chưa được xếp hạng trong lần cập nhật này.',
        )
      : ''
  return `<!DOCTYPE html>
<html lang="vi">
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
<p class="kicker">Chỉ số phục vụ người dân, doanh nghiệp · QĐ 766/QĐ-TTg</p>
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
<footer>Lập bởi qd766 lúc ${esc(formatTimestampVi(r.generatedAt, r.timezone))}. Điểm công bố của Cổng Dịch vụ công quốc gia là số liệu chính thức; số “ước tính” tính lại theo phương pháp${p.methodologyVersion ? ` ${esc(p.methodologyVersion)}` : ''} để chỉ ra chỗ mất điểm. Xếp hạng: các tỉnh bằng điểm cùng hạng (1, 2, 2, 4).</footer>
</main>
</body>
</html>
`
}
