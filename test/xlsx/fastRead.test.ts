/**
 * The package reader (fast path) reads tables as ExcelTS's model does: each case opens
 * the same bytes twice, once read straight from the package and once after an operation
 * that loads the model (findFormulas), and the two reads must agree. Cells ExcelTS does
 * not write itself (inline strings, phonetic guides, `_xHHHH_` escapes, ISO dates) are
 * put into the sheet XML by hand, as Excel, LibreOffice or other tools write them.
 */
import { openXlsx } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { bytesOf, partsOf, planningWorkbook } from './fixtures';
import { writeParts } from '../../src/adapters/xlsx/zipParts';

async function editPart(
  bytes: Uint8Array,
  path: string,
  change: (xml: string) => string,
): Promise<Uint8Array> {
  const parts = await partsOf(bytes);
  const xml = new TextDecoder().decode(parts.get(path));
  parts.set(path, new TextEncoder().encode(change(xml)));
  return writeParts(parts);
}

/** Reads the named tables from the package, and again through the loaded model. */
async function bothWays(bytes: Uint8Array, names: readonly string[]) {
  const fast = await openXlsx(bytes);
  const slow = await openXlsx(bytes);
  await slow.formulas.findFormulas('BCF.'); // loads the model; reads then go through it
  return {
    fast: { list: await fast.listTables(), read: await fast.readTables(names) },
    slow: { list: await slow.listTables(), read: await slow.readTables(names) },
  };
}

function oddCellsBook(date1904: boolean): Workbook {
  const book = new Workbook();
  book.properties.date1904 = date1904;
  const sheet = book.addWorksheet('Odd & cells');
  sheet.getCell('A1').value = 'Title';
  sheet.addTable({
    name: 'Odd',
    ref: 'B3',
    totalsRow: true,
    columns: [
      { name: 'Text <&>', totalsRowLabel: 'Total' },
      { name: 'Number', totalsRowFunction: 'sum' },
      { name: 'Flag' },
      { name: 'When' },
      { name: 'Formula' },
    ],
    rows: [
      [
        'a & b <c>',
        1.5,
        true,
        new Date(Date.UTC(2025, 3, 1)),
        { formula: '"x"&"y"', result: 'xy' },
      ],
      [
        { richText: [{ text: 'Rich ' }, { text: 'text', font: { bold: true } }] },
        -2e-7,
        false,
        null,
        { formula: '1/0', result: { error: '#DIV/0!' } },
      ],
      [null, 123456789012, null, new Date(Date.UTC(2024, 1, 29)), { formula: '1=1', result: true }],
      ['merged', 'x', 'y', null, null],
    ],
  });
  sheet.mergeCells('B7:C7');
  return book;
}

describe('reading tables straight from the package', () => {
  it.each([false, true])(
    'gives what ExcelTS gives: text, numbers, booleans, dates, formulas, errors, merges (1904: %s)',
    async (date1904) => {
      const { fast, slow } = await bothWays(await bytesOf(oddCellsBook(date1904)), ['odd']);
      expect(fast).toEqual(slow);
      expect(fast.read[0]?.rows[0]).toEqual([
        'a & b <c>',
        1.5,
        true,
        date1904 ? 44286 : 45748,
        'xy',
      ]);
      expect(fast.read[0]?.rows[3]).toEqual(['merged', '', 'y', '', '']);
    },
  );

  it('reads inline strings (plain and rich), _xHHHH_ escapes and ISO dates as ExcelTS does', async () => {
    const bytes = await editPart(
      await bytesOf(oddCellsBook(false)),
      'xl/worksheets/sheet1.xml',
      (xml) =>
        xml
          .replace(
            /<c r="B4"[^>]*>.*?<\/c>/,
            '<c r="B4" t="inlineStr"><is><t>line_x000D_break</t></is></c>',
          )
          .replace(
            /<c r="B5"[^>]*>.*?<\/c>/,
            '<c r="B5" t="inlineStr"><is><r><t xml:space="preserve">Better </t></r><r><t>Care</t></r></is></c>',
          )
          .replace(/<c r="E6"[^>]*>.*?<\/c>/, '<c r="E6" t="d"><v>2025-04-01T00:00:00Z</v></c>'),
    );
    const { fast, slow } = await bothWays(bytes, ['Odd']);
    expect(fast).toEqual(slow);
    expect(fast.read[0]?.rows.map((row) => row[0])).toEqual([
      'line\rbreak',
      'Better Care',
      '',
      'merged',
    ]);
    expect(fast.read[0]?.rows[2]?.[3]).toBe(45748);
  });

  it('leaves out phonetic guides (which ExcelTS cannot load in an inline string at all)', async () => {
    const bytes = await editPart(
      await bytesOf(oddCellsBook(false)),
      'xl/worksheets/sheet1.xml',
      (xml) =>
        xml.replace(
          /<c r="B4"[^>]*>.*?<\/c>/,
          '<c r="B4" t="inlineStr"><is><r><t xml:space="preserve">漢 </t></r><r><t>字</t></r><rPh sb="0" eb="1"><t>かん</t></rPh></is></c>',
        ),
    );
    const [odd] = await (await openXlsx(bytes)).readTables(['Odd']);
    expect(odd?.rows[0]?.[0]).toBe('漢 字');
  });

  it('agrees on the planning workbook (shared strings, a totals row, several sheets)', async () => {
    const { fast, slow } = await bothWays(await bytesOf(planningWorkbook()), [
      'Metrics',
      'Contracts',
    ]);
    expect(fast).toEqual(slow);
  });

  it('reads only the sheets whose tables are asked for: a broken sheet elsewhere does not matter', async () => {
    const bytes = await editPart(
      await bytesOf(planningWorkbook()),
      'xl/worksheets/sheet3.xml',
      () => '<worksheet><sheetData><row r="1"><c r="A1"', // cut short: not XML at all
    );
    const workbook = await openXlsx(bytes);
    const [contracts] = await workbook.readTables(['Contracts']);
    expect(contracts?.rows[0]).toEqual(['ICB', 1_250_000.5, 45748, true]);
    expect((await workbook.listTables()).map((t) => t.name)).toEqual(['Contracts', 'Metrics']);
  });

  it('saves the input bytes themselves when nothing was written', async () => {
    const bytes = await bytesOf(planningWorkbook());
    const workbook = await openXlsx(bytes);
    await workbook.readTables(['Contracts']);
    expect(await workbook.save()).toBe(bytes);
  });
});
