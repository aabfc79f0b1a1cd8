/**
 * qd766 as a library: the one surface the command line (src/cli), the web dashboard (src/serve) and
 * any other face use. Everything here is what those faces need and nothing they must not touch:
 *
 * - open a home: `openReadOnly(root)` for readers (no migration, no lock; `app.read(fn)` gives one
 *   consistent snapshot), `openApp(root)` for writers (migrates and seeds);
 * - run a job: `runJob(app, { command: 'refresh' | 'ingest' })` (holds the lease, ingests, scores,
 *   takes snapshots);
 * - the report getters, each synchronous on `app.store` so that it runs inside `app.read(...)`;
 * - read-only SQL with limits: `runReadOnlySql(databasePath, sql, { timeoutMs, maxRows })`;
 * - the errors a face maps to its own answer (exit code, HTTP status).
 *
 * ```ts
 * const app = openReadOnly('/srv/qd766')
 * try {
 *   const ranking = app.read(() => getRanking(app.store, { period: '2026' }))
 * } finally {
 *   await app.close()
 * }
 * ```
 */
export { type App, type JobResult, openApp, openReadOnly, type ReadApp, runJob } from './app.ts'
export { type Config, ConfigError } from './config/config.ts'
export { type Home, resolveHomeDir } from './config/home.ts'
export { DatabaseVersionError, NotFoundError, QdError } from './errors.ts'
export {
  QueryError,
  type QueryErrorCode,
  runReadOnlySql,
  SQL_DEFAULTS,
  SQL_LIMITS,
  type SqlOptions,
  type SqlResult,
} from './query/run-sql.ts'
export { gatherLeadershipReport, type LeadershipReport } from './report/leadership/data.ts'
export { getMetricRanking, type MetricRanking, metricByCode } from './report/metric-ranking.ts'
export { getProvinceReport, type ProvinceReport } from './report/province.ts'
export {
  getProvinceWithUnits,
  type ProvinceWithUnits,
  portalUnitsOf,
  provinceWithUnitsJson,
} from './report/province-units.ts'
export { getRanking, type Ranking, rankingJson } from './report/ranking.ts'
export { rankingTable } from './report/ranking-table.ts'
export { getStatus } from './report/status.ts'
export { excelCsv, jsonText, peopleCsv } from './report/text-formats.ts'
export { getUnitsReport } from './report/units.ts'
export type { UnitsReport } from './report/units-types.ts'
export { RunBusyError } from './run/runs.ts'
