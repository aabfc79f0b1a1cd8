/**
 * What a body row of a provincial table is (docs/provincial-exports.md §0.8–0.10):
 * - a section row ("I" | "Sở, ban, ngành", "II" | "Cấp huyện (…)", "III" | "Xã, phường, thị trấn",
 *   "Văn phòng đăng ký đất đai"): sets the unit level of the rows under it, is not data; its merge
 *   may be wider than the table, and readers fill the merge, so the same text repeats across cells;
 * - a totals row ("Tổng số" in the name column with STT empty, or merged over STT and name;
 *   "Tổng cộng", "Tổng", "Cộng", "Toàn tỉnh"): checked against the sum of the units, not a unit;
 * - a unit row: a sở/ban/ngành, a land-registry branch, a district (before 07/2025) or a commune;
 * - blank rows and trailing notes.
 */
import { cellText, isBlankRow } from '../pipeline/cells.ts'
import type { CellValue } from '../read/types.ts'
import { matchKey } from '../text/normalize.ts'

export type UnitLevel = 'agency' | 'land-registry' | 'district' | 'commune' | 'unknown'

export const LEVEL_LABELS: Record<UnitLevel, string> = {
  agency: 'Sở, ban, ngành',
  'land-registry': 'Văn phòng đăng ký đất đai',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  unknown: 'Chưa rõ cấp',
}

/**
 * The cohort a unit is ranked in inside its province (docs/methodology.md §5: the portal ranks
 * sở/ban/ngành and xã/phường separately). Land-registry branches are provincial agencies.
 */
export function rankCohort(level: UnitLevel): 'agency' | 'district' | 'commune' | 'unknown' {
  return level === 'land-registry' ? 'agency' : level
}

const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)\.?$/i
const TOTAL = /^(?:tong so|tong cong|tong|cong|toan tinh|tong toan tinh)$/

export function isRoman(text: string | null): boolean {
  return text !== null && ROMAN.test(text.trim())
}

export function isTotalLabel(text: string | null): boolean {
  return text !== null && mayBeTotal(text) && TOTAL.test(matchKey(text))
}

/**
 * False when the comparison key cannot start with "t" or "c" (every TOTAL label does): the first
 * ASCII letter or digit decides ("123", "UBND xã …", "Sở …"), skipping the ASCII punctuation and
 * spaces that the key drops; any other character leaves it to the full key. Saves keying every STT
 * and most unit names just to learn they are no total.
 */
function mayBeTotal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x80) return true
    if (c >= 0x30 && c <= 0x39) return false
    const lower = c | 0x20
    if (lower >= 0x61 && lower <= 0x7a) return lower === 0x74 || lower === 0x63
  }
  return true
}

/** The level a section heading announces; null when the text is not a known heading. */
export function sectionLevel(text: string): UnitLevel | null {
  const k = matchKey(text)
  if (/^(?:cap )?(?:so|cac so)\b|so ban nganh|so nganh/.test(k)) return 'agency'
  if (/van phong dang ky dat dai|vpdk/.test(k)) return 'land-registry'
  if (/^(?:cap )?xa\b|^xa phuong|^phuong xa|^cap co so/.test(k)) return 'commune'
  if (/^(?:cap )?huyen\b|^huyen thanh pho|^quan huyen|^cap huyen/.test(k)) return 'district'
  return null
}

const HEADING =
  /^(?:khoi |cac )?(?:cap )?(?:so ban nganh|so nganh|so ban nganh tinh|huyen thanh pho thi xa|quan huyen|huyen|xa phuong thi tran|phuong xa|xa|cap huyen\b.*|cap xa\b.*|van phong dang ky dat dai)$/

/**
 * A section heading proper ("Sở, ban, ngành", "Cấp huyện (…)", "Xã, phường, thị trấn"), as opposed to
 * a heading row that names one unit ("Sở Tư pháp") in tables whose units span several rows (T7).
 */
export function isSectionHeading(text: string): boolean {
  const k = matchKey(text)
  return HEADING.test(k) || (sectionLevel(text) !== null && levelFromName(text) === null)
}

/** The level a unit's own name gives away ("UBND xã …" is a commune wherever it is listed). */
export function levelFromName(name: string): UnitLevel | null {
  const k = matchKey(name)
    .replace(/^uy ban nhan dan\b/, 'ubnd')
    .replace(/^ubnd\s+/, '')
  if (/^(?:xa|phuong|thi tran|dac khu)\b/.test(k)) return 'commune'
  if (/^(?:huyen|quan|thi xa|thanh pho|tp)\b/.test(k)) return 'district'
  if (/(?:chi nhanh|cn)\b.*(?:van phong dang ky dat dai|vpdk)|^van phong dang ky dat dai/.test(k))
    return 'land-registry'
  if (
    /^(?:so|ban|van phong|thanh tra|cong an|bo chi huy|cuc|chi cuc|kho bac|bao hiem|dai|trung tam|ban quan ly|bql)\b/.test(
      k,
    )
  )
    return 'agency'
  return null
}

export type RowClass =
  | { kind: 'blank' }
  | { kind: 'section'; text: string; level: UnitLevel | null }
  | { kind: 'total'; label: string }
  | { kind: 'unit' }
  /** A line of text only (a note, a signature): not data. */
  | { kind: 'note'; text: string }

/**
 * Classifies a body row. `labelColumns` are the STT / code / name columns (0-based) where a section
 * or totals label can sit; `valueColumns` hold the numbers.
 */
export function classifyRow(
  cells: CellValue[],
  cols: { stt: number | null; name: number; code: number | null; values: number[] },
): RowClass {
  if (isBlankRow(cells)) return { kind: 'blank' }
  const at = (i: number | null) => (i === null ? null : cellText(cells[i] ?? null))
  const stt = at(cols.stt)
  const name = at(cols.name)
  const code = at(cols.code)
  // The first of STT, code, name that is a totals label.
  const total =
    stt !== null && isTotalLabel(stt)
      ? stt
      : code !== null && isTotalLabel(code)
        ? code
        : name !== null && isTotalLabel(name)
          ? name
          : undefined
  if (total && (stt === null || isTotalLabel(stt) || !/^\d+$/.test(stt)))
    return { kind: 'total', label: total }
  // Section rows: the heading text fills every cell of its (possibly over-wide) merge, or sits alone
  // after a roman numeral when the merge was lost (CSV). `first` is the first text outside STT; the
  // scan stops at a second, different one (a unit row: its name and a number).
  let first: string | null = null
  let texts = 0
  let distinct = 0
  for (let i = 0; i < cells.length; i++) {
    if (i === cols.stt) continue
    const t = cellText(cells[i] ?? null)
    if (t === null) continue
    texts++
    if (first === null) {
      first = t
      distinct = 1
    } else if (t !== first) {
      distinct = 2
      break
    }
  }
  /** No value cell holds anything but the heading text. */
  const noNumbers = () =>
    cols.values.every((i) => {
      const t = cellText(cells[i] ?? null)
      return t === null || t === first
    })
  if (distinct === 1 && noNumbers()) {
    const text = first!
    const level = sectionLevel(text)
    // A numbered row is a unit even when all its cells are empty ("Sở Tư pháp" with no data).
    if (isRoman(stt) || (stt === null && level !== null)) return { kind: 'section', text, level }
    if (stt === null) {
      // Unnumbered text filling a merge is an unknown heading; a single text cell is a note.
      return texts > 1 ? { kind: 'section', text, level: null } : { kind: 'note', text }
    }
  }
  if (isRoman(stt) && name !== null && noNumbers()) {
    return { kind: 'section', text: name, level: sectionLevel(name) }
  }
  return { kind: 'unit' }
}
