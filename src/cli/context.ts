/**
 * What every command needs: the resolved home, a logger that matches the terminal, and the app.
 * Commands that only read open the database read-only so they never wait on the nightly writer.
 */

import { resolveHomeDir } from '../config/home.ts'
import { type App, openApp, openReadOnly, type ReadApp } from '../index.ts'
import { createLogger, type Logger } from '../log.ts'
import type { CommonValues } from './args.ts'

export function loggerFor(values: CommonValues): Logger {
  const level = values.verbose ? 'debug' : values.quiet ? 'error' : undefined
  return createLogger({ level })
}

/** For commands that write (ingest, refresh, schedule, demo): migrates and seeds the database. */
export function appFor(values: CommonValues): App {
  return openApp(resolveHomeDir(values.home), { log: loggerFor(values) })
}

/** For commands that only read: no migration, no seed, no lock; never waits on a running refresh. */
export function readAppFor(values: CommonValues): ReadApp {
  return openReadOnly(resolveHomeDir(values.home), { log: loggerFor(values) })
}

/** Progress on stderr only when a person is watching (a TTY); silent JSON logs otherwise. */
export function progressLine(): ((text: string) => void) & { done(): void } {
  const tty = Boolean(process.stderr.isTTY)
  const fn = ((text: string) => {
    if (tty) process.stderr.write(`\r\x1b[2K${text}`)
  }) as ((text: string) => void) & { done(): void }
  fn.done = () => {
    if (tty) process.stderr.write('\r\x1b[2K')
  }
  return fn
}
