import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { homeAt, resolveHomeDir } from '../../config/home.ts'
import { integrityCheck, Store } from '../../db/sqlite.ts'
import { fmtNumber } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'
import { defineCommand, EXIT, UsageError } from '../args.ts'
import { progressLine } from '../context.ts'
import { printJson } from '../output.ts'

/** 2026-10-05T04-12-33Z: sorts by time and is a valid file name on every system. */
function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')
}

export const backupCommand = defineCommand({
  name: 'backup',
  summary: () => t('backup.summary'),
  usage: 'qd766 backup [--out FILE] [--json]',
  options: { out: { type: 'string' } },
  details: () => t('backup.details'),
  async run({ values }) {
    const home = homeAt(resolveHomeDir(values.home))
    if (!existsSync(home.database)) {
      process.stderr.write(`qd766 backup: ${t('backup.no-database', { path: home.database })}\n`)
      return EXIT.notFound
    }
    const out = resolve(values.out ?? join(home.root, 'backups', `qd766-${stamp(new Date())}.sqlite`))
    if (existsSync(out)) throw new UsageError(t('backup.out-exists', { path: out }))
    mkdirSync(dirname(out), { recursive: true })
    // Written under a temporary name: a backup cut short (disk full, kill) never looks complete.
    const partial = `${out}.partial`
    rmSync(partial, { force: true })
    const progress = progressLine()
    const source = new Store(home.database, { readonly: true })
    try {
      await source.backup(partial, (done, total) => progress(t('backup.progress', { done, total })))
    } catch (err) {
      rmSync(partial, { force: true })
      throw err
    } finally {
      progress.done()
      await source.close()
    }
    // The copy is made self-contained (rollback journal, no -wal/-shm beside it) and checked.
    const copy = new BetterSqlite3(partial)
    let problems: string[]
    let tables: number
    try {
      copy.pragma('journal_mode = DELETE')
      problems = integrityCheck(copy).filter((r) => r !== 'ok')
      tables =
        copy.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()
          ?.n ?? 0
    } finally {
      copy.close()
    }
    if (problems.length > 0) {
      rmSync(partial, { force: true })
      process.stderr.write(`qd766 backup: ${t('backup.integrity-failed')}\n  ${problems.join('\n  ')}\n`)
      return EXIT.internal
    }
    renameSync(partial, out)
    const bytes = statSync(out).size
    if (values.json) printJson({ file: out, bytes, tables, integrity: 'ok' })
    else
      process.stdout.write(`${t('backup.written', { path: out, mb: fmtNumber(bytes / 1024 / 1024, 1) })}\n`)
    return EXIT.ok
  },
})
