/**
 * Minimal command framework over node:util parseArgs: each command declares its options and usage
 * text; --help works everywhere; usage errors exit 2 with the command's usage (cli-contract.md).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { parseIsoDate, parsePeriod } from '../reference/period.ts'

export const EXIT = {
  ok: 0,
  /** At least one file rejected (others landed), or findings that need attention. */
  partial: 1,
  usage: 2,
  /** Another run holds the home (lease). */
  busy: 3,
  /** A failure of qd766 itself (bug, disk full, corrupt database). */
  internal: 4,
  /** Nothing to show (no snapshot / no such province). */
  notFound: 5,
} as const

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>

export interface CommandDef {
  name: string
  summary: string
  usage: string
  options: Options
  /** Free text after the options list in --help. */
  details?: string
  run(args: { values: Record<string, unknown>; positionals: string[] }): Promise<number>
}

export const COMMON_OPTIONS: Options = {
  home: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  quiet: { type: 'boolean', short: 'q' },
}

export const COMMON_HELP = `Common options:
  --home DIR      data home (default: $QD766_HOME, else ./data)
  --json          machine-readable output on stdout
  -v, --verbose   debug logging on stderr
  -q, --quiet     errors only on stderr
  -h, --help      this help`

export function parseCommand(def: CommandDef, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...def.options },
      allowPositionals: true,
      strict: true,
    })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

export function helpText(def: CommandDef): string {
  return `${def.summary}\n\nUsage: ${def.usage}\n${def.details ? `\n${def.details.trim()}\n` : ''}\n${COMMON_HELP}\n`
}

/** --period and --as-of, checked and normalised ("2026q3" -> "2026-Q3"); a bad value is a usage error. */
export function periodOptions(values: Record<string, unknown>): { period?: string; asOf?: string } {
  try {
    return {
      period: values.period ? parsePeriod(values.period as string).id : undefined,
      asOf: values['as-of'] ? parseIsoDate(values['as-of'] as string) : undefined,
    }
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}
