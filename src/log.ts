/**
 * pino logger: JSON lines when stderr is not a terminal (cron, systemd, CI), readable lines in a
 * terminal. Logs go to stderr so stdout stays clean for --json and table output. Synchronous
 * destination: nothing is lost when a command exits right after logging.
 */
import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'

export type { Logger }

export function createLogger(opts: { level?: string; pretty?: boolean } = {}): Logger {
  const level = opts.level ?? process.env.QD766_LOG_LEVEL ?? 'info'
  const usePretty = opts.pretty ?? Boolean(process.stderr.isTTY)
  if (usePretty) {
    return pino(
      { level, base: undefined },
      pretty({
        sync: true,
        destination: 2,
        colorize: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname',
      }),
    )
  }
  return pino({ level, base: { pid: process.pid } }, pino.destination({ dest: 2, sync: true }))
}

/** A logger that discards everything (tests, library use). */
export const silentLogger: Logger = pino({ level: 'silent' })
