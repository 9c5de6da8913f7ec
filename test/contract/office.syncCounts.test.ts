/**
 * Sync counts of the Office adapter: reading or writing a 100-row and a 50,000-row
 * contracts table takes the same syncs, apart from the extra requests the 5 MB payload
 * limit forces (one per ~4 MB). Counted by the in-memory Excel.
 */
import { OfficeWorkbook, PAYLOAD_BUDGET_BYTES } from '../../src/adapters/office';
import { rowsPerReadChunk } from '../../src/adapters/office/payload';
import type { SheetWrite } from '../../src/ports/workbook';
import { createMemoryExcel, type MemoryExcel } from '../support/memory-excel';

const HEADERS = [
  'Contract',
  'Provider',
  'Scheme',
  'Start',
  'End',
  'Annual value',
  'Share',
  'Recurrent',
];

function contractRow(i: number): (string | number | boolean)[] {
  return [
    `C-${i}`,
    `Provider ${i % 37}`,
    `Scheme ${i % 11}`,
    45383,
    45747,
    1000 + i * 1.25,
    0.5,
    i % 2 === 0,
  ];
}

function contractsWorkbook(rows: number): MemoryExcel {
  return createMemoryExcel({
    sheets: [
      {
        name: 'Contracts',
        rows: { values: [HEADERS, ...Array.from({ length: rows }, (_, i) => contractRow(i))] },
      },
    ],
    tables: [{ name: 'Contracts', sheet: 'Contracts', range: `A1:H${rows + 1}` }],
  });
}

async function readSyncs(rows: number): Promise<{ syncs: number; largestResponse: number }> {
  const excel = contractsWorkbook(rows);
  const [table] = await new OfficeWorkbook(excel.run).readTables(['Contracts']);
  expect(table?.rows).toHaveLength(rows);
  expect(table?.rows[rows - 1]).toEqual(contractRow(rows - 1));
  return {
    syncs: excel.syncCount,
    largestResponse: Math.max(...excel.syncs.map((s) => s.responseBytes)),
  };
}

function resultLayout(rows: number): SheetWrite {
  const values = [HEADERS, ...Array.from({ length: rows }, (_, i) => contractRow(i))];
  return {
    sheet: 'Contract results',
    values,
    numberFormats: values.map((row) => row.map(() => 'General')),
    tables: [{ name: 'ContractResults', range: `A1:H${rows + 1}` }],
    charts: [],
  };
}

async function writeSyncs(
  rows: number,
): Promise<{ syncs: number; requestBytes: number; largestRequest: number }> {
  const excel = createMemoryExcel();
  await new OfficeWorkbook(excel.run).writeSheets([resultLayout(rows)]);
  expect(excel.values('Contract results', `A${rows + 1}`)).toEqual([[`C-${rows - 1}`]]);
  const requests = excel.syncs.map((s) => s.requestBytes);
  return {
    syncs: excel.syncCount,
    requestBytes: requests.reduce((a, b) => a + b, 0),
    largestRequest: Math.max(...requests),
  };
}

describe('Office adapter sync counts', () => {
  it('reads a 100-row and a 50,000-row contracts table in the same syncs apart from payload chunks', async () => {
    const small = await readSyncs(100);
    const large = await readSyncs(50_000);
    const chunks = Math.ceil(50_000 / rowsPerReadChunk(HEADERS.length));
    console.log(
      `readTables syncs: 100 rows → ${small.syncs}; 50,000 rows → ${large.syncs} (${chunks} body chunks)`,
    );
    expect(small.syncs).toBe(2);
    expect(large.syncs - small.syncs).toBe(chunks - 1);
    expect(large.largestResponse).toBeLessThan(5_000_000);
  });

  it('writes a 100-row and a 50,000-row results sheet in the same syncs apart from payload chunks', async () => {
    const small = await writeSyncs(100);
    const large = await writeSyncs(50_000);
    console.log(
      `writeSheets syncs: 100 rows → ${small.syncs}; 50,000 rows → ${large.syncs} (${large.requestBytes} bytes written)`,
    );
    expect(small.syncs).toBe(2);
    expect(large.syncs - small.syncs).toBeLessThanOrEqual(
      Math.ceil(large.requestBytes / (PAYLOAD_BUDGET_BYTES - 1_000_000)),
    );
    expect(large.largestRequest).toBeLessThan(5_000_000);
  });

  it('rewrites an existing sheet of its own in three syncs: two to inspect, one to write', async () => {
    const excel = createMemoryExcel();
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.writeSheets([resultLayout(100)]);
    excel.resetCounters();
    await workbook.writeSheets([resultLayout(100)]);
    expect(excel.syncCount).toBe(3);
  });
});
