/**
 * Tiny helpers for the few XML bits we read without a parser: workbook.xml / rels attributes and the
 * fragments picked out by the sheet pre-scan. These parts are machine-written and small; a regex over
 * a start tag is enough and far cheaper than a second SAX pass.
 */

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g

function entity(_m: string, e: string): string {
  switch (e) {
    case 'amp':
      return '&'
    case 'lt':
      return '<'
    case 'gt':
      return '>'
    case 'quot':
      return '"'
    case 'apos':
      return "'"
    default: {
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
  }
}

export function decodeXmlEntities(s: string): string {
  return s.indexOf('&') === -1 ? s : s.replace(ENTITY, entity)
}

/** Value of attribute `name` (optionally namespace-prefixed, e.g. r:id) in one start tag, decoded. */
export function xmlAttr(tag: string, name: string): string | undefined {
  const re = new RegExp(`[\\s:]${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
  const m = re.exec(tag)
  if (!m) return undefined
  return decodeXmlEntities(m[1] ?? m[2] ?? '')
}

/** All start tags `<name ...>` / `<prefix:name ...>` in `xml`, as raw strings. */
export function xmlStartTags(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])[^>]*>`, 'g')
  return xml.match(re) ?? []
}

/**
 * OOXML escapes characters XML cannot hold as `_xHHHH_` (Excel writes a CR as `_x000D_`); a literal
 * "_x" sequence is itself escaped as `_x005F_`.
 */
export function decodeOoxmlEscapes(s: string): string {
  return s.indexOf('_x') === -1
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
}

/** "B12" -> { col: 1, row: 12 } (col 0-based); undefined when malformed. */
export function parseCellRef(ref: string): { col: number; row: number } | undefined {
  let col = 0
  let i = 0
  const s = ref.replace(/\$/g, '')
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20
    if (c < 97 || c > 122) break
    col = col * 26 + (c - 96)
  }
  if (i === 0 || i > 3) return undefined
  const row = Number(s.slice(i))
  if (!Number.isInteger(row) || row < 1) return undefined
  return { col: col - 1, row }
}

export interface CellRange {
  /** 1-based rows, 0-based columns, inclusive. */
  top: number
  left: number
  bottom: number
  right: number
}

/** "A1:G2" -> range; a single cell or malformed ref -> undefined. */
export function parseRangeRef(ref: string): CellRange | undefined {
  const colon = ref.indexOf(':')
  if (colon < 0) return undefined
  const a = parseCellRef(ref.slice(0, colon))
  const b = parseCellRef(ref.slice(colon + 1))
  if (!a || !b) return undefined
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  }
}
