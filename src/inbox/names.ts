/**
 * File names as the file system takes them. A name is at most NAME_MAX (255) bytes of UTF-8 on the
 * file systems a home lives on (ext4, xfs, btrfs, tmpfs, NTFS via SMB counts 255 UTF-16 units, which
 * is never fewer bytes). Every name qd766 derives from a user's name ("<stem>-<hash8>.xlsx" in
 * archive/, "<name>.error.json" beside a rejected file, its ".tmp") must fit, or the rename fails
 * with ENAMETOOLONG *after* the commit. Names are shortened by whole characters (never inside a
 * UTF-8 sequence, never between a letter and its combining accent), keeping the extension.
 */

export const NAME_MAX = 255

/** The longest suffix qd766 adds to a stored name (rejected files: ".error.json.tmp"). */
export const REPORT_SUFFIX = '.error.json.tmp'

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** Longest extension kept whole when shortening; anything longer counts as part of the stem. */
const MAX_EXT_BYTES = 16

function splitExt(name: string): [string, string] {
  const dot = name.lastIndexOf('.')
  if (dot <= 0 || bytes(name.slice(dot)) > MAX_EXT_BYTES) return [name, '']
  return [name.slice(0, dot), name.slice(dot)]
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** The longest prefix of `s` (in whole graphemes) of at most `max` UTF-8 bytes. */
export function truncateBytes(s: string, max: number): string {
  if (bytes(s) <= max) return s
  let out = ''
  let used = 0
  for (const { segment } of segmenter.segment(s)) {
    const b = bytes(segment)
    if (used + b > max) break
    out += segment
    used += b
  }
  return out
}

/**
 * `stem + suffix + ext` shortened to at most `maxBytes`: the stem gives way first, the suffix (a
 * hash or counter that keeps names unique) and the extension (what opens the file) are kept.
 */
export function fitName(name: string, maxBytes = NAME_MAX, suffix = ''): string {
  const [stem, ext] = splitExt(name)
  const room = maxBytes - bytes(suffix) - bytes(ext)
  const cut = truncateBytes(stem, Math.max(room, 1)).replace(/[\s.]+$/u, '')
  return `${cut || '_'}${suffix}${ext}`
}

// C0 and C1 controls, DEL, and the bidirectional overrides that make a name display reversed.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu

/**
 * The name qd766 stores and shows for a file: no NUL or other control characters (a newline in a
 * name would forge lines in logs and tables), NFC, and not empty.
 */
export function safeName(name: string): string {
  const clean = name.replace(CONTROL, '_').normalize('NFC').trim()
  return clean === '' || clean === '.' || clean === '..' ? '_' : clean
}

export function hasControlCharacters(name: string): boolean {
  return new RegExp(CONTROL.source, 'u').test(name)
}
