/**
 * The ranking as rows of cells (header + one row per province): the terminal table, the CSV the CLI
 * writes and the CSV the web dashboard sends are the same columns from this one function.
 */
import { t } from '../i18n/index.ts'
import { GROUPS } from '../reference/groups.ts'
import type { Ranking } from './ranking.ts'

export type TableCell = string | number | null | undefined

export function rankingTable(r: Ranking): { headers: string[]; rows: TableCell[][] } {
  const five = r.form === 'five'
  const groupHeads = five ? ['CKMB', 'TDGQ', 'DVCTT/22', 'MDHL', 'MDSH'] : GROUPS.map((g) => g.code)
  const headers = [
    t('ranking.h.rank'),
    t('ranking.h.code'),
    t('ranking.h.province'),
    t('ranking.h.total'),
    ...groupHeads,
    t('ranking.h.band'),
    '±',
  ]
  const rows = r.rows.map((row) => {
    const gv = five
      ? [row.groups.CKMB, row.groups.TDGQ, row.online22, row.groups.MDHL, row.groups.MDSH]
      : GROUPS.map((g) => row.groups[g.code])
    const change =
      row.rankChange === null
        ? ''
        : row.rankChange > 0
          ? `↑${row.rankChange}`
          : row.rankChange < 0
            ? `↓${-row.rankChange}`
            : '='
    return [row.rank, row.code, row.name, row.total, ...gv, row.band, change]
  })
  return { headers, rows }
}
