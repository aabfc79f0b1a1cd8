/**
 * National ranking table (docs/inputs.md §A): one row per province with the group scores and the total,
 * as shown on the portal's ranking page and saved or typed into a workbook/CSV. Six-group form
 * (CLGQ /12 and TTTT /10) or five-group form ("Dịch vụ (công) trực tuyến" /22 = CLGQ + TTTT);
 * 63-province cohort before 07/2025, 34 after.
 *
 * Target: stg_readings (one reading per sheet) + stg_province_scores (one row per province), with
 * the sheet and row each number came from. Snapshots and ranks are taken from readings afterwards.
 */

import { z } from 'zod'
import type { Store } from '../src/db/sqlite.ts'
import { columnLetter, QdError } from '../src/errors.ts'
import { fmtDate, fmtNumber } from '../src/i18n/format.ts'
import { t } from '../src/i18n/index.ts'
import { periodName } from '../src/i18n/terms.ts'
import { cellText, isBlankRow, parseDecimal, parseInteger, round2 } from '../src/pipeline/cells.ts'
import { type ColumnSpec, describePath, type HeaderColumn, type HeaderMatch } from '../src/pipeline/header.ts'
import type {
  Finding,
  LoadIds,
  LoadSummary,
  ParsedTable,
  PipelineContext,
  TablePipeline,
} from '../src/pipeline/types.ts'
import type { Row } from '../src/read/types.ts'
import { GROUPS, ONLINE22 } from '../src/reference/groups.ts'
import { cohortFor, type Period, resolvePeriod } from '../src/reference/period.ts'
import type { Cohort } from '../src/reference/provinces.ts'
import { didYouMean } from '../src/reference/suggest.ts'
import { matchKey } from '../src/text/normalize.ts'

// ---- Declaration: signature and columns -------------------------------------------------------

const columns: ColumnSpec[] = [
  { key: 'stt', headers: ['STT', 'TT', 'Số TT', 'Số thứ tự'] },
  {
    key: 'province',
    required: true,
    headers: [
      'Tỉnh/Thành phố',
      'Tỉnh, thành phố',
      'Tỉnh/TP',
      'Tỉnh',
      'Địa phương',
      'Đơn vị',
      'Tên đơn vị',
      'Tên tỉnh',
      'Tỉnh thành',
    ],
  },
  { key: 'ckmb', headers: ['Công khai, minh bạch', 'Công khai minh bạch', 'CKMB'] },
  { key: 'tdgq', headers: ['Tiến độ giải quyết', 'Tiến độ, kết quả giải quyết', 'TDGQ'] },
  {
    key: 'clgq',
    headers: [
      'Dịch vụ công trực tuyến',
      'Dịch vụ trực tuyến',
      'Cung cấp dịch vụ trực tuyến',
      'Cung cấp dịch vụ công trực tuyến',
      'DVCTT',
      'CLGQ',
    ],
  },
  { key: 'tttt', headers: ['Thanh toán trực tuyến', 'TTTT'] },
  { key: 'mdhl', headers: ['Mức độ hài lòng', 'Mức độ hài lòng của người dân, doanh nghiệp', 'MDHL'] },
  { key: 'mdsh', headers: ['Số hóa hồ sơ', 'Mức độ số hóa hồ sơ', 'Số hóa', 'MDSH'] },
  { key: 'total', headers: ['Tổng điểm', 'Tổng', 'Tổng cộng', 'Điểm', 'Tổng số điểm', 'Điểm tổng'] },
  { key: 'rank', headers: ['Xếp hạng', 'Thứ hạng', 'Hạng'] },
]

/**
 * A row of column numbers under the header ("A | B | (1) | (2) | … | (7)=(1)+…+(6)"), as
 * administrative tables print them: labels, not data.
 */
const COLUMN_LABEL = /^\(?\s*(?:[a-d]|\d{1,2})\s*\)?(?:\s*=.*)?$/i
function isColumnNumbering(cells: Row['cells']): boolean {
  const texts = cells.map((c) => cellText(c ?? null)).filter((t): t is string => t !== null)
  return texts.length >= 3 && texts.every((t) => COLUMN_LABEL.test(t)) && texts.some((t) => t.includes('('))
}

/** Rows that are not provinces: notes, sources, national averages, totals. */
const NOT_A_PROVINCE = /^(ghi chu|nguon|luu y|chu thich|binh quan|trung binh|ca nuoc|toan quoc|tong)/

// ---- Row schema (zod): what a valid province row is --------------------------------------------

const score = (max: number, label: string) =>
  z
    .number()
    .nullable()
    // the message is made when a row fails, in the language of that moment (schemas are cached)
    .refine((v) => v === null || (v >= 0 && v <= max + 1e-9), {
      message: JSON.stringify({ label, max }),
    })

/** A score's range issue (made by `score` above) in words. */
function rangeMessage(issue: string): string {
  try {
    const p = JSON.parse(issue) as { label: string; max: number }
    return t('national.score-range', { label: p.label, max: p.max })
  } catch {
    return issue // zod's own message (a type error)
  }
}

/** One schema per form, built once: zod compiles a schema on its first use (per object). */
const rowSchemas = new Map<'six' | 'five', ReturnType<typeof buildRowSchema>>()
function rowSchema(form: 'six' | 'five') {
  let schema = rowSchemas.get(form)
  if (!schema) {
    schema = buildRowSchema(form)
    rowSchemas.set(form, schema)
  }
  return schema
}

function buildRowSchema(form: 'six' | 'five') {
  const g = Object.fromEntries(GROUPS.map((gr) => [gr.column, score(gr.max, `${gr.name} (${gr.code})`)]))
  return z.strictObject({
    province: z.string().min(1),
    ...g,
    ...(form === 'five' ? { clgq: z.null(), tttt: z.null() } : {}),
    online22: form === 'five' ? score(ONLINE22.max, 'Dịch vụ công trực tuyến (/22)') : z.null(),
    total: score(100, 'Tổng điểm'),
    rank: z.number().int().min(1).nullable(),
  })
}
/** The first cell of a row that is not the number its column expects. */
interface BadCell {
  col: HeaderColumn
  expected: string
  found: string
}

type ProvinceRow = z.infer<ReturnType<typeof buildRowSchema>> & Record<string, number | string | null>

// ---- Parsing ------------------------------------------------------------------------------------

export interface ParsedNationalTable extends ParsedTable {
  sheet: string
  title: string | null
  period: Period
  asOf: string | null
  cohort: Cohort
  form: 'six' | 'five'
  provinces: Array<{
    code: string
    nameAsWritten: string
    row: number
    groups: Record<'ckmb' | 'tdgq' | 'clgq' | 'tttt' | 'mdhl' | 'mdsh' | 'online22', number | null>
    totalReported: number | null
    totalComputed: number | null
    reportedRank: number | null
  }>
}

function formOf(header: HeaderMatch): 'six' | 'five' {
  const online = header.mapped.get('clgq')
  // a totals-only table ("Xếp hạng | Tỉnh, thành phố | Tổng điểm") has no group to tell: its
  // groups are all null either way, and the six-group form shows no merged /22 column
  if (!online && !header.mapped.has('tttt')) return 'six'
  if (!header.mapped.has('tttt')) return 'five'
  if (online?.declaredMax === 22) return 'five'
  return 'six'
}

async function parse(input: {
  sheet: string
  header: HeaderMatch
  rows: AsyncIterable<Row>
  ctx: PipelineContext
}): Promise<ParsedNationalTable> {
  const { sheet, header, ctx } = input
  const at = (row?: number, column?: string) => ({ sheet, row, column })
  const titleText = header.titleRows.map((r) => r.cells.map((c) => cellText(c) ?? '').join(' ')).join('\n')
  let periodFacts: ReturnType<typeof resolvePeriod>
  try {
    periodFacts = resolvePeriod(titleText, ctx.fileName)
  } catch (err) {
    throw err instanceof QdError ? err.at({ sheet }) : err
  }
  const { period, asOf } = periodFacts
  const cohort = cohortFor(period, asOf)
  const form = formOf(header)
  const schema = rowSchema(form)
  const groupKeys =
    form === 'six' ? GROUPS.map((g) => g.column) : ['ckmb', 'tdgq', 'mdhl', 'mdsh', 'online22']
  const needed = form === 'six' ? GROUPS.map((g) => g.column) : ['ckmb', 'tdgq', 'clgq', 'mdhl', 'mdsh']
  const missingGroups = needed.filter((k) => !header.mapped.has(k))
  if (missingGroups.length > 0 && !header.mapped.has('total')) {
    throw new QdError(
      'missing-column',
      t('national.no-total-nor-groups', { missing: missingGroups.join(', ') }),
      { location: at(header.lastRow), expected: t('national.no-total-nor-groups-expected') },
    )
  }
  for (const [key, col] of header.mapped) {
    const gr = GROUPS.find((g) => g.column === key)
    const max = key === 'clgq' && form === 'five' ? ONLINE22.max : gr?.max
    if (max !== undefined && col.declaredMax !== null && col.declaredMax !== max) {
      throw new QdError(
        'unknown-column',
        t('national.declared-max', {
          letter: col.letter,
          column: describePath(col.path),
          declared: col.declaredMax,
          max,
        }),
        {
          location: at(header.lastRow, col.letter),
          expected: `${max} điểm`,
          found: `${col.declaredMax} điểm`,
        },
      )
    }
  }

  const findings: Finding[] = []
  const provinces: ParsedNationalTable['provinces'] = []
  const seen = new Map<string, number>()
  const provinceCol = header.mapped.get('province')!

  /** The error for a score cell that holds no number: which cell, what it should hold, what it holds. */
  function badCell(row: Row, bad: BadCell): QdError {
    return new QdError(
      'bad-value',
      t('national.cell-should-hold', { column: describePath(bad.col.path), expected: bad.expected }),
      { location: at(row.rowNumber, bad.col.letter), expected: bad.expected, found: bad.found },
    )
  }

  /** Number cells of a row by column key (clgq of the five-group form read as online22). */
  function readValues(row: Row): {
    values: Record<string, number | null>
    anyNumber: boolean
    bad: BadCell | null
  } {
    const values: Record<string, number | null> = {}
    let anyNumber = false
    let bad: BadCell | null = null
    for (const [key, col] of header.mapped) {
      if (key === 'province' || key === 'stt') continue
      const target = key === 'clgq' && form === 'five' ? 'online22' : key
      const parsed =
        key === 'rank'
          ? parseInteger(row.cells[col.index] ?? null)
          : parseDecimal(row.cells[col.index] ?? null)
      if (!parsed.ok) {
        bad ??= { col, expected: parsed.expected, found: parsed.found }
        continue
      }
      values[target] = parsed.value
      if (parsed.value !== null && key !== 'rank') anyNumber = true
    }
    return { values, anyNumber, bad }
  }

  /**
   * A row inside the table (a province row comes after it) that names no province of the cohort:
   * notes, headings and blank-named rows without scores pass; anything holding scores is an error.
   */
  function checkNonProvinceRow(row: Row): void {
    const written = cellText(row.cells[provinceCol.index] ?? null)
    if (written && NOT_A_PROVINCE.test(matchKey(written))) return
    const { anyNumber, bad } = readValues(row)
    if (bad) throw badCell(row, bad)
    if (!anyNumber) return // a heading or note line between rows
    if (!written) {
      throw new QdError('unknown-province', t('national.no-province-name'), {
        location: at(row.rowNumber, provinceCol.letter),
        expected: t('national.no-province-name-expected'),
      })
    }
    throw unknownProvince(row, written)
  }

  function unknownProvince(row: Row, written: string): QdError {
    const other = ctx.registry.cohortsOf(written).filter((c) => c !== cohort)
    const message =
      other.length > 0
        ? t('national.province-of-other-list', {
            written,
            other: other[0]!,
            period: periodName(period.id),
            asOf: asOf ? fmtDate(asOf) : '',
            cohort,
          })
        : t('national.unknown-province-row', {
            written,
            cohort,
            period: period.id,
            suggestions: didYouMean(ctx.registry, [cohort], written),
          })
    return new QdError('unknown-province', message, {
      location: at(row.rowNumber, provinceCol.letter),
      expected: t('national.unknown-province-expected', { cohort, period: period.id }),
      found: written,
    })
  }

  /**
   * A row after the last province row: signature block, notes, the national average, blank rows.
   * The table has ended, so none of it is an error, with one exception: a row with scores whose
   * name is a misspelt province or one of the other era's list is a province row gone wrong (the
   * last province of the table), not a footer.
   */
  function checkTrailingRow(row: Row): void {
    const written = cellText(row.cells[provinceCol.index] ?? null)
    if (!written || NOT_A_PROVINCE.test(matchKey(written))) return
    if (!readValues(row).anyNumber) return
    if (ctx.registry.cohortsOf(written).length > 0 || ctx.registry.suggest(cohort, written).length > 0)
      throw unknownProvince(row, written)
  }

  // Rows that name no province wait here until the next province row shows they were inside the
  // table; those still waiting at the end follow the table (raw rows keep them all either way).
  const pending: Row[] = []
  for await (const row of input.rows) {
    if (isBlankRow(row.cells)) continue
    const written = cellText(row.cells[provinceCol.index] ?? null)
    const province = written ? ctx.registry.resolve(cohort, written) : undefined
    if (!province) {
      pending.push(row)
      continue
    }
    for (const r of pending) if (provinces.length > 0 || !isColumnNumbering(r.cells)) checkNonProvinceRow(r)
    pending.length = 0
    const { values, bad } = readValues(row)
    if (bad) throw badCell(row, bad)
    const firstRow = seen.get(province.code)
    if (firstRow !== undefined) {
      throw new QdError(
        'duplicate-province',
        t('error.province.twice', {
          name: province.name,
          code: province.code,
          first: firstRow,
          row: row.rowNumber,
        }),
        { location: at(row.rowNumber, provinceCol.letter), found: written! },
      )
    }
    seen.set(province.code, row.rowNumber)

    const candidate = {
      province: written!,
      ckmb: values.ckmb ?? null,
      tdgq: values.tdgq ?? null,
      clgq: form === 'six' ? (values.clgq ?? null) : null,
      tttt: form === 'six' ? (values.tttt ?? null) : null,
      mdhl: values.mdhl ?? null,
      mdsh: values.mdsh ?? null,
      online22: form === 'five' ? (values.online22 ?? null) : null,
      total: values.total ?? null,
      rank: values.rank ?? null,
    }
    const checked = schema.safeParse(candidate)
    if (!checked.success) {
      const issue = checked.error.issues[0]!
      const key = String(issue.path[0] ?? '')
      const col = header.mapped.get(key === 'online22' ? 'clgq' : key)
      const range = rangeMessage(issue.message)
      throw new QdError('out-of-range', `${province.name}: ${range}.`, {
        location: at(row.rowNumber, col?.letter ?? columnLetter(provinceCol.index)),
        expected: range,
        found: String((candidate as Record<string, unknown>)[key]),
      })
    }
    const v = checked.data as ProvinceRow
    const groupValues = groupKeys.map((k) => v[k] as number | null)
    const allGroups = groupValues.every((x) => x !== null)
    const totalComputed = allGroups ? round2(groupValues.reduce<number>((s, x) => s + (x ?? 0), 0)) : null
    const totalReported = v.total === null ? null : round2(v.total)
    if (
      totalReported !== null &&
      totalComputed !== null &&
      Math.abs(totalReported - totalComputed) > ctx.config.totalTolerance + 1e-9
    ) {
      findings.push({
        kind: 'total-mismatch',
        severity: 'warning',
        provinceCode: province.code,
        sheet,
        row: row.rowNumber,
        message: t('national.total-mismatch', {
          name: province.name,
          reported: fmtNumber(totalReported),
          computed: fmtNumber(totalComputed),
        }),
        detail: {
          reported: totalReported,
          computed: totalComputed,
          diff: round2(totalReported - totalComputed),
        },
      })
    }
    const g = (k: string) => {
      const x = v[k] as number | null
      return x === null ? null : round2(x)
    }
    provinces.push({
      code: province.code,
      nameAsWritten: written!,
      row: row.rowNumber,
      groups: {
        ckmb: g('ckmb'),
        tdgq: g('tdgq'),
        clgq: g('clgq'),
        tttt: g('tttt'),
        mdhl: g('mdhl'),
        mdsh: g('mdsh'),
        online22: form === 'five' ? g('online22') : null,
      },
      totalReported,
      totalComputed,
      reportedRank: v.rank,
    })
  }
  for (const r of pending) {
    if (provinces.length === 0) {
      if (!isColumnNumbering(r.cells)) checkNonProvinceRow(r)
    } else checkTrailingRow(r)
  }
  if (provinces.length === 0) {
    throw new QdError('bad-value', t('error.table.no-rows'), {
      location: at(header.lastRow + 1),
      expected: t('error.table.no-rows.expected'),
    })
  }
  return {
    sheet,
    title: titleText.trim() || null,
    period,
    asOf,
    cohort,
    form,
    provinces,
    rows: provinces.length,
    findings,
  }
}

// ---- Load ---------------------------------------------------------------------------------------

function load(store: Store, p: ParsedNationalTable, ids: LoadIds): LoadSummary {
  const { db } = store
  const reading = store.run(
    db.insertInto('stg_readings').values({
      source_file_id: ids.sourceFileId,
      kind: 'national-table',
      period: p.period.id,
      period_type: p.period.type,
      period_start: p.period.start,
      period_end: p.period.end,
      as_of: p.asOf,
      cohort: p.cohort,
      form: p.form,
      title: p.title,
      source_label: 'national-table',
      methodology: null,
    }),
  )
  const readingId = reading.lastInsertRowid
  for (const r of p.provinces) {
    store.insert('stg_province_scores', {
      reading_id: readingId,
      province_code: r.code,
      name_as_written: r.nameAsWritten,
      sheet: p.sheet,
      row_number: r.row,
      ...r.groups,
      total_reported: r.totalReported,
      total_computed: r.totalComputed,
      reported_rank: r.reportedRank,
    })
  }
  return {
    rows: p.provinces.length,
    period: p.period.id,
    asOf: p.asOf,
    readingIds: [readingId],
    findings: p.findings,
  }
}

export const nationalRanking: TablePipeline<ParsedNationalTable> = {
  key: 'national-ranking',
  kind: 'table',
  title: 'National ranking table: one row per province with the six (or five) group scores and the total',
  columns,
  accept(header) {
    const groups = ['ckmb', 'tdgq', 'clgq', 'tttt', 'mdhl', 'mdsh', 'total'].filter((k) =>
      header.mapped.has(k),
    )
    // three score columns, or a totals-only table: the total with the rank beside it
    const totalsOnly = header.mapped.has('total') && header.mapped.has('rank')
    return groups.length >= 3 || totalsOnly
      ? null
      : new QdError('unrecognised', t('national.too-few-score-columns'))
  },
  parse,
  load,
}
