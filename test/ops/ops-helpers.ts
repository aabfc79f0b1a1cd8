/**
 * Shared by the operations tests: a batch of realistic national files (some duplicates, one bad
 * file), a canonical dump of the database for "equal to a clean run", and file-hash bookkeeping for
 * "every input exactly once, byte-for-byte".
 */
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import Database from 'better-sqlite3'
import { encodeCsv } from '../../fixtures/lib/write-csv.ts'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { nationalTable, titleLines } from '../../fixtures/national.ts'

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

export interface BatchFile {
  name: string
  sha256: string
  expect: 'accepted' | 'duplicate' | 'rejected'
}

/**
 * Daily national readings (34 provinces, 2026, xlsx and CSV in turn), a few 63-province 2024 ones,
 * `duplicates` byte-identical copies under other names and one file with an impossible score.
 * Every file gets the same mtime, so the inbox order (mtime, then name) is the name order, the same
 * order a run that takes up leftovers in work/ uses: a crash cannot change which copy of a
 * duplicate is "the" accepted one.
 */
export async function writeNationalBatch(
  dir: string,
  opts: { files: number; duplicates?: number; bad?: boolean; seed?: number } = { files: 10 },
): Promise<BatchFile[]> {
  const out: BatchFile[] = []
  const seed = opts.seed ?? 1
  for (let i = 0; i < opts.files; i++) {
    const old = i % 5 === 4
    const day = String(1 + i).padStart(2, '0')
    const asOf = old ? `2024-12-${day}` : `2026-10-${day}`
    const t = nationalTable({
      cohort: old ? 63 : 34,
      seed: seed * 1000 + i,
      title: titleLines(old ? '2024' : '2026', asOf),
      nameVariants: true,
      extraRows: i % 3 === 0,
    })
    const name = `${String(i).padStart(2, '0')}-xep-hang-${asOf}.${i % 2 ? 'csv' : 'xlsx'}`
    const path = join(dir, name)
    if (i % 2) writeFileSync(path, encodeCsv(t.grid.rows, { encoding: 'utf-8-bom', delimiter: ';' }))
    else await writeXlsx(path, [t.grid])
    out.push({ name, sha256: sha256(readFileSync(path)), expect: 'accepted' })
  }
  for (let d = 0; d < (opts.duplicates ?? 0); d++) {
    const src = out[d * 2]!
    const name = `${src.name.slice(0, 2)}z-copy-of-${src.name.slice(3)}`
    copyFileSync(join(dir, src.name), join(dir, name))
    out.push({ name, sha256: src.sha256, expect: 'duplicate' })
  }
  if (opts.bad) {
    const t = nationalTable({ cohort: 34, seed: seed * 1000 + 999, title: titleLines('2026', '2026-10-20') })
    t.grid.rows[6]![2] = 19.5 // CKMB is out of 18
    const name = '99-bad-score.xlsx'
    await writeXlsx(join(dir, name), [t.grid])
    out.push({ name, sha256: sha256(readFileSync(join(dir, name))), expect: 'rejected' })
  }
  const when = new Date(Date.now() - 3_600_000)
  for (const f of out) utimesSync(join(dir, f.name), when, when)
  return out.sort((a, b) => a.name.localeCompare(b.name))
}

/** Every file under a directory (recursively), by sha256: what archive/ and rejected/ hold. */
export function hashesUnder(
  dir: string,
  skip: (name: string) => boolean = () => false,
): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (!existsSync(dir)) return out
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile() && !skip(e.name)) {
        const h = sha256(readFileSync(p))
        out.set(h, [...(out.get(h) ?? []), relative(dir, p)])
      }
    }
  }
  walk(dir)
  return out
}

export function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...filesIn(join(dir, e.name)).map((f) => `${e.name}/${f}`))
    else out.push(e.name)
  }
  return out
}

/**
 * The database's content without the accidents of one particular history: surrogate ids, run ids
 * and timestamps are dropped, and every foreign key is replaced by the canonical content of the row
 * it points to (found through PRAGMA foreign_key_list, so tables other engineers add are covered
 * without listing them here). Paths are made relative to the home. Two databases with equal dumps
 * hold the same facts, the same snapshots and the same file records.
 */
export function canonicalDump(dbPath: string, home: string): Record<string, string[]> {
  const db = new Database(dbPath, { readonly: true })
  try {
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all() as Array<{ name: string }>
    )
      .map((t) => t.name)
      // history of runs and schema bookkeeping differ by design; ref_* is seeded, not ingested
      .filter((n) => !['runs', 'schema_migrations', 'meta'].includes(n) && !n.startsWith('ref_'))
    const info = new Map<
      string,
      { columns: string[]; pk: string[]; fks: Map<string, { table: string; to: string }> }
    >()
    const describe = (table: string) => {
      let d = info.get(table)
      if (!d) {
        const cols = db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{
          name: string
          pk: number
          type: string
        }>
        const fks = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Array<{
          table: string
          from: string
          to: string | null
        }>
        d = {
          columns: cols.map((c) => c.name),
          pk: cols.filter((c) => c.pk > 0).map((c) => c.name),
          fks: new Map(fks.map((f) => [f.from, { table: f.table, to: f.to ?? 'id' }])),
        }
        info.set(table, d)
      }
      return d
    }
    const memo = new Map<string, string>()
    const ref = (table: string, column: string, value: unknown): string => {
      const key = `${table}.${column}=${String(value)}`
      let c = memo.get(key)
      if (c === undefined) {
        const row = db.prepare(`SELECT * FROM "${table}" WHERE "${column}" = ?`).get(value) as
          | Record<string, unknown>
          | undefined
        c = row ? canonical(table, row) : `missing ${key}`
        memo.set(key, c)
      }
      return c
    }
    const canonical = (table: string, row: Record<string, unknown>): string => {
      const d = describe(table)
      const out: Record<string, unknown> = {}
      for (const col of d.columns) {
        const fk = d.fks.get(col)
        if (fk?.table === 'runs' || col === 'run_id') continue
        if (d.pk.length === 1 && d.pk[0] === col && col === 'id') continue
        if (/(^|_)at$|^mtime$/.test(col)) continue
        const v = row[col]
        if (fk && v !== null && v !== undefined) out[col] = JSON.parse(ref(fk.table, fk.to, v))
        else if (typeof v === 'string' && v.startsWith(home)) out[col] = relative(home, v)
        else out[col] = v
      }
      return JSON.stringify(out)
    }
    const dump: Record<string, string[]> = {}
    for (const t of tables) {
      dump[t] = (db.prepare(`SELECT * FROM "${t}"`).all() as Array<Record<string, unknown>>)
        .map((r) => canonical(t, r))
        .sort()
    }
    return dump
  } finally {
    db.close()
  }
}

export function integrityCheck(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true })
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check)
  } finally {
    db.close()
  }
}

export function mtimeOf(path: string): number {
  return statSync(path).mtimeMs
}
