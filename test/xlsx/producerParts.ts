/**
 * Packages as other producers write them, made from an ExcelTS workbook's bytes by
 * editing its parts: every SpreadsheetML and package part with a namespace prefix (as
 * Open XML SDK writers do: `<x:worksheet xmlns:x="…">`, `<x:c>`), and the parts Excel
 * adds that ExcelTS does not model: macros (xl/vbaProject.bin, its signature, the
 * macro-enabled content type), custom XML data, data connections with a query table,
 * printer settings. Written here, independently of the adapter's own namespace code.
 */
import { writeCfb } from '@cj-tech-master/excelts/word/crypto';
import { readParts, writeParts, type Parts } from '../../src/adapters/xlsx/zipParts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The namespaces a prefix is put on. */
const PREFIXED = [
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://schemas.openxmlformats.org/package/2006/relationships',
  'http://schemas.openxmlformats.org/package/2006/content-types',
];

/**
 * One part's XML with its default namespace turned into a prefix, if that namespace is
 * one of {@link PREFIXED}: `<worksheet xmlns="…main">…<c r="A1">` → `<x:worksheet
 * xmlns:x="…main">…<x:c r="A1">`. Other parts come back as they are.
 */
export function prefixPart(xml: string, prefix = 'x'): string {
  const declared = /<[A-Za-z][^\s>/]*[^>]*?\sxmlns="([^"]+)"/.exec(xml);
  if (!declared || !PREFIXED.includes(declared[1] ?? '')) return xml;
  let out = '';
  let at = 0;
  const tag = /<(\/?)([A-Za-z_][A-Za-z0-9_.-]*)(?=[\s/>])/g;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    out += `${xml.slice(at, match.index)}<${match[1] ?? ''}${prefix}:${match[2] ?? ''}`;
    at = match.index + match[0].length;
  }
  out += xml.slice(at);
  return out.replace(` xmlns="${declared[1] ?? ''}"`, ` xmlns:${prefix}="${declared[1] ?? ''}"`);
}

/** Every XML part of a package in prefixed form (see {@link prefixPart}). */
export async function prefixedPackage(bytes: Uint8Array, prefix = 'x'): Promise<Uint8Array> {
  const parts = await readParts(bytes);
  for (const [name, data] of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    parts.set(name, encoder.encode(prefixPart(decoder.decode(data), prefix)));
  }
  return writeParts(parts);
}

function text(parts: Parts, name: string): string {
  return decoder.decode(parts.get(name) ?? new Uint8Array());
}

function edit(parts: Parts, name: string, change: (xml: string) => string): void {
  parts.set(name, encoder.encode(change(text(parts, name))));
}

function addRel(parts: Parts, rels: string, id: string, type: string, target: string): void {
  if (!parts.has(rels)) {
    parts.set(
      rels,
      encoder.encode(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
      ),
    );
  }
  edit(parts, rels, (xml) =>
    xml.replace(
      '</Relationships>',
      `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
    ),
  );
}

function addType(parts: Parts, entry: string): void {
  edit(parts, '[Content_Types].xml', (xml) => xml.replace('</Types>', `${entry}</Types>`));
}

const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MS = 'http://schemas.microsoft.com/office/2006/relationships';

/** A query table (over the data connection) on the first sheet's first table. */
function addQueryTable(parts: Parts): void {
  parts.set(
    EXTRA_PARTS.queryTable,
    encoder.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<queryTable xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="Ledger" connectionId="1" autoFormatId="16" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="0"><queryTableRefresh nextId="2"><queryTableFields count="1"><queryTableField id="1" name="Party" tableColumnId="1"/></queryTableFields></queryTableRefresh></queryTable>',
    ),
  );
  addRel(
    parts,
    'xl/tables/_rels/table1.xml.rels',
    'rId1',
    `${OFFICE}/queryTable`,
    '../queryTables/queryTable1.xml',
  );
  addType(
    parts,
    '<Override PartName="/xl/queryTables/queryTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.queryTable+xml"/>',
  );
}

/** What {@link excelExtras} adds, by part. */
export const EXTRA_PARTS = {
  vba: 'xl/vbaProject.bin',
  signature: 'xl/vbaProjectSignature.bin',
  customXml: 'customXml/item1.xml',
  customXmlProps: 'customXml/itemProps1.xml',
  connections: 'xl/connections.xml',
  printerSettings: 'xl/printerSettings/printerSettings1.bin',
  queryTable: 'xl/queryTables/queryTable1.xml',
} as const;

/**
 * The package with what Excel adds to a macro-enabled workbook: a VBA project (an OLE
 * compound file, as Excel stores it) with its digital signature and the macro-enabled
 * workbook content type; a customXml item with its properties; data connections with
 * a query table on the first sheet's first table (unless `queryTable: false`); and
 * printer settings on the first sheet (`<pageSetup r:id>`).
 */
export async function excelExtras(
  bytes: Uint8Array,
  options: { readonly queryTable?: boolean } = {},
): Promise<Uint8Array> {
  const parts = await readParts(bytes);
  const project = writeCfb([
    { name: 'PROJECT', data: encoder.encode('ID="{00000000-0000-0000-0000-000000000000}"\r\n') },
  ]);
  parts.set(EXTRA_PARTS.vba, project);
  parts.set(EXTRA_PARTS.signature, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
  addRel(parts, 'xl/_rels/workbook.xml.rels', 'rId90', `${MS}/vbaProject`, 'vbaProject.bin');
  addRel(
    parts,
    'xl/_rels/vbaProject.bin.rels',
    'rId1',
    `${MS}/vbaProjectSignature`,
    'vbaProjectSignature.bin',
  );
  addType(parts, '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
  addType(
    parts,
    '<Override PartName="/xl/vbaProjectSignature.bin" ContentType="application/vnd.ms-office.vbaProjectSignature"/>',
  );
  edit(parts, '[Content_Types].xml', (xml) =>
    xml.replace(
      /(PartName="\/xl\/workbook\.xml" ContentType=")[^"]*"/,
      '$1application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
    ),
  );

  parts.set(
    EXTRA_PARTS.customXml,
    encoder.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="\\APASixthEditionOfficeOnline.xsl"/>',
    ),
  );
  parts.set(
    EXTRA_PARTS.customXmlProps,
    encoder.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6C1B2B3E-5B7A-4C5E-9D2A-0E0B1C2D3E4F}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/></ds:schemaRefs></ds:datastoreItem>',
    ),
  );
  addRel(
    parts,
    'customXml/_rels/item1.xml.rels',
    'rId1',
    `${OFFICE}/customXmlProps`,
    'itemProps1.xml',
  );
  addRel(
    parts,
    'xl/_rels/workbook.xml.rels',
    'rId91',
    `${OFFICE}/customXml`,
    '../customXml/item1.xml',
  );
  addType(
    parts,
    '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
  );

  parts.set(
    EXTRA_PARTS.connections,
    encoder.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="Ledger" type="1" refreshedVersion="6" background="1" saveData="1"><dbPr connection="DSN=Ledger;" command="SELECT 1"/></connection></connections>',
    ),
  );
  addRel(parts, 'xl/_rels/workbook.xml.rels', 'rId92', `${OFFICE}/connections`, 'connections.xml');
  addType(
    parts,
    '<Override PartName="/xl/connections.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml"/>',
  );

  if (options.queryTable !== false) addQueryTable(parts);

  parts.set(
    EXTRA_PARTS.printerSettings,
    new Uint8Array(64).map((_, i) => (i * 7) % 256),
  );
  addRel(
    parts,
    'xl/worksheets/_rels/sheet1.xml.rels',
    'rId90',
    `${OFFICE}/printerSettings`,
    '../printerSettings/printerSettings1.bin',
  );
  addType(
    parts,
    '<Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>',
  );
  edit(parts, 'xl/worksheets/sheet1.xml', (xml) => {
    const withNs = xml.includes('xmlns:r=')
      ? xml
      : xml.replace('<worksheet ', `<worksheet xmlns:r="${OFFICE}" `);
    const page = '<pageSetup paperSize="9" orientation="landscape" r:id="rId90"/>';
    if (/<pageSetup\b[^>]*\/>/.test(withNs)) return withNs.replace(/<pageSetup\b[^>]*\/>/, page);
    return withNs.replace(/(<pageMargins\b[^>]*\/>)/, `$1${page}`);
  });
  return writeParts(parts);
}
