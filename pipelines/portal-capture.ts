/**
 * Portal API captures (docs/inputs.md §B): the raw JSON of the national portal's evaluation endpoints,
 * bare (`{"code", "data", "message"}`) or in a capture envelope (`{"request": {"endpoint",
 * "payload"}, "capturedAt", "response"}`). Six group endpoints (forms A and B) scoped to one province
 * and its units, plus `service-results`, the national summary of every province's six group scores.
 *
 * Parsing is src/portal/parse-capture.ts (endpoint, period, as-of date, every field kept, JSON-path
 * errors). This pipeline adds what needs the reference data: which province the capture is about
 * (rootDepartmentId / departmentId UUID or H-code, the 34-province list), sanity checks on counts,
 * and the load into stg_portal_* (one capture per file; every unit, metric and tree parameter).
 *
 * Nothing is scored here: src/score/materialise.ts combines the captures of a province and reading
 * date after the ingest, so a capture that arrives alone (the other endpoints tomorrow) is kept as
 * it is and scored when its set is known.
 */
import { STG_PORTAL_METRIC_COLUMNS, STG_PORTAL_UNIT_COLUMNS } from '../src/db/schema-portal.ts'
import type { Store } from '../src/db/sqlite.ts'
import { QdError } from '../src/errors.ts'
import { t as tr } from '../src/i18n/index.ts'
import type {
  Finding,
  JsonPipeline,
  LoadIds,
  LoadSummary,
  ParsedTable,
  PipelineContext,
} from '../src/pipeline/types.ts'
import type { CaptureUnit, PortalCapture } from '../src/portal/capture-types.ts'
import { ENDPOINT_PARAMETERS } from '../src/portal/endpoints.ts'
import { parsePortalCapture } from '../src/portal/parse-capture.ts'
import { GROUPS } from '../src/reference/groups.ts'
import { COHORT_34_FROM } from '../src/reference/period.ts'
import type { Province } from '../src/reference/provinces.ts'
import { methodologyFor } from '../src/score/methodology.ts'

export interface ParsedPortalCapture extends ParsedTable {
  capture: PortalCapture
  /** The province of a group capture; null for service-results. */
  province: Province | null
  /** Province code of each unit, in the order [overview, ...units] (service-results: per row). */
  unitProvince: Array<string | null>
  methodology: string | null
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * By shape only: a capture envelope, or a response whose `data` has the keys the evaluation
 * endpoints return. Deliberately broad, so a damaged capture is rejected by parse() with the JSON
 * path of the problem rather than as "not a file qd766 knows".
 */
function recognise(doc: unknown): boolean {
  if (!isObj(doc)) return false
  if ('response' in doc && ('request' in doc || 'capturedAt' in doc)) return true
  const data = doc.data
  if (isObj(data) && ['overview', 'evaluation', 'parent', 'children'].some((k) => k in data)) return true
  return 'code' in doc && 'data' in doc && 'message' in doc
}

const at = (file: string, column: string) => ({ file, column })

function resolveProvince(c: PortalCapture, ctx: PipelineContext): Province {
  const ov = c.overview!
  const file = ctx.fileName
  const tries: Array<{ id: string; column: string }> = []
  if (c.rootDepartmentId) tries.push({ id: c.rootDepartmentId, column: 'request.payload.rootDepartmentId' })
  if (ov.departmentId) tries.push({ id: ov.departmentId, column: `${ov.path}.departmentId` })
  if (ov.departmentCode) tries.push({ id: ov.departmentCode, column: `${ov.path}.departmentCode` })
  let found: { p: Province; column: string } | null = null
  for (const t of tries) {
    const p = ctx.registry.byPortalId(t.id)
    if (!p) {
      // The request names the province; an overview that is some other unit is a capture of that
      // unit's own page, which is not a province view.
      if (t.column.startsWith('request') || !found) {
        throw new QdError(
          'unknown-province',
          tr('portal.province.not-portal-id', { id: t.id }) +
            (ov.departmentType && ov.departmentType !== 'PROVINCE'
              ? tr('portal.province.overview-type', { type: ov.departmentType })
              : tr('portal.province.check-page')),
          {
            location: at(file, t.column),
            expected: tr('portal.province.expected'),
            found: t.id,
          },
        )
      }
      continue
    }
    if (found && found.p.code !== p.code) {
      throw new QdError(
        'inconsistent',
        tr('portal.province.mismatch', { a: found.column, aName: found.p.name, b: t.column, bName: p.name }),
        { location: at(file, t.column), expected: found.p.name, found: p.name },
      )
    }
    found ??= { p, column: t.column }
  }
  if (!found) {
    throw new QdError(
      'unknown-province',
      tr('portal.province.unknowable', { endpoint: c.endpoint, path: ov.path }),
      { location: at(file, ov.path), expected: tr('portal.province.unknowable.expected') },
    )
  }
  return found.p
}

function checkCounts(c: PortalCapture, file: string): void {
  const units = [...(c.overview ? [c.overview] : []), ...c.units]
  for (const u of units) {
    const seen = new Map<string, string>()
    for (const m of u.metrics) {
      const first = seen.get(m.code)
      if (first) {
        throw new QdError('inconsistent', tr('portal.metric-twice', { code: m.code, first, path: m.path }), {
          location: at(file, `${m.path}.code`),
          found: m.code,
        })
      }
      seen.set(m.code, m.path)
      for (const k of ['numerator', 'denominator'] as const) {
        const v = m[k]
        if (v !== null && v < 0) {
          throw new QdError('out-of-range', tr('portal.negative-count', { at: `${m.path}.${k}`, value: v }), {
            location: at(file, `${m.path}.${k}`),
            expected: tr('portal.count-or-null'),
            found: String(v),
          })
        }
      }
    }
    for (const [k, v] of Object.entries(u.parameters)) {
      if (v !== null && v < 0) {
        throw new QdError('out-of-range', tr('portal.negative-count', { at: `${u.path}.${k}`, value: v }), {
          location: at(file, `${u.path}.${k}`),
          expected: tr('portal.count-or-null'),
          found: String(v),
        })
      }
    }
  }
}

function parse(doc: unknown, ctx: PipelineContext): ParsedPortalCapture {
  const file = ctx.fileName
  const c = parsePortalCapture(doc, file)
  checkCounts(c, file)
  const findings: Finding[] = c.warnings.map((w) => ({
    kind: 'capture-warning',
    severity: 'info' as const,
    message: `${file}: ${w}`,
  }))
  let province: Province | null = null
  let unitProvince: Array<string | null>
  if (c.form === 'summary') {
    const seen = new Map<string, string>()
    unitProvince = [
      null,
      ...c.units.map((u) => {
        const p =
          (u.departmentId ? ctx.registry.byPortalId(u.departmentId) : undefined) ??
          (u.departmentCode ? ctx.registry.byPortalId(u.departmentCode) : undefined)
        if (!p) {
          throw new QdError(
            'unknown-province',
            tr('portal.summary.not-province', {
              path: u.path,
              name: String(u.departmentName ?? u.departmentId),
              ids: `${u.departmentId}${u.departmentCode ? `, ${u.departmentCode}` : ''}`,
            }),
            {
              location: at(file, `${u.path}.departmentId`),
              expected: tr('portal.province.expected'),
              found: u.departmentId ?? undefined,
            },
          )
        }
        const first = seen.get(p.code)
        if (first) {
          throw new QdError(
            'duplicate-province',
            tr('portal.summary.twice', { name: p.name, first, path: u.path }),
            { location: at(file, u.path), found: u.departmentName ?? p.name },
          )
        }
        seen.set(p.code, u.path)
        return p.code
      }),
    ]
  } else {
    province = resolveProvince(c, ctx)
    unitProvince = [province.code, ...c.units.map(() => province!.code)]
    const ids = new Map<string, string>()
    for (const u of c.units) {
      if (!u.departmentId) continue
      const first = ids.get(u.departmentId)
      if (first) {
        findings.push({
          kind: 'capture-warning',
          severity: 'warning',
          provinceCode: province.code,
          message: tr('portal.unit-twice', {
            file,
            unit: String(u.departmentName ?? u.departmentId),
            first,
            path: u.path,
          }),
        })
      } else ids.set(u.departmentId, u.path)
    }
  }
  if (c.period.end < COHORT_34_FROM) {
    findings.push({
      kind: 'capture-warning',
      severity: 'warning',
      provinceCode: province?.code ?? null,
      message: tr('portal.before-34', { file, period: c.period.id }),
    })
  }
  let methodology: string | null = null
  try {
    methodology = methodologyFor(c.asOf ?? c.period.end).id
  } catch {
    methodology = null
  }
  return {
    capture: c,
    province,
    unitProvince,
    methodology,
    rows: c.form === 'summary' ? c.units.length : c.units.length + (c.overview ? 1 : 0),
    findings,
  }
}

const json = (v: unknown): string | null =>
  v === null || v === undefined || (isObj(v) && Object.keys(v).length === 0) ? null : JSON.stringify(v)

/** Column order of the parameters' multi-row INSERT in load(); units and metrics share theirs with publish. */
const PARAM_COLUMNS = [
  'capture_id',
  'unit_ord',
  'source_file_id',
  'department_id',
  'group_code',
  'name',
  'value',
] as const

function load(store: Store, p: ParsedPortalCapture, ids: LoadIds): LoadSummary {
  const { db } = store
  const c = p.capture
  const captureId = store.run(
    db.insertInto('stg_portal_captures').values({
      source_file_id: ids.sourceFileId,
      endpoint: c.endpoint,
      endpoint_from: c.endpointFrom,
      form: c.form,
      group_code: c.group,
      period: c.period.id,
      period_type: c.period.type,
      period_start: c.period.start,
      period_end: c.period.end,
      period_from: c.periodFrom,
      as_of: c.asOf,
      as_of_from: c.asOfFrom,
      captured_at: c.capturedAt,
      root_department_id: c.rootDepartmentId,
      province_code: p.province?.code ?? null,
      cohort: 34,
      methodology: p.methodology,
      response_code: c.responseCode,
      response_message: c.responseMessage,
      request_endpoint: c.request?.endpoint ?? null,
      request_payload: json(c.request?.payload),
      extra: json(c.extra),
      warnings: c.warnings.length ? JSON.stringify(c.warnings) : null,
      units: c.units.length,
    }),
  ).lastInsertRowid
  const units: Array<{ ord: number; u: CaptureUnit }> = [
    ...(c.overview ? [{ ord: 0, u: c.overview }] : []),
    ...c.units.map((u, i) => ({ ord: i + 1, u })),
  ]
  const paramNames = ENDPOINT_PARAMETERS[c.endpoint] ?? []
  // Every row of the capture in multi-row INSERTs (a capture holds ~150 units, ~1,000 metrics):
  // one statement per row cost more in binding and stepping than the rows themselves.
  const unitRows: unknown[][] = []
  const metricRows: unknown[][] = []
  const paramRows: unknown[][] = []
  for (const { ord, u } of units) {
    const gs = u.groupScores
    unitRows.push([
      captureId,
      ord,
      ids.sourceFileId,
      u.path,
      u.role,
      p.unitProvince[ord] ?? null,
      u.departmentId,
      u.departmentName,
      u.departmentCode,
      u.departmentType,
      u.departmentLevel,
      u.totalScore,
      u.totalMaxScore,
      u.ratio,
      u.scoreDelta,
      ...GROUPS.map((g) => gs?.[g.code] ?? null),
      json(u.extra),
    ])
    for (const m of u.metrics) {
      metricRows.push([
        captureId,
        ord,
        ids.sourceFileId,
        m.path,
        u.departmentId,
        c.group ?? '',
        m.code,
        m.name,
        m.numerator,
        m.denominator,
        m.ratio,
        m.score,
        m.maxScore,
        m.dataQualityStatus,
        m.dataQualityMessage,
        json(m.extra),
      ])
    }
    // Every parameter the unit carries, in the endpoint's order (null stays null).
    for (const name of paramNames) {
      if (!(name in u.parameters)) continue
      paramRows.push([
        captureId,
        ord,
        ids.sourceFileId,
        u.departmentId,
        c.group ?? '',
        name,
        u.parameters[name] ?? null,
      ])
    }
  }
  store.insertRows('stg_portal_units', STG_PORTAL_UNIT_COLUMNS, unitRows)
  store.insertRows('stg_portal_metrics', STG_PORTAL_METRIC_COLUMNS, metricRows)
  store.insertRows('stg_portal_params', PARAM_COLUMNS, paramRows)
  return {
    rows: p.rows,
    period: c.period.id,
    asOf: c.asOf,
    readingIds: [],
    findings: p.findings.map((f) => ({ ...f, sheet: f.sheet ?? null })),
  }
}

export const portalCapture: JsonPipeline<ParsedPortalCapture> = {
  key: 'portal-capture',
  kind: 'json',
  title:
    'Portal API capture (JSON): a response of dichvucong.gov.vn/api/v1/reporting/evaluation/<endpoint>, bare or in a {"request", "capturedAt", "response"} envelope (transparency, dvc-progress-tree, provide-online-tree, formality-online-payment-tree, handling-satisfaction, dossier-digitized, service-results)',
  recognise,
  parse,
  load,
}
