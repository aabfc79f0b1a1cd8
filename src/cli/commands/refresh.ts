import type { CommandDef } from '../args.ts'
import { runIngestLike } from './ingest.ts'

export const refreshCommand: CommandDef = {
  name: 'refresh',
  summary: 'The nightly job: ingest the inbox, recompute scores, take ranking snapshots.',
  usage: 'qd766 refresh [--json]',
  options: {},
  details: `
This is exactly what \`qd766 schedule\` runs. Safe to run by hand or from cron at any time: a second
refresh on the same home waits for nothing and exits 3 while one is running.
Exit codes as for \`ingest\`.`,
  run: ({ values }) => runIngestLike(values, 'refresh', []),
}
