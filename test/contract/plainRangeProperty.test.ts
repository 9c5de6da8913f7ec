/**
 * Property: a table kind's data written as an Excel table and as a plain range (under a
 * title block, with a spacer column) reads to the same typed rows and the same engine
 * result, through the Office adapter (in-memory Excel) and the .xlsx adapter.
 */
import fc from 'fast-check';
import { OfficeWorkbook } from '../../src/adapters/office';
import { openXlsx } from '../../src/adapters/xlsx';
import { Dec } from '../../src/engine/decimal';
import type { CellValue, WorkbookReader } from '../../src/ports/workbook';
import { MECHANISMS } from '../../src/workbook/mechanisms/index';
import { readParams } from '../../src/workbook/params';
import { readInputTables } from '../../src/workbook/readInputs';
import { createMemoryExcel } from '../support/memory-excel';
import { memorySeed } from './officeHarness';
import type { WorkbookSeed } from './seed';
import { xlsxBook } from './plainRangeXlsx';

jest.setTimeout(120_000);

const pool = MECHANISMS.pool;
if (pool === undefined) throw new Error('no pool mechanism');

const rowArb = fc.record({
  partner: fc.constantFrom('B&NES ICB', 'B&NES Council', 'Hospice'),
  scheme: fc.constantFrom('Community services', 'Care packages'),
  pence: fc.integer({ min: 1, max: 5_000_000_000 }),
  asText: fc.boolean(),
});
type Row = { partner: string; scheme: string; pence: number; asText: boolean };

function amount(row: Row): CellValue {
  const pounds = new Dec(row.pence).dividedBy(100);
  if (!row.asText) return pounds.toNumber();
  const [whole = '0', pence = '00'] = pounds.toFixed(2).split('.');
  return `£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pence}`;
}

function asTable(rows: readonly Row[]): WorkbookSeed {
  const values = [
    ['Partner', 'Scheme', 'Amount'],
    ...rows.map((r) => [r.partner, r.scheme, amount(r)]),
  ];
  return {
    sheets: [{ name: 'Pool', rows: values }],
    tables: [{ name: 'Contributions', sheet: 'Pool', range: `A1:C${rows.length + 1}` }],
  };
}

function asRange(rows: readonly Row[]): WorkbookSeed {
  const values: CellValue[][] = [
    ['Pooled fund contributions'],
    [null],
    ['Contributor', null, 'Scheme name', 'Contribution (£)'],
    ...rows.map((r) => [r.partner, null, r.scheme, amount(r)]),
    ['Total', null, null, null],
  ];
  return { sheets: [{ name: 'Our pool', at: 'B2', rows: values }] };
}

async function engineView(reader: WorkbookReader): Promise<string> {
  const read = await readInputTables(reader, pool.tables);
  const rows = (read.tables.contributions?.rows ?? []).map((row) =>
    Object.entries(row.values).map(([id, v]) => [id, Dec.isDecimal(v) ? v.toString() : v]),
  );
  const typed = readParams(pool.params, {});
  const prepared = pool.prepare(read.tables, typed.values, {});
  const findings = [...read.findings, ...prepared.findings].map((f) => f.code);
  const result = findings.length === 0 ? prepared.compute().result : undefined;
  return JSON.stringify({ rows, findings, result });
}

const office = (seed: WorkbookSeed): WorkbookReader =>
  new OfficeWorkbook(createMemoryExcel(memorySeed(seed)).run);

async function xlsx(seed: WorkbookSeed): Promise<WorkbookReader> {
  const book = await xlsxBook({
    name: '',
    seed,
    kind: 'contributions',
    expected: { rows: [], findings: [] },
  });
  return openXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'property.xlsx');
}

describe('a table kind as an Excel table and as a plain range', () => {
  it('reads to the same engine input and result (Office adapter)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 8 }), async (rows) => {
        const [table, range] = await Promise.all([
          engineView(office(asTable(rows))),
          engineView(office(asRange(rows))),
        ]);
        expect(range).toBe(table);
        const view = JSON.parse(table) as { findings: string[]; result?: unknown };
        expect(view.findings).toEqual([]);
        expect(view.result).toBeDefined();
      }),
      { numRuns: 60 },
    );
  });

  it('reads to the same engine input and result (.xlsx adapter)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 8 }), async (rows) => {
        const table = await engineView(await xlsx(asTable(rows)));
        const range = await engineView(await xlsx(asRange(rows)));
        expect(range).toBe(table);
      }),
      { numRuns: 15 },
    );
  });
});
