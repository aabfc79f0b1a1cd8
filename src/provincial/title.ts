/**
 * Title, period and province of a provincial table (docs/provincial-exports.md §0.5, §0.11).
 *
 * The rows above the header hold the parent unit in capitals ("UBND TỈNH THANH HÓA", or blank), the
 * national motto, the title ("THEO DÕI … - THEO QUYẾT ĐỊNH SỐ 766/QĐ-TTg ngày 23/06/2022", with JSX
 * whitespace) and usually the period "(Từ ngày DD/MM/YYYY đến ngày DD/MM/YYYY )", often in the same
 * cell after a line break. T3 and T4 have no period line.
 *
 * Period: the title's range first; else a period token an analyst put in the file name ("…-2025-Q3",
 * "…-2025-08", "…-2025"). The vendor's own file-name stamp "<title> D/M/YYYY H:M" is the *export*
 * time, not the period the user picked on screen, and the decision's date "766/QĐ-TTg ngày 23/06/2022"
 * is not a period either: both are removed before the file name is read. Otherwise the file is
 * rejected with naming advice.
 *
 * Province: the "UBND TỈNH …" title row; else the portal code the units' e-ID codes end with
 * ("000.00.12.H56" -> H56 = Thanh Hóa); else the `province` key of qd766.config.json (the office's own
 * province); else the file is rejected with a message saying to set it.
 */
import type { Config } from '../config/config.ts'
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import { cellText } from '../pipeline/cells.ts'
import type { Row } from '../read/types.ts'
import { factsFromFileName, factsFromText, type Period } from '../reference/period.ts'
import type { Cohort, Province, ProvinceRegistry } from '../reference/provinces.ts'
import { stripAccents } from '../text/normalize.ts'
import { provinceOfEid } from './units.ts'

/** The distinct texts of the title rows, in order (a merged title fills many cells with one text). */
export function titleLines(rows: Row[]): string[] {
  const out: string[] = []
  for (const r of rows) {
    for (const c of r.cells) {
      const t = cellText(c ?? null)
      if (t !== null && !out.includes(t)) out.push(t)
    }
  }
  return out
}

const MOTTO = /cong hoa xa hoi chu nghia viet nam|doc lap\s*-?\s*tu do\s*-?\s*hanh phuc/

/** The title proper: the lines that are neither the motto nor the parent unit. */
export function tableTitle(lines: string[]): string | null {
  const keep = lines.filter((l) => {
    const k = stripAccents(l).toLowerCase()
    return !MOTTO.test(k) && !/^(?:ubnd|uy ban nhan dan)\b/.test(k)
  })
  return keep.length ? keep.join(' ') : null
}

/** Removes tokens of a file name that look like dates but are not the period. */
export function periodFreeFileName(fileName: string): string {
  return (
    fileName
      .normalize('NFC')
      // the decision: "766/QĐ-TTg ngày 23/06/2022" ("/" sanitised to "_" or "-" by the browser)
      .replace(
        /766\s*[/_-]?\s*q[đd]\s*[-_]?\s*ttg\s*(?:ng[àa]y)?\s*\d{1,2}\s*[/_.-]\s*\d{1,2}\s*[/_.-]\s*\d{4}/gi,
        ' ',
      )
      // the exporter's stamp "D/M/YYYY H:M" at the end of the name
      .replace(
        /\s\d{1,2}[/_.-]\d{1,2}[/_.-]\d{4}\s+\d{1,2}[_:h.-]\d{1,2}(?=\s*(?:[([][^)\]]*[)\]]\s*)*(?:\.[a-z0-9]+)?$)/i,
        ' ',
      )
  )
}

export interface ProvincialPeriod {
  period: Period
  asOf: string | null
  /** Where it came from, for the reading's record. */
  source: 'title' | 'file-name'
}

export function provincialPeriod(
  lines: string[],
  fileName: string,
  family: { key: string; label: string },
): ProvincialPeriod {
  const text = lines.join('\n')
  const fromTitle = factsFromText(text)
  if (fromTitle.period) {
    return { period: fromTitle.period, asOf: fromTitle.asOf, source: 'title' }
  }
  const range =
    /t[ừu]\s*ng[àa]y\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*(?:đến|den|-|–)\s*(?:ng[àa]y\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/i.exec(
      stripAccents(text),
    )
  const fromName = factsFromFileName(periodFreeFileName(fileName))
  if (fromName.period) {
    const asOf = fromName.asOf
    if (asOf && asOf < fromName.period.start) {
      throw new QdError('bad-period', t('prov.as-of-before-period', { period: fromName.period.id, asOf }), {
        expected: t('prov.date-on-or-after', { date: fromName.period.start }),
        found: asOf,
      })
    }
    return { period: fromName.period, asOf, source: 'file-name' }
  }
  if (range) {
    // every group of the pattern is mandatory, so the defaults never apply
    const [rangeText, d1 = '', m1 = '', y1 = '', d2 = '', m2 = '', y2 = ''] = range
    const pad = (s: string) => s.padStart(2, '0')
    const from = `${y1}-${pad(m1)}-${pad(d1)}`
    const to = `${y2}-${pad(m2)}-${pad(d2)}`
    throw new QdError('bad-period', t('prov.range-not-period', { range: rangeText, from, to }), {
      expected: t('prov.range-not-period.expected'),
      found: rangeText,
    })
  }
  throw new QdError('missing-period', t('prov.no-period', { table: family.label, key: family.key }), {
    expected: t('prov.no-period.expected'),
    found: fileName,
  })
}

const PARENT = /^(?:ubnd|uy ban nhan dan)\s+(?:tinh|thanh pho|tp)\b/

export interface ProvinceChoice {
  province: Province
  source: 'title' | 'eid-code' | 'config'
  /** The title named another province than the configuration (a finding). */
  configDisagrees: string | null
}

export function resolveProvincialProvince(
  lines: string[],
  eidCodes: Iterable<string>,
  cohort: Cohort,
  registry: ProvinceRegistry,
  config: Config,
): ProvinceChoice {
  const fromConfig = () => {
    const v = config.province
    if (v === undefined) return null
    const p = registry.resolve(cohort, v)
    if (!p) {
      throw new QdError('unknown-province', t('prov.config-province-unknown', { value: v, cohort }), {
        expected: t('prov.config-province-unknown.expected', { cohort }),
        found: v,
      })
    }
    return p
  }
  for (const line of lines) {
    if (!PARENT.test(stripAccents(line).toLowerCase())) continue
    const p = registry.resolve(cohort, line)
    if (p) {
      const c = config.province === undefined ? null : registry.resolve(cohort, config.province)
      return {
        province: p,
        source: 'title',
        configDisagrees: c && c.code !== p.code ? c.name : null,
      }
    }
  }
  const fromCodes = new Map<string, Province>()
  for (const code of eidCodes) {
    const p = provinceOfEid(registry, code, cohort)
    if (p) fromCodes.set(p.code, p)
  }
  const [only, ...others] = fromCodes.values()
  if (only && others.length === 0) {
    const c = config.province === undefined ? null : registry.resolve(cohort, config.province)
    return { province: only, source: 'eid-code', configDisagrees: c && c.code !== only.code ? c.name : null }
  }
  const p = fromConfig()
  if (p) return { province: p, source: 'config', configDisagrees: null }
  throw new QdError('unknown-province', t('prov.no-province'), { expected: t('prov.no-province.expected') })
}
