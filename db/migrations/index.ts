import type { Migration } from '../../src/db/migrate.ts'
import { m0001 } from './0001-foundation.ts'

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: Migration[] = [m0001]
