import type { Migration } from '../../src/db/migrate.ts'
import { m0001 } from './0001-foundation.ts'
import { m0002 } from './0002-provincial.ts'
import { m0003 } from './0003-portal-metrics.ts'
import { m0004 } from './0004-latest-ranking-coverage.ts'
import { m0005 } from './0005-ref-methodology.ts'
import { m0006 } from './0006-comparable-snapshots.ts'
import { m0007 } from './0007-parse-attempts.ts'
import { m0008 } from './0008-withdrawals.ts'
import { m0009InboxNotes } from './0009-inbox-notes.ts'
import { m0010RawTexts } from './0010-raw-texts.ts'
import { m0011UnitCells } from './0011-unit-cells.ts'
import { m0012UnitCellTexts } from './0012-unit-cell-texts.ts'
import { m0013PreviousSnapshotLookup } from './0013-previous-snapshot-lookup.ts'

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009InboxNotes,
  m0010RawTexts,
  m0011UnitCells,
  m0012UnitCellTexts,
  m0013PreviousSnapshotLookup,
]
