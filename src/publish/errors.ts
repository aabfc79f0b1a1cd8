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

/** A property of a thrown value, whatever was thrown (node-postgres errors, AggregateError, ...). */
function field(v: unknown, name: string): unknown {
  return typeof v === 'object' && v !== null && name in v ? Reflect.get(v, name) : undefined
}

function stringField(v: unknown, name: string): string | undefined {
  const x = field(v, name)
  return typeof x === 'string' ? x : undefined
}

function firstOf(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : undefined
}

export function toWarehouseError(err: unknown, url: string): WarehouseError {
  if (err instanceof WarehouseError) return err
  const code = stringField(err, 'code') ?? stringField(firstOf(field(err, 'errors')), 'code') ?? ''
  const errors = field(err, 'errors')
  const message = redactSecrets(
    String(
      stringField(err, 'message') || (errors !== undefined && errors !== null ? 'connection failed' : err),
    ),
    url,
  )
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
