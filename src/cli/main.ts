/**
 * qd766 command line: a thin dispatcher. Each command lives in commands/<name>.ts; the work is done
 * by the library (src/app.ts and below).
 */

import { errorStack } from '../errors.ts'
import { parseLang, setLang, t } from '../i18n/index.ts'
import { ConfigError, DatabaseVersionError, NotFoundError, QdError, RunBusyError } from '../index.ts'
import { RunFailedError } from '../ingest/failure.ts'
import { LeaseLostError } from '../run/runs.ts'
import {
  type CommandDef,
  EXIT,
  helpString,
  helpText,
  langFromArgv,
  parseCommand,
  UsageError,
} from './args.ts'
import { COMMANDS } from './commands/index.ts'
import { TERMINAL_WIDTH, wrap } from './output.ts'

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return `${t('cli.main.title')}

${t('cli.main.usage')}

${t('cli.main.commands')}
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${wrap(helpString(c.summary), TERMINAL_WIDTH, ' '.repeat(width + 4)).trimStart()}`).join('\n')}

${t('cli.main.home-note')}
${wrap(t('cli.main.exit-codes'))}
`
}

export async function main(argv: string[]): Promise<number> {
  const langArg = langFromArgv(argv)
  if (langArg !== undefined) {
    const lang = parseLang(langArg)
    if (!lang) {
      process.stderr.write(`qd766: ${t('cli.bad-lang', { value: langArg })}\n`)
      return EXIT.usage
    }
    setLang(lang)
    // Child processes (the scheduler's runs) speak the same language.
    process.env.QD766_LANG = lang
  }
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(mainHelp())
    return name ? EXIT.ok : EXIT.usage
  }
  if (name === '--version') {
    process.stdout.write('qd766 0.1.0\n')
    return EXIT.ok
  }
  const def: CommandDef | undefined = COMMANDS.find((c) => c.name === name)
  if (!def) {
    process.stderr.write(`${t('cli.unknown-command', { name })}\n\n${mainHelp()}`)
    return EXIT.usage
  }
  try {
    const parsed = parseCommand(def, rest)
    if (parsed.values.help) {
      process.stdout.write(helpText(def))
      return EXIT.ok
    }
    return await def.run(parsed)
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(
        `qd766 ${def.name}: ${err.message}\n\n${t('cli.usage', { usage: def.usage })}\n${t('cli.see-help', { name: def.name })}\n`,
      )
      return EXIT.usage
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`${t('cli.config-error', { message: err.message })}\n`)
      return EXIT.usage
    }
    if (err instanceof DatabaseVersionError) {
      process.stderr.write(`qd766 ${def.name}: ${err.message}\n`)
      return EXIT.usage
    }
    // Another run holds (or took over) the home: exit busy, with what happened, no stack trace.
    if (err instanceof RunBusyError || err instanceof LeaseLostError) {
      process.stderr.write(`qd766 ${def.name}: ${err.message}\n`)
      return EXIT.busy
    }
    if (err instanceof NotFoundError) {
      process.stderr.write(`qd766 ${def.name}: ${err.message}\n`)
      return EXIT.notFound
    }
    if (err instanceof RunFailedError) {
      process.stderr.write(`qd766 ${def.name}: ${err.describe()}\n`)
      return EXIT.internal
    }
    if (err instanceof QdError) {
      process.stderr.write(`qd766 ${def.name}: ${err.describe()}\n`)
      return EXIT.usage
    }
    process.stderr.write(`${t('cli.internal-error', { name: def.name, detail: errorStack(err) })}\n`)
    return EXIT.internal
  }
}

process.exitCode = await main(process.argv.slice(2))
