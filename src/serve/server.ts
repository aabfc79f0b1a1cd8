/**
 * `qd766 serve`: opens the home read-only (it never takes the run lease and never writes the
 * database, so it neither blocks nor waits on a refresh — WAL), decides the access rule (loopback
 * without a token, or a token for everyone), and listens.
 */
import { spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { availableParallelism } from 'node:os'
import { serve } from '@hono/node-server'
import { openReadOnly, type ReadApp } from '../app.ts'
import { t } from '../i18n/index.ts'
import type { Logger } from '../log.ts'
import { buildServeApp } from './app.ts'
import type { ServeDeps } from './context.ts'
import { DataMemo } from './memo.ts'
import { Csrf, isLoopback, TokenAuth } from './security.ts'
import { sqlRunnerPool } from './sql-runner.ts'
import { StatusCache } from './status-cache.ts'

export class ServeConfigError extends Error {}

export interface ServeOptions {
  root: string
  host: string
  port: number
  log: Logger
  /** Token from the environment (QD766_TOKEN); wins over the config's serve.token. */
  envToken?: string
  /** The CLI entry (bin/qd766.js) to start `refresh` with after an upload; null: not offered. */
  cliPath: string | null
}

export interface RunningServer {
  url: string
  app: ReadApp
  close(): Promise<void>
}

export function tokenFor(app: ReadApp, host: string, envToken?: string): string | null {
  const token = envToken?.trim() || app.config.serve.token || null
  if (token !== null && token.length < 16) throw new ServeConfigError('serve.too-short')
  if (!token && !isLoopback(host)) throw new ServeConfigError('serve.needs-token')
  return token
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const app = openReadOnly(opts.root, { log: opts.log })
  let token: string | null
  try {
    token = tokenFor(app, opts.host, opts.envToken)
  } catch (err) {
    await app.close()
    throw err
  }
  // one warm query process per core (at least two), so SQL-page visitors do not queue behind each other
  const sql = sqlRunnerPool(app.home.database, Math.max(2, availableParallelism()))
  const deps: ServeDeps = {
    app,
    sql,
    auth: token ? new TokenAuth(token) : null,
    csrf: new Csrf(),
    triggerRefresh: opts.cliPath ? refreshStarter(opts.cliPath, app.home.root, opts.log) : null,
    memo: new DataMemo(app.store),
    status: new StatusCache(app),
  }
  const hono = buildServeApp(deps, opts.log)
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: hono.fetch, port: opts.port, hostname: opts.host }, () => resolve(s))
    s.once('error', reject)
  })
  // Slow or stuck clients must not hold sockets for ever.
  const http = server as import('node:http').Server
  http.requestTimeout = 60_000
  http.headersTimeout = 15_000
  http.maxHeadersCount = 100
  // Longer than clients keep an idle connection (they reuse it, it must not vanish under them).
  http.keepAliveTimeout = 65_000
  const address = server.address() as AddressInfo
  const hostText = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${hostText}:${address.port}/`,
    app,
    close: async () => {
      sql.close()
      await new Promise<void>((resolve) => {
        http.closeAllConnections?.()
        server.close(() => resolve())
      })
      await app.close()
    },
  }
}

/**
 * Starts `qd766 refresh` for this home in its own process: the same job (and the same lease) as
 * cron's. At most one at a time from this server; a refresh already running elsewhere makes the
 * child exit 3 without doing anything.
 */
function refreshStarter(cliPath: string, root: string, log: Logger) {
  let running = false
  return async (): Promise<{ started: boolean; reason?: string }> => {
    if (running) return { started: false, reason: 'busy' }
    running = true
    const child = spawn(process.execPath, [cliPath, 'refresh', '--home', root, '--quiet'], {
      stdio: 'ignore',
      env: { ...process.env },
    })
    child.on('exit', (code) => {
      running = false
      log.info({ code }, t('log.serve.refresh-finished'))
    })
    child.on('error', (err) => {
      running = false
      log.warn({ err }, t('log.serve.refresh-failed'))
    })
    return { started: true }
  }
}
