/**
 * Runs the planned steps on PostgreSQL inside the caller's transaction. Bulk writes are one
 * statement per batch of a few thousand rows: the rows travel as one JSON parameter and
 * json_populate_recordset turns them into the table's own row type (exact float8 round trip, no
 * statement per row, no parameter-count limit).
 */
import { type Kysely, sql } from 'kysely'
import type pg from 'pg'
import type { Logger } from '../log.ts'
import { bulkPlan } from './bulk-load.ts'
import { copyInto } from './copy.ts'
import type { Step } from './plan.ts'

/** Where a COPY step's time went (debug log): the COPY itself, then building the keys after it. */
interface StepTiming {
  copyMs?: number
  keysMs?: number
}

export async function runSteps(
  db: Kysely<unknown>,
  client: pg.PoolClient,
  schema: string,
  steps: Step[],
  log?: Logger,
): Promise<void> {
  const s = sql.id(schema)
  for (const step of steps) {
    const t0 = performance.now()
    const timing: StepTiming = {}
    const bulk = await runStep(db, client, schema, s, step, timing)
    log?.debug(
      {
        op: bulk ? 'copy (keys built after the load)' : step.op,
        ...timing,
        table: 'table' in step ? step.table : 'reading_sources',
        rows: 'rows' in step ? step.rows : 'ids' in step ? step.ids.length : 0,
        ms: Math.round(performance.now() - t0),
      },
      'publish: step',
    )
  }
}

async function runStep(
  db: Kysely<unknown>,
  client: pg.PoolClient,
  schema: string,
  s: ReturnType<typeof sql.id>,
  step: Step,
  timing: StepTiming,
): Promise<boolean> {
  if (step.op === 'copy') {
    const bulk = await bulkPlan(db, schema, step.table)
    for (const q of bulk?.drop ?? []) await sql.raw(q).execute(db)
    const t0 = performance.now()
    await copyInto(client, `"${schema}"."${step.table}"`, step.columns, step.chunks, step.options)
    const t1 = performance.now()
    for (const q of bulk?.create ?? []) await sql.raw(q).execute(db)
    timing.copyMs = Math.round(t1 - t0)
    if (bulk) timing.keysMs = Math.round(performance.now() - t1)
    return bulk !== null
  } else if (step.op === 'delete') {
    const office = step.office === null ? sql`` : sql` AND office_id = ${step.office}`
    await sql`DELETE FROM ${s}.${sql.id(step.table)} WHERE id = ANY(${step.ids}::bigint[])${office}`.execute(
      db,
    )
  } else if (step.op === 'delete-reading-sources') {
    await sql`DELETE FROM ${s}.reading_sources WHERE office_id = ${step.office}
                AND reading_id = ANY(${step.ids}::bigint[])`.execute(db)
  } else if (step.op === 'delete-orphan-readings') {
    await sql`DELETE FROM ${s}.stg_readings r
                WHERE NOT EXISTS (SELECT 1 FROM ${s}.reading_sources x WHERE x.reading_id = r.id)`.execute(db)
  } else {
    const cols = sql.join(step.columns.map((c) => sql.id(c)))
    const keys = sql.join(step.onConflict.keys.map((c) => sql.id(c)))
    const updatable = step.columns.filter((c) => !step.onConflict.keys.includes(c))
    const action =
      step.onConflict.action === 'nothing' || updatable.length === 0
        ? sql`DO NOTHING`
        : sql`DO UPDATE SET ${sql.join(updatable.map((c) => sql`${sql.id(c)} = EXCLUDED.${sql.id(c)}`))}
                WHERE (${sql.join(updatable.map((c) => sql`t.${sql.id(c)}`))})
                      IS DISTINCT FROM (${sql.join(updatable.map((c) => sql`EXCLUDED.${sql.id(c)}`))})`
    for (const batch of step.batches) {
      await sql`INSERT INTO ${s}.${sql.id(step.table)} AS t (${cols})
                  SELECT ${cols} FROM json_populate_recordset(NULL::${s}.${sql.id(step.table)}, ${batch}::json)
                  ON CONFLICT (${keys}) ${action}`.execute(db)
    }
  }
  return false
}
