/**
 * The scoring step in process (src/mart/portal-scores.ts) on captures ingested by the real ingest
 * engine: a methodology version switch between two reading dates (every number records its version),
 * a null metric that keeps its group's maximum, a group capture that disagrees with the national
 * summary of the same day, and idempotency.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServiceResults, m, type UnitFigures } from '../../fixtures/portal/build-captures.ts'
import {
  DAK_LAK,
  DAK_LAK_2026,
  DAK_LAK_2026_REPORTED,
  PHU_THO,
  PHU_THO_2026,
} from '../../fixtures/portal/provinces.ts'
import { type App, openApp } from '../../src/app.ts'
import { ingestBatch } from '../../src/ingest/batch.ts'
import { materialisePortalScores } from '../../src/mart/portal-scores.ts'
import { loadMethodologiesFrom, METHODOLOGY_DIR, type Methodology } from '../../src/score/methodology.ts'
import { snapshotPending } from '../../src/snapshot/take.ts'
import { tempDir, tempHome } from '../helpers.ts'
import { writeProvinceCaptures } from './helpers.ts'

/** v2025 until 2026-10-11, then a data-only version where 3.3 needs 80% online filing for full points. */
function versions(): readonly Methodology[] {
  const dir = tempDir('methodology-')
  const v2025 = JSON.parse(readFileSync(join(METHODOLOGY_DIR, 'v2025.json'), 'utf8'))
  const next = structuredClone(v2025)
  v2025.effective_to = '2026-10-11'
  next.id = 'v2026-test'
  next.effective_from = '2026-10-12'
  next.metrics.find((x: { code: string }) => x.code === '3.3').rule = { type: 'threshold', t: 0.8 }
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'a.json'), JSON.stringify(v2025))
  writeFileSync(join(dir, 'b.json'), JSON.stringify(next))
  return loadMethodologiesFrom(dir)
}

/** Phú Thọ with nothing to count for PUBLISH_ON_TIME: d = 0, policy null (no score, max kept). */
const PHU_THO_NO_PUBLISH: UnitFigures = {
  ...PHU_THO_2026,
  transparency: { ...PHU_THO_2026.transparency, PUBLISH_ON_TIME: m(0, 0, null, { ratio: 0 }) },
}

describe('materialising portal captures', () => {
  let app: App
  let list: readonly Methodology[]
  let runs: Array<ReturnType<typeof materialisePortalScores>>

  beforeAll(async () => {
    list = versions()
    const home = tempHome()
    const inbox = join(home, 'inbox')
    writeProvinceCaptures(inbox, DAK_LAK_2026, [], {
      period: '2026',
      capturedAt: '2026-10-10T08:00:00+07:00',
    })
    writeProvinceCaptures(inbox, DAK_LAK_2026, [], {
      period: '2026',
      capturedAt: '2026-10-12T08:00:00+07:00',
    })
    writeProvinceCaptures(inbox, PHU_THO_NO_PUBLISH, [], {
      period: '2026',
      capturedAt: '2026-10-10T08:00:00+07:00',
    })
    // The national summary of 2026-10-10 disagrees with Đắk Lắk's transparency capture on CKMB.
    writeFileSync(
      join(inbox, 'service-results-2026-2026-10-10.json'),
      JSON.stringify(
        buildServiceResults([
          { department: DAK_LAK, groups: { ...DAK_LAK_2026_REPORTED.groups, CKMB: 12 }, total: 65.64 },
          {
            department: PHU_THO,
            groups: { CKMB: 7.96, TDGQ: 17.68, CLGQ: 8.56, TTTT: 6.67, MDHL: 11.43, MDSH: 9.59 },
          },
        ]),
      ),
    )
    app = openApp(home)
    const batch = await ingestBatch({ ...app, runId: null })
    expect(batch.outcomes.map((o) => o.status)).toEqual(Array(19).fill('accepted'))
    runs = [
      materialisePortalScores(app.store, app.registry, { runId: null, methodologies: list }),
      materialisePortalScores(app.store, app.registry, { runId: null, methodologies: list }),
    ]
    snapshotPending(app.store, app.registry, app.config, null)
  })
  afterAll(async () => {
    await app?.close()
  })

  const sets = () =>
    app.store.all(
      app.store.db
        .selectFrom('mart_portal_scores')
        .select([
          'id',
          'province_code',
          'as_of',
          'methodology',
          'total',
          'computed_total',
          'reported_total',
          'source',
        ])
        .orderBy('id'),
    )
  const metric = (scoreId: number, code: string) =>
    app.store.first(
      app.store.db
        .selectFrom('mart_metric_scores')
        .selectAll()
        .where('score_id', '=', scoreId)
        .where('metric_code', '=', code),
    )!
  const group = (scoreId: number, code: string) =>
    app.store.first(
      app.store.db
        .selectFrom('mart_group_scores')
        .selectAll()
        .where('score_id', '=', scoreId)
        .where('group_code', '=', code),
    )!

  it('scores each reading date with the version in force, and records it on every number', () => {
    const dak = sets().filter((s) => s.province_code === '66')
    expect(dak.map((s) => [s.as_of, s.methodology])).toEqual([
      ['2026-10-10', 'v2025'],
      ['2026-10-12', 'v2026-test'],
    ])
    // 3.3 = 300000/443565 = 67.63%: full points under v2025 (t = 50%), 6 × 0.6763 / 0.8 = 5.07 after
    expect(metric(dak[0]!.id, '3.3')).toMatchObject({
      computed_score: 6,
      methodology: 'v2025',
      threshold: 0.5,
    })
    expect(metric(dak[1]!.id, '3.3')).toMatchObject({
      computed_score: 5.07,
      methodology: 'v2026-test',
      threshold: 0.8,
    })
    expect(group(dak[1]!.id, 'CLGQ')).toMatchObject({
      reported_score: 8.97,
      computed_score: 8.04,
      score: 8.97,
      estimate: 1,
      methodology: 'v2026-test',
    })
    const versions = app.store.all(
      app.store.db
        .selectFrom('mart_metric_scores')
        .select('methodology')
        .where('score_id', '=', dak[1]!.id)
        .groupBy('methodology'),
    )
    expect(versions).toEqual([{ methodology: 'v2026-test' }])
    const readings = app.store.all(
      app.store.db.selectFrom('stg_readings').select(['as_of', 'methodology']).orderBy('id'),
    )
    expect(readings).toEqual([
      { as_of: '2026-10-10', methodology: 'v2025' },
      { as_of: '2026-10-12', methodology: 'v2026-test' },
    ])
    // The estimate's disagreement is a finding, marked info (the portal's CLGQ is authoritative).
    const f = app.store.all(
      app.store.db
        .selectFrom('findings')
        .select(['kind', 'severity', 'message'])
        .where('kind', '=', 'score-mismatch')
        .where('province_code', '=', '66'),
    )
    expect(
      f.some((x) => x.severity === 'info' && x.message.includes('CLGQ: nguồn ghi 8.97, tính lại được 8.04')),
    ).toBe(true)
  })

  it('a null metric adds nothing but its group keeps the maximum', () => {
    const pt = sets().find((s) => s.province_code === '25')!
    expect(metric(pt.id, 'PUBLISH_ON_TIME')).toMatchObject({
      status: 'zero-denominator',
      computed_score: null,
      score: null,
      max_score: 6,
      points_lost: 6,
    })
    // 0 (null) + 0 + 1.96 + 6 = 7.96 out of 18, not out of 12
    expect(group(pt.id, 'CKMB')).toMatchObject({ computed_score: 7.96, max_score: 18, points_lost: 10.04 })
  })

  it('a group capture that disagrees with the national summary wins, with a finding; the summary total is not used', () => {
    const dak = sets().find((s) => s.province_code === '66' && s.as_of === '2026-10-10')!
    expect(dak).toMatchObject({
      source: 'portal-metrics+service-results',
      total: 65.49,
      reported_total: null,
    })
    const f = app.store.all(
      app.store.db
        .selectFrom('findings')
        .select(['message', 'detail'])
        .where('kind', '=', 'capture-conflict'),
    )
    expect(f).toHaveLength(1)
    expect(f[0]!.message).toContain(
      'CKMB là 11.85 trong bản thu thập của nhóm nhưng là 12 trong bảng tổng hợp toàn quốc',
    )
    // Phú Thọ agrees with the summary: its reported total is kept
    const pt = sets().find((s) => s.province_code === '25')!
    expect(pt.reported_total).toBe(61.89) // 7.96 + 17.68 + 8.56 + 6.67 + 11.43 + 9.59
  })

  it('is idempotent: a second run finds every score set and reading already there', () => {
    expect(runs[0]!.scoreSets).toHaveLength(3)
    expect(runs[0]!.readings).toHaveLength(2)
    const { current, ...second } = runs[1]!
    expect(second).toEqual({ scoreSets: [], readings: [], findings: 0 })
    // ... and says they are what the captures give (src/withdraw/reconcile.ts relies on it)
    expect([...current.scoreSets].sort()).toEqual([...runs[0]!.scoreSets].sort())
    expect([...current.readings].sort()).toEqual([...runs[0]!.readings].sort())
  })

  it('ranks the complete provinces of a reading like a national table', () => {
    const rows = app.store.all(
      app.store.db
        .selectFrom('snapshot_rows as r')
        .innerJoin('snapshots as s', 's.id', 'r.snapshot_id')
        .select(['s.as_of', 's.source_label', 'r.province_code', 'r.rank', 'r.total', 'r.status'])
        .where('r.status', '!=', 'missing')
        .orderBy('s.id')
        .orderBy('r.rank'),
    )
    expect(rows).toEqual([
      {
        as_of: '2026-10-10',
        source_label: 'portal-metrics+service-results',
        province_code: '66',
        rank: 1,
        total: 65.49,
        status: 'ranked',
      },
      {
        as_of: '2026-10-10',
        source_label: 'portal-metrics+service-results',
        province_code: '25',
        rank: 2,
        total: 61.89,
        status: 'ranked',
      },
      {
        as_of: '2026-10-12',
        source_label: 'portal-metrics',
        province_code: '66',
        rank: 1,
        total: 65.49,
        status: 'ranked',
      },
    ])
  })
})
