/**
 * The portal-capture parts of `qd766 province` (issue 3): metric table sorted by the points at
 * stake, findings, what-if, and the portal's agencies/communes for `--units`. Kept apart from
 * province.ts so the provincial-export `--units` and these parts can change independently.
 */
import { GROUP_CODES } from '../../reference/groups.ts'
import { parseWhatIf } from '../../report/portal-detail.ts'
import type { PortalUnits } from '../../report/portal-units.ts'
import type { ProvinceReport } from '../../report/province.ts'
import type { WhatIfChange } from '../../score/compute.ts'
import { UsageError } from '../args.ts'
import { formatNumber, renderTable } from '../output.ts'

/** `--what-if` values (repeatable) -> engine changes; bad syntax is a usage error. */
export function parseWhatIfs(values: unknown): WhatIfChange[] {
  const list = values === undefined ? [] : Array.isArray(values) ? values : [values]
  try {
    return list.map((v) => parseWhatIf(String(v)))
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

const short = (s: string, n = 44) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** Metric detail, findings and what-if under the group table; '' without portal captures. */
export function renderPortalDetail(r: ProvinceReport): string {
  if (!r.portal) return ''
  const p = r.portal
  const out: string[] = []
  out.push(
    '',
    `Chỉ số từ Cổng DVCQG (kỳ ${p.period}${p.asOf ? `, tính đến ${p.asOf}` : ''}, phương pháp ${p.methodologyVersion}, nguồn ${p.source}) — theo số điểm bị mất:`,
  )
  out.push(
    renderTable(
      [
        'Nhóm',
        'Mã',
        'Chỉ số',
        'Tử số',
        'Mẫu số',
        'Tỷ lệ %',
        'Điểm cổng',
        'Điểm tính',
        'Tối đa',
        'Mất',
        'Hạng',
      ],
      r.metrics.map((m) => [
        m.group,
        `${m.code}${m.estimate ? '*' : ''}`,
        short(m.name),
        m.numerator,
        m.denominator,
        formatNumber(m.ratio),
        formatNumber(m.reportedScore),
        formatNumber(m.computedScore),
        formatNumber(m.maxScore, 0),
        formatNumber(m.pointsLost),
        m.rank === null ? null : `${m.rank}/${m.rankOf}`,
      ]),
      ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  )
  if (r.metrics.some((m) => m.estimate)) {
    out.push('* ước tính: cách chia điểm CLGQ (2 + 4 + 6) là suy luận, điểm của cổng là điểm chính thức.')
  }
  out.push(
    `Tổng theo cổng ${formatNumber(p.total)}, tổng tính lại ${formatNumber(p.computedTotal)}` +
      (p.reportedTotal !== null ? `, tổng cổng công bố ${formatNumber(p.reportedTotal)}` : '') +
      (p.complete ? '' : ' (thiếu nhóm: không có tổng, không xếp hạng)'),
  )
  out.push('', 'Chênh lệch điểm cổng / điểm tính (> 0,01):')
  out.push(
    r.findings.length ? r.findings.map((f) => `  [${f.severity}] ${f.message}`).join('\n') : '  (không có)',
  )
  if (r.whatIf) {
    const w = r.whatIf
    out.push('', 'Giả định (what-if):')
    for (const s of w.steps) {
      out.push(
        `  ${s.metric} → ${formatNumber(s.ratio)}%: điểm ${formatNumber(s.before.metricScore)} → ${formatNumber(s.after.metricScore)}, ` +
          `nhóm ${s.group} ${formatNumber(s.before.groupScore)} → ${formatNumber(s.after.groupScore)}`,
      )
    }
    out.push(
      `  Tổng ${formatNumber(w.before.total)} → ${formatNumber(w.after.total)}` +
        (w.after.pointsGained !== null
          ? ` (${w.after.pointsGained >= 0 ? '+' : ''}${formatNumber(w.after.pointsGained)})`
          : '') +
        (w.snapshotId !== null
          ? `, hạng ${w.before.rank ?? '–'} → ${w.after.rank ?? '–'} trên ${w.ranked ?? '–'} tỉnh có tổng điểm (bảng xếp hạng${w.snapshotAsOf ? ` ngày ${w.snapshotAsOf}` : ''})`
          : ''),
    )
    if (w.note) out.push(`  Ghi chú: ${w.note}`)
  }
  return `${out.join('\n')}\n`
}

/** The portal's agencies and communes, one table per cohort (ranked separately). */
export function renderPortalUnits(u: PortalUnits | null): string {
  if (!u) return ''
  const out: string[] = [
    '',
    `Đơn vị theo Cổng DVCQG (kỳ ${u.period}${u.asOf ? `, tính đến ${u.asOf}` : ''}; xếp hạng riêng từng khối):`,
  ]
  for (const c of u.cohorts) {
    const rows = u.units.filter((x) => x.type === c.type)
    out.push('', `${c.label} (${c.units} đơn vị, ${c.ranked} có tổng điểm):`)
    out.push(
      renderTable(
        ['Hạng', 'Mã', 'Đơn vị', 'Tổng', ...GROUP_CODES],
        rows.map((x) => [
          x.rank,
          x.code,
          short(x.name, 40),
          formatNumber(x.total),
          ...GROUP_CODES.map((g) => formatNumber(x.groups[g])),
        ]),
        ['r', 'l', 'l', 'r', ...GROUP_CODES.map(() => 'r' as const)],
      ),
    )
  }
  return `${out.join('\n')}\n`
}
