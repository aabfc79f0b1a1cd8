/**
 * The spool that keeps a parse's big lists out of memory (src/pipeline/spool.ts): a list past one
 * chunk goes to a file in its directory, chunk by chunk, and comes back exactly as it went in, in
 * order, whether read where it was written or handed over to the ingesting thread
 * (src/ingest/parse-stream.ts); its files go when they were read or disposed.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handOver, SpooledList } from '../../src/ingest/parse-stream.ts'
import { CHUNK_ITEMS, inMemorySpool, SpoolArea } from '../../src/pipeline/spool.ts'
import { tempDir } from '../helpers.ts'

/** Values structured clone keeps and JSON would not: the spool must keep them too. */
const awkward = (i: number) => ({
  i,
  nothing: null,
  missing: undefined,
  nan: Number.NaN,
  negativeZero: -0,
  text: `Sở Tư pháp ${i}\t"\n`,
  cells: [i, null, 'x', 0.1 + 0.2],
})

/** A decode that refuses anything but a number, as a codec's decode refuses what it did not write. */
const aNumber = (x: unknown): number => {
  if (typeof x !== 'number') throw new Error(`an item of an unexpected shape: ${String(x)}`)
  return x
}

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : [])

describe('spool', () => {
  it.each([
    ['empty', 0],
    ['one', 1],
    ['exactly one chunk', CHUNK_ITEMS],
    ['one past a chunk', CHUNK_ITEMS + 1],
    ['several chunks and a tail', 3 * CHUNK_ITEMS + 17],
  ])('%s (%i items): read back in order, exactly, twice, then handed over', (_name, n) => {
    const dir = join(tempDir(), '.spool')
    const area = new SpoolArea(dir)
    const spool = area.spool<ReturnType<typeof awkward>>()
    const items = Array.from({ length: n }, (_, i) => awkward(i))
    for (const item of items) spool.push(item)
    expect(spool.length).toBe(n)
    // Past one chunk the full chunks are on disk; within one, nothing touches the disk.
    expect(filesIn(dir)).toHaveLength(n > CHUNK_ITEMS ? 1 : 0)
    expect(spool.small).toBe(n <= CHUNK_ITEMS)
    expect([...spool]).toEqual(items)
    expect([...spool]).toEqual(items) // iterating does not take
    const got = [...spool]
    expect(Object.is(got.at(-1)?.negativeZero, -0) || n === 0).toBe(true)
    expect(got.every((x) => Number.isNaN(x.nan) && 'missing' in x)).toBe(true)

    if (n > CHUNK_ITEMS) {
      const handed = handOver(spool)
      // What a reader on the ingesting thread gets: the file and its chunks, all of them there.
      expect(handed.chunks).toHaveLength(Math.ceil(n / CHUNK_ITEMS))
      const list = new SpooledList(handed, (x: unknown) => x, 'f.xls')
      expect(list.length).toBe(n)
      area.dispose() // the area no longer owns a handed-over file
      expect(filesIn(dir)).toHaveLength(1)
      expect([...list]).toEqual(items)
      expect(filesIn(dir)).toEqual([]) // the reader removes it once read
      expect(() => [...list]).toThrow(/disposed/)
    }
  })

  it('a reader that stops early leaves the file until it is disposed; a short or foreign file is an error, never a short list', () => {
    const dir = join(tempDir(), '.spool')
    const area = new SpoolArea(dir)
    const spool = area.spool<number>()
    for (let i = 0; i < 2 * CHUNK_ITEMS + 5; i++) spool.push(i)
    const handed = handOver(spool)
    const list = new SpooledList(handed, aNumber, 'f.xls')
    for (const x of list) if (x > 10) break
    expect(filesIn(dir)).toHaveLength(1)
    list.dispose()
    expect(filesIn(dir)).toEqual([])
    expect(() => [...list]).toThrow(/disposed/)

    const other = area.spool<string>()
    for (let i = 0; i < CHUNK_ITEMS + 1; i++) other.push(`x${i}`)
    const ref = handOver(other)
    const wrongShape = new SpooledList(ref, aNumber, 'f.xls')
    expect(() => [...wrongShape]).toThrow(/unexpected shape/)
    const tooLong = new SpooledList({ ...ref, length: CHUNK_ITEMS + 2 }, (x: unknown) => x, 'f.xls')
    expect(() => [...tooLong]).toThrow(/written/)
    const pastTheEnd = new SpooledList({ ...ref, chunks: [...ref.chunks, 100] }, (x: unknown) => x, 'f.xls')
    expect(() => [...pastTheEnd]).toThrow(/early/)
  })

  it('keeps every spool of an area apart and removes them together', () => {
    const dir = join(tempDir(), '.spool')
    const area = new SpoolArea(dir)
    const a = area.spool<string>()
    const b = area.spool<string>()
    for (let i = 0; i < CHUNK_ITEMS + 1; i++) {
      a.push(`a${i}`)
      b.push(`b${i}`)
    }
    expect(filesIn(dir)).toHaveLength(2)
    expect([...a].every((s) => s.startsWith('a'))).toBe(true)
    expect([...b].every((s) => s.startsWith('b'))).toBe(true)
    area.dispose()
    expect(filesIn(dir)).toEqual([])
  })

  it('without a directory keeps everything in memory, however long', () => {
    const spool = new SpoolArea(null).spool<number>()
    for (let i = 0; i < 3 * CHUNK_ITEMS; i++) spool.push(i)
    expect(spool.small).toBe(false)
    expect([...spool]).toHaveLength(3 * CHUNK_ITEMS)
    expect(inMemorySpool([1, 2, 3]).drain()).toEqual([1, 2, 3])
  })
})
