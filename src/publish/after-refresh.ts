/**
 * `refresh` publishes after its own commit when a warehouse is configured. A warehouse that is down
 * or refuses the login never fails the refresh: the failure is recorded (status shows the lag),
 * logged without the password, and the next run catches up from the committed watermark.
 */
import type { App } from '../app.ts'
import { t } from '../i18n/index.ts'
import { attempt, type PublishOutcome, provinceCode } from './attempt.ts'
import { publish } from './publish.ts'
import { resolveTarget, type WarehouseTarget } from './target.ts'

/** After `refresh` committed: publish when a warehouse is configured; never throws. */
export async function publishAfterRefresh(app: App): Promise<PublishOutcome | null> {
  let target: WarehouseTarget | null
  try {
    target = resolveTarget(app.config)
  } catch (err) {
    app.log.warn({ err: err instanceof Error ? err.message : String(err) }, t('log.publish.bad-config'))
    return null
  }
  if (!target) return null
  const tgt = target
  const outcome = await attempt(app.store, tgt, (officeId) =>
    publish(
      {
        store: app.store,
        read: (fn) => app.store.raw.transaction(fn).deferred(),
        officeId,
        provinceCode: provinceCode(app.config, app.registry),
      },
      tgt,
      app.log,
    ),
  )
  if (!outcome.ok)
    app.log.warn(
      { target: tgt.display, code: outcome.error.code, err: outcome.error.message },
      t('log.publish.failed'),
    )
  return outcome
}
