/**
 * A publish that failed, told without secrets: the URL's password never appears in the message.
 * `code` is stable for scripts (--json): unreachable (down, wrong host/port, timeout), login (the
 * server refused the user or password), tls, failed (anything else, e.g. permissions).
 */
import { redactSecrets } from './target.ts'

export type WarehouseErrorCode = 'unreachable' | 'login' | 'tls' | 'failed'

export class WarehouseError extends Error {
  constructor(
    readonly code: WarehouseErrorCode,
    message: string,
  ) {
    super(message)
  }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ECONNRESET',
  'EAI_AGAIN',
  '57P03',
])

export function toWarehouseError(err: unknown, url: string): WarehouseError {
  if (err instanceof WarehouseError) return err
  const e = err as { code?: string; message?: string; errors?: Array<{ code?: string }> }
  const code = e?.code ?? e?.errors?.[0]?.code ?? ''
  const message = redactSecrets(String(e?.message || (e?.errors ? 'connection failed' : err)), url)
  if (
    UNREACHABLE.has(code) ||
    (/timeout|terminated unexpectedly|connect/i.test(message) && !code.startsWith('28'))
  )
    return new WarehouseError('unreachable', message)
  if (code === '28P01' || code === '28000' || /password|authentication/i.test(message))
    return new WarehouseError('login', message)
  if (/ssl|tls|certificate/i.test(message)) return new WarehouseError('tls', message)
  return new WarehouseError('failed', message)
}
