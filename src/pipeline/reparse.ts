/**
 * A table pipeline reads its rows as they stream and hands each on at once (spool.ts), so a fact
 * learnt late in a sheet cannot change rows already handed on. When one would (a provincial export
 * that shows en-US-mangled counts only after its first rows: every earlier count must then be read
 * as possibly mangled), the pipeline throws ReparseSheet, and parseFile reads the file again with
 * the hint for that sheet, from the start, dropping everything the first reading produced.
 */
export class ReparseSheet extends Error {
  constructor(
    readonly sheet: string,
    readonly hint: string,
  ) {
    super(`sheet ${sheet}: read again with "${hint}"`)
    this.name = 'ReparseSheet'
  }
}
