/**
 * Reference data (dbt "seeds"): provinces of both cohorts with their aliases, and the groups of the
 * index. Loaded from db/seeds into ref_* tables, never through the inbox. Re-applied in one
 * transaction whenever the seed content changes (tracked by a hash in `meta`), so a new release's
 * corrected alias list reaches existing homes.
 */
import { createHash } from 'node:crypto'
import { type Province, provinceKey } from '../reference/provinces.ts'
import type { Methodology } from '../score/methodology.ts'
import type { Store } from './sqlite.ts'

export function seedReference(store: Store, provinces: Province[], methodologies: Methodology[]): boolean {
  const hash = createHash('sha256').update(JSON.stringify({ provinces, methodologies })).digest('hex')
  const current = store.first(store.db.selectFrom('meta').select('value').where('key', '=', 'seed_hash'))
  if (current?.value === hash) return false
  store.tx(() => {
    store.run(store.db.deleteFrom('ref_province_aliases'))
    store.run(store.db.deleteFrom('ref_provinces'))
    store.run(store.db.deleteFrom('ref_groups'))
    store.run(store.db.deleteFrom('ref_metrics'))
    store.run(store.db.deleteFrom('ref_methodologies'))
    for (const p of provinces) {
      store.run(
        store.db.insertInto('ref_provinces').values({
          cohort: p.cohort,
          code: p.code,
          name: p.name,
          official_name: p.officialName,
          type: p.type,
          region: p.region,
          valid_from: p.validFrom,
          valid_to: p.validTo,
          dvcqg_code: p.dvcqgCode,
          dvcqg_uuid: p.dvcqgUuid,
          merged_from: p.mergedFrom,
        }),
      )
      const seen = new Set<string>()
      for (const alias of [p.name, p.officialName, ...p.aliases]) {
        const key = provinceKey(alias)
        if (seen.has(key)) continue
        seen.add(key)
        store.run(
          store.db
            .insertInto('ref_province_aliases')
            .values({ cohort: p.cohort, code: p.code, alias, alias_key: key }),
        )
      }
    }
    for (const m of methodologies) {
      store.run(
        store.db.insertInto('ref_methodologies').values({
          id: m.id,
          title: m.title,
          effective_from: m.effectiveFrom,
          effective_to: m.effectiveTo,
          presentation: m.presentation,
          definition: JSON.stringify({ ...m, file: undefined }),
        }),
      )
      for (const g of m.groups) {
        store.run(
          store.db
            .insertInto('ref_groups')
            .values({ methodology: m.id, code: g.code, name: g.name, max_score: g.max, ord: g.order }),
        )
      }
      m.metrics.forEach((x, i) => {
        store.run(
          store.db.insertInto('ref_metrics').values({
            methodology: m.id,
            group_code: x.group,
            code: x.code,
            name: x.name,
            max_score: x.max,
            rule: x.rule.type,
            threshold: 't' in x.rule ? x.rule.t : null,
            zero_denominator: x.zeroDenominator,
            estimate: x.estimate ? 1 : 0,
            ord: i + 1,
            note: x.note,
          }),
        )
      })
    }
    store.run(
      store.db
        .insertInto('meta')
        .values({ key: 'seed_hash', value: hash })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash })),
    )
  })
  return true
}
