/**
 * Everything SQLite-specific lives here: opening the file with the pragmas we rely on, the
 * BEGIN IMMEDIATE write transaction, online backup and integrity checks. Query *building* goes
 * through kysely everywhere else so that a second dialect (PostgreSQL) can be added by replacing
 * this module.
 *
 * Why a synchronous executor beside kysely: better-sqlite3 transactions must not span an `await`
 * (docs/engineering-notes.md §3), but kysely's API is async. We compile kysely queries (a pure, synchronous
 * step) and run the compiled SQL on the better-sqlite3 handle inside `.immediate()` transactions.
 */
import BetterSqlite3 from 'better-sqlite3'
import { type Compilable, type CompiledQuery, type Insertable, Kysely, SqliteDialect } from 'kysely'
import type { Database } from './schema.ts'

export interface OpenOptions {
  readonly?: boolean
  /** ms to wait on a locked database before SQLITE_BUSY. */
  busyTimeoutMs?: number
}

export class Store {
  readonly raw: BetterSqlite3.Database
  readonly db: Kysely<Database>
  readonly path: string
  readonly #statements = new Map<string, BetterSqlite3.Statement>()
  readonly #inserts = new Map<string, BetterSqlite3.Statement>()

  constructor(path: string, opts: OpenOptions = {}) {
    this.path = path
    this.raw = new BetterSqlite3(path, {
      readonly: opts.readonly ?? false,
      fileMustExist: opts.readonly ?? false,
      timeout: opts.busyTimeoutMs ?? 10_000,
    })
    if (!opts.readonly) {
      // WAL: readers (analysts' tools) never block the nightly writer and vice versa.
      this.raw.pragma('journal_mode = WAL')
      // FULL: an acknowledged (archived) file must survive a power cut, since we moved it out of
      // the inbox after commit. Commits that only need to survive a crash of the process (the
      // files of a group commit, whose moves wait for the group's durable commit) say so: tx(fn,
      // { durable: false }).
      this.raw.pragma('synchronous = FULL')
    }
    this.raw.pragma('foreign_keys = ON')
    this.db = new Kysely<Database>({ dialect: new SqliteDialect({ database: this.raw }) })
  }

  /**
   * Runs fn in one BEGIN IMMEDIATE transaction; fn must be synchronous (no await inside).
   *
   * `durable: false` commits without waiting for the disk (synchronous=NORMAL for this commit): the
   * commit survives the process being killed (it is in the WAL, which the operating system holds)
   * but may roll back after a power cut, until the next durable commit, which syncs the whole WAL
   * and with it every commit before it. Nothing the outside world acts on (a file moved out of
   * work/) may follow such a commit before a durable one (src/ingest/group-commit.ts).
   */
  tx<T>(fn: () => T, opts: { durable?: boolean } = {}): T {
    if (opts.durable !== false || this.raw.inTransaction) return this.raw.transaction(fn).immediate()
    this.raw.pragma('synchronous = NORMAL')
    try {
      return this.raw.transaction(fn).immediate()
    } finally {
      this.raw.pragma('synchronous = FULL')
    }
  }

  #prepare(q: CompiledQuery): BetterSqlite3.Statement {
    let stmt = this.#statements.get(q.sql)
    if (!stmt) {
      stmt = this.raw.prepare(q.sql)
      this.#statements.set(q.sql, stmt)
    }
    return stmt
  }

  /** The cached statement of a compiled read, typed with the rows kysely says the query returns. */
  #prepareRead<R>(q: CompiledQuery<R>): BetterSqlite3.Statement<unknown[], R> {
    // The one place a statement's row type is asserted: the SQL is kysely's compilation of a query
    // whose result type is R, and the cache keeps statements of every row type under their SQL.
    return this.#prepare(q) as BetterSqlite3.Statement<unknown[], R>
  }

  /** Executes a write synchronously; returns lastInsertRowid and changes. */
  run(q: Compilable): { lastInsertRowid: number; changes: number } {
    const compiled = q.compile()
    const r = this.#prepare(compiled).run(...compiled.parameters)
    return { lastInsertRowid: Number(r.lastInsertRowid), changes: r.changes }
  }

  /**
   * Inserts one row through a prepared statement cached per table and column list. For the hot
   * loops of a load (tens of thousands of facts per file): compiling a kysely query per row costs
   * more than SQLite's insert itself. Table and column names come from our code, never from data.
   */
  insert<T extends keyof Database & string>(table: T, values: Insertable<Database[T]>): number {
    const entries = Object.entries(values)
    const cols = entries.map(([c]) => c)
    const key = `${table}|${cols.join(',')}`
    let stmt = this.#inserts.get(key)
    if (!stmt) {
      stmt = this.raw.prepare(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      )
      this.#inserts.set(key, stmt)
    }
    return Number(stmt.run(...entries.map(([, v]) => v ?? null)).lastInsertRowid)
  }

  /**
   * Inserts many rows of the same columns, up to 64 in one statement (cached per table, column list
   * and row count): a provincial load stores ~20 rows per unit, and one statement per row costs
   * more in binding and stepping than the rows themselves. Names come from our code, never data.
   */
  insertRows<T extends keyof Database & string>(
    table: T,
    columns: ReadonlyArray<keyof Database[T] & string>,
    rows: ReadonlyArray<ReadonlyArray<unknown>>,
  ): void {
    for (let start = 0; start < rows.length; start += 64) {
      const n = Math.min(64, rows.length - start)
      const key = `${table}|${columns.join(',')}|${n}`
      let stmt = this.#inserts.get(key)
      if (!stmt) {
        const one = `(${columns.map(() => '?').join(', ')})`
        stmt = this.raw.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array(n).fill(one).join(', ')}`,
        )
        this.#inserts.set(key, stmt)
      }
      const params: unknown[] = []
      for (const row of rows.slice(start, start + n)) for (const v of row) params.push(v ?? null)
      stmt.run(...params)
    }
  }

  /**
   * A kysely query compiled once, to run many times with other parameters (in the order the query
   * binds them): for hot loops, where compiling per call costs more than SQLite's work.
   */
  compiled(q: Compilable): BetterSqlite3.Statement {
    return this.#prepare(q.compile())
  }

  /** Executes a read synchronously. */
  all<T>(q: Compilable<T>): T[] {
    const compiled = q.compile()
    return this.#prepareRead(compiled).all(...compiled.parameters)
  }

  first<T>(q: Compilable<T>): T | undefined {
    const compiled = q.compile()
    return this.#prepareRead(compiled).get(...compiled.parameters)
  }

  integrityCheck(): string[] {
    return integrityCheck(this.raw)
  }

  /** SQLite's data_version: changes when another connection commits (a cheap "anything new?"). */
  dataVersion(): number {
    const row = this.raw.prepare<[], { data_version: number }>('PRAGMA data_version').get()
    if (row === undefined) throw new Error('internal: PRAGMA data_version returned no row')
    return row.data_version
  }

  /** Online backup: consistent even while another process writes (never copy the live file). */
  async backup(destination: string, onProgress?: (done: number, total: number) => void): Promise<void> {
    await this.raw.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages)
        return 200
      },
    })
  }

  async close(): Promise<void> {
    this.#statements.clear()
    this.#inserts.clear()
    await this.db.destroy()
    if (this.raw.open) this.raw.close()
  }
}

/** PRAGMA integrity_check's lines ("ok" when the file is sound), of any open database handle. */
export function integrityCheck(raw: BetterSqlite3.Database): string[] {
  return raw
    .prepare<[], { integrity_check: string }>('PRAGMA integrity_check')
    .all()
    .map((r) => r.integrity_check)
}

/**
 * Read-only guard for `qd766 query`: a statement is accepted only if SQLite itself says it does
 * not write (`stmt.readonly`), and the connection is opened read-only as a second fence.
 */
export function prepareReadOnly(raw: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  const stmt = raw.prepare(sql)
  if (!stmt.readonly)
    throw new Error('only read-only statements (SELECT, WITH ... SELECT, EXPLAIN) are allowed')
  return stmt
}
