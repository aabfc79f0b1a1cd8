import { describe, expect, it } from 'vitest'
import { encodeWindows1258 } from '../../fixtures/lib/windows-1258.ts'
import { encodeCsv } from '../../fixtures/lib/write-csv.ts'
import { htmlXls } from '../../fixtures/lib/write-html-xls.ts'

describe('encodeWindows1258', () => {
  it.each([
    ['ASCII', 'STT;Tinh', [0x53, 0x54, 0x54, 0x3b, 0x54, 0x69, 0x6e, 0x68]],
    ['precomposed in the table', 'Đâ', [0xd0, 0xe2]],
    ['base + combining acute', 'á', [0xe1]],
    ['ơ + combining grave', 'ờ', [0xf5, 0xcc]],
    ['ê + combining acute', 'ế', [0xea, 0xec]],
    ['y + combining tilde', 'ỹ', [0x79, 0xde]],
    ['a + combining dot below', 'ạ', [0x61, 0xf2]],
    ['ê + combining dot below (NFD puts the dot first)', 'ệ', [0xea, 0xf2]],
  ])('%s', (_label, text, bytes) => {
    expect([...encodeWindows1258(text)]).toEqual(bytes)
  })

  it('round-trips Vietnamese through the decoder', () => {
    const text =
      'Thừa Thiên Huế, Khánh Hoà, Đắk Lắk, Quảng Ngãi, Bà Rịa – Vũng Tàu, Ủy ban, VIỆT, Bậc, Mặt, Lợi'
    expect(new TextDecoder('windows-1258').decode(encodeWindows1258(text)).normalize('NFC')).toBe(text)
  })

  it('throws on characters Windows-1258 cannot hold', () => {
    expect(() => encodeWindows1258('中文')).toThrow(/cannot be encoded in Windows-1258/)
  })
})

describe('encodeCsv', () => {
  it('quotes only fields that need it and ends every row', () => {
    const bytes = encodeCsv(
      [
        ['a', 'b,c', 'say "hi"', 'x\ny', null, 1.5],
        ['', 'plain'],
      ],
      { encoding: 'utf-8' },
    )
    expect(bytes.toString('utf8')).toBe('a,"b,c","say ""hi""","x\ny",,1.5\r\n,plain\r\n')
  })

  it('writes BOMs and the Unicode-text tab default', () => {
    expect([...encodeCsv([['a']], { encoding: 'utf-8-bom' }).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const u16 = encodeCsv([['a', 'b']], { encoding: 'utf-16le', eol: '\n' })
    expect([...u16.subarray(0, 2)]).toEqual([0xff, 0xfe])
    expect(u16.subarray(2).toString('utf16le')).toBe('a\tb\n')
  })
})

describe('htmlXls', () => {
  it('writes the vendor template with spans, <br> and escaped text', () => {
    const html = htmlXls(
      { sheetName: 'Bảng & số', rows: [['Tiêu đề\ndòng 2'], ['a', '<b>']], merges: ['A1:B1'] },
      { footerRows: 1 },
    )
    expect(html).toContain('<x:Name>Bảng &amp; số</x:Name>')
    expect(html).toContain('<tbody>\n<tr><td colspan="2">Tiêu đề<br>dòng 2</td></tr>\n</tbody>')
    expect(html).toContain('<tfoot>\n<tr><td>a</td><td>&lt;b&gt;</td></tr>\n</tfoot>')
  })

  it('refuses a merge that crosses into another table section', () => {
    expect(() =>
      htmlXls({ sheetName: 'S', rows: [['a'], ['b']], merges: ['A1:A2'] }, { footerRows: 1 }),
    ).toThrow(/crosses a table section boundary/)
  })
})
