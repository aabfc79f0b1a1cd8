/**
 * Codes stored in the database and written in JSON ("national-ranking", "portal-metrics",
 * "commune", "accepted") as a person reads them, from the catalogue (messages/terms.ts). A code the
 * catalogue does not know is shown as it is rather than hidden.
 */
import { t, textOf } from './index.ts'

function term(prefix: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return ''
  return textOf(`${prefix}.${code}`) ?? code
}

/** Input family: "national-ranking" -> "bảng xếp hạng quốc gia". */
export const kindName = (kind: string | null | undefined) => term('term.kind', kind)
/** Source of a snapshot's totals: "national-table" -> "bảng xếp hạng quốc gia". */
export const sourceName = (source: string | null | undefined) => term('term.source', source)
/** Unit level: "agency" -> "sở, ban, ngành", "commune" -> "xã, phường". */
export const levelName = (level: string | null | undefined) => term('term.level', level)
/** File outcome: "accepted" -> "đã nhận". */
export const statusName = (status: string | null | undefined) => term('term.status', status)
/** Snapshot row status: "ranked" -> "có hạng". */
export const rowStatusName = (status: string | null | undefined) => term('term.row', status)
export const severityName = (severity: string | null | undefined) => term('term.severity', severity)

/** "2026" -> "Năm 2026", "2026-Q3" -> "Quý 3/2026", "2026-08" -> "Tháng 8/2026" (English: "Q3 2026"). */
export function periodName(period: string | null | undefined): string {
  if (!period) return ''
  if (/^\d{4}$/.test(period)) return t('term.period.year', { y: period })
  // the groups below are mandatory, so the defaults never apply
  let m = /^(\d{4})-Q([1-4])$/.exec(period)
  if (m) {
    const [, y = '', n = ''] = m
    return t('term.period.quarter', { y, n })
  }
  m = /^(\d{4})-(\d{2})$/.exec(period)
  if (m) {
    const [, y = ''] = m
    return t('term.period.month', { y, n: String(Number(m[2])) })
  }
  return period
}
