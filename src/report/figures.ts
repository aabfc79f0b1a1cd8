/**
 * Which reading each figure comes from — one answer per question, for every view (CLI `province`
 * and `ranking`, the leadership workbook and HTML report, the web pages).
 *
 * | question                                   | reading                                                    |
 * |--------------------------------------------|------------------------------------------------------------|
 * | rank, total, group scores, band, change    | the ranking snapshot chosen (`findSnapshotId`): the latest national table unless --period/--as-of pick another |
 * | metric detail (counts, ratios, metric scores, points lost per metric) | the province's portal captures (`findScoreSet`): the only source of metrics |
 * | a group's score recomputed from its metrics| the same captures, labelled "tính lại từ số liệu Cổng ngày …" beside the snapshot's group score |
 * | what-if (points gained, total and rank after) | the points gained come from the captures; they are added to the SNAPSHOT's total (capped at each group's maximum) and ranked among the snapshot's other totals, so "now" is always the headline |
 * | rank history                               | snapshots of the same period type and province list that rank at least half of the list |
 *
 * A reading that ranks fewer than half of the province list (typically one province's own portal
 * captures) never gives a rank "n/34": `isNationalRanking` is false and views say it is not a
 * national rank.
 */
import { fmtDate } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import { sourceName } from '../i18n/terms.ts'
import { fromHundredths, toHundredths } from '../score/round.ts'

/** True when a snapshot ranks enough of the list for its ranks to be national ranks. */
export function isNationalRanking(s: { ranked: number; cohort: number }): boolean {
  return s.ranked * 2 >= s.cohort
}

/** The rank a view may print for a province in a snapshot: null when it is not a national rank. */
export function nationalRank(rank: number | null, s: { ranked: number; cohort: number }): number | null {
  return isNationalRanking(s) ? rank : null
}

/**
 * "theo bảng xếp hạng quốc gia ngày 05/10/2026" — the label of the figures taken from a snapshot.
 */
export function snapshotLabel(s: { source: string; asOf: string | null; period: string }): string {
  return t('figures.from-snapshot', { source: sourceName(s.source), date: s.asOf ? fmtDate(s.asOf) : '' })
}

/** "tính lại từ số liệu Cổng ngày 10/10/2026" — the label of figures recomputed from captures. */
export function capturesLabel(asOf: string | null): string {
  return t('figures.from-captures', { date: asOf ? fmtDate(asOf) : '' })
}

/** Whether the metric detail is of another day than the headline snapshot (then both are labelled). */
export function otherDay(snapshotAsOf: string | null, capturesAsOf: string | null): boolean {
  return capturesAsOf !== null && snapshotAsOf !== capturesAsOf
}

/**
 * A what-if gain (or loss) from the captures applied to the headline's total: each group's change is
 * kept between what that group still lacks in the snapshot and what it has (a group stays within
 * 0..max), and the changes are summed onto the snapshot's total.
 */
export function totalAfterGains(
  headline: { total: number | null; groups: Array<{ code: string; score: number | null; maxScore: number }> },
  gains: Array<{ group: string; gained: number }>,
): { total: number | null; gained: number | null } {
  if (headline.total === null) return { total: null, gained: null }
  const byGroup = new Map<string, number>()
  for (const g of gains) byGroup.set(g.group, (byGroup.get(g.group) ?? 0) + toHundredths(g.gained))
  let gained = 0
  for (const [code, h] of byGroup) {
    const group = headline.groups.find((g) => g.code === code)
    const room = group && group.score !== null ? toHundredths(group.maxScore) - toHundredths(group.score) : h
    // A group stays within 0..max: it can neither pass its maximum nor fall below zero.
    const floor = group && group.score !== null ? -toHundredths(group.score) : h
    gained += Math.max(floor, Math.min(h, room))
  }
  return {
    total: fromHundredths(toHundredths(headline.total) + gained),
    gained: fromHundredths(gained),
  }
}
