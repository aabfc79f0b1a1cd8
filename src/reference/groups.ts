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

/** A stg/snapshot table's column of one group ("ckmb"). */
export type GroupColumn = GroupInfo['column']

/** Whether a code read from a file or the database is one of the six group codes (exactly as written). */
export function isGroupCode(code: string): code is GroupCode {
  return GROUP_CODES.some((c) => c === code)
}

/** A group code the database wrote itself (ref_metrics, portal captures): anything else is a bug. */
export function storedGroupCode(code: string | null): GroupCode {
  if (code === null || !isGroupCode(code))
    throw new Error(
      `internal: stored group code ${JSON.stringify(code)} is not one of ${GROUP_CODES.join(', ')}`,
    )
  return code
}

/** A row's value of a group named by a column key ("CKMB"); undefined for a key that is no group code. */
export function groupValueOf<T>(groups: Readonly<Record<GroupCode, T>>, key: string): T | undefined {
  return isGroupCode(key) ? groups[key] : undefined
}

export function groupByCode(code: string): GroupInfo | undefined {
  const c = code.trim().toUpperCase()
  return GROUPS.find((g) => g.code === c)
}
