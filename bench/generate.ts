/**
 * Large realistic inputs for the benchmark, generated from the same fixture builders the tests use
 * (so the bytes look like the real exports), deterministic for a given size:
 *
 * - national-63: a year of daily national ranking readings, 63 provinces (2024), as .xlsx;
 * - national-34: a year of daily readings, 34 provinces (2026), as "CSV UTF-8" (BOM, `;`, decimal commas);
 * - portal: portal API captures, 34 provinces × N months × 6 group endpoints, each with every unit
 *   (~150 agencies and communes per province), in the capture envelope;
 * - provincial-<rows>: one provincial one-stop export (T1 digitisation table, the vendor's HTML-.xls)
 *   with that many unit rows; the largest also as .xlsx (the same export re-saved in Excel).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { encodeCsv } from '../fixtures/lib/write-csv.ts'
import { htmlXls } from '../fixtures/lib/write-html-xls.ts'
import { writeXlsx } from '../fixtures/lib/write-xlsx.ts'
import { makeScores, nationalTable, rng, titleLines } from '../fixtures/national.ts'
import {
  buildCaptures,
  envelope,
  m,
  payloadFor,
  type UnitFigures,
} from '../fixtures/portal/build-captures.ts'
import { f1 } from '../fixtures/provincial/tables.ts'
import { ProvinceRegistry } from '../src/reference/provinces.ts'

const iso = (d: Date) => d.toISOString().slice(0, 10)

/** Daily readings of one year: scores drift a little from day to day, as the cumulative index does. */
export async function generateNationalYear(
  dir: string,
  opts: { cohort: 63 | 34; days: number; format: 'xlsx' | 'csv' },
): Promise<string[]> {
  mkdirSync(dir, { recursive: true })
  const year = opts.cohort === 63 ? 2024 : 2026
  let scores = makeScores(opts.cohort, year)
  const rand = rng(year)
  const files: string[] = []
  for (let i = 0; i < opts.days; i++) {
    const asOf = iso(new Date(Date.UTC(year, 0, 1 + i)))
    scores = scores.map((s) => {
      const groups = { ...s.groups }
      for (const k of Object.keys(groups) as Array<keyof typeof groups>) {
        const max = { CKMB: 18, TDGQ: 20, CLGQ: 12, TTTT: 10, MDHL: 18, MDSH: 22 }[k]
        groups[k] = Math.max(0, Math.min(max, Math.round((groups[k] + (rand() - 0.5) * 0.2) * 100) / 100))
      }
      const total = Object.values(groups).reduce((a, v) => a + Math.round(v * 100), 0) / 100
      return { ...s, groups, total }
    })
    const t = nationalTable({
      cohort: opts.cohort,
      seed: year + i,
      scores,
      title: titleLines(String(year), asOf),
      nameVariants: true,
      withRank: true,
      decimalComma: opts.format === 'csv',
    })
    const path = join(dir, `xep-hang-${opts.cohort}-${asOf}.${opts.format}`)
    if (opts.format === 'xlsx') await writeXlsx(path, [t.grid])
    else writeFileSync(path, encodeCsv(t.grid.rows, { encoding: 'utf-8-bom', delimiter: ';' }))
    files.push(path)
  }
  return files
}

/** One unit's figures: counts that vary by unit and month, every endpoint present. */
function unitFigures(rand: () => number, dept: UnitFigures['department'], scale: number): UnitFigures {
  const int = (lo: number, hi: number) => Math.floor(lo + rand() * (hi - lo + 1))
  const received = int(50, 400) * scale
  const part = (share: number) => Math.floor(received * share)
  const tthc = int(20, 120)
  return {
    department: dept,
    transparency: {
      PUBLISH_ON_TIME: m(int(0, 4), 4),
      PUBLIC_UPDATE_ON_TIME: m(tthc - int(0, 5), tthc),
      PUBLIC_CONTENT_FULL: m(tthc, tthc),
      DOSSIER_SYNC: m(part(0.9 + rand() * 0.1), received),
    },
    progress: {
      totalReceived: received,
      totalOnTime: part(0.85 + rand() * 0.15),
      totalCompleted: part(0.9),
      avgProcessingDays: Math.round((1 + rand() * 5) * 10) / 10,
    },
    online: {
      authorityCount: tthc,
      partialCount: Math.floor(tthc * 0.4),
      fullCount: Math.floor(tthc * 0.4),
      onlineDossierCount: part(0.3),
      onlineServiceTotal: part(0.5),
      channelOnlineSum: part(0.6),
      channelDirectSum: received - part(0.6),
      channelPostalSum: 0,
      channelTotalSum: received,
      onlineOnTimeSum: part(0.55),
      onlineOverdueSum: part(0.05),
    },
    payment: {
      totalDossierOnlinePaymentSuccess: part(0.2),
      totalDossierFinancialObligation: part(0.3),
      totalDossierOnlineFormalityPaymentSuccess: int(0, 20),
      totalFeeDossierFormalityDistinct: int(20, 40),
      totalFeeDossierFormality: int(5, 20),
      totalFeeFormality: int(20, 40),
    },
    satisfaction: {
      PETITION_CLASSIFICATION_TTHC: m(int(0, 10), int(10, 20), null),
      DOSSIER_RECEIVING_SATISFACTION: m(part(0.9), received),
      PETITION_PROCESSING_ON_TIME: m(int(5, 10), 10),
      PETITION_HANDLING_SATISFACTION: m(int(5, 10), 10),
      PETITION_CLASSIFICATION_STAFF: m(0, 0, null),
    },
    digitized: {
      ORIGINAL_RESULT_AVAILABLE: m(part(0.7), received),
      SO_HOA_GIAY_TO_GIAI_QUYET: m(part(0.6), received),
      REUSED_DIGITIZED_DATA: m(part(0.3), received),
      SYNCED_WITH_DVCQG_PERSONAL_STORAGE: m(part(0.2), received),
      CITIZEN_DATA_CONNECTED_DOSSIER: m(part(0.8), received),
      CITIZEN_DATA_CONNECTED_FORMALITY: m(int(5, 20), 20),
      ELECTRONIC_CERTIFIED_COPY: m(null, null),
    },
  }
}

/**
 * Portal captures of every province for `months` months of 2026 (as of the 1st of the next month),
 * each with `units` units (a fifth provincial departments, the rest communes).
 */
export function generatePortalYear(
  dir: string,
  opts: { months: number; units: number; provinces?: number },
): string[] {
  mkdirSync(dir, { recursive: true })
  const registry = ProvinceRegistry.fromSeeds()
  const provinces = registry.cohort(34).slice(0, opts.provinces ?? 34)
  const files: string[] = []
  for (const [pi, p] of provinces.entries()) {
    const dept = {
      departmentId: p.dvcqgUuid!,
      departmentName: `UBND ${p.type === 'tỉnh' ? 'tỉnh' : 'thành phố'} ${p.name}`,
      departmentCode: p.dvcqgCode!,
      departmentType: 'PROVINCE',
      departmentLevel: 'PROVINCE',
    }
    for (let month = 1; month <= opts.months; month++) {
      const rand = rng(pi * 100 + month)
      const units: UnitFigures[] = Array.from({ length: opts.units }, (_, u) => {
        const commune = u >= opts.units / 5
        return unitFigures(
          rand,
          {
            departmentId: `${p.dvcqgUuid!.slice(0, 24)}${String(u + 1).padStart(12, '0')}`,
            departmentName: commune ? `UBND xã Số ${u + 1} - ${p.name}` : `Sở số ${u + 1} - ${p.name}`,
            departmentCode: `${p.dvcqgCode}.${u + 1}`,
            departmentType: commune ? 'COMMUNE_PEOPLE_COMMITTEE' : 'PROVINCIAL_DEPARTMENT',
            departmentLevel: commune ? 'COMMUNE' : 'PROVINCE',
          },
          1,
        )
      })
      const province = unitFigures(rand, dept, opts.units)
      const period = `2026-${String(month).padStart(2, '0')}`
      const asOf = iso(new Date(Date.UTC(2026, month, 1)))
      const set = buildCaptures(province, units)
      for (const endpoint of Object.keys(set) as Array<keyof typeof set>) {
        const path = join(dir, `${endpoint}-${p.dvcqgCode}-${period}-${asOf}.json`)
        const body = envelope(
          endpoint,
          payloadFor(endpoint, period, dept.departmentId),
          `${asOf}T08:00:00+07:00`,
          set[endpoint],
        )
        writeFileSync(path, JSON.stringify(body))
        files.push(path)
      }
    }
  }
  return files
}

/**
 * The T1 digitisation table (fixture F1's header, title and totals row) with `rows` unit rows, in the
 * vendor's HTML-.xls form. Every row keeps the table's invariants (received = not digitised +
 * digitised, the rate columns are the ratios, the rating follows the 80% rule), and the totals row
 * is their sum, so the file is accepted exactly as a real export would be.
 */
export async function generateProvincialExport(path: string, rows: number): Promise<string> {
  const { grid, html } = provincialGrid(rows)
  await writeFile(path, htmlXls(grid, { ...html, sheetTitle: grid.sheetName }), 'utf8')
  return path
}

/**
 * The same table as generateProvincialExport, as the export re-saved as .xlsx (merged header cells,
 * the cells' text as in the page). Written with exceljs's streaming writer: 200,000 rows would not
 * fit the fixture writer's in-memory workbook comfortably.
 */
export async function generateProvincialXlsx(path: string, rows: number): Promise<string> {
  const { grid } = provincialGrid(rows)
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true })
  const ws = wb.addWorksheet(grid.sheetName)
  for (const range of grid.merges ?? []) ws.mergeCells(range)
  for (const cells of grid.rows) ws.addRow(cells.map((v) => v ?? undefined)).commit()
  ws.commit()
  await wb.commit()
  return path
}

function provincialGrid(rows: number) {
  const base = f1()
  const head = base.grid.rows.slice(0, 5)
  const rand = rng(rows)
  const pct = (n: number, d: number) =>
    d === 0 ? '0' : `${(Math.round((10_000 * n) / d) / 100).toString()}%`
  const dot = (n: number) => n.toLocaleString('de-DE') // the export's thousands separator is "."
  const body: Array<Array<string | null>> = []
  const sum = { c: 0, d: 0, e: 0, f: 0, g: 0, i: 0, j: 0, k: 0 }
  for (let r = 0; r < rows; r++) {
    const c = 10 + Math.floor(rand() * 3000)
    const e = Math.floor(c * (0.5 + rand() * 0.5))
    const d = c - e
    const f = Math.floor(e * rand() * 0.4)
    const g = Math.floor(f * rand() * 0.2)
    const i = Math.floor(c * (0.8 + rand() * 0.2))
    const k = Math.floor(i * (0.4 + rand() * 0.6))
    const j = i - k
    for (const [key, v] of Object.entries({ c, d, e, f, g, i, j, k })) sum[key as keyof typeof sum] += v
    const rate = (n: number, dd: number) => (dd === 0 ? 0 : n / dd)
    const rating = (x: number, dd: number) => (dd === 0 ? null : x >= 0.8 ? 'Đạt ' : 'Không đạt')
    body.push([
      String(r + 1),
      r % 5 === 0 ? `Sở ban ngành số ${r + 1}` : `UBND xã Số ${r + 1}`,
      dot(c),
      dot(d),
      dot(e),
      dot(f),
      dot(g),
      pct(e, c),
      dot(i),
      dot(j),
      dot(k),
      pct(k, i),
      rating(rate(e, c), c),
      rating(rate(k, i), i),
    ])
  }
  const totals = [
    null,
    'Tổng số',
    dot(sum.c),
    dot(sum.d),
    dot(sum.e),
    dot(sum.f),
    dot(sum.g),
    pct(sum.e, sum.c),
    dot(sum.i),
    dot(sum.j),
    dot(sum.k),
    pct(sum.k, sum.i),
    sum.e / sum.c >= 0.8 ? 'Đạt ' : 'Không đạt',
    sum.k / sum.i >= 0.8 ? 'Đạt ' : 'Không đạt',
  ]
  const grid = {
    sheetName: base.grid.sheetName,
    rows: [...head, ...body, totals],
    merges: base.grid.merges,
  }
  return { grid, html: base.html }
}
