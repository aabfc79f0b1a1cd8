/**
 * qd766.config.json in the data home: optional, validated on start (a typo must not silently fall
 * back to defaults). Every key is optional; defaults are the documented behaviour. Every number has
 * a sane upper bound, the timezone must be one the system knows and the bands must start at 0, so a
 * bad setting stops the command at once with a message (exit 2), never a crash in the night.
 * A UTF-8 BOM (Windows Notepad writes one) is accepted.
 */
import { existsSync, readFileSync } from 'node:fs'
import { type core, z } from 'zod'
import { errorMessage } from '../errors.ts'
import { t } from '../i18n/index.ts'

const Band = z.strictObject({
  label: z.string().min(1),
  /** Lower bound, inclusive. */
  min: z.number().min(0).max(100),
})

/** Does this system's ICU know the IANA zone? ("Asia/Ho_Chi_Minh" yes, "Asia/Hanoi" no.) */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const ConfigSchema = z.strictObject({
  schedule: z
    .strictObject({
      cron: z.string().default('0 4 * * *'),
      timezone: z
        .string()
        .refine(isKnownTimeZone, { error: (iss) => t('config.bad-timezone', { zone: String(iss.input) }) })
        .default('Asia/Ho_Chi_Minh'),
      /** Missed ticks newer than this are run once at scheduler start. */
      catchUpHours: z
        .number()
        .min(0)
        .max(24 * 14)
        .default(36),
    })
    .prefault({}),
  /** Rating bands, docs/methodology.md §6; configurable because the decision's clause was not found. */
  bands: z
    .array(Band)
    .min(1)
    .max(20)
    // A total of 0 must fall in some band, or it would get none.
    .refine((bands) => bands.some((b) => b.min === 0), { error: () => t('config.bands-need-zero') })
    .default([
      { label: 'Xuất sắc', min: 90 },
      { label: 'Tốt', min: 80 },
      { label: 'Khá', min: 70 },
      { label: 'Trung bình', min: 50 },
      { label: 'Yếu', min: 0 },
    ]),
  inbox: z
    .strictObject({
      /** A file younger than this (by mtime) may still be being written: left for the next run. */
      minFileAgeSeconds: z.number().min(0).max(86_400).default(2),
      /** Size and mtime must not change across this pause before a file is claimed. */
      stableWaitMs: z.number().min(0).max(60_000).default(300),
      /**
       * How long ingest/refresh wait, at most, for files dropped a moment ago to settle (reach
       * minFileAgeSeconds and stop changing) so that they are taken in the same run. 0: no wait.
       */
      settleWaitSeconds: z.number().min(0).max(600).default(10),
    })
    .prefault({}),
  /**
   * The office's own province (a name such as "Thanh Hóa" or the 2-digit GSO code "38"), used for
   * provincial one-stop exports whose title has no "UBND TỈNH …" line (docs/provincial-tables.md).
   */
  province: z.string().trim().min(1).optional(),
  /** Tolerance for "total is not the sum of its groups" in national tables (docs/inputs.md §A). */
  totalTolerance: z.number().min(0).max(5).default(0.02),
  /**
   * The PostgreSQL warehouse `qd766 publish` (and `refresh`, after its commit) copies this home to
   * (README "Warehouse"). Keep the password out of this file: PGPASSWORD or ~/.pgpass.
   */
  warehouse: z
    .strictObject({
      url: z.string().min(1).optional(),
      schema: z.string().min(1).optional(),
      ssl: z
        .strictObject({
          mode: z.enum(['disable', 'prefer', 'require', 'verify-ca', 'verify-full']).optional(),
          /** CA certificate file for verify-ca / verify-full. */
          rootCert: z.string().min(1).optional(),
        })
        .optional(),
    })
    .optional(),
  /** `qd766 serve`, the read-only web dashboard (README "Web dashboard"). */
  serve: z
    .strictObject({
      /**
       * Access token. Required to listen on anything but loopback (else `serve` exits 2); when set,
       * every request needs it even on loopback. QD766_TOKEN overrides it.
       */
      token: z.string().min(16).optional(),
      /** POST /upload (files into the inbox from the browser) exists only when this is true. */
      uploads: z.boolean().default(false),
      /** Time limit of one query on the SQL page and /api/sql. */
      sqlTimeoutMs: z.number().int().min(100).max(60_000).default(2000),
      /** Rows shown on the SQL page; downloads and /api/sql stop at sqlMaxRows. */
      sqlDisplayRows: z.number().int().min(1).max(100_000).default(500),
      sqlMaxRows: z.number().int().min(1).max(1_000_000).default(50_000),
      /** Largest upload accepted, per request. */
      maxUploadMegabytes: z.number().positive().max(2048).default(50),
    })
    .prefault({}),
  limits: z
    .strictObject({
      maxFileMegabytes: z.number().positive().max(10_240).default(200),
      maxRows: z.number().int().positive().max(100_000_000).default(2_000_000),
      // Per-file budgets and content limits (docs/operations.md, "Budgets and limits per file").
      /** Heap of the worker that parses one file (V8 old generation), MB. */
      parseMemoryMegabytes: z.number().int().min(64).max(65_536).default(4096),
      /** Wall-clock time one file's parse may take, seconds. */
      parseSeconds: z.number().positive().max(86_400).default(600),
      /** Parses that blew a budget or died with the process before a file is rejected. */
      parseAttempts: z.number().int().min(1).max(10).default(2),
      /** Characters in one cell (Excel's own limit is 32,767). */
      maxCellCharacters: z.number().int().positive().max(10_000_000).default(32_767),
      /** Characters in all cells of one file together (a shared string counts once per cell). */
      maxFileTextCharacters: z.number().int().positive().max(1_000_000_000).default(100_000_000),
      /** Cells filled by rowspan/colspan (HTML) or merged ranges (xlsx) in one sheet. */
      maxSpanCells: z.number().int().positive().max(1_000_000_000).default(2_000_000),
      /** Tables inside tables (HTML) or arrays/objects inside each other (JSON). */
      maxNesting: z.number().int().min(4).max(10_000).default(64),
    })
    .prefault({}),
})

export type Config = z.infer<typeof ConfigSchema>

export class ConfigError extends Error {}

/** One problem of the file, for a person: which setting, and what it must be. */
export function describeIssue(issue: core.$ZodIssue): string {
  const where = issue.path.join('.') || t('config.top-level')
  switch (issue.code) {
    case 'too_big':
      return t('config.too-big', { where, max: String(issue.maximum) })
    case 'too_small':
      return issue.origin === 'array'
        ? t('config.too-few', { where, min: String(issue.minimum) })
        : t('config.too-small', { where, min: String(issue.minimum) })
    case 'invalid_type':
      return t('config.wrong-type', { where, expected: issue.expected })
    case 'unrecognized_keys':
      return t('config.unknown-keys', { where, keys: issue.keys.join(', ') })
    case 'invalid_value':
      return t('config.one-of', { where, values: issue.values.map(String).join(', ') })
    default:
      return `${where}: ${issue.message}`
  }
}

export function loadConfig(path: string): Config {
  if (!existsSync(path)) return ConfigSchema.parse({})
  let json: unknown
  try {
    // Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))
  } catch (err) {
    throw new ConfigError(t('config.not-json', { path, message: errorMessage(err) }))
  }
  const parsed = ConfigSchema.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  - ${describeIssue(i)}`).join('\n')
    throw new ConfigError(t('config.invalid', { path, issues }))
  }
  return parsed.data
}

/** The band a total falls in: the first band (highest min first) whose lower bound it reaches. */
export function bandFor(total: number | null, bands: Config['bands']): string | null {
  if (total === null) return null
  const sorted = [...bands].sort((a, b) => b.min - a.min)
  return sorted.find((b) => total + 1e-9 >= b.min)?.label ?? null
}
