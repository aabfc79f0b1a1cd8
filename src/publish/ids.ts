/**
 * Warehouse identity: an id is a hash of a natural key (the office and a file's sha256, a reading's
 * period/as-of/source, ...), never a home's autoincrement id. The same thing published twice, or by
 * two homes, gets the same id; 60 bits keep it a positive bigint with a negligible collision chance.
 */
import { createHash } from 'node:crypto'

export function idOf(...parts: Array<string | number | null>): string {
  const key = parts.map((p) => (p === null ? '\u0000' : String(p))).join('\u001f')
  return BigInt(`0x${createHash('sha256').update(key).digest('hex').slice(0, 15)}`).toString()
}

/** A short content hash of a row (what the publisher compares to find changed rows). */
export function rowHash(row: unknown): string {
  return createHash('sha256').update(JSON.stringify(row)).digest('base64url').slice(0, 22)
}
