import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { QdError } from '../../src/errors.ts'
import { setLang } from '../../src/i18n/index.ts'
import { computeUnit } from '../../src/score/compute.ts'
import {
  GROUPS,
  loadMethodologies,
  loadMethodologiesFrom,
  METHODOLOGY_DIR,
  methodologyById,
  methodologyFor,
  metricsOf,
  parseMethodology,
  toFiveGroups,
} from '../../src/score/methodology.ts'

const TMP = join(import.meta.dirname, '..', '.tmp', `methodology-${process.pid}`)
afterAll(() => rmSync(TMP, { recursive: true, force: true }))

const v2025Json = () => JSON.parse(readFileSync(join(METHODOLOGY_DIR, 'v2025.json'), 'utf8'))

function writeVersions(name: string, docs: unknown[]): string {
  const dir = join(TMP, name)
  mkdirSync(dir, { recursive: true })
  docs.forEach((d, i) => {
    writeFileSync(join(dir, `v${i}.json`), JSON.stringify(d))
  })
  return dir
}

function expectQdError(fn: () => unknown, code: string, column?: string): QdError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(QdError)
    const e = err as QdError
    expect(e.code).toBe(code)
    if (column !== undefined) expect(e.location.column).toBe(column)
    return e
  }
  throw new Error('expected a QdError')
}

describe('shipped versions', () => {
  it('are v2022-5group then v2025, back to back at the 34-province change', () => {
    const list = loadMethodologies()
    expect(list.map((m) => [m.id, m.effectiveFrom, m.effectiveTo])).toEqual([
      ['v2022-5group', '2022-08-01', '2025-06-30'],
      ['v2025', '2025-07-01', null],
    ])
  })

  it('v2022-5group is group level only (no formulas invented for that period)', () => {
    const m = methodologyById('v2022-5group')
    expect(m.metrics).toEqual([])
    expect(m.presentation).toBe('five-group')
  })

  // docs/methodology.md §3, typed in by hand: group, code, max, rule, threshold, zero-denominator policy.
  const TABLE: Array<[string, string, number, string, number | null, string]> = [
    ['CKMB', 'PUBLISH_ON_TIME', 6, 'linear', null, 'null'],
    ['CKMB', 'PUBLIC_UPDATE_ON_TIME', 4, 'linear', null, 'null'],
    ['CKMB', 'PUBLIC_CONTENT_FULL', 2, 'linear', null, 'null'],
    ['CKMB', 'DOSSIER_SYNC', 6, 'linear', null, 'null'],
    ['TDGQ', 'DOSSIER_ON_TIME', 20, 'linear', null, 'zero'],
    ['CLGQ', '3.1', 2, 'threshold', 0.8, 'zero'],
    ['CLGQ', '3.2', 4, 'linear', null, 'zero'],
    ['CLGQ', '3.3', 6, 'threshold', 0.5, 'zero'],
    ['TTTT', '3.5', 2, 'threshold', 0.8, 'zero'],
    ['TTTT', '3.5b', 2, 'threshold', 0.8, 'zero'],
    ['TTTT', '3.6', 6, 'linear', null, 'zero'],
    ['MDHL', 'PETITION_PROCESSING_ON_TIME', 6, 'linear', null, 'full'],
    ['MDHL', 'PETITION_HANDLING_SATISFACTION', 6, 'linear', null, 'full'],
    ['MDHL', 'DOSSIER_RECEIVING_SATISFACTION', 6, 'threshold', 0.9, 'zero'],
    ['MDHL', 'PETITION_CLASSIFICATION_TTHC', 0, 'tracked', null, 'null'],
    ['MDHL', 'PETITION_CLASSIFICATION_STAFF', 0, 'tracked', null, 'null'],
    ['MDSH', 'ORIGINAL_RESULT_AVAILABLE', 6, 'linear', null, 'null'],
    ['MDSH', 'SO_HOA_GIAY_TO_GIAI_QUYET', 4, 'linear', null, 'null'],
    ['MDSH', 'REUSED_DIGITIZED_DATA', 2, 'threshold', 0.8, 'null'],
    ['MDSH', 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE', 4, 'linear', null, 'null'],
    ['MDSH', 'CITIZEN_DATA_CONNECTED_DOSSIER', 2, 'linear', null, 'null'],
    ['MDSH', 'CITIZEN_DATA_CONNECTED_FORMALITY', 2, 'linear', null, 'null'],
    ['MDSH', 'ELECTRONIC_CERTIFIED_COPY', 2, 'linear', null, 'full'],
  ]
  const v2025 = methodologyById('v2025')
  for (const [group, code, max, type, t, zero] of TABLE) {
    it(`v2025 ${group} ${code}: ${type}${t ? ` ${t}` : ''} of ${max}, d = 0 -> ${zero}`, () => {
      const x = v2025.metrics.find((y) => y.code === code)
      expect(x).toBeDefined()
      expect([
        x!.group,
        x!.max,
        x!.rule.type,
        x!.rule.type === 'threshold' ? x!.rule.t : null,
        x!.zeroDenominator,
      ]).toEqual([group, max, type, t, zero])
    })
  }
  it('v2025 has exactly the metrics of §3, and only the CLGQ split is an estimate', () => {
    expect(v2025.metrics.map((x) => x.code).sort()).toEqual(TABLE.map((r) => r[1]).sort())
    expect(v2025.metrics.filter((x) => x.estimate).map((x) => x.code)).toEqual(['3.1', '3.2', '3.3'])
  })

  it('groups are CKMB 18, TDGQ 20, CLGQ 12, TTTT 10, MDHL 18, MDSH 22 in every version, as src/reference/groups.ts says', () => {
    for (const m of loadMethodologies()) {
      expect(m.groups.map((g) => [g.code, g.max])).toEqual(GROUPS.map((g) => [g.code, g.max]))
    }
  })

  it('the five-group form shows CLGQ + TTTT as DVCTT out of 22', () => {
    const dv = v2025.fiveGroupForm.find((f) => f.code === 'DVCTT')!
    expect([dv.members, dv.max, dv.name]).toEqual([['CLGQ', 'TTTT'], 22, 'Dịch vụ công trực tuyến'])
    expect(
      toFiveGroups(v2025, { CKMB: 11.85, TDGQ: 17.72, CLGQ: 8.97, TTTT: 6.69, MDHL: 11.18, MDSH: 9.08 }),
    ).toEqual({
      CKMB: 11.85,
      TDGQ: 17.72,
      DVCTT: 15.66,
      MDHL: 11.18,
      MDSH: 9.08,
    })
    expect(toFiveGroups(v2025, { CLGQ: 8.97, TTTT: null }).DVCTT).toBeNull()
  })

  it('metricsOf lists a group in file order', () => {
    expect(metricsOf(v2025, 'TTTT').map((x) => x.code)).toEqual(['3.5', '3.5b', '3.6'])
  })
})

describe('methodologyFor / methodologyById', () => {
  const cases: Array<[string, string]> = [
    ['2022-08-01', 'v2022-5group'],
    ['2024-08-15', 'v2022-5group'],
    ['2025-06-30', 'v2022-5group'],
    ['2025-07-01', 'v2025'],
    ['2026-10-10T08:00:00+07:00', 'v2025'],
  ]
  for (const [date, id] of cases) it(`${date} -> ${id}`, () => expect(methodologyFor(date).id).toBe(id))

  it('before the index existed there is no methodology', () => {
    expectQdError(() => methodologyFor('2022-07-31'), 'bad-period')
  })
  it('a non-date is a bad-period error', () => {
    expectQdError(() => methodologyFor('05/10/2026'), 'bad-period')
    expectQdError(() => methodologyFor('2026-02-30'), 'bad-period')
  })
  it('an unknown id is reported with the known ones', () => {
    const e = expectQdError(() => methodologyById('v1999'), 'bad-value')
    expect(e.message).toContain('v2025')
  })
})

describe('a version switch is a data change only', () => {
  // A hypothetical later version that applies the operator's "3.3 × sync rate" and lowers the 3.3
  // threshold: nothing but JSON differs between the two versions.
  const v2025 = v2025Json()
  const v2026 = structuredClone(v2025)
  v2025.effective_to = '2026-06-30'
  v2026.id = 'v2026-sync'
  v2026.effective_from = '2026-07-01'
  const m33 = v2026.metrics.find((x: { code: string }) => x.code === '3.3')
  m33.factor = { metric: 'DOSSIER_SYNC' }
  m33.rule = { type: 'threshold', t: 0.6 }
  const dir = writeVersions('switch', [v2025, v2026])
  const list = loadMethodologiesFrom(dir)

  const input = {
    groups: [
      {
        code: 'CKMB' as const,
        metrics: [{ code: 'DOSSIER_SYNC', numerator: 90, denominator: 100 }],
      },
      {
        code: 'CLGQ' as const,
        params: {
          authorityCount: 100,
          partialCount: 50,
          fullCount: 35,
          onlineDossierCount: 485,
          onlineServiceTotal: 2000,
          channelOnlineSum: 300,
          channelTotalSum: 1000,
        },
      },
    ],
  }
  const score33 = (date: string) =>
    computeUnit(methodologyFor(date, list), input).metrics.find((x) => x.code === '3.3')

  it('picks the version by date', () => {
    expect(methodologyFor('2026-06-30', list).id).toBe('v2025')
    expect(methodologyFor('2026-07-01', list).id).toBe('v2026-sync')
  })
  it('3.3 = 6 × 0.30 / 0.5 = 3.6 under v2025', () => {
    expect(score33('2026-06-30')).toMatchObject({ computedScore: 3.6, methodologyVersion: 'v2025' })
  })
  it('3.3 = 6 × (0.30 × 0.90) / 0.6 = 2.7 under the data-only v2026-sync', () => {
    expect(score33('2026-07-01')).toMatchObject({
      computedScore: 2.7,
      methodologyVersion: 'v2026-sync',
      factor: 'DOSSIER_SYNC',
    })
  })
})

describe('seed validation', () => {
  it('rejects overlapping versions', () => {
    const a = v2025Json()
    const b = { ...v2025Json(), id: 'v2026', effective_from: '2026-01-01' }
    expectQdError(
      () => loadMethodologiesFrom(writeVersions('overlap', [a, b])),
      'inconsistent',
      'effective_to',
    )
  })
  it('rejects metric maxima that do not add up to the group maximum, naming the path', () => {
    const doc = v2025Json()
    doc.metrics.find((x: { code: string }) => x.code === '3.6').max = 5
    const e = expectQdError(() => parseMethodology(doc, 'bad.json'), 'bad-value', 'metrics')
    expect(e.message).toContain('TTTT')
  })
  it('rejects unknown keys in our own seed data (a typo must not pass)', () => {
    const doc = v2025Json()
    doc.metrics[0].zeroDenominatr = 'null'
    expectQdError(() => parseMethodology(doc, 'typo.json'), 'bad-value', 'metrics[0]')
  })
  it('rejects a threshold outside (0, 1]', () => {
    const doc = v2025Json()
    doc.metrics.find((x: { code: string }) => x.code === '3.1').rule = { type: 'threshold', t: 80 }
    expectQdError(() => parseMethodology(doc, 'pct.json'), 'bad-value', 'metrics[5].rule.t')
  })
  it('rejects a five-group form whose DVCTT is not CLGQ + TTTT', () => {
    const doc = v2025Json()
    doc.fiveGroupForm[2].max = 20
    expectQdError(() => parseMethodology(doc, 'five.json'), 'bad-value', 'fiveGroupForm[2].max')
  })
  it('reports a file that is not JSON as corrupt', () => {
    const dir = join(TMP, 'corrupt')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'v.json'), '{ "id": ')
    expectQdError(() => loadMethodologiesFrom(dir), 'corrupt-file')
  })
})

describe('seed validation speaks the language of the run (issue 10 §4)', () => {
  afterAll(() => setLang('vi'))
  // one broken copy of v2025 per check: our own checks and zod's (unknown key, range, enum, type, missing)
  const broken: Array<[string, (d: ReturnType<typeof v2025Json>) => void, RegExp, RegExp]> = [
    [
      'metric maxima',
      (d) => {
        d.metrics.find((x: { code: string }) => x.code === '3.6').max = 5
      },
      /điểm tối đa các chỉ tiêu của TTTT cộng lại là 9, phải bằng điểm tối đa của nhóm \(10\)/,
      /metric maxima of TTTT sum to 9, expected the group max 10/,
    ],
    [
      'group maxima',
      (d) => {
        d.groups[0].max = 18.5
      },
      /cộng lại là 100,5, phải bằng 100/,
      /sum to 100\.5, expected 100/,
    ],
    [
      'five-group max',
      (d) => {
        d.fiveGroupForm[2].max = 20
      },
      /điểm tối đa 20 của DVCTT không bằng tổng/,
      /DVCTT max 20 is not the sum of its members \(22\)/,
    ],
    [
      'tracked max',
      (d) => {
        d.metrics.find((x: { rule: { type: string } }) => x.rule.type === 'tracked').max = 1
      },
      /chỉ để theo dõi nên điểm tối đa/,
      /must have max 0/,
    ],
    [
      'dates',
      (d) => {
        d.effective_from = '2025-13-01'
      },
      /ngày phải viết dạng YYYY-MM-DD/,
      /expected a date written YYYY-MM-DD/,
    ],
    [
      'id',
      (d) => {
        d.id = 'V2025'
      },
      /mã phiên bản viết bằng chữ thường/,
      /expected a lower-case id/,
    ],
    [
      'unknown key',
      (d) => {
        d.metrics[0].zeroDenominatr = 'null'
      },
      /trường không có trong định dạng tệp \(gõ nhầm\?\): zeroDenominatr/,
      /a typo\?\): zeroDenominatr/,
    ],
    [
      'threshold range',
      (d) => {
        d.metrics.find((x: { code: string }) => x.code === '3.1').rule = { type: 'threshold', t: 80 }
      },
      /giá trị phải từ 1 trở xuống/,
      /must be at most 1/,
    ],
    [
      'enum',
      (d) => {
        d.metrics[0].zeroDenominator = 'none'
      },
      /hãy dùng một trong các giá trị: "null", "zero", "full"/,
      /use one of: "null", "zero", "full"/,
    ],
    [
      'type',
      (d) => {
        d.metrics[0].estimate = 'no'
      },
      /sai kiểu dữ liệu, cần true hoặc false/,
      /wrong type, expected true or false/,
    ],
    [
      'missing',
      (d) => {
        delete d.title
      },
      /tại title: thiếu trường bắt buộc này/,
      /at title: this field is required/,
    ],
    [
      'six groups',
      (d) => {
        d.groups.pop()
      },
      /cần đúng 6 mục/,
      /needs exactly 6 items/,
    ],
  ]
  const message = (mutate: (d: ReturnType<typeof v2025Json>) => void) => {
    const doc = v2025Json()
    mutate(doc)
    return expectQdError(() => parseMethodology(doc, 'bad.json'), 'bad-value').message
  }
  it.each(broken)('%s: Vietnamese by default, English with --lang en', (_name, mutate, vi, en) => {
    setLang('vi')
    const inVi = message(mutate)
    expect(inVi).toMatch(/^Tệp phương pháp tính không hợp lệ tại /)
    expect(inVi).toMatch(vi)
    // no English sentence left in the Vietnamese text (codes, keys and JSON values aside)
    expect(inVi).not.toMatch(/\b(?:expected|must|needs|sum|appears|Invalid|Too|received)\b/)
    setLang('en')
    const inEn = message(mutate)
    expect(inEn).toMatch(/^Methodology file is invalid at /)
    expect(inEn).toMatch(en)
  })
})
