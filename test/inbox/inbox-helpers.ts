/**
 * Shared by the inbox tests: small national tables written as CSV (fast to write and to read), a
 * look into the database, and the layout of a home's folders after a run.
 */
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { encodeCsv } from '../../fixtures/lib/write-csv.ts'
import { nationalTable, titleLines } from '../../fixtures/national.ts'

/** A valid 34-province reading of 2026 dated `2026-10-<day>`; `bad` puts CKMB out of range. */
export function writeNationalCsv(
  dir: string,
  name: string,
  opts: { day?: number; seed?: number; bad?: boolean; old?: boolean; encoding?: 'utf-8' | 'utf-8-bom' } = {},
): Buffer {
  const day = String(opts.day ?? 5).padStart(2, '0')
  const t = nationalTable({ cohort: 34, seed: opts.seed ?? 7, title: titleLines('2026', `2026-10-${day}`) })
  if (opts.bad) t.grid.rows[6]![2] = 19.5 // CKMB is out of 18
  const bytes = encodeCsv(t.grid.rows, { encoding: opts.encoding ?? 'utf-8-bom', delimiter: ';' })
  const path = join(dir, name)
  writeFileSync(path, bytes)
  if (opts.old !== false) {
    const when = new Date(Date.now() - 3_600_000)
    utimesSync(path, when, when)
  }
  return bytes
}

export function ls(dir: string): string[] {
  try {
    return readdirSync(dir).sort()
  } catch {
    return []
  }
}

/** Every file under work/ (inside the run folders). */
export function inWork(home: string): string[] {
  return ls(join(home, 'work')).flatMap((d) => ls(join(home, 'work', d)).map((f) => `${d}/${f}`))
}

export function query<T = Record<string, unknown>>(home: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(home, 'qd766.sqlite'), { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

export const bytesOf = (path: string) => readFileSync(path)
