/**
 * Errors a person can act on. Every rejection of an input file ends up as one of these, serialised
 * into `rejected/<name>.error.json`, so each carries where (file, sheet, row, column) and what was
 * expected. `code` is stable and machine-readable; `message` is for people.
 */
import { t, textOf } from './i18n/index.ts'

export interface ErrorLocation {
  file?: string
  sheet?: string
  /** 1-based row number as the user sees it in Excel / a text editor. */
  row?: number
  /** Column letter(s) as in Excel ("C"), or a header name when the source has no letters (JSON path). */
  column?: string
}

export type ErrorCode =
  | 'empty-file'
  | 'unknown-format'
  | 'not-a-workbook'
  | 'corrupt-file'
  | 'too-large'
  /** Parsing the file blew its memory/time budget (or took the process down) on every attempt. */
  | 'too-complex'
  | 'encoding'
  | 'binary-xls'
  | 'unrecognised'
  | 'missing-column'
  | 'unknown-column'
  | 'bad-value'
  | 'out-of-range'
  | 'unknown-province'
  | 'duplicate-province'
  | 'missing-period'
  | 'bad-period'
  | 'inconsistent'
  | 'formula-cell'
  | 'internal'

export class QdError extends Error {
  readonly code: ErrorCode
  readonly location: ErrorLocation
  readonly expected: string | undefined
  readonly found: string | undefined
  /** What to do about it, when the throw site knows better than the code's catalogue hint. */
  readonly hint: string | undefined

  constructor(
    code: ErrorCode,
    message: string,
    opts: {
      location?: ErrorLocation
      expected?: string
      found?: string
      hint?: string
      cause?: unknown
    } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'QdError'
    this.code = code
    this.location = opts.location ?? {}
    this.expected = opts.expected
    this.found = opts.found
    this.hint = opts.hint
  }

  /** The hint people read: the site's own, else the catalogue's for this code (messages/errors.ts). */
  hintText(): string {
    if (this.hint) return this.hint
    return textOf(`error.hint.${this.code}`) ?? t('error.hint.default')
  }

  /** Returns a copy of this error with more location filled in (inner layers know less). */
  at(location: ErrorLocation): QdError {
    return new QdError(this.code, this.message, {
      location: { ...location, ...this.location },
      expected: this.expected,
      found: this.found,
      hint: this.hint,
      cause: this.cause,
    })
  }

  /** "file.xlsx, sheet "Sheet1", row 12, column D: message" */
  describe(): string {
    const where = describeLocation(this.location)
    return where ? `${where}: ${this.message}` : this.message
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      file: this.location.file ?? null,
      sheet: this.location.sheet ?? null,
      row: this.location.row ?? null,
      column: this.location.column ?? null,
      expected: this.expected ?? null,
      found: this.found ?? null,
      hint: this.hintText(),
    }
  }
}

export function describeLocation(loc: ErrorLocation): string {
  const parts: string[] = []
  if (loc.file) parts.push(loc.file)
  if (loc.sheet) parts.push(t('error.where.sheet', { sheet: loc.sheet }))
  if (loc.row !== undefined) parts.push(t('error.where.row', { row: loc.row }))
  if (loc.column) parts.push(t('error.where.column', { column: loc.column }))
  return parts.join(', ')
}

/** The message of anything thrown: an Error's own, else the thrown value as text. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** The stack of an Error (its message when it has none), else the thrown value as text. */
export function errorStack(err: unknown): string {
  return err instanceof Error ? (err.stack ?? String(err)) : String(err)
}

/** The system error code of a failed file or process call ("ENOENT", "EADDRINUSE"), if any. */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined
  return typeof err.code === 'string' ? err.code : undefined
}

/** Wraps anything thrown into a QdError so the batch can record it as data. */
export function asQdError(err: unknown, location: ErrorLocation = {}): QdError {
  if (err instanceof QdError) return err.at(location)
  return new QdError('internal', errorMessage(err), { location, cause: err })
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". Column indexes in this code base are 0-based. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    s = String.fromCharCode(65 + rem) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/**
 * The database's schema does not match this code (needs migrating, or written by a newer qd766).
 * Read paths never migrate, so they refuse with this instead; exit 2 (the operator must act).
 */
export class DatabaseVersionError extends Error {}

/** Nothing to show: no snapshot for the period asked, an unknown province, no tables (exit 5). */
export class NotFoundError extends Error {}
