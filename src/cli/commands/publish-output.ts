/**
 * How a publish is reported to people: by `publish` itself, and by `refresh` for the publish that
 * followed its commit (there a failure is a warning, never the exit code).
 */
import type { JobResult } from '../../app.ts'
import { fmtInt, fmtNumber } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'

export function warehouseJson(w: JobResult['warehouse']) {
  if (!w) return null
  return w.ok
    ? {
        ok: true,
        target: w.result.target,
        schema: w.result.schema,
        upToDate: w.result.upToDate,
        rowsWritten: w.result.rowsWritten,
      }
    : {
        ok: false,
        target: w.target,
        schema: w.schema,
        error: { code: w.error.code, message: w.error.message },
      }
}

export function printWarehouse(w: JobResult['warehouse'], command: 'refresh' | 'publish' = 'refresh'): void {
  if (!w) return
  if (w.ok) {
    const r = w.result
    process.stdout.write(
      `${
        r.upToDate
          ? t('publish.up-to-date', { target: r.target, schema: r.schema })
          : t('publish.done', {
              target: r.target,
              schema: r.schema,
              rows: fmtInt(r.rowsWritten),
              seconds: fmtNumber(r.ms / 1000, 1),
            })
      }\n`,
    )
  } else
    process.stderr.write(
      `qd766 ${command}: ${t('publish.failed', { target: w.target, code: w.error.code, message: w.error.message })}\n`,
    )
}
