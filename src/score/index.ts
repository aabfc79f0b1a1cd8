/**
 * The scoring engine's public API (see each module for details):
 * - methodology.ts: versioned methodology data (`loadMethodologies`, `methodologyFor`, `methodologyById`,
 *   group lists, `toFiveGroups`);
 * - round.ts: exact half-up 2-decimal arithmetic (`scoreMetric`, `sum2`, `round2`, `ratioPercent`);
 * - compute.ts: one unit's scores, findings and what-ifs (`computeUnit`, `whatIf`, `mergeUnitInputs`);
 * - portal-capture.ts: portal API captures (`parsePortalCapture`, `portalCaptureToScoringInput`).
 */
export * from './compute.ts'
export * from './methodology.ts'
export * from './portal-capture.ts'
export * from './round.ts'
