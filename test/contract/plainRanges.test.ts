/**
 * Plain ranges through every adapter: each fixture of plainRangeFixtures.ts is built as
 * an .xlsx file with ExcelTS (read by the .xlsx adapter, both its fast package reader and
 * the ExcelTS model) and as an in-memory Excel (read by the Office adapter), and must
 * read to the same typed rows, findings and steps.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import { openXlsx } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { Dec } from '../../src/engine/decimal';
import type { WorkbookReader } from '../../src/ports/workbook';
import { readInputTables } from '../../src/workbook/readInputs';
import { runMechanism } from '../../src/workbook/run';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';
import { createMemoryExcel } from '../support/memory-excel';
import { memorySeed } from './officeHarness';
import { RANGE_FIXTURES, type RangeFixture } from './plainRangeFixtures';
import { xlsxBook } from './plainRangeXlsx';

async function xlsxReader(fixture: RangeFixture, model: boolean): Promise<WorkbookReader> {
  const book: Workbook = await xlsxBook(fixture);
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  const workbook = await openXlsx(bytes, 'fixture.xlsx');
  if (model) await workbook.formulas.findFormulas('BCF.'); // loads the ExcelTS model
  return workbook;
}

function officeReader(fixture: RangeFixture): WorkbookReader {
  const seed = memorySeed(fixture.seed);
  const merged = {
    ...seed,
    sheets: (seed.sheets ?? []).map((s) => ({ ...s, merges: fixture.merges?.[s.name] ?? [] })),
  };
  const excel = createMemoryExcel(merged);
  return new OfficeWorkbook(excel.run, {
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
  });
}

async function readFixture(reader: WorkbookReader, fixture: RangeFixture) {
  const kind = TABLE_KINDS[fixture.kind];
  const read = await readInputTables(reader, [{ kind, required: true }], {}, new Map(), {
    ...(fixture.year === undefined ? {} : { year: fixture.year }),
  });
  const table = read.tables[fixture.kind];
  const rows = (table?.rows ?? []).map((row) =>
    Object.fromEntries(
      Object.entries(row.values).map(([id, v]) => [
        id,
        Dec.isDecimal(v) ? v.toString() : String(v),
      ]),
    ),
  );
  return {
    rows,
    findings: read.findings.map((f) => f.message),
    steps: read.steps.map((s) => s.text),
  };
}

const adapters: readonly {
  name: string;
  reader: (f: RangeFixture) => Promise<WorkbookReader> | WorkbookReader;
  merges: boolean;
}[] = [
  { name: '.xlsx package reader', reader: (f) => xlsxReader(f, false), merges: true },
  { name: '.xlsx ExcelTS model', reader: (f) => xlsxReader(f, true), merges: true },
  { name: 'Office adapter over the in-memory Excel', reader: officeReader, merges: true },
];

describe.each(adapters)('plain ranges through the $name', ({ reader, merges }) => {
  const fixtures = RANGE_FIXTURES.filter((f) => merges || f.needsMerges !== true);
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const read = await readFixture(await reader(fixture), fixture);
    expect(read.findings).toEqual(fixture.expected.findings);
    expect(read.rows).toEqual(fixture.expected.rows);
    expect(read.steps).toEqual(fixture.expected.steps ?? []);
  });
});

describe('formulas with no value saved in the file', () => {
  async function book(withResult: boolean): Promise<WorkbookReader> {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Income');
    sheet.addRows([
      ['Source of funding', 'Contributor', 'Income'],
      ['iBCF', 'Council', 100],
      ['DFG', 'Council', null],
      [],
      ['Check', null, null],
    ]);
    sheet.getCell('C3').value = withResult ? { formula: 'C2/2', result: 50 } : { formula: 'C2/2' };
    sheet.getCell('C5').value = { formula: 'C2*3' }; // outside the range: never read
    return openXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), 'unsaved.xlsx');
  }

  it('in a plain range body are a finding naming the cell; elsewhere they do not matter', async () => {
    const read = await readInputTables(await book(false), [
      { kind: TABLE_KINDS.income, required: true },
    ]);
    expect(read.findings.map((f) => [f.code, f.address, f.message])).toEqual([
      [
        'INPUT.NO_SAVED_VALUE',
        'C3',
        'Income!C3 (Income range Income!A1:C3) holds a formula with no value saved in the file; open the file in Excel, let it calculate and save it, then try again.',
      ],
    ]);
    const saved = await readInputTables(await book(true), [
      { kind: TABLE_KINDS.income, required: true },
    ]);
    expect(saved.findings).toEqual([]);
    expect(saved.tables.income?.rows.map((r) => String(r.values.amount))).toEqual(['100', '50']);
  });
});

describe('a run over a plain range', () => {
  it('shows the £000 scale as the first step of the result, and writes only its own sheet', async () => {
    const excel = createMemoryExcel({
      sheets: [
        {
          name: 'Pool',
          rows: {
            values: [
              ['Pooled fund'],
              [],
              ['Partner', 'Scheme', 'Amount (£000)'],
              ['B&NES CCG', 'Community services', 28348],
              ['B&NES Council', 'Community services', 40888],
            ],
          },
        },
      ],
    });
    const workbook = new OfficeWorkbook(excel.run, {
      isSetSupported: (name, version) => excel.isSetSupported(name, version),
    });
    const outcome = await runMechanism(
      workbook,
      'pool',
      {},
      { now: new Date('2026-01-05T10:00:00Z') },
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    expect(outcome.steps[0]?.text).toBe(
      'Amount read from the column "Amount (£000)" of the Contributions range Pool!A3:C5 in £000 and multiplied by 1,000.',
    );
    expect(outcome.headline[0]).toEqual({ label: 'Pool', text: '£69,236,000.00' });
    expect(excel.values('Pool', 'C4:C5')).toEqual([[28348], [40888]]);
  });
});
