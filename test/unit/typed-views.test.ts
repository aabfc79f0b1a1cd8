/**
 * The views typed in the Database interface (so report getters read them without casts) must have
 * exactly the columns the migrations create: a view changed in a migration without its type, or the
 * other way round, fails here instead of reading `undefined` at run time.
 */
import { describe, expect, it } from 'vitest'
import { openApp } from '../../src/app.ts'
import { VIEW_COLUMNS } from '../../src/db/schema.ts'
import { tempHome } from '../helpers.ts'

describe('typed views', () => {
  const app = openApp(tempHome())
  const views = Object.entries(VIEW_COLUMNS)

  it('types at least the views the report getters read', () => {
    expect(Object.keys(VIEW_COLUMNS)).toEqual(expect.arrayContaining(['v_ranking_history', 'v_unit_rollup']))
  })

  it.each(views)('%s has exactly the typed columns, in the database', (view, columns) => {
    const actual = app.store.raw
      .prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`)
      .all(view)
      .map((r) => (r as { name: string }).name)
    expect(actual.length).toBeGreaterThan(0)
    expect([...actual].sort()).toEqual(Object.keys(columns).sort())
  })

  it('v_latest_ranking has the columns of v_ranking_history', () => {
    const cols = (v: string) =>
      app.store.raw
        .prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`)
        .all(v)
        .map((r) => (r as { name: string }).name)
    expect(cols('v_latest_ranking')).toEqual(cols('v_ranking_history'))
  })
})
