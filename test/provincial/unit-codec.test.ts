/**
 * The flat form a parsed unit is spooled in (src/provincial/unit-codec.ts): every unit of every
 * family, in the forms that give the most varied cells (the exporter's HTML, the en-US re-save with
 * its mangled counts and fractional rates), comes back through the codec and the serialiser exactly
 * as it was parsed; what the codec did not write is refused, never read as something else.
 */
import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { type Form, writeForm } from '../../fixtures/provincial/forms.ts'
import { f1, f2, f3, f4, f4b, f5, f7 } from '../../fixtures/provincial/tables.ts'
import { PIPELINES } from '../../pipelines/index.ts'
import { ConfigSchema } from '../../src/config/config.ts'
import { parseFile } from '../../src/ingest/parse-file.ts'
import { createLogger } from '../../src/log.ts'
import { isParsedProvincialTable, type ParsedUnit } from '../../src/provincial/table-types.ts'
import { unitCodec } from '../../src/provincial/unit-codec.ts'
import { ProvinceRegistry } from '../../src/reference/provinces.ts'
import { tempDir } from '../helpers.ts'

const registry = ProvinceRegistry.fromSeeds()
const through = (u: ParsedUnit): ParsedUnit => unitCodec.decode(deserialize(serialize(unitCodec.encode(u))))

async function unitsOf(fx: ReturnType<typeof f1>, form: Form): Promise<ParsedUnit[]> {
  const dir = tempDir()
  // (the period in the name, for the tables that have none in their title)
  const path = await writeForm(dir, fx, form, `${fx.id}-${form} 2025-Q3`)
  const parsed = await parseFile(
    {
      config: ConfigSchema.parse({ province: 'Thanh Hóa' }),
      registry,
      pipelines: PIPELINES,
      log: createLogger({ level: 'silent' }),
    },
    path,
    `${fx.id} 2025-Q3.xls`,
  )
  return parsed.sheets.flatMap((s) => (isParsedProvincialTable(s.parsed) ? [...s.parsed.units] : []))
}

describe('a spooled unit', () => {
  it.each([
    ['f1', f1],
    ['f2', f2],
    ['f3', f3],
    ['f4', f4],
    ['f4b', f4b],
    ['f5', f5],
    ['f7', f7],
  ])('%s: every unit, HTML and en-US re-save, comes back exactly', async (_id, make) => {
    for (const form of ['html', 'xlsx-en'] as const) {
      const units = await unitsOf(make(), form)
      expect(units.length).toBeGreaterThan(0)
      for (const u of units) expect(through(u)).toStrictEqual(u)
    }
  })

  it('keeps -0, nulls and a raw number or text as they were', async () => {
    const [u] = await unitsOf(f2(), 'xlsx-en')
    if (!u) throw new Error('no unit')
    const [key] = Object.keys(u.numbers)
    const cell = key === undefined ? undefined : u.numbers[key]
    if (!key || !cell) throw new Error('no number cell')
    const odd: ParsedUnit = {
      ...u,
      stt: null,
      eidCode: null,
      section: null,
      numbers: { ...u.numbers, [key]: { ...cell, value: -0, raw: 1.234 } },
      facts: u.facts.map((f) => ({
        ...f,
        value: null,
        exportedRate: null,
        exportedColumn: null,
        metric: null,
      })),
    }
    const back = through(odd)
    expect(back).toStrictEqual(odd)
    expect(Object.is(back.numbers[key]?.value, -0)).toBe(true)
    expect(back.numbers[key]?.raw).toBe(1.234)
  })

  it.each([
    ['not a list', { row: 1 }],
    ['a list too short', [1, null, 'Sở Tư pháp']],
    ['a cell list cut short', [1, null, 'a', 'a', null, null, 'agency', ['received', 3], [], [], [], []]],
    ['a name that is not text', [1, null, 7, 'a', null, null, 'agency', [], [], [], [], []]],
  ])('refuses %s', (_what, wire) => {
    expect(() => unitCodec.decode(wire)).toThrow(/unexpected shape/)
  })
})
