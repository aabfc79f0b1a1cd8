/**
 * A minimal zip (xlsx container) reader over a file descriptor: the central directory, and entries
 * as size-checked inflated streams.
 *
 * Why our own instead of letting exceljs/unzipper walk the local headers: the central directory is
 * the only place that says, before anything is inflated, how big the content claims to be (zip-bomb
 * check), where each part is (merged ranges live at the END of a sheet and must be read before its
 * rows) and whether the file is complete at all (a truncated download has no central directory).
 * Entries are inflated with a hard cap at the declared size, so a lying header cannot blow up
 * memory either.
 */
import { createReadStream } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { Transform, type TransformCallback } from 'node:stream'
import * as zlib from 'node:zlib'
import { createInflateRaw } from 'node:zlib'
import { errorMessage, QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'

export interface ZipEntry {
  /** Path inside the zip, as stored ("xl/worksheets/sheet1.xml"). */
  name: string
  /** 0 = stored, 8 = deflate. */
  method: number
  flags: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

export interface ZipDirectory {
  entries: ZipEntry[]
  /** Lower-cased name -> entry (OOXML part names are case-insensitive). */
  byName: Map<string, ZipEntry>
  /** Sum of declared uncompressed sizes. */
  totalUncompressed: number
}

const SIG_EOCD = 0x06054b50
const SIG_EOCD64 = 0x06064b50
const SIG_EOCD64_LOCATOR = 0x07064b50
const SIG_CENTRAL = 0x02014b50
const SIG_LOCAL = 0x04034b50

/** The message of a damaged zip (in the current language); what was wrong goes in `found`. */
export const corruptZipMessage = (): string => t('read.zip.corrupt')

function corrupt(detail: string): QdError {
  return new QdError('corrupt-file', corruptZipMessage(), { found: detail })
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length)
  let done = 0
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done)
    if (bytesRead === 0) break
    done += bytesRead
  }
  if (done < length) throw corrupt(t('read.zip.eof', { at: position + done }))
  return buf
}

/** Reads and validates the central directory. Throws QdError('corrupt-file') when it is unusable. */
export async function readZipDirectory(fh: FileHandle, fileSize: number): Promise<ZipDirectory> {
  if (fileSize < 22) throw corrupt(t('read.zip.too-short'))
  const tailLen = Math.min(fileSize, 22 + 0xffff)
  const tailStart = fileSize - tailLen
  const tail = await readAt(fh, tailStart, tailLen)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw corrupt(t('read.zip.no-eocd'))

  let count = tail.readUInt16LE(eocd + 10)
  let cdSize = tail.readUInt32LE(eocd + 12)
  let cdOffset = tail.readUInt32LE(eocd + 16)
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Zip64: the real values are in the zip64 end record, found through the locator just before.
    const loc = eocd - 20
    if (loc < 0 || tail.readUInt32LE(loc) !== SIG_EOCD64_LOCATOR)
      throw corrupt(t('read.zip.no-zip64-locator'))
    const rec64Offset = Number(tail.readBigUInt64LE(loc + 8))
    if (rec64Offset + 56 > fileSize) throw corrupt(t('read.zip.zip64-outside'))
    const rec = await readAt(fh, rec64Offset, 56)
    if (rec.readUInt32LE(0) !== SIG_EOCD64) throw corrupt(t('read.zip.zip64-signature'))
    count = Number(rec.readBigUInt64LE(32))
    cdSize = Number(rec.readBigUInt64LE(40))
    cdOffset = Number(rec.readBigUInt64LE(48))
  }
  if (cdOffset + cdSize > fileSize || cdSize < count * 46) throw corrupt(t('read.zip.cd-outside'))

  const cd = await readAt(fh, cdOffset, cdSize)
  const entries: ZipEntry[] = []
  const byName = new Map<string, ZipEntry>()
  let totalUncompressed = 0
  let p = 0
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt(t('read.zip.cd-entry', { n }))
    const flags = cd.readUInt16LE(p + 8)
    const method = cd.readUInt16LE(p + 10)
    const crc32 = cd.readUInt32LE(p + 16)
    let compressedSize = cd.readUInt32LE(p + 20)
    let uncompressedSize = cd.readUInt32LE(p + 24)
    const nameLen = cd.readUInt16LE(p + 28)
    const extraLen = cd.readUInt16LE(p + 30)
    const commentLen = cd.readUInt16LE(p + 32)
    let localHeaderOffset = cd.readUInt32LE(p + 42)
    const end = p + 46 + nameLen + extraLen + commentLen
    if (end > cd.length) throw corrupt(t('read.zip.cd-entry-overruns', { n }))
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen)
    if (
      uncompressedSize === 0xffffffff ||
      compressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      // Zip64 extended information extra field (id 1): only the saturated fields are present, in order.
      let e = p + 46 + nameLen
      const extraEnd = e + extraLen
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e)
        const size = cd.readUInt16LE(e + 2)
        if (id === 1) {
          let q = e + 4
          if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
            uncompressedSize = Number(cd.readBigUInt64LE(q))
            q += 8
          }
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
            compressedSize = Number(cd.readBigUInt64LE(q))
            q += 8
          }
          if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) {
            localHeaderOffset = Number(cd.readBigUInt64LE(q))
          }
          break
        }
        e += 4 + size
      }
    }
    const entry: ZipEntry = {
      name,
      method,
      flags,
      crc32,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    }
    if (localHeaderOffset + 30 + compressedSize > cdOffset) {
      throw corrupt(t('read.zip.past-data', { name }))
    }
    entries.push(entry)
    byName.set(name.toLowerCase(), entry)
    totalUncompressed += uncompressedSize
    p = end
  }
  return { entries, byName, totalUncompressed }
}

/**
 * Byte offset where the entry's (compressed) data starts, read from its local header. Also rejects
 * entries we cannot read (encrypted, exotic compression) before any streaming starts.
 */
export async function locateEntryData(fh: FileHandle, entry: ZipEntry): Promise<number> {
  checkSupported(entry)
  const h = await readAt(fh, entry.localHeaderOffset, 30)
  if (h.readUInt32LE(0) !== SIG_LOCAL) throw corrupt(t('read.zip.local-header', { name: entry.name }))
  return entry.localHeaderOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28)
}

function checkSupported(entry: ZipEntry): void {
  if (entry.flags & 1) {
    throw new QdError('corrupt-file', t('read.encrypted'), {
      found: t('read.encrypted-entry.found', { name: entry.name }),
    })
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw corrupt(t('read.zip.method', { method: entry.method, name: entry.name }))
  }
}

/**
 * Counts bytes, fails past the declared size (a lying header) and checks length and CRC at the end
 * (a damaged file must be rejected, not half-read).
 */
class EntryCheck extends Transform {
  private seen = 0
  private crc = 0
  private readonly hasCrc = typeof (zlib as { crc32?: unknown }).crc32 === 'function'

  constructor(private readonly entry: ZipEntry) {
    super()
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.seen += chunk.length
    if (this.seen > this.entry.uncompressedSize) {
      cb(corrupt(t('read.zip.inflates-past', { name: this.entry.name, size: this.entry.uncompressedSize })))
      return
    }
    if (this.hasCrc) this.crc = zlib.crc32(chunk, this.crc)
    cb(null, chunk)
  }

  override _flush(cb: TransformCallback): void {
    if (this.seen !== this.entry.uncompressedSize) {
      cb(
        corrupt(
          t('read.zip.size-mismatch', {
            name: this.entry.name,
            got: this.seen,
            declared: this.entry.uncompressedSize,
          }),
        ),
      )
      return
    }
    if (this.hasCrc && this.crc >>> 0 !== this.entry.crc32 >>> 0) {
      cb(corrupt(t('read.zip.crc', { name: this.entry.name })))
      return
    }
    cb()
  }
}

/**
 * The entry's uncompressed bytes. Every failure (truncated data, bad deflate stream, size or CRC
 * mismatch) is thrown as a QdError('corrupt-file'). Opens its own read stream, so the caller's file
 * handle may be closed already.
 */
export async function* entryChunks(path: string, dataStart: number, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.compressedSize === 0) {
    if (entry.uncompressedSize !== 0) throw corrupt(t('read.zip.no-data', { name: entry.name }))
    return
  }
  const raw = createReadStream(path, {
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
    highWaterMark: 256 * 1024,
  })
  const check = new EntryCheck(entry)
  const onError = (err: Error) => check.destroy(err instanceof QdError ? err : corrupt(err.message))
  raw.on('error', onError)
  if (entry.method === 8) {
    const inflate = createInflateRaw({ chunkSize: 128 * 1024 })
    inflate.on('error', onError)
    raw.pipe(inflate).pipe(check)
  } else {
    raw.pipe(check)
  }
  try {
    for await (const chunk of check) yield chunk as Buffer
  } catch (err) {
    throw err instanceof QdError ? err : corrupt(errorMessage(err))
  } finally {
    raw.destroy()
    check.destroy()
  }
}

/** Whole entry in memory (for the small workbook parts). */
export async function readEntry(path: string, dataStart: number, entry: ZipEntry): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const chunk of entryChunks(path, dataStart, entry)) parts.push(chunk)
  return Buffer.concat(parts)
}
