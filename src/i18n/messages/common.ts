import type { Catalog } from '../catalog.ts'

/** Words used all over: levels, sources, exit-code descriptions. */
export const common = {
  'common.yes': { vi: 'có', en: 'yes' },
  'common.no': { vi: 'không', en: 'no' },
  'common.none': { vi: '(không có)', en: '(none)' },
  'common.rows': {
    vi: (p: { n: string }) => `${p.n} dòng`,
    en: (p: { n: string }) => `${p.n} rows`,
  },
} satisfies Catalog
