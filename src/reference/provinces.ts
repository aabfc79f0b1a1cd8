/**
 * The province registries (63 until 30/06/2025, 34 from 01/07/2025) and name resolution.
 * Source: db/seeds/provinces-63.csv, provinces-34.csv and dvcqg-provinces-34.json, copied from the
 * project's reference material (GSO codes per QĐ 124/2004/QĐ-TTg and QĐ 19/2025/QĐ-TTg; portal
 * H-codes and rootDepartmentIds as returned by the DVCQG 766 API). A code can mean a different
 * territory in each cohort (15 = Yên Bái before, Lào Cai after), so every lookup names its cohort.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { matchKey } from '../text/normalize.ts'

export type Cohort = 63 | 34

/** A number read from the database or a file that is one of the two cohorts. */
export const isCohort = (n: unknown): n is Cohort => n === 63 || n === 34

export interface Province {
  cohort: Cohort
  code: string
  name: string
  officialName: string
  type: string
  region: string | null
  validFrom: string
  validTo: string | null
  dvcqgCode: string | null
  dvcqgUuid: string | null
  mergedFrom: string | null
  aliases: string[]
}

const SEEDS = new URL('../../db/seeds/', import.meta.url)

/** Prefixes that name the kind of unit, not the unit: stripped before comparing names. */
const PREFIXES = [
  'uy ban nhan dan ',
  'ubnd ',
  'tinh ',
  'thanh pho ',
  'tp ',
  'thanh pho truc thuoc trung uong ',
]

/** The comparison key for a province name: accents, case, punctuation, tone style and prefixes removed. */
export function provinceKey(name: string): string {
  let k = matchKey(name)
  let changed = true
  while (changed) {
    changed = false
    for (const p of PREFIXES) {
      if (k.startsWith(p) && k.length > p.length) {
        k = k.slice(p.length)
        changed = true
      }
    }
  }
  return k
}

// The seed files' columns this code reads (others, such as notes, are ignored). A seed file that
// lacks one fails at start-up with the file and column named, not later as an undefined name.
const row63 = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  region: z.string(),
  aliases: z.string(),
  official_name: z.string(),
})
const row34 = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  merged_from: z.string(),
  effective_date: z.string(),
  official_name: z.string(),
  dvcqg_dept_code: z.string(),
  aliases: z.string(),
})
const dvcqgSeed = z.object({
  provinces: z.array(
    z.object({
      departmentCode: z.string(),
      adminCode: z.string(),
      departmentName: z.string(),
      rootDepartmentId: z.string(),
    }),
  ),
})

function readCsv<T>(file: string, row: z.ZodType<T>): T[] {
  const rows: unknown = parse(readFileSync(new URL(file, SEEDS), 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  })
  const checked = z.array(row).safeParse(rows)
  if (!checked.success) throw new Error(`db/seeds/${file}: ${z.prettifyError(checked.error)}`)
  return checked.data
}

/** Loads both registries from the seed files (pure: no database). */
export function loadProvinceSeeds(): Province[] {
  const out: Province[] = []
  for (const r of readCsv('provinces-63.csv', row63)) {
    out.push({
      cohort: 63,
      code: r.code,
      name: r.name,
      officialName: r.official_name,
      type: r.type,
      region: r.region || null,
      validFrom: '2008-08-01',
      validTo: '2025-06-30',
      dvcqgCode: null,
      dvcqgUuid: null,
      mergedFrom: null,
      aliases: r.aliases ? r.aliases.split('|') : [],
    })
  }
  const dvcqg = dvcqgSeed.parse(JSON.parse(readFileSync(new URL('dvcqg-provinces-34.json', SEEDS), 'utf8')))
  const byAdmin = new Map(dvcqg.provinces.map((p) => [p.adminCode, p]))
  for (const r of readCsv('provinces-34.csv', row34)) {
    const portal = byAdmin.get(r.code)
    out.push({
      cohort: 34,
      code: r.code,
      name: r.name,
      officialName: r.official_name,
      type: r.type,
      region: null,
      validFrom: r.effective_date || '2025-07-01',
      validTo: null,
      dvcqgCode: portal?.departmentCode ?? (r.dvcqg_dept_code || null),
      dvcqgUuid: portal?.rootDepartmentId ?? null,
      mergedFrom: r.merged_from || null,
      aliases: [...(r.aliases ? r.aliases.split('|') : []), ...(portal ? [portal.departmentName] : [])],
    })
  }
  return out
}

/** In-memory resolver over one or both cohorts. Build once per run; lookups are map reads. */
export class ProvinceRegistry {
  readonly #byCode = new Map<string, Province>()
  readonly #byKey = new Map<string, Province[]>()
  readonly #byPortal = new Map<string, Province>()
  readonly all: Province[]

  constructor(provinces: Province[]) {
    this.all = provinces
    for (const p of provinces) {
      this.#byCode.set(`${p.cohort}:${p.code}`, p)
      if (p.dvcqgCode) this.#byPortal.set(p.dvcqgCode.toUpperCase(), p)
      if (p.dvcqgUuid) this.#byPortal.set(p.dvcqgUuid.toLowerCase(), p)
      for (const name of [p.name, p.officialName, ...p.aliases]) {
        const key = `${p.cohort}:${provinceKey(name)}`
        const list = this.#byKey.get(key) ?? []
        if (!list.includes(p)) list.push(p)
        this.#byKey.set(key, list)
      }
    }
  }

  static fromSeeds(): ProvinceRegistry {
    return new ProvinceRegistry(loadProvinceSeeds())
  }

  // Lookups take any number (a cohort read from the database is a plain integer): a number that is
  // no cohort finds nothing, as an unknown code does.
  cohort(cohort: number): Province[] {
    return this.all.filter((p) => p.cohort === cohort)
  }

  byCode(cohort: number, code: string): Province | undefined {
    return this.#byCode.get(`${cohort}:${code.padStart(2, '0')}`)
  }

  /** Portal department code ("H44") or rootDepartmentId (UUID): always the 34-province set. */
  byPortalId(id: string): Province | undefined {
    return this.#byPortal.get(id.trim().toUpperCase()) ?? this.#byPortal.get(id.trim().toLowerCase())
  }

  /**
   * Resolves what a file wrote in its province column. Codes first (a bare 1-2 digit number is a GSO
   * code in this cohort, "H44" a portal code), then names in any of the spellings of
   * docs/methodology.md §8. Returns undefined when nothing (or more than one province) matches.
   */
  resolve(cohort: number, written: string): Province | undefined {
    const t = written.trim()
    if (/^\d{1,2}$/.test(t)) return this.byCode(cohort, t)
    if (/^H\d{2}$/i.test(t)) {
      const p = this.byPortalId(t)
      return p && p.cohort === cohort ? p : undefined
    }
    const list = this.#byKey.get(`${cohort}:${provinceKey(t)}`)
    return list && list.length === 1 ? list[0] : undefined
  }

  /**
   * The provinces of a cohort whose name (in any spelling) is a few typing mistakes away from what
   * was written ("Lạng Sơm" -> Lạng Sơn), closest first, at most `limit`. Only close names are
   * offered: a guess far from the text would mislead more than it helps.
   */
  suggest(cohort: number, written: string, limit = 3): Province[] {
    const key = provinceKey(written)
    if (key.length < 2) return []
    const allowed = key.length <= 4 ? 1 : key.length <= 9 ? 2 : 3
    const best = new Map<Province, number>()
    for (const p of this.cohort(cohort)) {
      for (const name of [p.name, p.officialName, ...p.aliases]) {
        const k = provinceKey(name)
        // a whole-word start ("Lạng" for "Lạng Sơn") counts as one mistake
        const d = k.startsWith(`${key} `) ? 1 : editDistance(key, k, allowed)
        if (d <= allowed && d < (best.get(p) ?? Number.POSITIVE_INFINITY)) best.set(p, d)
      }
    }
    const closest = Math.min(...best.values())
    return [...best]
      .filter(([, d]) => d <= closest + 1)
      .sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name, 'vi'))
      .slice(0, limit)
      .map(([p]) => p)
  }

  /** Every cohort a name resolves in (for error messages about the wrong era). */
  cohortsOf(written: string): Cohort[] {
    return ([63, 34] as const).filter((c) => this.resolve(c, written) !== undefined)
  }
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps), giving
 * up early once every path exceeds `cap` (returns cap + 1 then): names are short, lists are small.
 */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  // Rows hold b.length + 1 distances and j stays in 1..b.length, so every read is in range.
  const at = (row: number[], j: number): number => {
    const v = row[j]
    if (v === undefined) throw new Error(`internal: edit distance read column ${j} of ${row.length}`)
    return v
  }
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(at(prev, j) + 1, at(cur, j - 1) + 1, at(prev, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, at(prev2, j - 2) + 1)
      cur.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin > cap) return cap + 1
    prev2 = prev
    prev = cur
  }
  return at(prev, b.length)
}
