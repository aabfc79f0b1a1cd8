/**
 * A provincial row's typed cells are stored as one JSON array per row (stg_unit_cells) and read
 * through the stg_unit_counts view, which has the columns and rows the table had before migration
 * 0011. Checked three ways: rows written by the old table move through the migration unchanged
 * (nulls, awkward doubles, quotes, the totals row); real exports (HTML and en-US-mangled .xlsx)
 * read back through the view exactly as their parse gave them; and every unit row has its cells.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import { writeForm } from '../../fixtures/provincial/forms.ts'
import { f1 } from '../../fixtures/provincial/tables.ts'
import { PIPELINES } from '../../pipelines/index.ts'
import { openApp, runJob } from '../../src/app.ts'
import { migrate } from '../../src/db/migrate.ts'
import { Store } from '../../src/db/sqlite.ts'
import { parseFile } from '../../src/ingest/parse-file.ts'
import { createLogger } from '../../src/log.ts'
import type { ParsedProvincialTable, ParsedRow } from '../../src/provincial/table-types.ts'
import { tempDir, tempHome } from '../helpers.ts'

type CountRow = {
  reading_id: number
  unit_id: number | null
  row_number: number
  measure: string
  kind: string
  value: number | null
  raw: string | null
  column_letter: string
  style: string
  repaired: number
}

const COLUMNS = 'reading_id, unit_id, row_number, measure, kind, value, raw, column_letter, style, repaired'

describe('typed cells stored once per row', () => {
  it('rows of the old stg_unit_counts table move through migration 0011 unchanged', () => {
    const store = new Store(join(tempDir(), 'qd766.sqlite'))
    const before0011 = MIGRATIONS.findIndex((m) => m.id === '0011-unit-cells')
    expect(before0011).toBeGreaterThan(0)
    migrate(store, MIGRATIONS.slice(0, before0011))
    // Only the cells matter here; their parent rows (file, reading, units) would be noise.
    store.raw.pragma('foreign_keys = OFF')
    const old: CountRow[] = [
      {
        reading_id: 1,
        unit_id: 7,
        row_number: 9,
        measure: 'received',
        kind: 'number',
        value: 12345,
        raw: '12.345',
        column_letter: 'C',
        style: 'grouped',
        repaired: 0,
      },
      {
        reading_id: 1,
        unit_id: 7,
        row_number: 9,
        measure: 'rate',
        kind: 'rate',
        value: 96.39,
        raw: '96.39%',
        column_letter: 'F',
        style: 'percent',
        repaired: 0,
      },
      {
        reading_id: 1,
        unit_id: 7,
        row_number: 9,
        measure: 'awkward',
        kind: 'rate',
        value: 0.1 + 0.2,
        raw: null,
        column_letter: 'G',
        style: 'blank',
        repaired: 0,
      },
      {
        reading_id: 1,
        unit_id: 7,
        row_number: 9,
        measure: 'tiny',
        kind: 'number',
        value: 1e-7,
        raw: '1e-7',
        column_letter: 'H',
        style: 'plain',
        repaired: 1,
      },
      {
        reading_id: 1,
        unit_id: 7,
        row_number: 9,
        measure: 'note',
        kind: 'text',
        value: null,
        raw: 'Sở "Nội vụ"\n\\ ghi chú',
        column_letter: 'I',
        style: 'text',
        repaired: 0,
      },
      {
        reading_id: 1,
        unit_id: 8,
        row_number: 10,
        measure: 'received',
        kind: 'number',
        value: 2.5e15,
        raw: '2500000000000000',
        column_letter: 'C',
        style: 'plain',
        repaired: 0,
      },
      {
        reading_id: 1,
        unit_id: null,
        row_number: 11,
        measure: 'received',
        kind: 'number',
        value: 2.5e15 + 12345,
        raw: 'x',
        column_letter: 'C',
        style: 'plain',
        repaired: 0,
      },
    ]
    const insert = store.raw.prepare(
      `INSERT INTO stg_unit_counts (${COLUMNS}) VALUES (${COLUMNS.split(', ')
        .map(() => '?')
        .join(', ')})`,
    )
    for (const r of old) insert.run(...Object.values(r))
    migrate(store, MIGRATIONS)
    const after = store.raw.prepare(`SELECT ${COLUMNS} FROM stg_unit_counts`).all() as CountRow[]
    expect(after).toEqual(old)
    expect(store.raw.prepare('SELECT count(*) AS n FROM stg_unit_cells').get()).toEqual({ n: 3 })
    expect(() => store.raw.exec("UPDATE stg_unit_cells SET cells = '[]'")).toThrow(/immutable/)
    store.raw.close()
  })

  it.each(['html', 'xlsx-en'] as const)(
    'a %s export reads back through the view exactly as parsed, totals row included',
    async (form) => {
      const home = tempHome({ province: 'Thanh Hóa' })
      const file = await writeForm(join(home, 'inbox'), f1(), form, `so-hoa 2025-H1 [${form}]`)
      const app = openApp(home)
      const parsed = await parseFile(
        {
          config: app.config,
          registry: app.registry,
          pipelines: PIPELINES,
          log: createLogger({ level: 'silent' }),
        },
        file,
        'so-hoa.xlsx',
      )
      const result = await runJob(app, { command: 'ingest' })
      expect(result.outcomes.map((o) => o.status)).toEqual(['accepted'])
      const table = parsed.sheets[0]!.parsed as ParsedProvincialTable
      const expected = (r: ParsedRow) =>
        [
          ...Object.entries(r.numbers).map(([k, c]) => [
            k,
            'number',
            c.value,
            c.raw === null ? null : String(c.raw),
            c.column,
            c.style,
            c.repaired ? 1 : 0,
          ]),
          ...Object.entries(r.rates).map(([k, c]) => [
            k,
            'rate',
            c.value,
            c.raw === null ? null : String(c.raw),
            c.column,
            c.style,
            0,
          ]),
          ...Object.entries(r.texts).map(([k, c]) => [
            k,
            'text',
            null,
            c.value === null ? null : String(c.value),
            c.column,
            'text',
            0,
          ]),
          ...Object.entries(r.vendorScores).map(([k, c]) => [
            k,
            'vendor-score',
            c.value,
            c.raw === null ? null : String(c.raw),
            c.column,
            'multi',
            0,
          ]),
        ].map((c) => `${r.row}|${JSON.stringify(c)}`)
      const want = [...table.units, ...(table.totals ? [table.totals] : [])].flatMap(expected).sort()
      const got = (app.store.raw.prepare(`SELECT ${COLUMNS} FROM stg_unit_counts`).all() as CountRow[])
        .map(
          (c) =>
            `${c.row_number}|${JSON.stringify([c.measure, c.kind, c.value, c.raw, c.column_letter, c.style, c.repaired])}`,
        )
        .sort()
      expect(got.length).toBeGreaterThan(table.units.length * 5)
      expect(got).toEqual(want)
      // The en-US re-save: counts read back from mangled decimals are there, style and all.
      if (form === 'xlsx-en') expect(got.some((c) => c.includes('"mangled"'))).toBe(true)
      // Every unit row has its cells row, and the totals row one with no unit.
      const perRow = app.store.raw
        .prepare('SELECT count(*) AS rows, count(unit_id) AS units FROM stg_unit_cells')
        .get() as { rows: number; units: number }
      expect(perRow).toEqual({ rows: table.units.length + (table.totals ? 1 : 0), units: table.units.length })
      await app.close()
    },
  )
})
