/**
 * Text normalisation shared by header matching and name resolution. Vietnamese arrives in several
 * forms: NFC or NFD (combining marks from Windows-1258), two tone-placement styles ("Hoà" vs "Hòa"),
 * stray whitespace, tabs, line breaks and non-breaking spaces. Everything that compares text goes
 * through these functions so that one rule holds everywhere.
 */

const PRINTABLE_ASCII = /^[!-~]*$/
const ASCII = /^[\x00-\x7f]*$/

/** NFC + whitespace (incl. NBSP, tabs, newlines) collapsed to single spaces + trimmed. */
export function cleanText(s: string): string {
  // Most cells of a big export are printable ASCII without spaces ("1.654", "94.38%"): already clean.
  if (PRINTABLE_ASCII.test(s)) return s
  return s
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim()
}

/**
 * Old-style tone placement ("oà", "oá", "uỳ"...) rewritten to the new style ("òa", "óa", "ủy").
 * Applied to NFC text. Only the diphthongs oa, oe, uy carry the difference.
 */
const OLD_STYLE: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ủy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
}

export function canonicalTones(s: string): string {
  // Only at the end of a syllable: "hoà" -> "hòa", but "hoàng" keeps its form (there the mark is on
  // "a" in both styles).
  return s.replace(/(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}])/gu, (m) => OLD_STYLE[m.toLowerCase()] ?? m)
}

/** Removes all diacritics (đ -> d too): for accent-insensitive matching of typed-in headers. */
export function stripAccents(s: string): string {
  if (ASCII.test(s)) return s
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC')
}

/**
 * The comparison key for headers and names: clean, lower-case, canonical tones, then accents
 * stripped and punctuation reduced to single spaces. "Công khai, minh bạch\n(18 điểm)" and
 * "CONG KHAI MINH BACH (18 diem)" give the same key after a suffix is removed by the caller.
 */
export function matchKey(s: string): string {
  let key = keys.get(s)
  if (key === undefined) {
    const base = canonicalTones(cleanText(s).toLowerCase())
    key = stripAccents(base)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
    // A unit's name is keyed several times per row (total? heading? level? identity): remembered,
    // within a bound.
    if (keys.size >= 10_000) keys.clear()
    keys.set(s, key)
  }
  return key
}
const keys = new Map<string, string>()

/** Vietnamese collation for sorting names (ties are listed alphabetically, methodology §5). */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b)
}
