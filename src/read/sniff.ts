/**
 * Format detection by content, never by extension: the provincial ".xls" files are HTML, analysts
 * rename files, and a CSV saved as "Unicode text" is UTF-16.
 */

import { t } from '../i18n/index.ts'
import type { FileFormat } from './types.ts'

/** How many leading bytes `sniffFormat` wants to see. */
export const SNIFF_BYTES = 8192

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

function startsWith(head: Buffer, magic: Buffer | number[]): boolean {
  if (head.length < magic.length) return false
  for (let i = 0; i < magic.length; i++) if (head[i] !== magic[i]) return false
  return true
}

/** The head as text for structural checks: BOM-aware, UTF-16 without BOM recognised by its zeros. */
function headText(head: Buffer): { text: string; utf16: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { text: head.toString('utf8', 3), utf16: false }
  if (head[0] === 0xff && head[1] === 0xfe) return { text: head.toString('utf16le', 2), utf16: true }
  if (head[0] === 0xfe && head[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(head.subarray(2)), utf16: true }
  // UTF-16 without BOM: ASCII-range text has a zero in every other byte.
  const n = Math.min(head.length, 512) & ~1
  if (n >= 4) {
    let evenZero = 0
    let oddZero = 0
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZero++
      if (head[i + 1] === 0) oddZero++
    }
    const half = n / 2
    if (oddZero > half * 0.6 && evenZero === 0)
      return { text: head.toString('utf16le', 0, head.length & ~1), utf16: true }
    if (evenZero > half * 0.6 && oddZero === 0) {
      return { text: new TextDecoder('utf-16be').decode(head.subarray(0, head.length & ~1)), utf16: true }
    }
  }
  // latin1 keeps one character per byte: enough to find ASCII markup and control bytes.
  return { text: head.toString('latin1'), utf16: false }
}

/** True when the text looks like binary data (NULs or many control characters). */
function looksBinary(text: string): boolean {
  let control = 0
  const n = Math.min(text.length, SNIFF_BYTES)
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) return true
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 0x1a) || c === 0x7f) control++
  }
  return control > Math.max(2, n * 0.01)
}

const HTML_START = /^<(?:!doctype\s+html|html|table|head|body|meta|title|style|tr|td)[\s>/]/
const SPREADSHEET_ML = 'urn:schemas-microsoft-com:office:spreadsheet'

/**
 * Zip -> xlsx (checked further when opened), OLE2 -> old binary Excel, markup with a table -> html,
 * `{`/`[` -> json, other text -> csv; binary or other markup -> unknown; nothing (or only a BOM and
 * whitespace) -> empty.
 */
export function sniffFormat(head: Buffer): FileFormat | 'unknown' | 'empty' {
  if (head.length === 0) return 'empty'
  if (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 3 || head[2] === 5) &&
    (head[3] === 4 || head[3] === 6)
  ) {
    return 'xlsx'
  }
  if (startsWith(head, OLE2)) return 'xls-biff'
  const { text, utf16 } = headText(head)
  if (!utf16 && looksBinary(text)) return 'unknown'
  if (utf16 && text.includes('\u0000')) return 'unknown'
  const body = text.replace(/^[\s\ufeff]+/, '')
  if (body.length === 0) return 'empty'
  const first = body[0]
  // "<" followed by a letter, "!" or "?" is markup; "<5 tuổi" is just text.
  if (first === '<' && /^<[!?a-zA-Z]/.test(body)) {
    const lower = body.slice(0, SNIFF_BYTES).toLowerCase()
    if (HTML_START.test(lower)) return 'html'
    if (lower.includes(SPREADSHEET_ML)) return 'unknown'
    // Comments, XML declarations or other wrappers before the markup.
    if (lower.includes('<table') || lower.includes('<html')) return 'html'
    return 'unknown'
  }
  if (first === '{' || first === '[') return 'json'
  return 'csv'
}

/** A short human description of unreadable content, for error messages. */
export function describeContent(head: Buffer): string {
  const ascii = head.toString('latin1', 0, Math.min(head.length, 64))
  if (ascii.startsWith('%PDF')) return t('read.content.pdf')
  if (head[0] === 0x1f && head[1] === 0x8b) return t('read.content.gzip')
  if (ascii.startsWith('Rar!')) return t('read.content.rar')
  if (ascii.startsWith('7z\xbc\xaf')) return t('read.content.7z')
  if (ascii.startsWith('\x89PNG')) return t('read.content.png')
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return t('read.content.jpeg')
  if (ascii.startsWith('{\\rtf')) return t('read.content.rtf')
  if (ascii.startsWith('PK')) return t('read.content.zip')
  const { text } = headText(head)
  if (text.toLowerCase().includes(SPREADSHEET_ML)) return t('read.content.spreadsheet-ml')
  if (text.trimStart().startsWith('<')) return t('read.content.markup')
  return t('read.content.binary')
}
