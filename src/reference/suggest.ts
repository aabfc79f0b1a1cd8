/**
 * "Có phải "Lạng Sơn"?" after an unknown province name, in the reader's language: shared by the
 * ranking-table rejection and every command that takes a province argument.
 */
import { t } from '../i18n/index.ts'
import type { ProvinceRegistry } from './provinces.ts'

export function didYouMean(registry: ProvinceRegistry, cohorts: number[], written: string): string {
  const names: string[] = []
  for (const c of cohorts)
    for (const p of registry.suggest(c, written)) if (!names.includes(p.name)) names.push(p.name)
  const q = names.slice(0, 3).map((n) => `"${n}"`)
  const last = q.pop()
  if (last === undefined) return ''
  const list = q.length === 0 ? last : `${q.join(', ')} ${t('national.or')} ${last}`
  return t('national.did-you-mean', { names: list })
}

/** The message for a province argument no list knows ("qd766 province Lạng Sơm"). */
export function unknownProvinceArg(registry: ProvinceRegistry, cohorts: number[], arg: string): string {
  return t('national.unknown-province-arg', {
    arg,
    suggestions: didYouMean(registry, cohorts, arg),
    example: 'Đắk Lắk',
    code: '66',
  })
}
