/**
 * The scoring engine's public API (see each module for details):
 * - methodology.ts: versioned methodology data (`loadMethodologies`, `methodologyFor`, `methodologyById`,
 *   group lists, `toFiveGroups`);
 * - round.ts: exact half-up 2-decimal arithmetic (`scoreMetric`, `sum2`, `round2`, `ratioPercent`);
 * - compute.ts: one unit's scores, findings and what-ifs (`computeUnit`, `whatIf`, `mergeUnitInputs`).
 * Reading portal API captures (input) is src/portal, not the engine's job.
 */
export * from './compute.ts'
export * from './methodology.ts'
export * from './round.ts'
