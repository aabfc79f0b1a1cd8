/**
 * Minimal command framework over node:util parseArgs: each command declares its options and usage
 * text; --help works everywhere; usage errors exit 2 with the command's usage (cli-contract.md).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { errorMessage } from '../errors.ts'
import { t } from '../i18n/index.ts'
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

/** Text for people: a function so it is rendered in the language chosen by --lang at run time. */
export type HelpText = string | (() => string)

export function helpString(text: HelpText | undefined): string {
  return typeof text === 'function' ? text() : (text ?? '')
}

export const COMMON_OPTIONS = {
  home: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  quiet: { type: 'boolean', short: 'q' },
  /** vi | en; read by main() before the command runs (see langFromArgv). */
  lang: { type: 'string' },
} as const satisfies Options

/**
 * What parseArgs gives a command, typed from its own option table plus the common ones: a
 * `{ type: 'string' }` option is `string | undefined`, a boolean one `boolean | undefined`, so a
 * command reads `values.out` without a cast.
 */
export type OptionValues<O extends Options> = ReturnType<
  typeof parseArgs<{ options: typeof COMMON_OPTIONS & O; strict: true; allowPositionals: true }>
>['values']

/** The common options every command accepts, for helpers shared by all commands. */
export type CommonValues = OptionValues<Record<never, never>>

export interface CommandDef<O extends Options = Options> {
  name: string
  summary: HelpText
  usage: string
  options: O
  /** Free text after the options list in --help. */
  details?: HelpText
  run(args: { values: OptionValues<O>; positionals: string[] }): Promise<number>
}

/** A command whose option values are typed from its own option table (no casts in run()). */
export function defineCommand<const O extends Options>(def: CommandDef<O>): CommandDef<O> {
  return def
}

/**
 * The language asked for on the command line (`--lang en`, `--lang=en`), before the command's own
 * options are parsed, so usage errors and --help are already in that language. Undefined when absent;
 * throws UsageError on a value that is not a language qd766 speaks.
 */
export function langFromArgv(argv: string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') break
    if (arg === '--lang') return argv[i + 1] ?? ''
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length)
  }
  return undefined
}

export function parseCommand<O extends Options>(def: CommandDef<O>, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...def.options },
      allowPositionals: true,
      strict: true,
    })
  } catch (err) {
    throw new UsageError(errorMessage(err))
  }
}

const cols = (s: string) => [...s.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length

/**
 * Help text wrapped to lines of at most 100 columns (the issue's terminal). A line that is too long
 * is cut at spaces; its continuation lines start under its text (after an option's name, or at the
 * line's own indent).
 */
function wrapLines(text: string, max = 100): string {
  return text
    .split('\n')
    .map((full) => {
      if (cols(full) <= max) return full
      const indent = ' '.repeat(cols(/^\s*(?:\S+(?: \S+)*? {2,}(?=\S))?/.exec(full)?.[0] ?? ''))
      const lead = /^ */.exec(full)?.[0] ?? '' // /^ */ matches every string (maybe empty)
      const lines: string[] = []
      let line = lead
      for (const word of full.slice(lead.length).split(' ')) {
        const next = line === lead ? line + word : `${line} ${word}`
        if (word && line.trim() && cols(next) > max) {
          lines.push(line.trimEnd())
          line = indent + word
        } else line = next
      }
      return [...lines, line].join('\n')
    })
    .join('\n')
}

export function helpText(def: CommandDef): string {
  const details = helpString(def.details).replace(/^\n+|\s+$/g, '')
  return `${wrapLines(helpString(def.summary))}\n\n${t('cli.usage', { usage: def.usage })}\n${details ? `\n${wrapLines(details)}\n` : ''}\n${t('cli.common-help')}\n`
}

/** --period and --as-of, checked and normalised ("2026q3" -> "2026-Q3"); a bad value is a usage error. */
export function periodOptions(values: { period?: string; 'as-of'?: string }): {
  period?: string
  asOf?: string
} {
  try {
    return {
      period: values.period ? parsePeriod(values.period).id : undefined,
      asOf: values['as-of'] ? parseIsoDate(values['as-of']) : undefined,
    }
  } catch (err) {
    throw new UsageError(errorMessage(err))
  }
}
