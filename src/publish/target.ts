/**
 * Where to publish: `--to`, else QD766_WAREHOUSE_URL, else config `warehouse.url`; the schema from
 * `--schema`, else config `warehouse.schema`, else `qd766`. TLS settings from the config are added
 * to the URL as node-postgres understands them (`sslmode`, `sslrootcert`); a URL that already says
 * them wins. The password must never be printed: everything shown to a person goes through
 * redactUrl / redactSecrets.
 */
import type { Config } from '../config/config.ts'
import { t } from '../i18n/index.ts'

export interface WarehouseTarget {
  url: string
  schema: string
  /** The URL with its password replaced by "***" (for logs, status and errors). */
  display: string
}

export class WarehouseConfigError extends Error {}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    for (const k of ['password', 'sslpassword']) if (u.searchParams.has(k)) u.searchParams.set(k, '***')
    return u.toString()
  } catch {
    return 'postgres://(unparsable URL)'
  }
}

/** Removes the URL's password (raw and URL-encoded) and the URL itself from any text. */
export function redactSecrets(text: string, url: string): string {
  let out = text
  let password = ''
  try {
    const u = new URL(url)
    password = decodeURIComponent(u.password)
    out = out.split(url).join(redactUrl(url))
    if (u.password) out = out.split(u.password).join('***')
  } catch {
    // unparsable URL: nothing to find but its raw text
    out = out.split(url).join('postgres://(unparsable URL)')
  }
  if (password) out = out.split(password).join('***')
  return out
}

export function resolveTarget(
  config: Config,
  opts: { to?: string; schema?: string; env?: NodeJS.ProcessEnv } = {},
): WarehouseTarget | null {
  const env = opts.env ?? process.env
  const raw = opts.to ?? env.QD766_WAREHOUSE_URL ?? config.warehouse?.url
  if (!raw) return null
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    throw new WarehouseConfigError(t('warehouse.not-a-url'))
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    throw new WarehouseConfigError(t('warehouse.not-postgres', { protocol: u.protocol }))
  const ssl = config.warehouse?.ssl
  if (ssl?.mode && !u.searchParams.has('sslmode')) u.searchParams.set('sslmode', ssl.mode)
  if (ssl?.rootCert && !u.searchParams.has('sslrootcert')) u.searchParams.set('sslrootcert', ssl.rootCert)
  const schema = opts.schema ?? config.warehouse?.schema ?? 'qd766'
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new WarehouseConfigError(t('warehouse.bad-schema', { schema }))
  const url = u.toString()
  return { url, schema, display: redactUrl(url) }
}
