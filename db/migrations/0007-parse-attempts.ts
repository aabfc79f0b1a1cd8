import type { Migration } from '../../src/db/migrate.ts'

/**
 * Parse attempts per file content (sha256). An attempt is recorded, and committed, before a file's
 * parse starts and removed once the parse ends with a verdict (parsed, or rejected for its
 * content). A row that stays behind is a parse that blew a budget (memory, time) or took the whole
 * process down with it (kill -9, out of memory): after `limits.parseAttempts` of those the file is
 * rejected without being parsed again, so one poison file cannot stop every later run.
 */
export const m0007: Migration = {
  id: '0007-parse-attempts',
  up({ schema, run }) {
    run(
      schema
        .createTable('parse_attempts')
        .addColumn('sha256', 'text', (c) => c.primaryKey().notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        // JSON {budget: 'memory' | 'time' | 'crash', limit, detail}: why the last attempt ended
        // ('crash' until the parse reports back: a process that dies mid-parse leaves it so).
        .addColumn('last_failure', 'text', (c) => c.notNull())
        .addColumn('first_at', 'text', (c) => c.notNull())
        .addColumn('last_at', 'text', (c) => c.notNull()),
    )
  },
}
