/**
 * Whose fault is a failure? Only a QdError about the file's content rejects a file. Anything else
 * (a full disk, a permission on our own folders, a busy database, a bug in qd766) is not the
 * analyst's fault: the run stops with a clear message, the file is not rejected, and it goes back
 * to be taken again by the next run (issue 9 §2; docs/operations.md "When a run fails").
 */
import { errnoCode, QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import type { FileOutcome } from './ingest-file.ts'

export type FailureKind = 'disk-full' | 'permission' | 'database-busy' | 'io' | 'bug'

/** A Node system error (fs, net: has code and syscall) or an SQLite error: the machine, not the file. */
export function isEnvironmentError(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  const code = errnoCode(err)
  if (err.name === 'SqliteError' || code?.startsWith('SQLITE_')) return true
  return (
    code !== undefined && /^E[A-Z0-9]+$/.test(code) && 'syscall' in err && typeof err.syscall === 'string'
  )
}

/** The innermost environment error in a cause chain (readers wrap what they throw). */
function environmentCause(err: unknown, depth = 0): Error | null {
  if (depth > 8 || !(err instanceof Error)) return null
  return isEnvironmentError(err) ? err : environmentCause(err.cause, depth + 1)
}

/** True only for a QdError about the content of the file: the one kind of failure that rejects it. */
export function isFileFault(err: unknown): err is QdError {
  return err instanceof QdError && err.code !== 'internal' && environmentCause(err) === null
}

export function failureKind(err: unknown): FailureKind {
  const env = environmentCause(err)
  if (!env) return 'bug'
  const code = errnoCode(env) ?? ''
  if (/^(ENOSPC|EDQUOT|EFBIG)$|^SQLITE_FULL/.test(code)) return 'disk-full'
  if (/^(EACCES|EPERM|EROFS)$|^SQLITE_(READONLY|CANTOPEN|AUTH|PERM)/.test(code)) return 'permission'
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'database-busy'
  return 'io'
}

/** "ENOSPC: no space left on device, write '…'" — the original error, for the log and the details. */
export function failureDetail(err: unknown): string {
  const inner = environmentCause(err) ?? err
  if (inner instanceof Error) {
    const code = errnoCode(inner)
    return code !== undefined && !inner.message.includes(code)
      ? `${code}: ${inner.message}`
      : `${inner.name === 'Error' ? '' : `${inner.name}: `}${inner.message}`
  }
  return String(inner)
}

/**
 * A run stopped by a failure that is not the file's fault. `file` is the file it was working on
 * (null when the failure came between files), `returned` says where that file and the run's
 * unstarted files went (the inbox, or work/ where the next run takes them first).
 */
export class RunFailedError extends Error {
  readonly kind: FailureKind
  readonly file: string | null
  readonly detail: string
  returned: 'inbox' | 'work' = 'inbox'
  /** What the run had done before it failed (those files landed and stay landed). */
  outcomes: FileOutcome[] = []

  constructor(file: string | null, cause: unknown) {
    super(failureDetail(cause), { cause })
    this.name = 'RunFailedError'
    this.kind = failureKind(cause)
    this.file = file
    this.detail = failureDetail(cause)
  }

  /** The message for people, in the current language. */
  describe(): string {
    return t('inbox.run-failed', {
      cause: t(`inbox.failure.${this.kind}`),
      file: this.file,
      returned: this.returned,
      detail: this.detail,
    })
  }
}
