/**
 * The Decision 766 methodology as versioned data (docs/methodology.md §7): each file in
 * db/seeds/methodology/*.json is one version with its effective dates, groups, five-group form and
 * metrics (maximum, rule, threshold, zero-denominator policy, whether it is an estimate, and where the
 * fact comes from). Changing the scoring for a period means adding a file, not editing code.
 *
 * The files are validated strictly (a typo in our own seed data must fail loudly) and for internal
 * consistency: the six groups sum to 100, metric maxima sum to their group's maximum, the five-group
 * form partitions the six groups, versions do not overlap in time.
 *
 * ### Examples
 * ```ts
 * const m = methodologyFor('2026-10-10')      // -> v2025
 * m.groups.map((g) => `${g.code}/${g.max}`)   // CKMB/18 TDGQ/20 CLGQ/12 TTTT/10 MDHL/18 MDSH/22
 * toFiveGroups(m, { CLGQ: 8.97, TTTT: 6.69 }).DVCTT // 15.66
 * ```
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { QdError } from '../errors.ts'
import { fmtNumber } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import { GROUP_CODES, GROUPS, type GroupCode, type GroupInfo, ONLINE22 } from '../reference/groups.ts'
import { isIsoDate } from '../reference/period.ts'
import { fromHundredths, type Rule, toHundredths, type ZeroDenominatorPolicy } from './round.ts'

export type { GroupCode, GroupInfo }
export { GROUP_CODES, GROUPS, ONLINE22 }

/** Codes of the five-group presentation: CLGQ + TTTT appear as one group DVCTT out of 22. */
export const FIVE_GROUP_CODES = ['CKMB', 'TDGQ', 'DVCTT', 'MDHL', 'MDSH'] as const
export type FiveGroupCode = (typeof FIVE_GROUP_CODES)[number]

/** Where the seed files live, resolved from this module so it works from any working directory. */
export const METHODOLOGY_DIR = fileURLToPath(new URL('../../db/seeds/methodology/', import.meta.url))

export interface MethodologyGroup {
  code: GroupCode
  /** Vietnamese name as the portal shows it in this version. */
  name: string
  /** Other spellings seen in tables (e.g. the 2022 text's name). */
  aliases: string[]
  max: number
  /** Display order, 1-based. */
  order: number
  /** The group of the five-group form this one belongs to (CLGQ, TTTT -> DVCTT). */
  fiveGroup: FiveGroupCode
  note: string | null
}

export interface FiveGroup {
  code: FiveGroupCode
  name: string
  aliases: string[]
  max: number
  order: number
  /** Number of the group in the 2022 text (Số hóa hồ sơ is 4, Mức độ hài lòng is 5). */
  decisionGroup: number
  members: GroupCode[]
}

export interface MethodologyMetric {
  group: GroupCode
  /** API code (PUBLISH_ON_TIME), or the component number for CLGQ/TTTT (3.1, 3.5b). */
  code: string
  name: string
  /** The name the API returns when it differs from `name`. */
  apiName: string | null
  max: number
  rule: Rule
  zeroDenominator: ZeroDenominatorPolicy
  /** True when the formula is inferred rather than published (the CLGQ split). */
  estimate: boolean
  /** A component of a tree-shaped group (CLGQ, TTTT): the portal reports only the group score. */
  component: boolean
  note: string | null
  source: string
  /**
   * For groups captured as a tree of parameters (TDGQ, CLGQ, TTTT): which parameters are summed into
   * the numerator and the denominator, e.g. 3.1 = (partialCount + fullCount) / authorityCount.
   */
  inputs: { numerator: string[]; denominator: string[] } | null
  /** Multiply the ratio by another metric's ratio first (the unconfirmed "3.3 × sync rate"). */
  factor: { metric: string } | null
}

export interface Methodology {
  id: string
  title: string
  /** ISO date, inclusive. */
  effectiveFrom: string
  /** ISO date, inclusive; null = still in force. */
  effectiveTo: string | null
  /** How the index was published in this version: six groups, or five with DVCTT out of 22. */
  presentation: 'six-group' | 'five-group'
  sources: string[]
  notes: string[]
  /** In display order. */
  groups: MethodologyGroup[]
  /** In display order. */
  fiveGroupForm: FiveGroup[]
  /** Group by group in display order, then in file order. Empty = group scores are only reported. */
  metrics: MethodologyMetric[]
  /** The file it was read from. */
  file: string
}

/** A maximum or a sum as a person reads it: "18", "99,5" (vi) or "99.5" (en). */
const num = (x: number) => fmtNumber(x, Number.isInteger(x) ? 0 : Number.isInteger(x * 10) ? 1 : 2)

// Messages are functions so they are rendered when a file is read, in the language of that run.
const isoDate = z.string().refine(isIsoDate, { error: () => t('score.methodology.why.date') })
const groupCode = z.enum(GROUP_CODES)
const fiveCode = z.enum(FIVE_GROUP_CODES)

const ruleSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('linear') }),
  z.strictObject({ type: z.literal('threshold'), t: z.number().gt(0).lte(1) }),
  z.strictObject({ type: z.literal('tracked') }),
])

const metricSchema = z.strictObject({
  group: groupCode,
  code: z.string().min(1),
  name: z.string().min(1),
  apiName: z.string().min(1).optional(),
  max: z.number().min(0),
  rule: ruleSchema,
  zeroDenominator: z.enum(['null', 'zero', 'full']),
  estimate: z.boolean(),
  component: z.boolean().optional(),
  note: z.string().min(1).optional(),
  source: z.string().min(1),
  inputs: z
    .strictObject({
      numerator: z.array(z.string().min(1)).min(1),
      denominator: z.array(z.string().min(1)).min(1),
    })
    .optional(),
  factor: z.strictObject({ metric: z.string().min(1) }).optional(),
})

const groupSchema = z.strictObject({
  code: groupCode,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  max: z.number().gt(0),
  order: z.number().int().min(1),
  fiveGroup: fiveCode,
  note: z.string().min(1).optional(),
})

const fiveGroupSchema = z.strictObject({
  code: fiveCode,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  max: z.number().gt(0),
  order: z.number().int().min(1),
  decisionGroup: z.number().int().min(1).max(5),
  members: z.array(groupCode).min(1),
})

const fileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: () => t('score.methodology.why.id') }),
    title: z.string().min(1),
    effective_from: isoDate,
    effective_to: isoDate.nullable(),
    presentation: z.enum(['six-group', 'five-group']),
    sources: z.array(z.string().min(1)).min(1),
    notes: z.array(z.string().min(1)),
    groups: z.array(groupSchema).length(6),
    fiveGroupForm: z.array(fiveGroupSchema).length(5),
    metrics: z.array(metricSchema),
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message })
    if (m.effective_to !== null && m.effective_to < m.effective_from) {
      issue(
        ['effective_to'],
        t('score.methodology.why.dates', { to: m.effective_to, from: m.effective_from }),
      )
    }
    // Six groups, each once, maxima in hundredths so 0.1-style maxima could never drift.
    const seen = new Set<string>()
    m.groups.forEach((g, i) => {
      if (seen.has(g.code))
        issue(['groups', i, 'code'], t('score.methodology.why.group-twice', { code: g.code }))
      seen.add(g.code)
    })
    const groupMax = new Map(m.groups.map((g) => [g.code, toHundredths(g.max)]))
    const total = [...groupMax.values()].reduce((a, b) => a + b, 0)
    if (total !== 10000)
      issue(['groups'], t('score.methodology.why.group-sum', { sum: num(fromHundredths(total)) }))
    if (new Set(m.groups.map((g) => g.order)).size !== 6)
      issue(['groups'], t('score.methodology.why.group-orders'))
    // Five-group form partitions the six groups and agrees with each group's fiveGroup.
    const covered = new Map<string, string>()
    m.fiveGroupForm.forEach((f, i) => {
      let sum = 0
      for (const member of f.members) {
        if (covered.has(member))
          issue(['fiveGroupForm', i, 'members'], t('score.methodology.why.five-twice', { code: member }))
        covered.set(member, f.code)
        sum += groupMax.get(member) ?? 0
      }
      if (sum !== toHundredths(f.max)) {
        issue(
          ['fiveGroupForm', i, 'max'],
          t('score.methodology.why.five-max', {
            code: f.code,
            max: num(f.max),
            sum: num(fromHundredths(sum)),
          }),
        )
      }
    })
    if (covered.size !== 6) issue(['fiveGroupForm'], t('score.methodology.why.five-cover'))
    m.groups.forEach((g, i) => {
      if (covered.get(g.code) !== g.fiveGroup) {
        issue(
          ['groups', i, 'fiveGroup'],
          t('score.methodology.why.five-member', {
            code: g.code,
            five: g.fiveGroup,
            form: covered.get(g.code) ?? t('score.methodology.why.none'),
          }),
        )
      }
    })
    // Metrics: unique codes, tracked ones worth 0, maxima add up to the group's maximum.
    const codes = new Set<string>()
    const perGroup = new Map<string, number>()
    m.metrics.forEach((x, i) => {
      if (codes.has(x.code))
        issue(['metrics', i, 'code'], t('score.methodology.why.metric-twice', { code: x.code }))
      codes.add(x.code)
      if (x.rule.type === 'tracked' && x.max !== 0)
        issue(['metrics', i, 'max'], t('score.methodology.why.tracked-max', { code: x.code }))
      if (x.rule.type !== 'tracked' && x.max === 0)
        issue(['metrics', i, 'max'], t('score.methodology.why.scored-max', { code: x.code }))
      perGroup.set(x.group, (perGroup.get(x.group) ?? 0) + toHundredths(x.max))
    })
    if (m.metrics.length > 0) {
      for (const g of m.groups) {
        const sum = perGroup.get(g.code) ?? 0
        if (sum !== groupMax.get(g.code)) {
          issue(
            ['metrics'],
            t('score.methodology.why.metric-sum', {
              group: g.code,
              sum: num(fromHundredths(sum)),
              max: num(g.max),
            }),
          )
        }
      }
    }
    m.metrics.forEach((x, i) => {
      if (!x.factor) return
      const target = m.metrics.find((y) => y.code === x.factor?.metric)
      if (!target || target.code === x.code || target.rule.type === 'tracked') {
        issue(
          ['metrics', i, 'factor', 'metric'],
          t('score.methodology.why.factor', { metric: x.factor.metric }),
        )
      }
    })
  })

type FileShape = z.infer<typeof fileSchema>

function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let s = ''
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`
  return s || '(root)'
}

const TYPE_WORDS: Record<string, Parameters<typeof t>[0]> = {
  number: 'score.methodology.type.number',
  int: 'score.methodology.type.int',
  string: 'score.methodology.type.string',
  boolean: 'score.methodology.type.boolean',
  array: 'score.methodology.type.array',
  object: 'score.methodology.type.object',
}

/**
 * Zod's own problems (wrong type, unknown key, out of range) in the catalogue's words; our checks
 * above already carry catalogue text. Anything else keeps zod's message.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return t('score.methodology.why.missing')
      const key = TYPE_WORDS[issue.expected]
      return t('score.methodology.why.type', { expected: key ? t(key) : issue.expected })
    }
    case 'unrecognized_keys':
      return t('score.methodology.why.unknown-keys', { keys: issue.keys.join(', ') })
    case 'invalid_value':
      return t('score.methodology.why.one-of', {
        values: issue.values.map((v) => JSON.stringify(v)).join(', '),
      })
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? t('score.methodology.why.one-of', {
            values: issue.options.map((v) => JSON.stringify(v)).join(', '),
          })
        : issue.message
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big'
      const n = num(Number(big ? issue.maximum : issue.minimum))
      if (issue.origin === 'array') {
        if (issue.exact) return t('score.methodology.why.items-exactly', { n })
        return t(big ? 'score.methodology.why.items-at-most' : 'score.methodology.why.items-at-least', { n })
      }
      if (issue.origin === 'string' && !big) return t('score.methodology.why.empty')
      if (big)
        return t(
          issue.inclusive === false ? 'score.methodology.why.below' : 'score.methodology.why.at-most',
          { n },
        )
      return t(issue.inclusive === false ? 'score.methodology.why.above' : 'score.methodology.why.at-least', {
        n,
      })
    }
    default:
      return issue.message
  }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v)
    Object.freeze(o)
  }
  return o
}

function fromFile(f: FileShape, file: string): Methodology {
  const groups = [...f.groups]
    .sort((a, b) => a.order - b.order)
    .map((g) => ({
      code: g.code,
      name: g.name,
      aliases: g.aliases ?? [],
      max: g.max,
      order: g.order,
      fiveGroup: g.fiveGroup,
      note: g.note ?? null,
    }))
  const order = new Map(groups.map((g, i) => [g.code, i]))
  const metrics = f.metrics
    .map((x, i) => ({ x, i }))
    .sort((a, b) => (order.get(a.x.group) ?? 0) - (order.get(b.x.group) ?? 0) || a.i - b.i)
    .map(({ x }) => ({
      group: x.group,
      code: x.code,
      name: x.name,
      apiName: x.apiName ?? null,
      max: x.max,
      rule: x.rule,
      zeroDenominator: x.zeroDenominator,
      estimate: x.estimate,
      component: x.component ?? false,
      note: x.note ?? null,
      source: x.source,
      inputs: x.inputs ?? null,
      factor: x.factor ?? null,
    }))
  return deepFreeze({
    id: f.id,
    title: f.title,
    effectiveFrom: f.effective_from,
    effectiveTo: f.effective_to,
    presentation: f.presentation,
    sources: f.sources,
    notes: f.notes,
    groups,
    fiveGroupForm: [...f.fiveGroupForm]
      .sort((a, b) => a.order - b.order)
      .map((g) => ({ ...g, aliases: g.aliases ?? [] })),
    metrics,
    file,
  })
}

/**
 * Validates one methodology document (the parsed JSON of a seed file). Throws a QdError whose
 * location names the file and the JSON path of the first problem.
 */
export function parseMethodology(json: unknown, file: string): Methodology {
  const r = fileSchema.safeParse(json, { reportInput: true })
  if (!r.success) {
    const first = r.error.issues[0]!
    const path = jsonPath(first.path)
    throw new QdError('bad-value', t('score.methodology.invalid', { path, why: describeIssue(first) }), {
      location: { file, column: path },
      expected: t('score.methodology.invalid.expected'),
    })
  }
  return fromFile(r.data, file)
}

/**
 * Reads and validates every *.json in `dir`, sorted by effective date. Versions must have distinct
 * ids and must not overlap in time (gaps are allowed: a date in a gap has no methodology).
 */
export function loadMethodologiesFrom(dir: string): Methodology[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
  const list = files.map((name) => {
    const file = join(dir, name)
    let json: unknown
    try {
      json = JSON.parse(readFileSync(file, 'utf8'))
    } catch (err) {
      throw new QdError(
        'corrupt-file',
        t('score.methodology.not-json', { name, why: (err as Error).message }),
        {
          location: { file },
          cause: err,
        },
      )
    }
    return parseMethodology(json, file)
  })
  list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0))
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!
    if (list.findIndex((b) => b.id === a.id) !== i) {
      throw new QdError('inconsistent', t('score.methodology.same-id', { id: a.id }), {
        location: { file: a.file },
      })
    }
    const next = list[i + 1]
    if (next && (a.effectiveTo === null || a.effectiveTo >= next.effectiveFrom)) {
      throw new QdError(
        'inconsistent',
        t('score.methodology.overlap', {
          id: a.id,
          from: a.effectiveFrom,
          to: a.effectiveTo ?? t('score.methodology.open'),
          next: next.id,
          nextFrom: next.effectiveFrom,
        }),
        { location: { file: a.file, column: 'effective_to' } },
      )
    }
  }
  if (list.length === 0) throw new QdError('internal', t('score.methodology.none', { dir }))
  return list
}

let cached: Methodology[] | null = null

/** All versions shipped in db/seeds/methodology, oldest first (read once per process). */
export function loadMethodologies(): Methodology[] {
  cached ??= loadMethodologiesFrom(METHODOLOGY_DIR)
  return [...cached]
}

/**
 * The version in force on `date` (ISO "YYYY-MM-DD"; a full ISO timestamp uses its date part).
 * Which date to pass: the reading's as-of date (the portal scores with the rules in force when it
 * computes), or for a closed period read later, the period's end.
 */
export function methodologyFor(
  date: string,
  list: readonly Methodology[] = loadMethodologies(),
): Methodology {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date.trim())?.[0]
  if (!day || !isIsoDate(day)) {
    throw new QdError('bad-period', t('score.methodology.not-a-date', { value: date }), {
      expected: 'YYYY-MM-DD',
      found: date,
    })
  }
  const m = list.find((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day <= v.effectiveTo))
  if (!m) {
    const known = list.map((v) => `${v.id} ${v.effectiveFrom}..${v.effectiveTo ?? ''}`).join(', ')
    throw new QdError('bad-period', t('score.methodology.not-in-force', { day, known }), {
      expected: t('score.methodology.not-in-force.expected'),
      found: day,
    })
  }
  return m
}

/** The version with this id; throws when there is none. */
export function methodologyById(id: string, list: readonly Methodology[] = loadMethodologies()): Methodology {
  const m = list.find((v) => v.id === id)
  if (!m) {
    throw new QdError(
      'bad-value',
      t('score.methodology.unknown', { id, known: list.map((v) => v.id).join(', ') }),
      {
        found: id,
      },
    )
  }
  return m
}

/** The metrics of one group, in order. */
export function metricsOf(m: Methodology, group: GroupCode): MethodologyMetric[] {
  return m.metrics.filter((x) => x.group === group)
}

/**
 * Six group scores -> the five-group form. A five-group entry is null unless every member has a score
 * (DVCTT needs both CLGQ and TTTT). Sums are exact in hundredths.
 */
export function toFiveGroups(
  m: Methodology,
  scores: Partial<Record<GroupCode, number | null>>,
): Record<FiveGroupCode, number | null> {
  const out = {} as Record<FiveGroupCode, number | null>
  for (const f of m.fiveGroupForm) {
    let h = 0
    let complete = true
    for (const member of f.members) {
      const v = scores[member]
      if (v === null || v === undefined) complete = false
      else h += toHundredths(v)
    }
    out[f.code] = complete ? fromHundredths(h) : null
  }
  return out
}
