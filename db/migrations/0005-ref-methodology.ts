import type { Migration } from '../../src/db/migrate.ts'

/**
 * The methodology versions as reference tables (seeded from db/seeds/methodology/*.json), so that
 * analysts' SQL can join any computed number's `methodology` to its rules: groups and maxima per
 * version (ref_groups, now keyed by version id), metrics with rule, threshold and zero-denominator
 * policy.
 */
export const m0005: Migration = {
  id: '0005-ref-methodology',
  up({ schema, run }) {
    run(
      schema
        .createTable('ref_methodologies')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('effective_from', 'text', (c) => c.notNull())
        .addColumn('effective_to', 'text')
        .addColumn('presentation', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull()),
    )
    run(
      schema
        .createTable('ref_metrics')
        .addColumn('methodology', 'text', (c) => c.notNull())
        .addColumn('group_code', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('max_score', 'real', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('threshold', 'real')
        .addColumn('zero_denominator', 'text', (c) => c.notNull())
        .addColumn('estimate', 'integer', (c) => c.notNull())
        .addColumn('ord', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('ref_metrics_pk', ['methodology', 'code']),
    )
  },
}
