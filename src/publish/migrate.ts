/**
 * The warehouse schema's own migrations, run by kysely's Migrator on PostgreSQL (transactional DDL:
 * a migration that fails or is killed leaves nothing). The migration table lives in the warehouse
 * schema, so two warehouses (schemas) in one database never see each other's history.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely'
import { WAREHOUSE_0001 } from './migrations/0001-warehouse.ts'
import { WAREHOUSE_0002 } from './migrations/0002-units-seen.ts'
import { WAREHOUSE_0003 } from './migrations/0003-file-withdrawals.ts'
import { WAREHOUSE_0004 } from './migrations/0004-previous-snapshot-lookup.ts'

/** Every warehouse migration in order: add new ones at the end, never edit one that has shipped. */
const WAREHOUSE_MIGRATIONS: Array<{ id: string; sql: string }> = [
  { id: '0001-warehouse', sql: WAREHOUSE_0001 },
  { id: '0002-units-seen', sql: WAREHOUSE_0002 },
  { id: '0003-file-withdrawals', sql: WAREHOUSE_0003 },
  { id: '0004-previous-snapshot-lookup', sql: WAREHOUSE_0004 },
]

function lastId(migrations: Array<{ id: string }>): string {
  const last = migrations.at(-1)
  if (!last) throw new Error('no warehouse migrations')
  return last.id
}

export const WAREHOUSE_VERSION = lastId(WAREHOUSE_MIGRATIONS)

function provider(schema: string): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {}
      for (const m of WAREHOUSE_MIGRATIONS) {
        out[m.id] = {
          async up(db: Kysely<unknown>) {
            // Unqualified names in the DDL (and in the views' bodies) resolve to the warehouse schema.
            await sql`SELECT set_config('search_path', ${schema}, true)`.execute(db)
            await sql.raw(m.sql).execute(db)
          },
        }
      }
      return out
    },
  }
}

/** True when the schema is already at this version (one query instead of the Migrator's round trips). */
async function upToDate(db: Kysely<unknown>, schema: string): Promise<boolean> {
  const t = await sql<{
    t: string | null
  }>`SELECT to_regclass(${`"${schema}".warehouse_migrations`})::text AS t`.execute(db)
  if (!t.rows[0]?.t) return false
  const r = await sql<{
    n: string | null
  }>`SELECT max(name) AS n FROM ${sql.id(schema)}.warehouse_migrations`.execute(db)
  return r.rows[0]?.n === WAREHOUSE_VERSION
}

export async function migrateWarehouse(db: Kysely<unknown>, schema: string): Promise<void> {
  if (await upToDate(db, schema)) return
  // Only when missing: CREATE SCHEMA (even IF NOT EXISTS) needs CREATE on the database, which a
  // writer role given its own schema by an administrator does not have (docs/warehouse.md).
  const exists = await sql`SELECT 1 FROM pg_namespace WHERE nspname = ${schema}`.execute(db)
  if (exists.rows.length === 0) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db)
  const migrator = new Migrator({
    db,
    provider: provider(schema),
    migrationTableSchema: schema,
    migrationTableName: 'warehouse_migrations',
    migrationLockTableName: 'warehouse_migrations_lock',
  })
  const { error } = await migrator.migrateToLatest()
  if (error) throw error
}
