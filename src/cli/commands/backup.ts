import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { homeAt, resolveHomeDir } from '../../config/home.ts'
import { Store } from '../../db/sqlite.ts'
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
  details: `
Never copy qd766.sqlite with cp while qd766 may be running: the live database is the file plus its
-wal, and a copy taken mid-transaction can be corrupt. This command uses SQLite's online backup API,
which produces a consistent snapshot even while the nightly refresh writes, then opens the copy and
runs PRAGMA integrity_check on it before giving it its final name.

  --out FILE   where to write (default: backups/qd766-<UTC time>.sqlite in the home); an existing
               file is not overwritten

Restore: stop the scheduler, move qd766.sqlite, qd766.sqlite-wal and qd766.sqlite-shm away, copy the
backup to qd766.sqlite.`,
  async run({ values }) {
    const home = homeAt(resolveHomeDir(values.home))
    if (!existsSync(home.database)) {
      process.stderr.write(`qd766 backup: no database at ${home.database}; nothing to back up\n`)
      return EXIT.notFound
    }
    const out = resolve(values.out ?? join(home.root, 'backups', `qd766-${stamp(new Date())}.sqlite`))
    if (existsSync(out)) throw new UsageError(`${out} already exists; choose another --out`)
    mkdirSync(dirname(out), { recursive: true })
    // Written under a temporary name: a backup cut short (disk full, kill) never looks complete.
    const partial = `${out}.partial`
    rmSync(partial, { force: true })
    const progress = progressLine()
    const source = new Store(home.database, { readonly: true })
    try {
      await source.backup(partial, (done, total) => progress(`backup: ${done}/${total} pages`))
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
      problems = (copy.pragma('integrity_check') as Array<{ integrity_check: string }>)
        .map((r) => r.integrity_check)
        .filter((r) => r !== 'ok')
      tables = (
        copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }
      ).n
    } finally {
      copy.close()
    }
    if (problems.length > 0) {
      rmSync(partial, { force: true })
      process.stderr.write(`qd766 backup: the copy failed its integrity check:\n  ${problems.join('\n  ')}\n`)
      return EXIT.internal
    }
    renameSync(partial, out)
    const bytes = statSync(out).size
    if (values.json) printJson({ file: out, bytes, tables, integrity: 'ok' })
    else
      process.stdout.write(`Backup written: ${out} (${(bytes / 1024 / 1024).toFixed(1)} MB, integrity ok)\n`)
    return EXIT.ok
  },
})
