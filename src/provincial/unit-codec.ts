/**
 * A parsed unit as it is spooled (src/pipeline/spool.ts): one flat array instead of some twenty small
 * objects. The serialiser writes every property name of every object again; a 60,000-unit export
 * spent ~1 s serialising its units in the parse worker and ~1.5 s reading them back in the load, as
 * objects. Values are kept exactly as they are (null, -0, a raw cell's number or text).
 */
import type { SpoolCodec } from '../pipeline/spool.ts'
import type { CellValue } from '../read/types.ts'
import type { IndicatorCode } from './indicators.ts'
import type { NumberStyle, RateStyle } from './numbers.ts'
import type { UnitLevel } from './rows.ts'
import type { NumberCell, ParsedUnit, RateCell, UnitFact } from './table-types.ts'

/** Values per record in each flat list (a cell's key and its fields; a fact's fields). */
const NUMBER_RECORD = 7
const RATE_RECORD = 5
const TEXT_RECORD = 3
const SCORE_RECORD = 4
const FACT_RECORD = 9

function flatNumbers(cells: Record<string, NumberCell>): unknown[] {
  const out: unknown[] = []
  for (const k in cells) {
    const c = cells[k]
    if (c) out.push(k, c.value, c.column, c.raw, c.style, c.ambiguous, c.repaired)
  }
  return out
}

function flatRates(cells: Record<string, RateCell>): unknown[] {
  const out: unknown[] = []
  for (const k in cells) {
    const c = cells[k]
    if (c) out.push(k, c.value, c.column, c.raw, c.style)
  }
  return out
}

function flatFacts(facts: UnitFact[]): unknown[] {
  const out: unknown[] = []
  for (const f of facts)
    out.push(
      f.indicator,
      f.metric,
      f.numerator,
      f.denominator,
      f.value,
      f.exportedRate,
      f.exportedColumn,
      f.numeratorColumns,
      f.denominatorColumns,
    )
  return out
}

function encode(u: ParsedUnit): unknown {
  const texts: unknown[] = []
  for (const k in u.texts) {
    const c = u.texts[k]
    if (c) texts.push(k, c.value, c.column)
  }
  const scores: unknown[] = []
  for (const k in u.vendorScores) {
    const c = u.vendorScores[k]
    if (c) scores.push(k, c.value, c.column, c.raw)
  }
  return [
    u.row,
    u.stt,
    u.name,
    u.nameKey,
    u.eidCode,
    u.section,
    u.level,
    flatNumbers(u.numbers),
    flatRates(u.rates),
    texts,
    scores,
    flatFacts(u.facts),
  ]
}

/** Reading back what encode wrote: anything else is a bug (or a spool file that is not ours). */
class Reader {
  readonly #a: unknown[]
  constructor(wire: unknown) {
    if (!Array.isArray(wire) || wire.length !== 12) throw new Error('a spooled unit of an unexpected shape')
    this.#a = wire
  }
  at(i: number): unknown {
    return this.#a[i]
  }
  list(i: number, record: number): unknown[] {
    const v = this.#a[i]
    if (!Array.isArray(v) || v.length % record !== 0) throw new Error('a spooled unit of an unexpected shape')
    return v
  }
}

const str = (v: unknown): string => {
  if (typeof v !== 'string') throw new Error('a spooled unit of an unexpected shape')
  return v
}
const strOrNull = (v: unknown): string | null => (v === null ? null : str(v))
const num = (v: unknown): number => {
  if (typeof v !== 'number') throw new Error('a spooled unit of an unexpected shape')
  return v
}
const numOrNull = (v: unknown): number | null => (v === null ? null : num(v))
const cell = (v: unknown): CellValue => (v === null || typeof v === 'number' ? v : str(v))
const bool = (v: unknown): boolean => {
  if (typeof v !== 'boolean') throw new Error('a spooled unit of an unexpected shape')
  return v
}

/** A style, level or indicator code as the parse wrote it: the codec carries it, it does not judge it. */
const asIs = <T extends string>(v: unknown): T => str(v) as T

function decode(wire: unknown): ParsedUnit {
  const r = new Reader(wire)
  const numbers: Record<string, NumberCell> = {}
  const n = r.list(7, NUMBER_RECORD)
  for (let i = 0; i < n.length; i += NUMBER_RECORD)
    numbers[str(n[i])] = {
      value: num(n[i + 1]),
      column: str(n[i + 2]),
      raw: cell(n[i + 3]),
      style: asIs<NumberStyle>(n[i + 4]),
      ambiguous: bool(n[i + 5]),
      repaired: bool(n[i + 6]),
    }
  const rates: Record<string, RateCell> = {}
  const rt = r.list(8, RATE_RECORD)
  for (let i = 0; i < rt.length; i += RATE_RECORD)
    rates[str(rt[i])] = {
      value: numOrNull(rt[i + 1]),
      column: str(rt[i + 2]),
      raw: cell(rt[i + 3]),
      style: asIs<RateStyle>(rt[i + 4]),
    }
  const texts: ParsedUnit['texts'] = {}
  const tx = r.list(9, TEXT_RECORD)
  for (let i = 0; i < tx.length; i += TEXT_RECORD)
    texts[str(tx[i])] = { value: strOrNull(tx[i + 1]), column: str(tx[i + 2]) }
  const vendorScores: ParsedUnit['vendorScores'] = {}
  const sc = r.list(10, SCORE_RECORD)
  for (let i = 0; i < sc.length; i += SCORE_RECORD)
    vendorScores[str(sc[i])] = { value: numOrNull(sc[i + 1]), column: str(sc[i + 2]), raw: cell(sc[i + 3]) }
  const facts: UnitFact[] = []
  const f = r.list(11, FACT_RECORD)
  for (let i = 0; i < f.length; i += FACT_RECORD)
    facts.push({
      indicator: asIs<IndicatorCode>(f[i]),
      metric: strOrNull(f[i + 1]),
      numerator: num(f[i + 2]),
      denominator: num(f[i + 3]),
      value: numOrNull(f[i + 4]),
      exportedRate: numOrNull(f[i + 5]),
      exportedColumn: strOrNull(f[i + 6]),
      numeratorColumns: str(f[i + 7]),
      denominatorColumns: str(f[i + 8]),
    })
  return {
    row: num(r.at(0)),
    numbers,
    rates,
    texts,
    vendorScores,
    stt: strOrNull(r.at(1)),
    name: str(r.at(2)),
    nameKey: str(r.at(3)),
    eidCode: strOrNull(r.at(4)),
    section: strOrNull(r.at(5)),
    level: asIs<UnitLevel>(r.at(6)),
    facts,
  }
}

export const unitCodec: SpoolCodec<ParsedUnit> = { encode, decode }
