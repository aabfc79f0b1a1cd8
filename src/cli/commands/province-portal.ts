/**
 * The portal-capture parts of `qd766 province` (issue 3): metric table sorted by the points at
 * stake, findings, what-if, and the portal's agencies/communes for `--units`. Kept apart from
 * province.ts so the provincial-export `--units` and these parts can change independently.
 */

import { errorMessage } from '../../errors.ts'
import { fmtDate } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'
import { levelName, periodName, severityName } from '../../i18n/terms.ts'
import { GROUP_CODES } from '../../reference/groups.ts'
import { isNationalRanking } from '../../report/figures.ts'
import { parseWhatIf } from '../../report/portal-detail.ts'
import type { PortalUnits } from '../../report/portal-units.ts'
import type { ProvinceReport } from '../../report/province.ts'
import type { WhatIfChange } from '../../score/compute.ts'
import { UsageError } from '../args.ts'
import { formatNumber, renderTable, TERMINAL_WIDTH, wrap } from '../output.ts'

/** `--what-if` values (repeatable) -> engine changes; bad syntax is a usage error. */
export function parseWhatIfs(values: unknown): WhatIfChange[] {
  const list = values === undefined ? [] : Array.isArray(values) ? values : [values]
  try {
    return list.map((v) => parseWhatIf(String(v)))
  } catch (err) {
    throw new UsageError(errorMessage(err))
  }
}

/** Metric detail in sections (one per group, by points lost), findings and what-if; '' without captures. */
export function renderPortalDetail(r: ProvinceReport): string {
  if (!r.portal) return ''
  const p = r.portal
  const out: string[] = ['']
  out.push(
    wrap(
      t('province.metrics-title', {
        period: periodName(p.period),
        asOf: p.asOf ? fmtDate(p.asOf) : '',
        version: p.methodologyVersion,
      }),
    ),
  )
  const peers = Math.max(0, ...r.metrics.map((m) => m.rankOf))
  const showRank = isNationalRanking({ ranked: peers, cohort: r.cohortSize })
  const groups = [...r.groups].sort(
    (a, b) =>
      lostOf(b.reportedScore ?? b.computedScore, b.maxScore) -
      lostOf(a.reportedScore ?? a.computedScore, a.maxScore),
  )
  for (const g of groups) {
    const metrics = r.metrics.filter((m) => m.group === g.code)
    if (!metrics.length) continue
    const portalScore = g.reportedScore ?? g.computedScore
    out.push(
      '',
      t('province.metrics-group', {
        code: g.code,
        name: g.name,
        score: formatNumber(portalScore),
        max: formatNumber(g.maxScore, 0),
        headline: r.snapshotId !== null && g.score !== portalScore ? formatNumber(g.score) : '',
      }),
    )
    out.push(
      renderTable(
        [
          t('province.h.lost'),
          t('province.h.portal-score'),
          t('province.h.computed'),
          t('province.h.max'),
          t('province.h.ratio'),
          t('province.h.counts'),
          ...(showRank ? [t('province.h.rank')] : []),
          t('province.h.metric'),
        ],
        metrics.map((m) => [
          formatNumber(m.pointsLost),
          formatNumber(m.reportedScore),
          formatNumber(m.computedScore),
          formatNumber(m.maxScore, 0),
          formatNumber(m.ratio),
          m.numerator === null && m.denominator === null
            ? null
            : `${formatNumber(m.numerator, 0)}/${formatNumber(m.denominator, 0)}`,
          ...(showRank ? [m.rank === null ? null : `${m.rank}/${m.rankOf}`] : []),
          `${m.code}${m.estimate ? '*' : ''} ${m.name}`,
        ]),
        ['r', 'r', 'r', 'r', 'r', 'r', ...(showRank ? ['r' as const] : []), 'l'],
        { shrink: showRank ? 7 : 6, minWidth: 30 },
      ),
    )
  }
  if (peers > 0) out.push('', wrap(t('province.metric-rank-note', { n: peers, national: showRank })))
  if (r.metrics.some((m) => m.estimate)) out.push(t('province.estimate-note'))
  out.push(
    wrap(
      t('province.portal-totals', {
        total: formatNumber(p.total),
        computed: formatNumber(p.computedTotal),
        reported: p.reportedTotal !== null ? formatNumber(p.reportedTotal) : '',
        incomplete: !p.complete,
      }),
    ),
  )
  out.push('', t('province.differences'))
  out.push(
    r.findings.length
      ? r.findings
          .map((f) => wrap(`[${severityName(f.severity)}] ${f.message}`, TERMINAL_WIDTH, '  '))
          .join('\n')
      : `  ${t('common.none')}`,
  )
  if (r.whatIf) {
    const w = r.whatIf
    out.push('', t('province.whatif'))
    for (const s of w.steps) {
      out.push(
        t('province.whatif.step', {
          metric: s.metric,
          ratio: formatNumber(s.ratio),
          from: formatNumber(s.before.metricScore),
          to: formatNumber(s.after.metricScore),
          group: s.group,
          gFrom: formatNumber(s.before.groupScore),
          gTo: formatNumber(s.after.groupScore),
        }),
      )
    }
    out.push(
      wrap(
        t('province.whatif.total', {
          from: formatNumber(w.before.total),
          to: formatNumber(w.after.total),
          gained:
            w.after.pointsGained !== null
              ? `${w.after.pointsGained >= 0 ? '+' : ''}${formatNumber(w.after.pointsGained)}`
              : '',
        }) +
          (w.snapshotId !== null && (w.before.rank !== null || w.after.rank !== null)
            ? t('province.whatif.rank', {
                from: String(w.before.rank ?? '–'),
                to: String(w.after.rank ?? '–'),
                of: String(w.ranked ?? '–'),
                date: w.snapshotAsOf ? fmtDate(w.snapshotAsOf) : '',
              })
            : ''),
        TERMINAL_WIDTH,
        '  ',
      ),
    )
    if (w.note) out.push(wrap(t('province.note', { text: w.note }), TERMINAL_WIDTH, '  '))
  }
  return `${out.join('\n')}\n`
}

const lostOf = (score: number | null, max: number) => (score === null ? -1 : max - score)

/** The portal's agencies and communes, one table per cohort (ranked separately). */
export function renderPortalUnits(u: PortalUnits | null): string {
  if (!u) return ''
  const out: string[] = [
    '',
    t('province.portal-units', { period: periodName(u.period), asOf: u.asOf ? fmtDate(u.asOf) : '' }),
  ]
  for (const c of u.cohorts) {
    const rows = u.units.filter((x) => x.type === c.type)
    out.push(
      '',
      t('province.portal-cohort', { label: levelName(c.type) || c.label, units: c.units, ranked: c.ranked }),
    )
    out.push(
      renderTable(
        [t('province.h.rank'), t('province.h.unit'), t('province.h.total'), ...GROUP_CODES],
        rows.map((x) => [
          x.rank,
          x.name,
          formatNumber(x.total),
          ...GROUP_CODES.map((g) => formatNumber(x.groups[g])),
        ]),
        ['r', 'l', 'r', ...GROUP_CODES.map(() => 'r' as const)],
        { shrink: 1, minWidth: 20 },
      ),
    )
  }
  return `${out.join('\n')}\n`
}
