/**
 * The six groups of the index as the portal codes them (docs/methodology.md §2), and the five-group
 * presentation where "Dịch vụ (công) trực tuyến" out of 22 is CLGQ + TTTT. Metric-level detail and
 * versioning live in the methodology data (db/seeds/methodology); group codes and maxima have not
 * changed across versions, so tables of group scores can be validated against these.
 */
export const GROUP_CODES = ['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH'] as const
export type GroupCode = (typeof GROUP_CODES)[number]

export interface GroupInfo {
  code: GroupCode
  name: string
  max: number
  /** Column name in stg/snapshot tables. */
  column: 'ckmb' | 'tdgq' | 'clgq' | 'tttt' | 'mdhl' | 'mdsh'
}

export const GROUPS: readonly GroupInfo[] = [
  { code: 'CKMB', name: 'Công khai, minh bạch', max: 18, column: 'ckmb' },
  { code: 'TDGQ', name: 'Tiến độ giải quyết', max: 20, column: 'tdgq' },
  { code: 'CLGQ', name: 'Dịch vụ công trực tuyến', max: 12, column: 'clgq' },
  { code: 'TTTT', name: 'Thanh toán trực tuyến', max: 10, column: 'tttt' },
  { code: 'MDHL', name: 'Mức độ hài lòng', max: 18, column: 'mdhl' },
  { code: 'MDSH', name: 'Số hóa hồ sơ', max: 22, column: 'mdsh' },
]

/** Five-group form: CLGQ + TTTT shown as one group out of 22. */
export const ONLINE22 = {
  code: 'DVCTT',
  name: 'Dịch vụ công trực tuyến (gộp)',
  max: 22,
  column: 'online22',
} as const

export function groupByCode(code: string): GroupInfo | undefined {
  const c = code.trim().toUpperCase()
  return GROUPS.find((g) => g.code === c)
}
