/**
 * Text normalisation shared by header matching and name resolution. Vietnamese arrives in several
 * forms: NFC or NFD (combining marks from Windows-1258), two tone-placement styles ("Hoà" vs "Hòa"),
 * stray whitespace, tabs, line breaks and non-breaking spaces. Everything that compares text goes
 * through these functions so that one rule holds everywhere.
 */

const PRINTABLE_ASCII = /^[!-~]*$/
const ASCII = /^[\x00-\x7f]*$/

/**
 * What a character becomes in a comparison key, for the characters whose key is one ASCII letter or
 * digit on its own and which no neighbour can change (NFC-stable, no combining mark): KEY_SEP for a
 * separator (punctuation, spaces), else the key's char code; 0 = not known here, take the full path.
 * Built once from the full path itself (slowMatchKey on each character alone), so the fast path
 * below gives the same key by construction; test/text/normalize-fast checks it on random text.
 */
const KEY_SEP = 1
const KEY_TABLE_END = 0x2070
const KEY_TABLE = new Uint8Array(KEY_TABLE_END)
/** Characters that are letters in the table (not separators): the NFC-stable Latin letters. */
const CLEAN_LETTER = new Uint8Array(KEY_TABLE_END)

/** NFC + whitespace (incl. NBSP, tabs, newlines) collapsed to single spaces + trimmed. */
export function cleanText(s: string): string {
  // Most cells of a big export are printable ASCII without spaces ("1.654", "94.38%"): already clean.
  if (PRINTABLE_ASCII.test(s)) return s
  // Names and labels: printable ASCII, plain spaces and precomposed Vietnamese letters are already
  // NFC; only runs of spaces and spaces at the ends change.
  let spaces = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c > 0x20 && c < 0x7f) continue
    if (c === 0x20) {
      if (i === 0 || i === s.length - 1 || s.charCodeAt(i - 1) === 0x20) spaces = true
      continue
    }
    if (c < KEY_TABLE_END && CLEAN_LETTER[c] === 1) continue
    return slowCleanText(s)
  }
  return spaces ? s.replace(/ +/g, ' ').trim() : s
}

function slowCleanText(s: string): string {
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
    key = fastMatchKey(s) ?? slowMatchKey(s)
    // A unit's name is keyed several times per row (total? heading? level? identity): remembered,
    // within a bound.
    if (keys.size >= 10_000) keys.clear()
    keys.set(s, key)
  }
  return key
}
const keys = new Map<string, string>()

function slowMatchKey(s: string): string {
  const base = canonicalTones(cleanText(s).toLowerCase())
  return stripAccents(base)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * matchKey in one pass for text made only of characters the table knows (ASCII, Vietnamese letters,
 * NBSP, common punctuation): each is its key letter or a separator, separators collapse to one space
 * and vanish at the ends. (Tone placement only moves a mark that is stripped anyway.) Null when some
 * character needs the full path.
 */
const keyCodes: number[] = []
function fastMatchKey(s: string): string | null {
  if (s.length > 512) return null
  keyCodes.length = 0
  let sep = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const k = c < KEY_TABLE_END ? KEY_TABLE[c]! : 0
    if (k === 0) return null
    if (k === KEY_SEP) {
      sep = keyCodes.length > 0
      continue
    }
    if (sep) {
      keyCodes.push(0x20)
      sep = false
    }
    keyCodes.push(k)
  }
  return String.fromCharCode.apply(null, keyCodes)
}

function buildKeyTable(): void {
  const single = /^[a-z0-9]$/
  const nonWord = /^[^\p{L}\p{N}\p{M}]$/u
  for (let c = 0; c < KEY_TABLE_END; c++) {
    if (c >= 0x250 && c < 0x1e00) continue
    if (c >= 0x1f00 && c < 0x2000) continue
    if (c >= 0xd800) continue
    const ch = String.fromCharCode(c)
    if (ch.normalize('NFC') !== ch) continue
    const k = slowMatchKey(ch)
    if (single.test(k)) {
      KEY_TABLE[c] = k.charCodeAt(0)
      if (c >= 0x80 && /^\p{L}$/u.test(ch)) CLEAN_LETTER[c] = 1
    } else if (k === '' && nonWord.test(ch) && ch.normalize('NFD') === ch && ch.toLowerCase() === ch) {
      KEY_TABLE[c] = KEY_SEP
    }
  }
}
buildKeyTable()

/** Vietnamese collation for sorting names (ties are listed alphabetically, methodology §5). */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b)
}
