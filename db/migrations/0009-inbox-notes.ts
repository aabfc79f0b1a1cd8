import type { Migration } from '../../src/db/migrate.ts'

/**
 * What a run could not do with a file that was not the file's fault: a file it could not move out
 * of the inbox or into archive/ or rejected/ (antivirus lock, `chattr +i`, permissions). The run
 * skips such a file and takes the rest; `status` shows these notes (for files still where the run
 * left them) so a person can free the file. Files merely waiting, or ignored by their type
 * (symlinks, folders, FIFOs), are seen live by `status` and need no record.
 */
export const m0009InboxNotes: Migration = {
  id: '0009-inbox-notes',
  up({ schema, run }) {
    run(
      schema
        .createTable('inbox_notes')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('run_id', 'integer', (c) => c.references('runs.id'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        /** Where the file is now: 'inbox' or 'work'. */
        .addColumn('place', 'text', (c) => c.notNull())
        /** 'cannot-claim' (left in the inbox) or 'cannot-move' (committed, left in work/). */
        .addColumn('code', 'text', (c) => c.notNull())
        /** The system error code (EPERM, EACCES, EBUSY ...). */
        .addColumn('error_code', 'text')
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull()),
    )
  },
}
