/**
 * Unit identity inside a province (issue 4 §4). A unit is matched across files and periods by its
 * agency e-ID code ("Mã định danh", e.g. 000.00.12.H56, kept as text) when the file has one, else by
 * its normalised name within the province. Names vary between exports ("UBND huyện Nga Sơn",
 * "Ủy ban nhân dân huyện Nga Sơn", "UBND Huyện Nga Sơn"; "Thủy"/"Thuỷ"; "Sở Tài nguyên & Môi
 * trường"), so names are compared by a key: accents, case, tone style, punctuation and the
 * "Ủy ban nhân dân" / "TP." spellings normalised.
 *
 * Scope: units belong to a province *territory*. A province that was not merged in 2025 (same GSO code
 * and no other province merged into it) keeps one scope across the 63- and 34-province lists, so a
 * unit's change since the previous period can be followed across 07/2025; a merged province starts a
 * new scope ("15@34" is Lào Cai after the merger, not Yên Bái's "15@63").
 */
import type { Cohort, Province, ProvinceRegistry } from '../reference/provinces.ts'
import { matchKey } from '../text/normalize.ts'

const SPELLINGS = /\b(?:uy ban nhan dan|tp|tx|tt|vpdk)/

/** The comparison key of a unit name. */
export function unitNameKey(name: string): string {
  const key = matchKey(name.replace(/&/g, ' và '))
  // Every rewrite below starts at a word "uy ban nhan dan", "tp", "tx", "tt" or "vpdk…", and a
  // matchKey has single spaces already: without one of those words the key is the answer.
  if (!SPELLINGS.test(key)) return key
  return key
    .replace(/\buy ban nhan dan\b/g, 'ubnd')
    .replace(/\btp\b/g, 'thanh pho')
    .replace(/\btx\b/g, 'thi xa')
    .replace(/\btt\b/g, 'thi tran')
    .replace(/\bvpdk\s*dd\b|\bvpdkdd\b/g, 'van phong dang ky dat dai')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * An agency e-ID code as text: trimmed, upper-case letters, inner spaces removed. Numbers are not
 * codes (a code always has dots and a letter block); null when the cell is empty.
 */
export function normaliseEidCode(v: string | number | null): string | null {
  if (v === null) return null
  const text = String(v)
  // "000.00.12.H56": printable ASCII without spaces is NFC and has nothing to remove.
  const t = (/^[!-~]*$/.test(text) ? text : text.normalize('NFC').replace(/\s+/g, '')).toUpperCase()
  return t === '' ? null : t
}

/** The portal department code a Thanh Hóa-style e-ID code ends with: "000.00.12.H56" -> "H56". */
export function portalCodeOfEid(code: string): string | null {
  const m = /\.(H\d{2})$/i.exec(code)
  return m ? m[1]!.toUpperCase() : null
}

/** True when this province kept its territory in 2025 (same code, nothing merged into it). */
export function unmerged(registry: ProvinceRegistry, p: Province): boolean {
  const after = p.cohort === 34 ? p : registry.byCode(34, p.code)
  const before = p.cohort === 63 ? p : registry.byCode(63, p.code)
  if (!after || !before) return false
  const from = (after.mergedFrom ?? after.code).split('|').filter(Boolean)
  return from.length === 1 && from[0] === p.code
}

/** The unit scope of a province: its code when unmerged, else "<code>@<cohort>". */
export function provinceScope(registry: ProvinceRegistry, p: Province): string {
  return unmerged(registry, p) ? p.code : `${p.code}@${p.cohort}`
}

/**
 * The province an e-ID code points at ("…H56" -> Thanh Hóa) in the given cohort. Portal codes are the
 * 34-province list's; for the 63 list only an unmerged province maps back safely.
 */
export function provinceOfEid(registry: ProvinceRegistry, code: string, cohort: Cohort): Province | null {
  const h = portalCodeOfEid(code)
  if (!h) return null
  const p = registry.byPortalId(h)
  if (!p) return null
  if (cohort === 34) return p
  return unmerged(registry, p) ? (registry.byCode(63, p.code) ?? null) : null
}
