/**
 * How numbers and dates read in Vietnamese reports: a decimal comma and a dot between thousands
 * ("70,41", "443.565"), dates as dd/mm/yyyy, periods as "Năm 2026" / "Quý 3/2026" / "Tháng 8/2026".
 * Intl's vi-VN data gives the separators (Node ships full ICU); a missing value shows as an en dash.
 */

const formats = new Map<number, Intl.NumberFormat>()

function formatter(digits: number): Intl.NumberFormat {
  let f = formats.get(digits)
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    formats.set(digits, f)
  }
  return f
}

export const MISSING = '–'

/** 70.41 -> "70,41"; 1234.5 -> "1.234,50"; null -> "–". */
export function formatNumberVi(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING
  // A value that rounds to zero must not print as "-0,00".
  const v = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x
  return formatter(digits).format(v)
}

/** Counts: 443565 -> "443.565". */
export function formatIntVi(x: number | null | undefined): string {
  return formatNumberVi(x, 0)
}

/** A percentage given in percent units: 96.34 -> "96,34%". */
export function formatPercentVi(p: number | null | undefined, digits = 2): string {
  const s = formatNumberVi(p, digits)
  return s === MISSING ? s : `${s}%`
}

/** Signed with an explicit plus: 3.03 -> "+3,03"; -1.5 -> "−1,50" (true minus sign). */
export function formatSignedVi(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING
  const abs = formatNumberVi(Math.abs(x), digits)
  if (abs === formatNumberVi(0, digits)) return abs
  return x > 0 ? `+${abs}` : `−${abs}`
}

/** ISO "2026-10-05" (or a timestamp starting with it) -> "05/10/2026"; anything else unchanged. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return MISSING
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}

/** "2026" -> "Năm 2026", "2026-Q3" -> "Quý 3/2026", "2026-08" -> "Tháng 8/2026". */
export function formatPeriodVi(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period)
  if (q) return `Quý ${q[2]}/${q[1]}`
  const m = /^(\d{4})-(\d{2})$/.exec(period)
  if (m) return `Tháng ${Number(m[2])}/${m[1]}`
  return /^\d{4}$/.test(period) ? `Năm ${period}` : period
}

/** Rank change as people write it: +2 -> "↑2" (moved up), -1 -> "↓1", 0 -> "=", null -> "". */
export function formatRankChange(change: number | null | undefined): string {
  if (change === null || change === undefined) return ''
  return change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : '='
}
