/**
 * One attempt, whoever starts it: the office id is made once, the outcome (success with its
 * watermark, or the failure without secrets) is recorded in `meta` for `qd766 status`.
 */
import type { Config } from '../config/config.ts'
import type { Store } from '../db/sqlite.ts'
import type { ProvinceRegistry } from '../reference/provinces.ts'
import { toWarehouseError, type WarehouseError } from './errors.ts'
import { ensureOfficeId } from './office.ts'
import type { PublishResult } from './publish.ts'
import { recordPublish } from './state.ts'
import type { WarehouseTarget } from './target.ts'

export function provinceCode(config: Config, registry: ProvinceRegistry): string | null {
  if (!config.province) return null
  return (registry.resolve(34, config.province) ?? registry.resolve(63, config.province))?.code ?? null
}

export type PublishOutcome =
  | { ok: true; result: PublishResult }
  | { ok: false; target: string; schema: string; error: WarehouseError }

export async function attempt(
  writable: Store,
  target: WarehouseTarget,
  go: (officeId: string) => Promise<PublishResult>,
): Promise<PublishOutcome> {
  try {
    const result = await go(ensureOfficeId(writable))
    recordPublish(writable, {
      target: target.display,
      schema: target.schema,
      ok: true,
      watermark: result.watermark,
    })
    return { ok: true, result }
  } catch (err) {
    const error = toWarehouseError(err, target.url)
    try {
      recordPublish(writable, {
        target: target.display,
        schema: target.schema,
        ok: false,
        error: { code: error.code, message: error.message },
      })
    } catch {
      // the home is busy or read-only: the failure is still reported to the caller
    }
    return { ok: false, target: target.display, schema: target.schema, error }
  }
}
