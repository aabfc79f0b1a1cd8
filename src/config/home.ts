/**
 * The data home (cli-contract.md "Data home"): --home, else $QD766_HOME, else ./data. Created on
 * first use. work/ is ours: files claimed by a run live there until they are archived or rejected,
 * so a crash leaves them where the next run finds them.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

export interface Home {
  root: string
  inbox: string
  archive: string
  rejected: string
  work: string
  /** Scratch of the parse (src/pipeline/spool.ts): removed at the start of every run. */
  spool: string
  database: string
  config: string
}

/** The parse's scratch folder inside work/: never a claimed file's folder (inbox/files.ts). */
export const SPOOL_DIR = '.spool'

export function resolveHomeDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.QD766_HOME ?? join(process.cwd(), 'data'))
}

export function homeAt(root: string): Home {
  return {
    root,
    inbox: join(root, 'inbox'),
    archive: join(root, 'archive'),
    rejected: join(root, 'rejected'),
    work: join(root, 'work'),
    spool: join(root, 'work', SPOOL_DIR),
    database: join(root, 'qd766.sqlite'),
    config: join(root, 'qd766.config.json'),
  }
}

export function ensureHome(root: string): Home {
  const home = homeAt(root)
  for (const dir of [home.root, home.inbox, home.archive, home.rejected, home.work])
    mkdirSync(dir, { recursive: true })
  return home
}
