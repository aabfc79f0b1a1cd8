/**
 * Group commit: many small files share one fsync. Each file is still loaded (or recorded as a
 * duplicate or rejection) in its own transaction, so a bad file rolls back alone and is rejected
 * exactly as before, but those transactions commit without waiting for the disk (Store.tx
 * `durable: false`), and the file's move out of work/ waits here. When the group is full (files,
 * bytes or age, whichever first) or the batch ends, one durable commit (the run's lease renewal,
 * synchronous=FULL) syncs the write-ahead log, and with it every commit of the group; only then do
 * the group's files move to the paths their records name, in order.
 *
 * Why this keeps exactly-once: a file leaves work/ only after its record is on disk, as before.
 *   - kill -9 before the durable commit: the group's commits survive (they are in the WAL, which
 *     the operating system holds); the files are still in work/, and the next run finishes their
 *     moves from the records, as it does for a kill between a commit and its move.
 *   - power cut before the durable commit: the group's commits may be lost, but so are none of its
 *     files (still in work/): the next run reads them again.
 *   - a lost lease: nothing of the group moves (assertLease before the commit and before each move).
 * A destination promised to a file of the group counts as taken (freeName), so two files of one
 * group never get the same archive/ or rejected/ name although neither has moved yet.
 */
import type { Store } from '../db/sqlite.ts'
import { t } from '../i18n/index.ts'
import { assertLease, heartbeat, LeaseLostError } from '../run/runs.ts'

/** The bounds of one group: whichever is reached first ends it. */
export const GROUP_MAX_FILES = 200
export const GROUP_MAX_BYTES = 32 * 1024 * 1024
export const GROUP_MAX_MS = 2_000

export interface PendingMove {
  from: string
  to: string
  fileName: string
  /** Called with the reason when the move fails (the file stays in work/, the next run moves it). */
  done: (notMoved: string | undefined) => void
}

export class CommitGroup {
  readonly #moves: PendingMove[] = []
  readonly #taken = new Set<string>()
  #bytes = 0
  #startedAt = 0

  constructor(
    private readonly limits = { files: GROUP_MAX_FILES, bytes: GROUP_MAX_BYTES, ms: GROUP_MAX_MS },
  ) {}

  /** Destinations promised to files of the group that have not moved yet. */
  get taken(): ReadonlySet<string> {
    return this.#taken
  }

  get size(): number {
    return this.#moves.length
  }

  /** Reserves a destination as soon as it is planned (before its record is written). */
  reserve(path: string): void {
    this.#taken.add(path)
  }

  /** Gives up a destination that no record names (the file was not recorded after all). */
  release(path: string): void {
    if (!this.#moves.some((m) => m.to === path)) this.#taken.delete(path)
  }

  add(move: PendingMove, bytes: number): void {
    if (this.#moves.length === 0) this.#startedAt = Date.now()
    this.#moves.push(move)
    this.#taken.add(move.to)
    this.#bytes += bytes
  }

  /** The group is full: commit it before the next file. */
  get due(): boolean {
    return (
      this.#moves.length >= this.limits.files ||
      this.#bytes >= this.limits.bytes ||
      (this.#moves.length > 0 && Date.now() - this.#startedAt >= this.limits.ms)
    )
  }

  /** Takes the group's moves and starts a new group. */
  take(): PendingMove[] {
    const moves = this.#moves.splice(0)
    this.#taken.clear()
    this.#bytes = 0
    return moves
  }
}

/**
 * The group's durable point: renews the run's lease in a synchronous=FULL commit, which syncs the
 * write-ahead log and so every commit before it. Throws LeaseLostError when the lease is gone.
 */
export function commitDurably(store: Store, runId: number): void {
  store.tx(() => {
    assertLease(store, runId)
    // a renewal that changes nothing would write nothing, and so sync nothing: then the lease ran
    // out between the two checks, and assertLease says so
    if (!heartbeat(store, runId)) {
      assertLease(store, runId)
      throw new LeaseLostError(t('poison.lease-lost', { runId, why: t('run.lease-why.gone') }))
    }
  })
}
