/**
 * Numbers and dates for people in the current language: Vietnamese "70,41", "1.234", "05/10/2026";
 * English "70.41", "1,234", "2026-10-05". Machine output (JSON, CSV meant for tools) never goes
 * through here: it keeps dots and ISO dates.
 */
import { formatDateVi, formatNumberVi, MISSING } from '../report/svg/format.ts'
import { getLang } from './lang.ts'

export function fmtNumber(x: number | null | undefined, digits = 2): string {
  if (getLang() === 'vi') return formatNumberVi(x, digits)
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING
  const v = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function fmtInt(x: number | null | undefined): string {
  return fmtNumber(x, 0)
}

/**
 * An ISO timestamp as the local wall-clock time people read: "09/10/2026 08:15" (vi) or
 * "2026-10-09 08:15" (en), in the machine's time zone.
 */
export function fmtLocalDateTime(iso: string | null | undefined): string {
  if (!iso) return MISSING
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  const date =
    getLang() === 'vi'
      ? `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`
      : `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
  return `${date} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** ISO date or timestamp -> dd/mm/yyyy (vi) or yyyy-mm-dd (en). */
export function fmtDate(iso: string | null | undefined): string {
  if (getLang() === 'vi') return formatDateVi(iso)
  if (!iso) return MISSING
  return /^(\d{4}-\d{2}-\d{2})/.exec(iso)?.[1] ?? iso
}

/**
 * A run's length for people: "0,4 giây", "12 giây", "2 phút 05 giây", "1,5 giờ" (vi) or "0.4 s",
 * "12 s", "2 min 05 s", "1.5 h" (en). Under ten seconds it keeps a tenth, so a quick run never
 * reads "0".
 */
export function fmtDuration(ms: number): string {
  const vi = getLang() === 'vi'
  const x = Math.max(0, ms)
  if (x < 9950) return `${fmtNumber(x / 1000, 1)} ${vi ? 'giây' : 's'}`
  const s = Math.round(x / 1000)
  if (s < 60) return `${s} ${vi ? 'giây' : 's'}`
  if (s < 3600) {
    const rest = String(s % 60).padStart(2, '0')
    return vi ? `${Math.floor(s / 60)} phút ${rest} giây` : `${Math.floor(s / 60)} min ${rest} s`
  }
  return `${fmtNumber(s / 3600, 1)} ${vi ? 'giờ' : 'h'}`
}

/** A percentage given in percent units: 96.34 -> "96,34%" (vi) or "96.34%" (en). */
export function fmtPercent(p: number | null | undefined, digits = 2): string {
  const s = fmtNumber(p, digits)
  return s === MISSING ? s : `${s}%`
}

/** Signed with an explicit plus: 3.03 -> "+3,03" (en "+3.03"); -1.5 -> "−1,50" (true minus sign). */
export function fmtSigned(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING
  const abs = fmtNumber(Math.abs(x), digits)
  if (abs === fmtNumber(0, digits)) return abs
  return x > 0 ? `+${abs}` : `−${abs}`
}
