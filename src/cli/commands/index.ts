import type { CommandDef } from '../args.ts'
import { backupCommand } from './backup.ts'
import { demoCommand } from './demo.ts'
import { ingestCommand } from './ingest.ts'
import { provinceCommand } from './province.ts'
import { publishCommand } from './publish.ts'
import { queryCommand } from './query.ts'
import { rankingCommand } from './ranking.ts'
import { refreshCommand } from './refresh.ts'
import { reportCommand } from './report.ts'
import { scheduleCommand } from './schedule.ts'
import { serveCommand } from './serve.ts'
import { statusCommand } from './status.ts'
import { unitsCommand } from './units.ts'
import { withdrawCommand } from './withdraw.ts'

/** Every command, in the order `qd766 --help` lists them. */
export const COMMANDS: CommandDef[] = [
  ingestCommand,
  refreshCommand,
  scheduleCommand,
  rankingCommand,
  provinceCommand,
  unitsCommand,
  reportCommand,
  queryCommand,
  statusCommand,
  serveCommand,
  withdrawCommand,
  backupCommand,
  publishCommand,
  demoCommand,
]
