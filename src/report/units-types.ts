/** The shape of a units report (src/report/units.ts): what `units --json` prints and the web shows. */
import type { IndicatorCode } from '../provincial/indicators.ts'
import type { UnitLevel } from '../provincial/rows.ts'

export interface UnitIndicatorValue {
  numerator: number
  denominator: number
  /** Percent, 2 decimals; null when the denominator is 0. */
  value: number | null
  previousValue: number | null
  /** value − previousValue, percentage points. */
  change: number | null
  /** The unit's own estimated score on this metric (null for information-only indicators). */
  estimatedScore: number | null
  /** Province points at stake on this metric. */
  pointsAtStake: number | null
}

export interface UnitRow {
  unitId: number
  name: string
  eidCode: string | null
  level: UnitLevel
  /** The cohort the unit is ranked in (agencies incl. land registry / districts / communes). */
  rankCohort: string
  rank: number | null
  /** Sum of the unit's own estimated metric scores over the metrics it has data for. */
  estimatedScore: number | null
  /** Maximum of those metrics. */
  coveredMax: number
  /** estimatedScore / coveredMax, percent. */
  scorePercent: number | null
  /** Same, in the previous period, over the metrics both periods cover. */
  scoreChange: number | null
  /** Total points the province's estimate would gain if this unit alone reached every target. */
  pointsAtStake: number
  indicators: Partial<Record<IndicatorCode, UnitIndicatorValue>>
}

export interface ProvinceIndicator {
  code: IndicatorCode
  name: string
  /** Short label for tables. */
  short: string
  metric: string | null
  group: string | null
  approximate: boolean
  numerator: number
  denominator: number
  value: number | null
  previousValue: number | null
  change: number | null
  /** ESTIMATE of the province's metric score from the summed counts. */
  estimatedScore: number | null
  maxScore: number | null
  units: number
  source: { readingId: number; table: string; family: string; file: string; asOf: string | null }
  /**
   * How the indicator is read from the tables ("T2 K/J: …"), text for people in the run's language
   * (Vietnamese, English with --lang en), like `name` and the findings' messages. Tools key on `code`,
   * `metric` and `source.table`, which never change with the language.
   */
  note: string
}

export interface UnitsReport {
  estimate: true
  province: { code: string; name: string; cohort: number; scope: string }
  period: string
  periodType: string
  periodStart: string
  periodEnd: string
  asOf: string | null
  previousPeriod: string | null
  methodology: string
  methodologyNote: string | null
  readings: Array<{
    id: number
    table: string
    family: string
    file: string
    sheet: string
    asOf: string | null
    units: number
  }>
  indicators: ProvinceIndicator[]
  groups: Array<{
    code: string
    name: string
    /** Sum of the estimated metric scores this group's covered metrics give. */
    estimatedScore: number
    coveredMax: number
    groupMax: number
    metrics: string[]
    /** The portal's group score for the same period from a national reading, if any. */
    portalScore: number | null
    portalSource: string | null
    /** The same reading's source code (`national-table`, …) and date, for people's wording. */
    portalSourceLabel: string | null
    portalAsOf: string | null
  }>
  units: UnitRow[]
  findings: Array<{
    kind: string
    severity: string
    message: string
    file: string
    row: number | null
  }>
}
