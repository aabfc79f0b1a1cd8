/**
 * The dashboard's cache of derived results lives exactly as long as the data: a commit by another
 * connection (the nightly refresh) empties it, and it stays bounded.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from '../../src/db/sqlite.ts'
import { DataMemo } from '../../src/serve/memo.ts'
import { tempDir } from '../helpers.ts'

describe('DataMemo', () => {
  it('computes once per key until another connection commits, and keeps at most max entries', async () => {
    const path = join(tempDir('memo-'), 'db.sqlite')
    const writer = new Store(path)
    writer.raw.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)')
    const reader = new Store(path, { readonly: true })
    const memo = new DataMemo(reader, 2)
    let computed = 0
    const sum = () => {
      computed++
      return (reader.raw.prepare('SELECT sum(x) AS s FROM t').get() as { s: number }).s
    }
    expect(memo.get('a', sum)).toBe(1)
    expect(memo.get('a', sum)).toBe(1)
    expect(computed).toBe(1)
    writer.raw.exec('INSERT INTO t VALUES (2)')
    expect(memo.get('a', sum)).toBe(3)
    expect(computed).toBe(2)
    memo.get('b', sum)
    memo.get('c', sum) // evicts 'a'
    memo.get('a', sum)
    expect(computed).toBe(5)
    await reader.close()
    await writer.close()
  })
})
