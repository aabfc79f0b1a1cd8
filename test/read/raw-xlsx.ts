/**
 * Hand-built .xlsx containers for layouts exceljs's writer never produces (inline rich strings,
 * shared strings after the sheets, `date1904="true"`, rows missing under a merge...).
 */
import { type ZipInput, zipBytes } from '../../fixtures/lib/write-zip.ts'

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'

export interface RawSheet {
  name: string
  /** Inner XML of <sheetData>. */
  rows: string
  /** Extra XML after </sheetData> (e.g. <mergeCells>). */
  after?: string
  /** Extra XML before <sheetData> (e.g. <dimension>). */
  before?: string
}

export interface RawXlsxOptions {
  sharedStrings?: string[]
  /** Write sharedStrings.xml after the sheets (as some producers do); exceljs would spool sheets. */
  sharedStringsLast?: boolean
  /** Raw value of workbookPr/@date1904, e.g. "true". */
  date1904?: string
  /** Sheet part names, default xl/worksheets/sheet{n}.xml. */
  sheetPaths?: string[]
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

/** Style 1 is a date (numFmtId 14), style 2 a percentage. */
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`

export function rawXlsx(sheets: RawSheet[], opts: RawXlsxOptions = {}): Buffer {
  const paths = sheets.map((_, i) => opts.sheetPaths?.[i] ?? `xl/worksheets/sheet${i + 1}.xml`)
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><workbookPr${
    opts.date1904 ? ` date1904="${opts.date1904}"` : ''
  }/><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_NS}">${paths
    .map(
      (p, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${p.startsWith('xl/') ? p.slice(3) : `/${p}`}"/>`,
    )
    .join(
      '',
    )}<Relationship Id="rIdS" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rIdSST" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  const sst = opts.sharedStrings
    ? `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${opts.sharedStrings.length}" uniqueCount="${opts.sharedStrings.length}">${opts.sharedStrings
        .map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t xml:space="preserve">${esc(s)}</t></si>`))
        .join('')}</sst>`
    : undefined
  const entries: ZipInput[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    { name: 'xl/styles.xml', data: STYLES },
  ]
  if (sst && !opts.sharedStringsLast) entries.push({ name: 'xl/sharedStrings.xml', data: sst })
  sheets.forEach((s, i) => {
    entries.push({
      name: paths[i]!,
      data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${REL_NS}">${s.before ?? ''}<sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`,
    })
  })
  if (sst && opts.sharedStringsLast) entries.push({ name: 'xl/sharedStrings.xml', data: sst })
  return zipBytes(entries)
}
