/**
 * Migrations, applied atomically. kysely's Migrator on SQLite runs DDL outside a transaction and its
 * lock is a no-op (docs/engineering-notes.md §3), so a crash or a second process could leave half a schema.
 * Instead, as graphile-worker does: per migration, BEGIN IMMEDIATE, re-check it is still pending,
 * run the DDL, write the bookkeeping row, COMMIT. SQLite's DDL is transactional, so a migration is
 * all-or-nothing, and a second process waits on the lock and then finds nothing left to do.
 *
 * Migrations are a static list (no dynamic import): works the same under tsx, vitest and a bundle.
 */
import type { Compilable, Kysely, SchemaModule } from 'kysely'
import type { Store } from './sqlite.ts'

export interface MigrationContext {
  schema: SchemaModule
  // biome-ignore lint/suspicious/noExplicitAny: migrations describe tables that the typed schema may not have yet
  db: Kysely<any>
  run(q: Compilable): void
  /** Plain SQL (views, triggers), kept standard so it ports. */
  exec(sql: string): void
}

export interface Migration {
  id: string
  up(m: MigrationContext): void
}

export function migrate(store: Store, migrations: Migration[]): string[] {
  const ctx: MigrationContext = {
    schema: store.db.schema,
    db: store.db,
    run: (q) => {
      store.run(q)
    },
    exec: (s) => {
      store.raw.exec(s)
    },
  }
  // Nothing pending: no lock at all, so opening a home never waits on (or blocks) a running refresh.
  const pending = pendingMigrations(store, migrations)
  if (pending.length === 0) return []
  store.raw.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)',
  )
  const applied: string[] = []
  for (const m of pending) {
    const done = store.tx(() => {
      const exists = store.first(store.db.selectFrom('schema_migrations').select('id').where('id', '=', m.id))
      if (exists) return false
      m.up(ctx)
      store.run(
        store.db.insertInto('schema_migrations').values({ id: m.id, applied_at: new Date().toISOString() }),
      )
      return true
    })
    if (done) applied.push(m.id)
  }
  return applied
}

/** Migration ids recorded in the database (none for a new file); reads only, takes no write lock. */
export function appliedMigrationIds(store: Store): string[] {
  const table = store.raw
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get()
  if (!table) return []
  return store.raw
    .prepare<[], { id: string }>('SELECT id FROM schema_migrations')
    .all()
    .map((r) => r.id)
}

/** The code's migrations not yet applied, in order. */
export function pendingMigrations(store: Store, migrations: Migration[]): Migration[] {
  const applied = new Set(appliedMigrationIds(store))
  return [...migrations].sort((a, b) => a.id.localeCompare(b.id)).filter((m) => !applied.has(m.id))
}

/** Applied ids the code does not know: the database was written by a newer qd766. */
export function unknownMigrations(store: Store, migrations: Migration[]): string[] {
  const known = new Set(migrations.map((m) => m.id))
  return appliedMigrationIds(store).filter((id) => !known.has(id))
}
