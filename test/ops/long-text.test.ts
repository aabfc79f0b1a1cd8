/**
 * A long text stored once (issue 9 §3: "an xlsx with one 50 MB shared string used in 40 cells: the
 * database grew by 2 GB"). The per-cell and per-file caps (test/read/hostile.test.ts) refuse that
 * file; what they let through, one 30,000-character shared string in ~2,000 cells, must not cost
 * 2,000 copies in raw_rows either. Real xlsx written by exceljs, ingested by the real CLI.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { nationalTable, titleLines } from '../../fixtures/national.ts'
import { f7 } from '../../fixtures/provincial/tables.ts'
import { openApp } from '../../src/app.ts'
import { LONG_TEXT_CHARS, RawRowWriter, readRawRows } from '../../src/db/raw-rows.ts'
import { cellText } from '../../src/pipeline/cells.ts'
import { openWorkbook } from '../../src/read/open.ts'
import type { CellValue } from '../../src/read/types.ts'
import { cli, tempHome } from '../helpers.ts'
import { collect } from '../read/collect.ts'

/** 30,000 characters of Vietnamese (two and three bytes each in UTF-8 for the accented ones). */
const LONG = 'Ghi chú: số liệu tổng hợp từ Cổng Dịch vụ công quốc gia, "đã rà soát" \\ lần 2.\n'
  .repeat(400)
  .slice(0, 30_000)
const NOTE_COLUMNS = 60
/** Just over and just at the threshold, and text JSON must escape (and XML can carry). */
const EDGE = {
  over: 'Ả'.repeat(LONG_TEXT_CHARS + 1),
  at: 'b'.repeat(LONG_TEXT_CHARS),
  escaped: `"quoted" \\ back\tslash\n${'é'.repeat(LONG_TEXT_CHARS)}`,
}
/** What only JSON and SQLite see: control characters and a lone surrogate. */
const CONTROL = `\u0001\u001f\r\n\u2028${'c'.repeat(LONG_TEXT_CHARS)}`

/**
 * A valid 34-province table whose every data row carries NOTE_COLUMNS "Ghi chú" columns of the same
 * long text (exceljs writes it once, in sharedStrings.xml), plus the edge texts on its first row.
 * Returns how many cells show the long text.
 */
async function writeNotedTable(path: string, o: { day: string; long: string | null; bad?: boolean }) {
  const t = nationalTable({ cohort: 34, seed: 7, title: titleLines('2026', `2026-10-${o.day}`) })
  const rows = t.grid.rows
  const head = rows.findIndex((r) => r.includes('Tổng điểm'))
  let uses = 0
  rows.forEach((r, i) => {
    if (i === head)
      r.push(...Array.from({ length: NOTE_COLUMNS }, (_, k) => `Ghi chú ${k + 1}`), 'A', 'B', 'C')
    else if (i > head && o.long !== null) {
      const notes: Array<string | null> = Array(NOTE_COLUMNS).fill(o.long)
      if (i === head + 2) notes[7] = null // an empty cell between uses
      r.push(...notes)
      uses += notes.filter((n) => n !== null).length
      if (i === head + 1) r.push(EDGE.over, EDGE.at, EDGE.escaped)
    }
  })
  if (o.bad) rows[head + 3]![2] = 19.5 // CKMB is out of 18
  await writeXlsx(path, [t.grid])
  return uses
}

/** The database's size once its WAL is folded in, in bytes. */
function databaseBytes(home: string): number {
  const db = new Database(join(home, 'qd766.sqlite'))
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
    return (
      (db.pragma('page_count', { simple: true }) as number) *
      (db.pragma('page_size', { simple: true }) as number)
    )
  } finally {
    db.close()
  }
}

function ingest(home: string): Array<{ file: string; status: string }> {
  const r = cli(home, ['ingest', '--json'])
  return JSON.parse(r.stdout) as Array<{ file: string; status: string }>
}

describe('a long shared string used in 2,000 cells', () => {
  let plain: { home: string; bytes: number }
  let noted: { home: string; bytes: number; uses: number; path: string }

  beforeAll(async () => {
    const a = tempHome()
    await writeNotedTable(join(a, 'inbox', 'xep-hang-2026-10-05.xlsx'), { day: '05', long: null })
    expect(ingest(a).map((f) => f.status)).toEqual(['accepted'])
    plain = { home: a, bytes: databaseBytes(a) }

    const b = tempHome()
    const path = join(b, 'inbox', 'xep-hang-2026-10-05.xlsx')
    const uses = await writeNotedTable(path, { day: '05', long: LONG })
    const bytes = readFileSync(path)
    expect(ingest(b).map((f) => f.status)).toEqual(['accepted'])
    const archived = join(b, 'archive', 'xep-hang-2026-10-05.xlsx')
    expect(readFileSync(archived).equals(bytes)).toBe(true)
    noted = { home: b, bytes: databaseBytes(b), uses, path: archived }
  }, 120_000)

  it('costs the text about once: the database grows by far less than one copy per use', () => {
    // the file itself is small: the text is in it once
    expect(statSync(noted.path).size).toBeLessThan(200_000)
    expect(noted.uses).toBeGreaterThanOrEqual(2_000)
    const copies = noted.uses * Buffer.byteLength(LONG) // ~68 MB, what one copy per cell cost
    const growth = noted.bytes - plain.bytes
    // a few copies of the text and ~100 bytes of reference per use (measured: ~0.2 MB)
    const bound = 4 * Buffer.byteLength(LONG) + noted.uses * 100
    expect(bound).toBeLessThan(copies / 50)
    expect(growth).toBeLessThan(bound)
    const db = new Database(join(noted.home, 'qd766.sqlite'), { readonly: true })
    const texts = db.prepare('SELECT text FROM raw_texts ORDER BY length(text)').pluck().all()
    db.close()
    // LONG, EDGE.over and EDGE.escaped; EDGE.at, at the threshold, stays in its row
    expect(texts).toEqual([EDGE.over, EDGE.escaped, LONG])
  })

  it('gives every row back exactly as the reader produced it: v_raw_rows and readRawRows', async () => {
    const [sheet] = await collect(await openWorkbook(noted.path))
    const read = sheet!.rows
    expect(read.some(([, cells]) => cells.includes(LONG))).toBe(true)
    expect(read.some(([, cells]) => cells.includes(null))).toBe(true)
    expect(read.some(([, cells]) => cells.some((c) => typeof c === 'number'))).toBe(true)
    const db = new Database(join(noted.home, 'qd766.sqlite'), { readonly: true })
    const viewed = db
      .prepare('SELECT row_number AS n, cells FROM v_raw_rows WHERE sheet = ? ORDER BY row_number')
      .all(sheet!.name) as Array<{ n: number; cells: string }>
    const stored = db.prepare('SELECT sum(length(cells)) AS n FROM raw_rows').get() as { n: number }
    db.close()
    // byte for byte the JSON of what was read, and far smaller in the table itself
    expect(viewed).toEqual(read.map(([n, cells]) => ({ n, cells: JSON.stringify(cells) })))
    expect(stored.n * 50).toBeLessThan(viewed.reduce((s, r) => s + r.cells.length, 0))

    const app = openApp(noted.home)
    try {
      const file = app.store.raw.prepare('SELECT id FROM source_files').pluck().get() as number
      const rows = readRawRows(app.store, file, sheet!.name)
      expect(rows).toEqual(read.map(([rowNumber, cells]) => ({ rowNumber, cells })))
    } finally {
      app.store.close()
    }
  })

  it('stores a text once across files, and nothing for a rejected file', async () => {
    const h = tempHome()
    await writeNotedTable(join(h, 'inbox', 'a-xep-hang-2026-10-05.xlsx'), { day: '05', long: LONG })
    await writeNotedTable(join(h, 'inbox', 'b-xep-hang-2026-10-06.xlsx'), { day: '06', long: LONG })
    await writeNotedTable(join(h, 'inbox', 'c-xep-hang-2026-10-07.xlsx'), {
      day: '07',
      long: `${LONG}!`,
      bad: true,
    })
    const statuses = Object.fromEntries(ingest(h).map((f) => [f.file, f.status]))
    expect(statuses).toEqual({
      'a-xep-hang-2026-10-05.xlsx': 'accepted',
      'b-xep-hang-2026-10-06.xlsx': 'accepted',
      'c-xep-hang-2026-10-07.xlsx': 'rejected',
    })
    const db = new Database(join(h, 'qd766.sqlite'), { readonly: true })
    const q = (sql: string, ...params: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...params)
    expect(q('SELECT count(*) FROM raw_texts')).toBe(3)
    expect(q('SELECT count(*) FROM raw_texts WHERE text = ?', `${LONG}!`)).toBe(0)
    expect(q('SELECT count(DISTINCT source_file_id) FROM raw_rows')).toBe(2)
    db.close()
  }, 120_000)
})

/**
 * A procedure catalogue (T7) of `units` units, one row each, whose "Lĩnh vực" (a text column, kept
 * as a typed cell per unit) is `field(i)`: one shared string when it is the same for all.
 */
async function writeCatalogue(path: string, units: number, field: (i: number) => string) {
  const fx = f7()
  const rows = fx.grid.rows.slice(0, 5)
  for (let i = 0; i < units; i++)
    rows.push([`UBND xã Số ${i + 1}`, field(i), '2', '1', '1', '0', '0', '0', '0', '0'])
  rows.push(['Tổng cộng', null, String(2 * units), String(units), String(units), '0', '0', '0', '0', '0'])
  const header = (fx.grid.merges ?? []).filter((m) => /^[A-J][1-5]:/.test(m))
  await writeXlsx(path, [{ ...fx.grid, rows, merges: [...header, `A${6 + units}:B${6 + units}`] }])
}

describe('a long shared string in the text column of 1,000 provincial units', () => {
  it('is kept once in the typed cells too, and read back whole', async () => {
    const units = 1000
    const short = tempHome()
    await writeCatalogue(
      join(short, 'inbox', 'thu-tuc-hanh-chinh 2025-Q3.xlsx'),
      units,
      (i) => `Lĩnh vực ${i}`,
    )
    expect(ingest(short).map((f) => f.status)).toEqual(['accepted'])
    const long = tempHome()
    await writeCatalogue(join(long, 'inbox', 'thu-tuc-hanh-chinh 2025-Q3.xlsx'), units, () => LONG)
    expect(ingest(long).map((f) => f.status)).toEqual(['accepted'])
    const growth = databaseBytes(long) - databaseBytes(short)
    const copies = units * Buffer.byteLength(LONG) // ~40 MB: one copy per unit
    expect(growth).toBeLessThan(copies / 50)
    const db = new Database(join(long, 'qd766.sqlite'), { readonly: true })
    try {
      const fields = db
        .prepare("SELECT raw FROM stg_unit_counts WHERE kind = 'text' AND unit_id IS NOT NULL")
        .pluck()
        .all()
      expect(fields).toHaveLength(units)
      // the text as the table reads it (cleaned, as before), whole
      const expected = cellText(LONG)
      expect(expected?.length).toBeGreaterThan(LONG_TEXT_CHARS)
      expect(fields.every((f) => f === expected)).toBe(true)
      // once as read (raw_rows) and once as the table cleaned it (line breaks, spaces)
      expect(expected).not.toBe(LONG)
      expect(db.prepare('SELECT count(*) FROM raw_texts').pluck().get()).toBe(2)
    } finally {
      db.close()
    }
  }, 180_000)
})

describe('RawRowWriter', () => {
  it('round-trips texts, numbers and nulls, and keeps a text with a lone surrogate in its row', () => {
    const app = openApp(tempHome())
    try {
      const { store } = app
      const fileId = Number(
        store.raw
          .prepare(
            `INSERT INTO source_files (sha256, file_name, size, mtime, format, kind, rows, accepted_at)
             VALUES ('f', 'f.xlsx', 1, '2026-01-01', 'xlsx', 'x', 0, '2026-01-01')`,
          )
          .run().lastInsertRowid,
      )
      const lone = `${'x'.repeat(LONG_TEXT_CHARS)}\uD800 half a pair`
      const rows: Array<{ rowNumber: number; cells: CellValue[] }> = [
        { rowNumber: 1, cells: [] },
        { rowNumber: 2, cells: [null, 0, -1.5, 0.30000000000000004, 1e21, '', 'ngắn', null] },
        { rowNumber: 3, cells: [LONG, 12, LONG, null, CONTROL, EDGE.at, lone, '{"sha256":"x"}'] },
        { rowNumber: 4, cells: [EDGE.over, null] },
      ]
      store.tx(() => {
        const w = new RawRowWriter(store, fileId)
        for (const r of rows) w.insert('S', r)
      })
      expect(readRawRows(store, fileId, 'S')).toEqual(rows)
      const viewed = store.raw
        .prepare('SELECT cells FROM v_raw_rows WHERE source_file_id = ? ORDER BY row_number')
        .pluck()
        .all(fileId)
      expect(viewed).toEqual(rows.map((r) => JSON.stringify(r.cells)))
      expect(store.raw.prepare('SELECT count(*) FROM raw_texts').pluck().get()).toBe(3)
      // the row written holds the lone surrogate as JSON escapes it, not a U+FFFD
      const row3 = store.raw.prepare('SELECT cells FROM raw_rows WHERE row_number = 3').pluck().get()
      expect(row3).toContain('\\ud800 half a pair')
    } finally {
      app.store.close()
    }
  })

  it('shows a text missing from raw_texts as missing, not as null', () => {
    const app = openApp(tempHome())
    try {
      const { store } = app
      store.raw.exec(
        `INSERT INTO source_files (sha256, file_name, size, mtime, format, kind, rows, accepted_at)
         VALUES ('f', 'f.xlsx', 1, '2026-01-01', 'xlsx', 'x', 0, '2026-01-01')`,
      )
      const sha = 'a'.repeat(64)
      store.raw
        .prepare("INSERT INTO raw_rows VALUES (1, 'S', 1, ?)")
        .run(JSON.stringify(['x', { sha256: sha }, null]))
      expect(store.raw.prepare('SELECT cells FROM v_raw_rows').pluck().get()).toBe(
        `["x",{"missing_sha256":"${sha}"},null]`,
      )
      expect(() => readRawRows(store, 1, 'S')).toThrow(sha)
    } finally {
      app.store.close()
    }
  })
})
