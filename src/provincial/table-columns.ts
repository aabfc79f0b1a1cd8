/**
 * The columns of one provincial table as the header matched them, and the typed reading of a row's
 * value cells by kind: counts "12.345", money "1,250,000", rates "96.39%" / "0" / "", multi-value
 * "Số lượng: …↵Tỷ lệ: …↵Điểm số: …". A cell that does not hold its kind is a QdError at its cell.
 */
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import { cellText } from '../pipeline/cells.ts'
import type { HeaderColumn, HeaderMatch } from '../pipeline/header.ts'
import { describePath } from '../pipeline/header.ts'
import type { CellValue, Row } from '../read/types.ts'
import { type ParsedNumber, parseCount, parseMoney, parseRate, splitMultiValue } from './numbers.ts'
import { applicable, type Invariant } from './repair.ts'
import type { FamilyDef, ParsedRow, ProvincialColumn } from './table-types.ts'

export interface TableColumns {
  sheet: string
  col(key: string): HeaderColumn | undefined
  /** The sheet's column letter of a measure key (rates and vendor scores: their column's). */
  letter(key: string): string
  /** `C "Số hồ sơ đã số hóa"`: the letter and the header path, for messages. */
  named(key: string): string
  name: HeaderColumn
  stt: HeaderColumn | null
  code: HeaderColumn | null
  /** The value columns the header has (not stt, name, code). */
  values: ProvincialColumn[]
  valueIndexes: number[]
  /** Keys of the count, money and multi-value columns present: the invariants that apply use only these. */
  present: Set<string>
  invariants: Array<Invariant & { label: string }>
  /** "Row 12 (Sở Tư pháp)" etc.: the cells of one row, typed; throws QdError on a cell of the wrong kind. */
  /** `who` names the row in an error (called only then: most rows have none). */
  readValues(row: Row, who: () => string): ParsedRow
}

/** "C = D + E" in the sheet's own column letters. */
function invariantLabel(inv: Invariant, letter: (k: string) => string): string {
  return `${inv.lhs.map(letter).join(' + ')} ${inv.op === '=' ? '=' : '≤'} ${inv.rhs.map(letter).join(' + ')}`
}

export function tableColumns(def: FamilyDef, sheet: string, header: HeaderMatch): TableColumns {
  const col = (key: string): HeaderColumn | undefined => header.mapped.get(key)
  const mapped = (key: string): HeaderColumn => {
    const c = col(key)
    if (!c) throw new Error(`column ${key} is not in the header of ${def.key}`)
    return c
  }
  // Asked for every unit and indicator (the facts name their columns): remembered per key.
  const letters = new Map<string, string>()
  const letter = (key: string) => {
    let l = letters.get(key)
    if (l === undefined) {
      const base = key.replace(/_(?:rate|vendor_score)$/, '')
      l = col(base)?.letter ?? key
      letters.set(key, l)
    }
    return l
  }
  const names = new Map<string, string>()
  const named = (key: string) => {
    let n = names.get(key)
    if (n === undefined) {
      const c = col(key.replace(/_(?:rate|vendor_score)$/, ''))
      n = c ? `${c.letter} "${describePath(c.path)}"` : key
      names.set(key, n)
    }
    return n
  }
  // The header matched the family's required columns, so the name column is there.
  const name = mapped('name')
  const values = def.columns.filter(
    (c) => !['stt', 'name', 'code'].includes(c.kind) && header.mapped.has(c.key),
  )
  const present = new Set<string>()
  for (const c of values)
    if (c.kind === 'count' || c.kind === 'money' || c.kind === 'multi') present.add(c.key)
  const invariants = applicable(def.invariants, present).map((i) => ({
    ...i,
    label: invariantLabel(i, letter),
  }))

  const bad = (row: Row, c: HeaderColumn, who: () => string, p: { expected: string; found: string }) =>
    new QdError(
      'bad-value',
      t('prov.bad-cell', { who: who(), column: describePath(c.path), expected: p.expected }),
      {
        location: { sheet, row: row.rowNumber, column: c.letter },
        expected: p.expected,
        found: p.found,
      },
    )

  /** Each value column with its header column and derived keys, looked up once for all rows. */
  const cells = values.map((spec) => ({
    spec,
    c: mapped(spec.key),
    rateKey: `${spec.key}_rate`,
    scoreKey: `${spec.key}_vendor_score`,
  }))

  function number(
    out: ParsedRow,
    row: Row,
    c: HeaderColumn,
    who: () => string,
    p: ParsedNumber,
    key: string,
    raw: CellValue,
  ) {
    if (!p.ok) throw bad(row, c, who, p)
    out.numbers[key] = {
      value: p.value,
      column: c.letter,
      raw,
      style: p.style,
      ambiguous: p.ambiguous,
      repaired: false,
    }
  }

  function rate(out: ParsedRow, row: Row, c: HeaderColumn, who: () => string, v: CellValue, key: string) {
    const p = parseRate(v)
    if (!p.ok) throw bad(row, c, who, p)
    out.rates[key] = { value: p.value, column: c.letter, raw: v, style: p.style }
  }

  function readValues(row: Row, who: () => string): ParsedRow {
    const out: ParsedRow = { row: row.rowNumber, numbers: {}, rates: {}, texts: {}, vendorScores: {} }
    for (const { spec, c, rateKey, scoreKey } of cells) {
      const raw = row.cells[c.index] ?? null
      switch (spec.kind) {
        case 'count':
          number(out, row, c, who, parseCount(raw), spec.key, raw)
          break
        case 'money':
          number(out, row, c, who, parseMoney(raw), spec.key, raw)
          break
        case 'rate':
          rate(out, row, c, who, raw, spec.key)
          break
        case 'text':
          out.texts[spec.key] = { value: cellText(raw), column: c.letter }
          break
        case 'multi': {
          const parts = splitMultiValue(raw)
          if (parts === null) {
            number(out, row, c, who, parseCount(raw), spec.key, raw)
            break
          }
          number(out, row, c, who, parseCount(parts.quantity), spec.key, raw)
          if (parts.rate !== null) rate(out, row, c, who, parts.rate, rateKey)
          if (parts.score !== null) {
            const s = Number(parts.score.replace(',', '.'))
            out.vendorScores[scoreKey] = {
              value: Number.isFinite(s) ? s : null,
              column: c.letter,
              raw,
            }
          }
          break
        }
        default:
          break
      }
    }
    return out
  }

  return {
    sheet,
    col,
    letter,
    named,
    name,
    stt: col('stt') ?? null,
    code: col('code') ?? null,
    values,
    valueIndexes: values.map((c) => mapped(c.key).index),
    present,
    invariants,
    readValues,
  }
}
