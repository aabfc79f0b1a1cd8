/**
 * A provincial table is checked row by row as it streams, each unit handed on at once (spooled, not
 * held: src/pipeline/spool.ts). What only the whole table could tell must still come out as if the
 * table had been read whole:
 * - a sheet that shows en-US mangling only after its first units is read again, knowing it, so an
 *   earlier unit's "2.000" (read back as 2) is repaired like any other (src/pipeline/reparse.ts);
 * - past several spilled chunks, a repeated name is still told apart and the totals row is still
 *   checked against the sum of every unit.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateProvincialExport } from '../../bench/generate.ts'
import { writeForm } from '../../fixtures/provincial/forms.ts'
import { f2 } from '../../fixtures/provincial/tables.ts'
import { PIPELINES } from '../../pipelines/index.ts'
import { ConfigSchema } from '../../src/config/config.ts'
import { parseFile } from '../../src/ingest/parse-file.ts'
import { createLogger } from '../../src/log.ts'
import { SpoolArea } from '../../src/pipeline/spool.ts'
import { isParsedProvincialTable, type ParsedUnit } from '../../src/provincial/table-types.ts'
import { ProvinceRegistry } from '../../src/reference/provinces.ts'
import { tempDir } from '../helpers.ts'

const registry = ProvinceRegistry.fromSeeds()

async function parse(path: string, spoolDir: string, province?: string) {
  const parsed = await parseFile(
    {
      config: ConfigSchema.parse(province ? { province } : {}),
      registry,
      pipelines: PIPELINES,
      log: createLogger({ level: 'silent' }),
      spools: new SpoolArea(spoolDir),
    },
    path,
    'bang.xlsx',
  )
  const sheet = parsed.sheets[0]
  if (!sheet || !isParsedProvincialTable(sheet.parsed)) throw new Error('not a provincial table')
  return { ...sheet.parsed, units: [...sheet.parsed.units] }
}

const byName = (units: ParsedUnit[], name: string) => {
  const u = units.find((x) => x.name === name)
  if (!u) throw new Error(`no unit ${name}`)
  return u
}

/**
 * F2 with its two units swapped, so the first shows no sign of mangling, and that first unit given
 * counts en-US Excel reads wrongly: H "2.000" and J "1.000" come back as 2 and 1, which only the
 * invariants J = M + P and J ≤ H can put right (×1000 both). The totals row stays their sum.
 */
function mangledLate(swap: boolean) {
  const fx = f2()
  const rows = fx.grid.rows
  const at = (name: string) => rows.findIndex((r) => r[1] === name)
  const big = at('Sở Xây dựng')
  const small = at('UBND xã Nga Thủy')
  const totals = at('Tổng số')
  const set = (r: number, cells: Record<number, string>) => {
    const row = rows[r]
    if (!row) throw new Error(`no row ${r}`)
    for (const [c, v] of Object.entries(cells)) row[Number(c)] = v
  }
  // H dossiers, J dossiers in online procedures, M full, P partial (J = M + P, J ≤ H, K ≤ J)
  set(small, { 7: '2.000', 9: '1.000', 12: '980', 15: '20' })
  set(totals, { 7: '14.480', 9: '13.400', 12: '9.980', 15: '3.420' })
  if (swap) {
    const first = rows[big]
    const second = rows[small]
    if (!first || !second) throw new Error('fixture rows')
    rows[big] = second
    rows[small] = first
  }
  return fx
}

describe('a provincial table read as it streams', () => {
  it('reads a sheet again when mangling shows only after its first unit, and repairs that unit too', async () => {
    const dir = tempDir()
    const spoolDir = join(dir, '.spool')
    const late = await parse(
      await writeForm(dir, mangledLate(true), 'xlsx-en', 'late'),
      spoolDir,
      'Thanh Hóa',
    )
    const early = await parse(
      await writeForm(dir, mangledLate(false), 'xlsx-en', 'early'),
      spoolDir,
      'Thanh Hóa',
    )
    expect(late.units.map((u) => u.name)).toEqual(['UBND xã Nga Thủy', 'Sở Xây dựng'])
    expect(late.mangled).toBe(true)
    const first = byName(late.units, 'UBND xã Nga Thủy')
    expect(first.numbers.dossiersInOnlineProcedures).toMatchObject({ value: 1000, repaired: true })
    expect(first.numbers.dossiers).toMatchObject({ value: 2000, repaired: true })
    expect(late.findings.filter((f) => f.kind === 'mangled-count-repaired').map((f) => f.row)).toContain(
      first.row,
    )
    expect(late.findings.filter((f) => f.kind === 'invariant-failed')).toEqual([])
    expect(late.findings.filter((f) => f.kind === 'totals-mismatch')).toEqual([])
    // Read in either order, every unit is the same.
    for (const name of ['UBND xã Nga Thủy', 'Sở Xây dựng']) {
      const a = byName(late.units, name)
      const b = byName(early.units, name)
      expect({ numbers: a.numbers, facts: a.facts }).toEqual({ numbers: b.numbers, facts: b.facts })
    }
    // The first reading's spools went with it.
    expect(existsSync(spoolDir) ? readdirSync(spoolDir) : []).toEqual([])
  })

  it('past several chunks: a repeated name told apart, the totals row checked against every unit', async () => {
    const dir = tempDir()
    const path = join(dir, 'so-hoa.xls')
    await generateProvincialExport(path, 4101)
    // The 4,100th unit takes the name of the 2nd: a duplicate 4,098 rows (two spilled chunks) later.
    const html = readFileSync(path, 'utf8')
    expect(html).toContain('>UBND xã Số 4100<')
    writeFileSync(path, html.replace('>UBND xã Số 4100<', '>UBND xã Số 2<'))
    const spoolDir = join(dir, '.spool')
    const p = await parse(path, spoolDir, 'Thanh Hóa')
    expect(p.units).toHaveLength(4101)
    const twins = p.units.filter((u) => u.name === 'UBND xã Số 2')
    expect(twins.map((u) => u.nameKey)).toEqual([twins[0]?.nameKey, `${twins[0]?.nameKey} #2`])
    const dup = p.findings.filter((f) => f.kind === 'duplicate-unit-name')
    expect(dup.map((f) => [f.row, f.provinceCode, f.sheet])).toEqual([
      [twins[1]?.row, p.province.code, p.sheet],
    ])
    // The generated totals row is the sum of all 4,101 units: any unit missed would show here.
    expect(p.totals).not.toBeNull()
    expect(p.findings.filter((f) => f.kind === 'totals-mismatch')).toEqual([])
    expect(p.findings.filter((f) => f.kind === 'invariant-failed')).toEqual([])
  })

  it.skipIf(!existsSync('/proc/self/fd'))(
    'a table refused half-way lets go of its file at once (the HTML reader streams it from disk)',
    async () => {
      const dir = tempDir()
      const path = join(dir, 'so-hoa.xls')
      await generateProvincialExport(path, 8000) // ~1.7 MB: the refusal comes before the last piece
      const html = readFileSync(path, 'utf8')
      // A count written in words in unit 2,002: the table is refused there, ~6,000 rows before its end.
      const bad = html.replace(/(>UBND xã Số 2002<\/td><td>)[^<]*/, '$1mười hai')
      expect(bad).not.toBe(html)
      writeFileSync(path, bad)
      const openFds = () => readdirSync('/proc/self/fd').length
      const before = openFds()
      await expect(parse(path, join(dir, '.spool'), 'Thanh Hóa')).rejects.toMatchObject({
        code: 'bad-value',
        location: { row: expect.any(Number) },
      })
      expect(openFds()).toBe(before)
      expect(readdirSync(join(dir, '.spool'))).toEqual([]) // and its spools went with it
    },
  )
})
