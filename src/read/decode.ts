/**
 * Text decoding for CSV and HTML exports. Order (engineering notes §4.3): BOM, then strict UTF-8, then
 * the Vietnamese ANSI code page Windows-1258, the only legacy encoding these files come in. Output is
 * always NFC: Windows-1258 writes most tone marks as separate combining characters.
 */
import { isUtf8 } from 'node:buffer'

export type TextEncodingName = 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-8' | 'windows-1258'

export interface DetectedEncoding {
  /** What is recorded as the file's encoding (WorkbookSource.encoding). */
  name: string
  /** WHATWG label for TextDecoder. */
  label: string
  /** Bytes of byte-order mark to skip. */
  bomLength: number
}

export const UTF8: DetectedEncoding = { name: 'utf-8', label: 'utf-8', bomLength: 0 }
export const WINDOWS_1258: DetectedEncoding = { name: 'windows-1258', label: 'windows-1258', bomLength: 0 }

/** The encoding announced by a byte-order mark, if any. */
export function bomEncoding(bytes: Uint8Array): DetectedEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { name: 'utf-8-bom', label: 'utf-8', bomLength: 3 }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'utf-16le', label: 'utf-16le', bomLength: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'utf-16be', label: 'utf-16be', bomLength: 2 }
  return undefined
}

/**
 * BOM -> strict UTF-8 -> `fallback` (Windows-1258 unless a caller knows better, e.g. an HTML meta
 * charset). Pure ASCII counts as UTF-8.
 */
export function detectEncoding(
  bytes: Uint8Array,
  fallback: DetectedEncoding = WINDOWS_1258,
): DetectedEncoding {
  return bomEncoding(bytes) ?? (isUtf8(bytes) ? UTF8 : fallback)
}

export interface StrayBytes {
  /** 0-based offset of the first byte that breaks UTF-8. */
  offset: number
  /** 1-based line of that byte, as a text editor counts. */
  line: number
  byte: number
  /** How many such breaks the file has. */
  count: number
}

/**
 * A file that is UTF-8 but for a few stray bytes (a copy-paste from another program, one cell typed
 * in another code page) would otherwise be read as Windows-1258 and turn every Vietnamese letter
 * into mojibake, so that no header matches ("no sheet looks like a table"). Real Windows-1258
 * Vietnamese text has almost no valid multi-byte UTF-8 sequences and many breaks; UTF-8 text has
 * many sequences. Returns where the first break is when the file is clearly the latter.
 */
export function strayBytesInUtf8(bytes: Uint8Array, opts: { declared?: boolean } = {}): StrayBytes | null {
  let sequences = 0
  let breaks = 0
  let first = -1
  const start = bomEncoding(bytes)?.bomLength ?? 0
  for (let i = start; i < bytes.length; ) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const len = sequenceLength(bytes, i)
    if (len > 0) {
      sequences++
      i += len
      continue
    }
    breaks++
    if (first < 0) first = i
    // clearly a legacy code page: no need to look at the rest of a large file
    if (!opts.declared && breaks > 1000 && breaks * 20 > sequences) return null
    i++
  }
  if (first < 0) return null
  if (!opts.declared && (sequences < 8 || breaks * 20 > sequences)) return null
  let line = 1
  for (let i = 0; i < first; i++) if (bytes[i] === 0x0a) line++
  return { offset: first, line, byte: bytes[first]!, count: breaks }
}

/** Length of the well-formed UTF-8 sequence starting at `i` (2-4), or 0 (RFC 3629 table 3-7). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k]
    return c !== undefined && c >= lo && c <= hi
  }
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80
    const hi = b === 0xed ? 0x9f : 0xbf
    return cont(1, lo, hi) && cont(2) ? 3 : 0
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80
    const hi = b === 0xf4 ? 0x8f : 0xbf
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0
  }
  return 0
}

/** Whole buffer -> NFC string. */
export function decodeAll(bytes: Uint8Array, enc: DetectedEncoding): string {
  return new TextDecoder(enc.label, { ignoreBOM: true })
    .decode(bytes.subarray(enc.bomLength))
    .normalize('NFC')
}

const COMBINING = /\p{M}/u

/**
 * Index from which `s` must be held back so that NFC of the parts equals NFC of the whole: the last
 * starter (a character that is not a combining mark) and anything after it may still compose with
 * marks in the next chunk.
 */
function composeSafeCut(s: string): number {
  let i = s.length - 1
  while (i > 0 && COMBINING.test(s[i]!)) i--
  // Do not split a surrogate pair.
  if (i > 0) {
    const c = s.charCodeAt(i)
    if (c >= 0xdc00 && c <= 0xdfff) i--
  }
  return Math.max(i, 0)
}

/**
 * Decodes `bytes` in slices of about `chunkBytes`, yielding NFC text. Composition never straddles a
 * slice boundary, so the concatenation equals `decodeAll`. Lets the CSV parser start before the
 * whole file is a (two-bytes-per-character) JavaScript string.
 */
export function* decodeChunks(
  bytes: Uint8Array,
  enc: DetectedEncoding,
  chunkBytes = 1 << 20,
): Generator<string> {
  function* slices() {
    for (let pos = 0; pos < bytes.length; pos += chunkBytes)
      yield bytes.subarray(pos, Math.min(pos + chunkBytes, bytes.length))
  }
  yield* decodeByteChunks(slices(), enc)
}

/**
 * The same for bytes that arrive in pieces (a file read a megabyte at a time): the byte-order mark
 * is skipped from the start, a character split between two pieces is joined, and the text is NFC.
 */
export function* decodeByteChunks(chunks: Iterable<Uint8Array>, enc: DetectedEncoding): Generator<string> {
  const decoder = new TextDecoder(enc.label, { ignoreBOM: true })
  let held = ''
  let skip = enc.bomLength
  for (const chunk of chunks) {
    const bytes = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk
    skip -= chunk.length - bytes.length
    const text = held + decoder.decode(bytes, { stream: true })
    const cut = composeSafeCut(text)
    held = text.slice(cut)
    if (cut > 0) yield text.slice(0, cut).normalize('NFC')
  }
  const rest = held + decoder.decode()
  if (rest.length > 0) yield rest.normalize('NFC')
}

/** Whether bytes that arrive in pieces are valid UTF-8 as a whole (isUtf8, a piece at a time). */
export function isUtf8Chunks(chunks: Iterable<Uint8Array>): boolean {
  let carry: Uint8Array = new Uint8Array(0)
  for (const chunk of chunks) {
    const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk])
    // A sequence may run on into the next piece: hold back its start (at most 3 bytes).
    let cut = bytes.length
    for (let back = 1; back <= 3 && back <= bytes.length; back++) {
      const b = bytes[bytes.length - back] ?? 0
      if (b < 0x80) break
      if (b >= 0xc0) {
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
        if (need > back) cut = bytes.length - back
        break
      }
    }
    if (!isUtf8(bytes.subarray(0, cut))) return false
    carry = bytes.slice(cut)
  }
  return carry.length === 0 || isUtf8(carry)
}
