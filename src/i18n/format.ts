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
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso)
  return m ? (m[1] as string) : iso
}
