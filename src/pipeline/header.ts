/**
 * Header matching by normalised text. Exports put their header anywhere in the first rows, over one
 * to four rows with merged bands (readers fill merged ranges), with maxima suffixes ("(18 điểm)"),
 * line breaks, tabs and either accent style. Each column gets a *path* (the distinct texts down the
 * header band: "Số hóa hồ sơ TTHC khi tiếp nhận › Có số hóa TPHS"), and column specs match a path
 * suffix, so a leaf name that repeats under two groups is still told apart.
 */
import { columnLetter } from '../errors.ts'
import type { Row } from '../read/types.ts'
import { canonicalTones, cleanText, matchKey, stripAccents } from '../text/normalize.ts'
import { cellText } from './cells.ts'

export interface ColumnSpec {
  key: string
  /** Alternatives; each is a path suffix (a single string = a leaf name). Compared by headerKey. */
  headers: Array<string | string[]>
  required?: boolean
}

export interface HeaderColumn {
  index: number
  letter: string
  path: string[]
  /** Number found in a "(18 điểm)" / "/22" suffix of the leaf, if any. */
  declaredMax: number | null
}

export interface HeaderMatch {
  /** Row numbers (1-based) of the header band. */
  firstRow: number
  lastRow: number
  columns: HeaderColumn[]
  /** spec key -> column */
  mapped: Map<string, HeaderColumn>
  /** Header columns no spec claimed (non-empty text). */
  unmapped: HeaderColumn[]
  /** Rows above the header: titles, period lines. */
  titleRows: Row[]
}

/**
 * A maximum at the end of a header text, read before punctuation is dropped so that brackets and
 * slashes still count: "… (18 điểm)", "… 18 điểm", "… (tối đa 18 điểm)", "CKMB (18)", "Tổng (100)",
 * "… /22". Tested on lower-case text without accents.
 */
const MAX_SUFFIX =
  /\s*(?:\(\s*(toi da\s*:?\s*)?(\d+(?:[.,]\d+)?)\s*(diem)?\s*\)|(toi da\s*:?\s*)?(\d+(?:[.,]\d+)?)\s*(diem)|\/\s*(\d+(?:[.,]\d+)?)(\s*diem)?)\s*$/

/**
 * Memo of headerKey: findHeader compares every candidate band of every preview against every spec
 * of every pipeline, so the same few hundred texts are normalised hundreds of thousands of times
 * per file (measured: ~2 s of CPU per small file without it). Bounded so odd inputs cannot grow it.
 */
const headerKeys = new Map<string, { key: string; max: number | null }>()

/**
 * The comparison key of one header text, with any maximum suffix removed. A cell that is only a
 * maximum ("(18 điểm)", the second row of a two-row header) gives key "" and the maximum; a bare
 * "(18)" alone is not taken as one (it is more often a column number), but "CKMB (18)" is.
 */
export function headerKey(text: string): { key: string; max: number | null } {
  const hit = headerKeys.get(text)
  if (hit) return hit
  const plain = stripAccents(canonicalTones(cleanText(text).toLowerCase()))
  const m = MAX_SUFFIX.exec(plain)
  let out: { key: string; max: number | null } = { key: matchKey(plain), max: null }
  if (m) {
    const key = matchKey(plain.slice(0, m.index))
    // one of the pattern's three alternatives matched, each with its number group
    const number = m[2] ?? m[5] ?? m[7] ?? ''
    const bareBrackets = m[2] !== undefined && m[1] === undefined && m[3] === undefined
    if (key !== '' || !bareBrackets) out = { key, max: Number(number.replace(',', '.')) }
  }
  if (headerKeys.size >= 50_000) headerKeys.clear()
  headerKeys.set(text, out)
  return out
}

/** cellText of every cell of a preview row, once per row (findHeader runs once per pipeline). */
const rowTexts = new WeakMap<Row, Array<string | null>>()
function textsOf(r: Row): Array<string | null> {
  let t = rowTexts.get(r)
  if (!t) {
    t = r.cells.map((c) => cellText(c ?? null))
    rowTexts.set(r, t)
  }
  return t
}

/**
 * The distinct texts down one column of a band. A cell that only states a maximum ("(18 điểm)" in
 * the row under the group names) is not a level of the path: its number becomes the column's
 * declared maximum instead.
 */
function pathOf(rows: Row[], col: number): { path: string[]; max: number | null } {
  const path: string[] = []
  let max: number | null = null
  for (const r of rows) {
    const t = textsOf(r)[col] ?? null
    if (t === null || path[path.length - 1] === t) continue
    const k = headerKey(t)
    if (k.key === '' && k.max !== null) max = k.max
    else path.push(t)
  }
  return { path, max }
}

/** A header path (its keys) ends with the wanted keys. */
function tailMatches(have: string[], want: string[]): boolean {
  if (want.length > have.length) return false
  const off = have.length - want.length
  for (let i = 0; i < want.length; i++) if (want[i] !== have[off + i]) return false
  return true
}

/** Each spec's alternatives as keys, computed once per spec (specs are module-level declarations). */
const specKeys = new WeakMap<ColumnSpec, string[][]>()
function wantedKeys(spec: ColumnSpec): string[][] {
  let keys = specKeys.get(spec)
  if (!keys) {
    keys = spec.headers.map((alt) => (Array.isArray(alt) ? alt : [alt]).map((s) => headerKey(s).key))
    specKeys.set(spec, keys)
  }
  return keys
}

/**
 * Tries every header band start in `preview` (up to `maxBand` rows deep) and returns the band where
 * the most specs match one column each; null when the required specs never all match.
 */
interface Band {
  start: number
  height: number
  columns: HeaderColumn[]
  /** Header keys of each column's path, aligned with `columns`. */
  have: string[][]
  /** Column positions (into `columns`) by the key of their leaf: a spec's candidates at once. */
  byLeaf: Map<string, number[]>
}

/**
 * The candidate header bands of a preview with their column paths and keys, built on demand and
 * kept per preview: recognition asks every pipeline about the same preview, so a band is built at
 * most once per preview, not once per pipeline.
 */
const bandCache = new WeakMap<Row[], Map<number, Band>>()
function bandAt(preview: Row[], start: number, height: number): Band {
  let bands = bandCache.get(preview)
  if (!bands) {
    bands = new Map()
    bandCache.set(preview, bands)
  }
  const id = start * 64 + height
  const cached = bands.get(id)
  if (cached) return cached
  const band = preview.slice(start, start + height)
  const width = Math.max(...band.map((r) => r.cells.length))
  const columns: HeaderColumn[] = []
  for (let c = 0; c < width; c++) {
    const { path, max } = pathOf(band, c)
    const leafText = path.at(-1)
    if (leafText === undefined) continue
    columns.push({
      index: c,
      letter: columnLetter(c),
      path,
      declaredMax: headerKey(leafText).max ?? max,
    })
  }
  const have = columns.map((col) => col.path.map((t) => headerKey(t).key))
  const byLeaf = new Map<string, number[]>()
  have.forEach((keys, ci) => {
    const leaf = keys.at(-1)
    if (leaf === undefined) return // not reached: every column has a non-empty path
    const list = byLeaf.get(leaf)
    if (list) list.push(ci)
    else byLeaf.set(leaf, [ci])
  })
  const built = { start, height, columns, have, byLeaf }
  bands.set(id, built)
  return built
}

/** The header keys of every cell of a row, once per row. */
const rowKeys = new WeakMap<Row, Set<string>>()
function keysOf(r: Row): Set<string> {
  let keys = rowKeys.get(r)
  if (!keys) {
    keys = new Set()
    for (const t of textsOf(r)) if (t !== null) keys.add(headerKey(t).key)
    rowKeys.set(r, keys)
  }
  return keys
}

/** Each required spec's leaf keys (the last key of each alternative). */
const requiredLeaves = new WeakMap<ColumnSpec[], string[][]>()
function leavesOfRequired(specs: ColumnSpec[]): string[][] {
  let leaves = requiredLeaves.get(specs)
  if (!leaves) {
    leaves = specs.filter((s) => s.required).map((s) => wantedKeys(s).flatMap((w) => w.slice(-1)))
    requiredLeaves.set(specs, leaves)
  }
  return leaves
}

/**
 * Whether a band can match every required spec at all: each needs a column whose leaf key is one of
 * its alternatives' leaves, and a column's leaf is the key of one of the band's cells. A band that
 * fails this would be skipped by findHeader anyway, so it is not built (most bands of a preview are
 * data rows that hold no header text).
 */
function mayMatch(preview: Row[], start: number, height: number, leaves: string[][]): boolean {
  const rows = preview.slice(start, start + height)
  for (const alternatives of leaves) {
    let found = false
    for (const row of rows) {
      if (found) break
      const keys = keysOf(row)
      for (const leaf of alternatives)
        if (keys.has(leaf)) {
          found = true
          break
        }
    }
    if (!found) return false
  }
  return true
}

export function findHeader(preview: Row[], specs: ColumnSpec[], maxBand = 4): HeaderMatch | null {
  let best: { score: number; match: HeaderMatch } | null = null
  const leaves = leavesOfRequired(specs)
  for (let i = 0; i < preview.length; i++) {
    for (let h = 1; h <= maxBand && i + h <= preview.length; h++) {
      if (!mayMatch(preview, i, h, leaves)) continue
      best = scoreBand(preview, specs, bandAt(preview, i, h), best)
    }
  }
  return best?.match ?? null
}

/** The band's match against the specs, if it beats `best` (the earlier band wins a tie). */
function scoreBand(
  preview: Row[],
  specs: ColumnSpec[],
  { start, height, columns, have, byLeaf }: Band,
  best: { score: number; match: HeaderMatch } | null,
): { score: number; match: HeaderMatch } | null {
  const mapped = new Map<string, HeaderColumn>()
  const used = new Set<number>()
  for (const spec of specs) {
    // the leftmost unused column whose path ends with one of the spec's alternatives
    let hitAt = -1
    for (const w of wantedKeys(spec)) {
      const leaf = w.at(-1)
      if (leaf === undefined) continue
      for (const ci of byLeaf.get(leaf) ?? []) {
        const col = columns[ci]
        const keys = have[ci]
        // byLeaf holds indexes into columns and have, which are parallel
        if (col && keys && (hitAt < 0 || ci < hitAt) && !used.has(col.index) && tailMatches(keys, w))
          hitAt = ci
      }
    }
    const hit = hitAt < 0 ? undefined : columns[hitAt]
    if (hit) {
      mapped.set(spec.key, hit)
      used.add(hit.index)
    }
  }
  if (specs.some((s) => s.required && !mapped.has(s.key))) return best
  // More specs matched wins; among equals, the band that states more maxima (a "(18 điểm)" row
  // under the group names belongs to the header), then the shallower one (extra rows are data).
  let maxima = 0
  for (const col of mapped.values()) if (col.declaredMax !== null) maxima++
  const score = mapped.size * 1000 + maxima * 10 - height
  if (!best || score > best.score) {
    const first = preview[start]
    const last = preview[start + height - 1]
    if (!first || !last) throw new Error(`internal: header band ${start}+${height} is outside the preview`)
    best = {
      score,
      match: {
        firstRow: first.rowNumber,
        lastRow: last.rowNumber,
        columns,
        mapped,
        unmapped: columns.filter((c) => !used.has(c.index)),
        titleRows: preview.slice(0, start),
      },
    }
  }
  return best
}

export function describePath(path: string[]): string {
  return path.join(' › ')
}
