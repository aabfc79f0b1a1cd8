/**
 * `qd766 publish`: the home is opened read-only for the data (one read transaction); only the
 * office id and the publish record are written, into `meta`.
 */
import { openReadOnly } from '../app.ts'
import { homeAt } from '../config/home.ts'
import { Store } from '../db/sqlite.ts'
import type { Logger } from '../log.ts'
import { attempt, type PublishOutcome, provinceCode } from './attempt.ts'
import { publish } from './publish.ts'
import { resolveTarget } from './target.ts'

/** `qd766 publish`. Returns null when no warehouse is configured. */
export async function publishHomeDir(
  root: string,
  opts: { to?: string; schema?: string; log?: Logger },
): Promise<PublishOutcome | null> {
  const reader = openReadOnly(root, { log: opts.log })
  try {
    const target = resolveTarget(reader.config, opts)
    if (!target) return null
    const writable = new Store(homeAt(root).database)
    try {
      return await attempt(writable, target, (officeId) =>
        publish(
          {
            store: reader.store,
            read: reader.read,
            officeId,
            provinceCode: provinceCode(reader.config, reader.registry),
          },
          target,
          reader.log,
        ),
      )
    } finally {
      await writable.close()
    }
  } finally {
    await reader.close()
  }
}
