import type { Catalog } from '../catalog.ts'

/** The national ranking pipeline and the cell readers every pipeline shares: what is wrong in a file. */
export const pipeline = {
  'cells.expected.number': { vi: 'một số', en: 'a number' },
  'cells.expected.formula': {
    vi: 'một số (ô đang chứa công thức dạng chữ, không phải giá trị: dán lại dạng giá trị)',
    en: 'a number (the cell holds formula text, not a value: paste as values)',
  },
  'cells.expected.decimal': { vi: 'một số như 15,82 hoặc 15.82', en: 'a number such as 15,82 or 15.82' },
  'cells.expected.integer': { vi: 'một số nguyên', en: 'a whole number' },
  'national.score-range': {
    vi: (p: { label: string; max: number }) => `${p.label} phải nằm trong khoảng từ 0 đến ${p.max}`,
    en: (p: { label: string; max: number }) => `${p.label} must be between 0 and ${p.max}`,
  },
  'national.cell-should-hold': {
    vi: (p: { column: string; expected: string }) => `Cột "${p.column}" phải chứa ${p.expected}.`,
    en: (p: { column: string; expected: string }) => `"${p.column}" should hold ${p.expected}.`,
  },
  'national.no-total-nor-groups': {
    vi: (p: { missing: string }) =>
      `Bảng xếp hạng này không có cột "Tổng điểm" cũng không đủ các cột nhóm (thiếu: ${p.missing}).`,
    en: (p: { missing: string }) =>
      `This ranking table has neither a "Tổng điểm" column nor all the group columns (missing: ${p.missing}).`,
  },
  'national.no-total-nor-groups-expected': {
    vi: 'sáu cột nhóm và/hoặc cột "Tổng điểm"',
    en: 'the six group columns and/or "Tổng điểm"',
  },
  'national.declared-max': {
    vi: (p: { letter: string; column: string; declared: number; max: number }) =>
      `Cột ${p.letter} "${p.column}" ghi điểm tối đa là ${p.declared}, nhưng Bộ chỉ số cho nhóm này ${p.max} điểm.`,
    en: (p: { letter: string; column: string; declared: number; max: number }) =>
      `Column ${p.letter} "${p.column}" declares a maximum of ${p.declared}, but the index gives this group ${p.max} points.`,
  },
  'national.no-province-name': {
    vi: 'Dòng này có điểm nhưng không có tên tỉnh.',
    en: 'This row has scores but no province name.',
  },
  'national.no-province-name-expected': {
    vi: 'tên tỉnh, ví dụ "Hà Nội" hoặc "UBND tỉnh Lào Cai"',
    en: 'a province name such as "Hà Nội" or "UBND tỉnh Lào Cai"',
  },
  'national.province-of-other-list': {
    vi: (p: { written: string; other: number; period: string; asOf: string; cohort: number }) =>
      `Không nhận ra tỉnh "${p.written}". "${p.written}" là tỉnh trong danh sách ${p.other} tỉnh, nhưng tệp này là của ${p.period}${p.asOf ? ` (số liệu ngày ${p.asOf})` : ''}, khi danh sách ${p.cohort} tỉnh được áp dụng. Kiểm tra lại kỳ ghi trong tiêu đề hoặc tên tệp.`,
    en: (p: { written: string; other: number; period: string; asOf: string; cohort: number }) =>
      `Unknown province "${p.written}". "${p.written}" is a province of the ${p.other}-province list, but this file is for ${p.period}${p.asOf ? ` (read on ${p.asOf})` : ''}, when the ${p.cohort}-province list applies. Check the period in the title or file name.`,
  },
  'national.total-mismatch': {
    vi: (p: { name: string; reported: string; computed: string }) =>
      `${p.name}: tổng điểm ghi trong bảng ${p.reported} không bằng tổng các nhóm (${p.computed}); giữ tổng điểm ghi trong bảng.`,
    en: (p: { name: string; reported: string; computed: string }) =>
      `${p.name}: the reported total ${p.reported} is not the sum of its groups (${p.computed}); the reported total is kept.`,
  },
  'national.too-few-score-columns': {
    vi: 'Có cột tên tỉnh nhưng chưa đến ba cột điểm.',
    en: 'A province column was found but fewer than three score columns.',
  },
} satisfies Catalog
