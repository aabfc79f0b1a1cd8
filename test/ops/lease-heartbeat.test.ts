/**
 * The run's lease is kept alive by a heartbeat on the ingesting thread while the file is parsed in a
 * worker thread, so a parse longer than the lease does not lose it. A stall of the same length on the
 * ingesting thread itself does starve the heartbeat: the run notices its lease expired before it
 * commits or moves anything, and exits busy with nothing written. (The lease is shortened to 0.6 s
 * and the stall, a synchronous block of 2.5 s, is injected by src/testing/faults.ts.)
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { cli, tempHome } from '../helpers.ts'
import { writeNationalBatch } from './ops-helpers.ts'

const LEASE = { QD766_TEST_LEASE_MS: '600' }

function state(home: string) {
  const db = new Database(join(home, 'qd766.sqlite'), { readonly: true })
  try {
    return {
      files: db.prepare('SELECT file_name FROM source_files').all() as Array<{ file_name: string }>,
      runs: db.prepare('SELECT status FROM runs ORDER BY id').all() as Array<{ status: string }>,
    }
  } finally {
    db.close()
  }
}

describe('the lease heartbeat during a long parse', () => {
  it('a parse in the worker longer than the lease: the heartbeat keeps the lease and the file lands', async () => {
    const home = tempHome()
    const [file] = await writeNationalBatch(join(home, 'inbox'), { files: 1 })
    const r = cli(home, ['ingest', '--json'], {
      ...LEASE,
      QD766_TEST_FAULT: `worker:stall2500:${file!.name}`,
    })
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ file: file!.name, status: 'accepted' })])
    expect(state(home).files.map((f) => f.file_name)).toEqual([file!.name])
    expect(state(home).runs.map((x) => x.status)).toEqual(['ok'])
  })

  it('the same stall on the ingesting thread: the run sees its lease expired and commits nothing', async () => {
    const home = tempHome()
    const [file] = await writeNationalBatch(join(home, 'inbox'), { files: 1 })
    const r = cli(home, ['ingest', '--json'], {
      ...LEASE,
      QD766_TEST_FAULT: `parse:stall2500:${file!.name}`,
    })
    expect(r.code, r.stdout + r.stderr).toBe(3)
    expect(r.stderr).toMatch(/đã mất quyền xử lý thư mục dữ liệu \(quyền xử lý đã hết hạn lúc/)
    expect(state(home).files).toEqual([])
    expect(readdirSync(join(home, 'archive'))).toEqual([])
    // the file is not lost: it waits in work/ (or the inbox) and the next run takes it
    const waiting = readdirSync(join(home, 'work'), { recursive: true }).map(String)
    expect(waiting.some((p) => p.endsWith(file!.name)) || existsSync(join(home, 'inbox', file!.name))).toBe(
      true,
    )
    expect(r.stderr.match(/đã mất quyền xử lý thư mục dữ liệu; lượt chạy dừng/g)).toHaveLength(1)
    const again = cli(home, ['ingest', '--json'])
    expect(again.code, again.stderr).toBe(0)
    expect(state(home).files.map((f) => f.file_name)).toEqual([file!.name])
  })
})
