/**
 * Everything the leadership reports show, gathered once and shared by the workbook and the HTML
 * page: the ranking snapshot, the province's groups, metrics, rank history and what-ifs, and its
 * agencies and communes (from the province's one-stop exports and from portal captures). Each part
 * that the data home cannot give (no portal captures, no provincial tables) is null with a note in
 * Vietnamese that the reports print instead, so that a report is always produced.
 */
import { onlyOne } from '../../collections.ts'
import type { Store } from '../../db/sqlite.ts'
import { errorMessage, NotFoundError } from '../../errors.ts'
import { fmtDate, fmtNumber } from '../../i18n/format.ts'
import { getLang, t, textOf } from '../../i18n/index.ts'
import { levelName, periodName, sourceName } from '../../i18n/terms.ts'
import { readingWarnings, todayIn } from '../../ingest/reading-warnings.ts'
import { GROUPS, type GroupCode } from '../../reference/groups.ts'
import type { ProvinceRegistry } from '../../reference/provinces.ts'
import type { WhatIfChange } from '../../score/compute.ts'
import { stripAccents } from '../../text/normalize.ts'
import { type PortalMetric, portalWhatIf, type ScoreSetRow } from '../portal-detail.ts'
import { getPortalUnits, type PortalUnits } from '../portal-units.ts'
import { getProvinceReport, type ProvinceReport } from '../province.ts'
import { getRanking, type Ranking, type RankingRow } from '../ranking.ts'
import { getUnitsReport } from '../units.ts'
import type { UnitsReport } from '../units-types.ts'

export interface WhatIfRow {
  /** "3.3", or "3 chỉ tiêu" for the combined row. */
  code: string
  name: string
  group: string
  /** Current ratio and the ratio assumed (percent). */
  ratio: number | null
  target: number
  scoreBefore: number | null
  scoreAfter: number | null
  pointsGained: number | null
  totalAfter: number | null
  rankBefore: number | null
  rankAfter: number | null
  note: string | null
}

export interface LeadershipReport {
  /** ISO timestamp of the report. */
  generatedAt: string
  timezone: string
  province: ProvinceReport
  /** "Tỉnh" or "TP" (a centrally-run city), for titles such as the workbook's sheet name. */
  kind: 'Tỉnh' | 'TP'
  /** The whole ranking of the same snapshot (null when the period has no snapshot). */
  ranking: Ranking | null
  /** The province's row in `ranking`. */
  row: RankingRow | null
  /**
   * The rank history drawn and listed: the comparable snapshots (same period type and province
   * list) that rank at least half of the list, plus the chosen one. A reading of a few provinces'
   * own captures ("1st of 1 ranked") says nothing about the rank among 34 and is left out.
   */
  history: ProvinceReport['history']
  /** Why some snapshots are not in `history`, when some are not. */
  historyNote: string | null
  /** The comparable snapshot before this one, from `history`. */
  previous: ProvinceReport['history'][number] | null
  /** What-ifs for the three metrics with the most points at stake: each alone, then all three. */
  whatIf: { rows: WhatIfRow[]; combined: WhatIfRow | null; note: string | null }
  /** Agencies/communes from the province's one-stop exports (indicator values, points at stake). */
  units: UnitsReport | null
  unitsNote: string | null
  /** Agencies/communes as the portal scores them (group scores, rank in their cohort). */
  portalUnits: PortalUnits | null
  portalUnitsNote: string | null
  /**
   * What looks wrong with the reading shown: dated after today, or a national table missing
   * provinces of its list (src/ingest/reading-warnings.ts). Printed above everything else.
   */
  readingWarnings: string[]
}

export interface GatherOptions {
  province: string
  period?: string
  asOf?: string
  now?: Date
  timezone?: string
}

export function gatherLeadershipReport(
  store: Store,
  registry: ProvinceRegistry,
  opts: GatherOptions,
): LeadershipReport {
  const province = getProvinceReport(store, registry, opts.province, { period: opts.period, asOf: opts.asOf })
  let ranking: Ranking | null = null
  if (province.snapshotId !== null) {
    // Same choice of snapshot as the province report (findSnapshotId with the same options).
    ranking = getRanking(store, { period: opts.period, asOf: opts.asOf })
    if (ranking.snapshotId !== province.snapshotId) ranking = null
  }
  const row = ranking?.rows.find((r) => r.code === province.code) ?? null
  const { history, historyNote } = representativeHistory(store, province)
  const at = history.findIndex((h) => h.snapshotId === province.snapshotId)
  const previous = history[at - 1] ?? null // at is -1 (not found) or an index: at - 1 is out of range for at <= 0

  const set = scoreSetOf(store, province)
  const type = registry.byCode(province.cohort, province.code)?.type ?? 'tỉnh'
  const timezone = opts.timezone ?? 'Asia/Ho_Chi_Minh'
  const warnings = readingWarnings(
    registry,
    {
      kind: 'snapshot',
      period: province.period,
      asOf: province.asOf,
      cohort: ranking?.cohort ?? null,
      // Only a national table is expected to name every province.
      present:
        ranking?.source === 'national-table'
          ? ranking.rows.filter((x) => x.status !== 'missing').map((x) => x.code)
          : null,
    },
    todayIn(timezone, opts.now),
  ).map((f) => f.message)
  return {
    generatedAt: (opts.now ?? new Date()).toISOString(),
    kind: type.startsWith('thành phố') ? 'TP' : 'Tỉnh',
    timezone,
    readingWarnings: warnings,
    province,
    ranking,
    row,
    history,
    historyNote,
    previous,
    whatIf: whatIfs(store, province, set),
    ...unitsOf(store, registry, province),
    ...portalUnitsOf(store, set),
  }
}

function representativeHistory(
  store: Store,
  p: ProvinceReport,
): Pick<LeadershipReport, 'history' | 'historyNote'> {
  if (p.history.length === 0) return { history: [], historyNote: null }
  const coverage = new Map(
    store
      .all(
        store.db
          .selectFrom('snapshots')
          .select(['id', 'ranked', 'cohort'])
          .where(
            'id',
            'in',
            p.history.map((h) => h.snapshotId),
          ),
      )
      .map((s) => [s.id, s.ranked * 2 >= s.cohort]),
  )
  const history = p.history.filter(
    (h) => h.snapshotId === p.snapshotId || coverage.get(h.snapshotId) !== false,
  )
  const left = p.history.length - history.length
  return {
    history,
    historyNote: left ? t('rpt.history.left-out', { n: left }) : null,
  }
}

function scoreSetOf(store: Store, p: ProvinceReport): ScoreSetRow | null {
  if (!p.portal) return null
  const row = store.first(
    store.db.selectFrom('mart_portal_scores').selectAll().where('id', '=', p.portal.scoreSetId),
  )
  return row ?? null
}

/** The ratio (percent) at which a metric scores its maximum: its threshold, else 100%. */
export function fullPointsRatio(m: Pick<PortalMetric, 'fullPointsAt'>): number {
  return m.fullPointsAt ?? 100
}

/** Metrics worth a what-if: scored, with points lost, largest first (the report's order). */
export function topMetrics(metrics: PortalMetric[], count = 3): PortalMetric[] {
  return metrics
    .filter((m) => m.rule !== 'tracked' && m.pointsLost !== null && m.pointsLost > 0 && m.maxScore > 0)
    .slice(0, count)
}

function whatIfs(store: Store, p: ProvinceReport, set: ScoreSetRow | null): LeadershipReport['whatIf'] {
  if (!set || p.metrics.length === 0) {
    return {
      rows: [],
      combined: null,
      note: t('rpt.whatif.no-metrics'),
    }
  }
  const top = topMetrics(p.metrics)
  if (top.length === 0) {
    return {
      rows: [],
      combined: null,
      note: t('rpt.whatif.nothing-lost'),
    }
  }
  const change = (m: PortalMetric): WhatIfChange => ({
    metric: m.code,
    ratio: Math.round(fullPointsRatio(m) * 100) / 10_000,
  })
  const run = (metrics: PortalMetric[]): Omit<WhatIfRow, 'code' | 'name' | 'group' | 'ratio' | 'target'> => {
    try {
      const w = portalWhatIf(store, set, metrics.map(change), p.snapshotId)
      const step = onlyOne(w.steps)
      // The engine's caveats (src/score/compute.ts, from the catalogue, in the report's language):
      // why a score could not be recomputed, or that a group was recomputed from its metrics.
      const caveats = [...new Set(w.steps.flatMap((s) => (s.note ? [s.note] : [])))]
      return {
        scoreBefore: step ? step.before.metricScore : null,
        scoreAfter: step ? step.after.metricScore : null,
        pointsGained: w.after.pointsGained,
        totalAfter: w.after.total,
        rankBefore: w.before.rank,
        rankAfter: w.after.rank,
        // Without a caveat, a missing total still says why.
        note: caveats.length
          ? caveats.join(' ')
          : w.after.total === null
            ? t('rpt.whatif.group-incomplete')
            : null,
      }
    } catch (err) {
      return {
        scoreBefore: null,
        scoreAfter: null,
        pointsGained: null,
        totalAfter: null,
        rankBefore: null,
        rankAfter: null,
        note: t('rpt.whatif.failed', { error: errorMessage(err) }),
      }
    }
  }
  const rows: WhatIfRow[] = top.map((m) => ({
    code: m.code,
    name: m.name,
    group: m.group,
    ratio: m.ratio,
    target: fullPointsRatio(m),
    ...run([m]),
  }))
  const combined: WhatIfRow | null =
    top.length > 1
      ? {
          code: t('rpt.whatif.n-metrics', { n: top.length }),
          name: t('rpt.whatif.all', { n: top.length }),
          group: '',
          ratio: null,
          target: 100,
          ...run(top),
        }
      : null
  const portalDay = p.portal && p.asOf && p.portal.asOf && p.portal.asOf !== p.asOf ? p.portal.asOf : null
  return {
    rows,
    combined,
    // The what-if starts from the headline (the snapshot's total and rank, src/report/figures.ts).
    note: portalDay
      ? t('rpt.whatif.other-day', {
          portal: fmtDate(portalDay),
          total: fmtNumber(p.total),
          date: fmtDate(p.asOf),
        })
      : null,
  }
}

function unitsOf(
  store: Store,
  registry: ProvinceRegistry,
  p: ProvinceReport,
): Pick<LeadershipReport, 'units' | 'unitsNote'> {
  const attempt = (period?: string): UnitsReport | null => {
    try {
      return getUnitsReport(store, registry, p.name, { period })
    } catch (err) {
      if (err instanceof NotFoundError) return null
      throw err
    }
  }
  const same = attempt(p.period)
  if (same) return { units: same, unitsNote: null }
  const latest = attempt()
  if (latest) {
    return {
      units: latest,
      unitsNote: t('rpt.units.latest', { period: periodName(p.period), latest: periodName(latest.period) }),
    }
  }
  return {
    units: null,
    unitsNote: t('rpt.units.no-tables'),
  }
}

function portalUnitsOf(
  store: Store,
  set: ScoreSetRow | null,
): Pick<LeadershipReport, 'portalUnits' | 'portalUnitsNote'> {
  if (!set) {
    return {
      portalUnits: null,
      portalUnitsNote: t('rpt.portal-units.no-captures'),
    }
  }
  const units = getPortalUnits(store, set)
  return units.units.length
    ? { portalUnits: units, portalUnitsNote: null }
    : { portalUnits: null, portalUnitsNote: t('rpt.portal-units.none') }
}

/** An indicator group's name in the current language ("MDSH" -> "Số hóa hồ sơ" / "Digitised dossiers"). */
export function groupName(code: string, fallback?: string): string {
  return textOf(`rpt.group.${code}`) ?? fallback ?? code
}

/**
 * A ranking's group columns with their headers ("Công khai, minh bạch (18)"): the five groups of the
 * five-group form (online services as one /22 group), else the six of GROUPS.
 */
export function rankingGroupColumns(
  form: string | undefined,
): Array<{ header: string; key: GroupCode | 'online22' }> {
  if (form === 'five')
    return [
      { header: `${groupName('CKMB')} (18)`, key: 'CKMB' },
      { header: `${groupName('TDGQ')} (20)`, key: 'TDGQ' },
      { header: `${groupName('CLGQ')} (22)`, key: 'online22' },
      { header: `${groupName('MDHL')} (18)`, key: 'MDHL' },
      { header: `${groupName('MDSH')} (22)`, key: 'MDSH' },
    ]
  return GROUPS.map((g) => ({ header: `${groupName(g.code, g.name)} (${g.max})`, key: g.code }))
}

/** A unit level or portal cohort as the reports print it ("Sở, ban, ngành" / "agencies"). */
export function levelLabel(level: string, vi: string | undefined): string {
  return getLang() === 'vi' ? (vi ?? level) : levelName(level) || level
}

export interface DisplayGroup {
  code: string
  name: string
  score: number | null
  max: number
  pointsLost: number | null
  /** Rank on this group among the provinces of the snapshot (not kept for the merged /22 group). */
  rank: number | null
  reportedScore: number | null
  computedScore: number | null
}

/**
 * The groups as the reading gives them: six, or five when it is a five-group table (CLGQ + TTTT shown
 * as "Dịch vụ công trực tuyến" /22, the only form such a reading has scores for).
 */
export function displayGroups(r: LeadershipReport): DisplayGroup[] {
  const p = r.province
  const online22 = r.row?.online22 ?? null
  const five =
    r.ranking?.form === 'five' ||
    (online22 !== null &&
      p.groups.every((g) => (g.code === 'CLGQ' || g.code === 'TTTT' ? g.score === null : true)))
  const lost = (score: number | null, max: number) =>
    score === null ? null : Math.round((max - score) * 100) / 100
  const out: DisplayGroup[] = []
  for (const g of p.groups) {
    if (five && g.code === 'TTTT') continue
    if (five && g.code === 'CLGQ') {
      out.push({
        code: 'DVCTT',
        name: t('rpt.group.DVCTT'),
        score: online22,
        max: 22,
        pointsLost: lost(online22, 22),
        rank: null,
        reportedScore: null,
        computedScore: null,
      })
      continue
    }
    out.push({
      code: g.code,
      name: groupName(g.code, g.name),
      score: g.score,
      max: g.maxScore,
      pointsLost: lost(g.score, g.maxScore),
      rank: g.rank,
      reportedScore: g.reportedScore,
      computedScore: g.computedScore,
    })
  }
  return out
}

/** "Đắk Lắk: hạng 20/34, 70,41 điểm, ↑1 so với lần trước" is built from these. */
export function rankChangePhrase(change: number | null, hasPrevious: boolean): string {
  if (change === null) return hasPrevious ? t('rpt.no-comparison') : t('rpt.no-previous')
  if (change > 0) return t('rpt.change.up', { n: change })
  if (change < 0) return t('rpt.change.down', { n: -change })
  return t('rpt.same-as-before')
}

/** The one line a leader reads first: "Đắk Lắk: hạng 20/34, 70,41 điểm, ↑1 so với lần trước". */
export function headline(r: LeadershipReport): string {
  const p = r.province
  const total = p.total === null ? t('rpt.incomplete-total') : t('rpt.points', { n: fmtNumber(p.total) })
  if (p.rank === null) {
    return t('rpt.headline.unranked', { name: p.name, total })
  }
  if (!p.nationalRank) {
    // A reading of a few provinces' own captures: "hạng 1/34" would be false.
    return t('rpt.headline.partial', { name: p.name, total, ranked: p.ranked ?? 0, n: p.cohortSize })
  }
  return t('rpt.headline', {
    name: p.name,
    rank: p.rank,
    n: p.cohortSize,
    total,
    change: rankChangePhrase(p.rankChange, r.previous !== null),
  })
}

/** "bao-cao-766-dak-lak-2026-2026-10-05": a file name without accents or spaces. */
export function reportFileStem(r: LeadershipReport): string {
  const slug = stripAccents(r.province.name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `bao-cao-766-${slug}-${r.province.period}${r.province.asOf ? `-${r.province.asOf}` : ''}`
}

/** The snapshot's source in the current language ("national-table" -> "bảng xếp hạng quốc gia"). */
export function sourceLabel(source: string): string {
  return sourceName(source) || source
}
