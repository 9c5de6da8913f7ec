/**
 * The pane's column mapping on a .xlsx file opened outside Excel (the file mode): no
 * selection to read, so the sheet and header row are typed; the mapping is previewed,
 * saved in the file's settings and read again from the saved file. And the overview of
 * a saved mapping that no longer fits: the kind is missing, not found by its headers.
 */
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { OfficeWorkbook } from '../../src/adapters/office/index';
import { openFileSession } from '../../src/taskpane/fileSession';
import { workbookOverview } from '../../src/taskpane/layer/overview';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import { createMemoryExcel } from '../support/memory-excel';

async function teamFile(): Promise<ArrayBuffer> {
  const book = new Workbook();
  const sheet = book.addWorksheet('Pool');
  const rows = [
    ['B&NES pooled fund 2025-26'],
    [],
    ['Who pays', 'Line', 'Pledge (£000)'],
    ['B&NES CCG', 'Community services', 28348],
    ['B&NES Council', 'Community services', 40888],
  ];
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      sheet.getCell(r + 1, c + 1).value = value;
    }),
  );
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

describe('mapping a range in the file mode', () => {
  it('types the header row, previews, saves in the file and reads it again', async () => {
    const session = await openFileSession('team.xlsx', await teamFile());
    expect(session.selection).toEqual({
      available: false,
      reason:
        'A file opened outside Excel has no selection: type the sheet and the header row’s cells instead.',
    });
    expect(await session.draftMapping('contributions')).toEqual({
      ok: false,
      problem:
        'A file opened outside Excel has no selection: type the sheet and the header row’s cells instead.',
    });
    const made = await session.draftMapping('contributions', { sheet: 'pool', address: 'A3:C3' });
    if (!made.ok) throw new Error(made.problem);
    expect(made.draft.headerRow).toBe('A3:C3');
    expect(made.draft.columns.map((c) => c.header)).toEqual(['Who pays', 'Line', 'Pledge (£000)']);
    const choice = {
      kind: 'contributions',
      sheet: 'Pool',
      columns: { partner: 'Who pays', scheme: 'Line', amount: 'Pledge (£000)' },
    };
    const preview = await session.previewMapping(choice);
    expect(preview.rows).toEqual([
      {
        row: 4,
        values: { partner: 'B&NES CCG', scheme: 'Community services', amount: '£28,348,000.00' },
      },
      {
        row: 5,
        values: {
          partner: 'B&NES Council',
          scheme: 'Community services',
          amount: '£40,888,000.00',
        },
      },
    ]);
    await session.saveMapping(choice);
    const saved = await session.save();
    const reopened = await openFileSession('team.xlsx', await saved.arrayBuffer());
    const overview = await reopened.overview();
    expect(overview.mappings).toEqual([
      {
        kind: 'contributions',
        kindName: 'Contributions',
        sheet: 'Pool',
        range: 'A3:C5',
        rowCount: 2,
      },
    ]);
    expect(overview.partners).toEqual(['B&NES CCG', 'B&NES Council']);
    expect(overview.mechanisms.find((m) => m.mechanism === 'pool')?.ready).toBe(true);
  });
});

describe('the overview with a saved mapping that no longer fits', () => {
  it('counts the kind as missing (a run reads it by the mapping only), with the finding naming the header row', async () => {
    const excel = createMemoryExcel({
      sheets: [
        {
          name: 'Pool',
          rows: {
            values: [
              ['Partner', 'Scheme', 'Amount'],
              ['B&NES CCG', 'Community services', 28348000],
            ],
          },
        },
      ],
    });
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.settings.set({
      'bcf.mapping': JSON.stringify({
        tables: {
          contributions: {
            sheet: 'Pool',
            columns: { partner: 'Partner', amount: 'Amount (£000)' },
          },
        },
      }),
    });
    const overview = await workbookOverview(workbook);
    expect(overview.mechanisms.find((m) => m.mechanism === 'pool')).toEqual({
      mechanism: 'pool',
      ready: false,
      missing: ['Contributions'],
    });
    expect(overview.mappings).toBeUndefined();
    expect(overview.mappingFindings).toEqual([
      {
        code: 'MAPPING.MISMATCH',
        message:
          'Pool!A1:C1 (Contributions header row): the column mapping names "Amount (£000)" for Amount, but this header row has no such column (its headers: "Partner", "Scheme", "Amount"); nothing was read for the Contributions table.',
        cell: { sheet: 'Pool', address: 'A1' },
      },
    ]);
  });
});

describe('the preview of a range with a bad cell', () => {
  it('gives the finding a run gives, naming the sheet, cell, header as written and the value', async () => {
    const excel = createMemoryExcel({
      sheets: [
        {
          name: 'Pool',
          rows: {
            values: [
              ['Who pays', 'Line', 'Pledge (£000)'],
              ['B&NES CCG', 'Community services', 28348],
              ['B&NES Council', 'Community services', 'tbc'],
            ],
          },
        },
      ],
    });
    const operations = workbookOperations(new OfficeWorkbook(excel.run));
    const preview = await operations.previewMapping({
      kind: 'contributions',
      sheet: 'Pool',
      columns: { partner: 'Who pays', scheme: 'Line', amount: 'Pledge (£000)' },
    });
    expect(preview.rows.map((r) => r.values)).toEqual([
      { partner: 'B&NES CCG', scheme: 'Community services', amount: '£28,348,000.00' },
      { partner: 'B&NES Council', scheme: 'Community services' },
    ]);
    expect(preview.findings).toEqual([
      {
        code: 'INPUT.NOT_AN_AMOUNT',
        message:
          'Pool!C3 (Contributions range A1:C3, row 2, column "Pledge (£000)"): "tbc" is not an amount.',
        cell: { sheet: 'Pool', address: 'C3' },
      },
    ]);
  });
});
