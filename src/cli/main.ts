/**
 * qd766 command line: a thin dispatcher. Each command lives in commands/<name>.ts; the work is done
 * by the library (src/app.ts and below).
 */
import { ConfigError } from '../config/config.ts'
import { QdError } from '../errors.ts'
import { NotFoundError } from '../report/ranking.ts'
import { RunBusyError } from '../run/runs.ts'
import { type CommandDef, EXIT, helpText, parseCommand, UsageError } from './args.ts'
import { COMMANDS } from './commands/index.ts'

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return `qd766 — Decision 766 scorecard pipeline: inbox of exports -> SQLite -> scores, rankings, snapshots

Usage: qd766 <command> [options]     (qd766 <command> --help for details)

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command takes --home DIR (default: $QD766_HOME, else ./data).
Exit codes: 0 ok, 1 some files rejected, 2 usage/config error, 3 home busy, 4 internal error, 5 not found.
`
}

export async function main(argv: string[]): Promise<number> {
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
    process.stderr.write(`qd766: unknown command "${name}"\n\n${mainHelp()}`)
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
        `qd766 ${def.name}: ${err.message}\n\nUsage: ${def.usage}\n(qd766 ${def.name} --help for details)\n`,
      )
      return EXIT.usage
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`qd766: configuration error: ${err.message}\n`)
      return EXIT.usage
    }
    if (err instanceof RunBusyError) {
      process.stderr.write(`qd766 ${def.name}: ${err.message}\n`)
      return EXIT.busy
    }
    if (err instanceof NotFoundError) {
      process.stderr.write(`qd766 ${def.name}: ${err.message}\n`)
      return EXIT.notFound
    }
    if (err instanceof QdError) {
      process.stderr.write(`qd766 ${def.name}: ${err.describe()}\n`)
      return EXIT.usage
    }
    process.stderr.write(`qd766 ${def.name}: internal error: ${(err as Error).stack ?? err}\n`)
    return EXIT.internal
  }
}

process.exitCode = await main(process.argv.slice(2))
