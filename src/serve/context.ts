/**
 * What every route gets: the read-only app, the SQL runner, the fences, and small helpers that
 * several pages share (the readings that exist, the office's own province, the page shell).
 */
import type { Context } from 'hono'
import type { ReadApp } from '../app.ts'
import { errorMessage } from '../errors.ts'
import { parseIsoDate, parsePeriod } from '../reference/period.ts'
import type { Html } from './html.ts'
import { type NavKey, page } from './layout.ts'
import type { DataMemo } from './memo.ts'
import type { Csrf, TokenAuth } from './security.ts'
import type { SqlRunner } from './sql-runner.ts'
import type { StatusCache } from './status-cache.ts'

export interface ServeDeps {
  app: ReadApp
  sql: SqlRunner
  /** null: no token configured (loopback only). */
  auth: TokenAuth | null
  csrf: Csrf
  /** Asks for a refresh after an upload (the CLI's `refresh` in a child process); null: not offered. */
  triggerRefresh: (() => Promise<{ started: boolean; reason?: string }>) | null
  /** Derived results cached until the database changes. */
  memo: DataMemo
  /** `status` for /data and /api/status, cached per database change and inbox listing. */
  status: StatusCache
}

export type Env = { Variables: { deps: ServeDeps } }
export type Ctx = Context<Env>

export interface Reading {
  snapshotId: number
  period: string
  periodType: string
  asOf: string | null
  cohort: number
  ranked: number
  form: string
  source: string
}

/** Every ranking snapshot, newest reading first (the picker on the ranking page). */
export function listReadings(deps: ServeDeps): Reading[] {
  const { store } = deps.app
  return store
    .all(
      store.db
        .selectFrom('snapshots')
        .select(['id', 'period', 'period_type', 'as_of', 'cohort', 'ranked', 'form', 'source_label'])
        // A snapshot of a withdrawn file (or superseded by an undo) is not a reading to pick.
        .where('withdrawn_at', 'is', null)
        .orderBy((eb) => eb.fn.coalesce('as_of', 'period_end'), 'desc')
        .orderBy('period_type')
        .orderBy('id', 'desc'),
    )
    .map((s) => ({
      snapshotId: s.id,
      period: s.period,
      periodType: s.period_type,
      asOf: s.as_of,
      cohort: s.cohort,
      ranked: s.ranked,
      form: s.form,
      source: s.source_label,
    }))
}

/** The office's province (config `province`) in a province list, or null. */
export function homeCodeIn(deps: ServeDeps, cohort: number): string | null {
  const name = deps.app.config.province
  if (!name) return null
  return deps.app.registry.resolve(cohort, name)?.code ?? null
}

/** The page shell for this request (nav shortcuts to the office's own province, the CSRF field). */
export function render(c: Ctx, opts: { title: string; active: NavKey; cohort?: number }, body: Html) {
  const deps = c.get('deps')
  return c.html(
    page(
      {
        title: opts.title,
        active: opts.active,
        homeCode: homeCodeIn(deps, opts.cohort ?? 34) ?? homeCodeIn(deps, 63),
        loggedIn: deps.auth !== null,
        csrf: deps.csrf.tokenFor(c),
      },
      body,
    ),
  )
}

/** A request the user can fix (a bad period, date, what-if): 400 with the message, never a 500. */
export class BadRequest extends Error {}

/** `period`, `asOf` (or the picker's `reading=PERIOD@DATE`) from the query string, checked. */
export function readingQuery(c: Ctx): { period?: string; asOf?: string } {
  const reading = c.req.query('reading')
  let period = c.req.query('period') || undefined
  let asOf = c.req.query('asOf') || undefined
  if (reading) {
    const [p, d] = reading.split('@')
    period = p || undefined
    asOf = d || undefined
  }
  try {
    return {
      period: period ? parsePeriod(period).id : undefined,
      asOf: asOf ? parseIsoDate(asOf) : undefined,
    }
  } catch (err) {
    throw new BadRequest(errorMessage(err))
  }
}
