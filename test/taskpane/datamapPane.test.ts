/**
 * The official-style return in the task pane: the facsimile
 * (assets/samples/bcf-planning-return-facsimile.xlsx) is recognised by the shipped
 * datamap as the command line recognises it, in the file mode and in Excel (the
 * in-memory Excel through the Office adapter, its sheets protected as the file's are).
 * The plan checks start from the minima the return's labelled cells hold and give the
 * figures `bcf check` gives (test/cli/datamap.test.ts). A version the datamap does not
 * know is a finding, and a run of it is refused with nothing written.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { openXlsx } from '../../src/adapters/xlsx';
import { OfficeWorkbook } from '../../src/adapters/office/index';
import { openFileSession } from '../../src/taskpane/fileSession';
import { SHIPPED_DATAMAPS } from '../../src/taskpane/layer/shippedDatamaps';
import type { PaneOperations, RunOutcome } from '../../src/taskpane/operations';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import type { MemoryCellSeed, MemoryWorkbookSeed } from '../support/memory-excel/seed';
import { createMemoryExcel } from '../support/memory-excel';
import { cellAddress } from '../../src/ports/a1';
import { bookBytes, FACSIMILE_PATH, facsimileWorkbook } from '../support/makeFacsimile';

jest.setTimeout(60_000);

const control = { signal: new AbortController().signal, onProgress: (): void => undefined };

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A workbook's sheets as an in-memory Excel seed: every cell's value, every sheet protected. */
async function memorySeedOf(bytes: Uint8Array): Promise<MemoryWorkbookSeed> {
  const book = await openXlsx(bytes, 'the facsimile');
  const sheets = await book.readSheets();
  return {
    sheets: sheets.map((s) => {
      const cells: Record<string, MemoryCellSeed> = {};
      s.values.forEach((line, r) =>
        line.forEach((value, c) => {
          if (value !== '' && value !== null) cells[cellAddress(s.top + r, s.left + c)] = value;
        }),
      );
      return { name: s.sheet, cells, protected: true };
    }),
  };
}

// The facsimile's figures, worked by hand in test/cli/datamap.test.ts (FACSIMILE_CHECK_LINES).
const FACSIMILE_EXPLANATION = [
  'Minimum NHS Contribution: planned expenditure £12,345,678.90 equals income.',
  'DFG: planned expenditure £2,100,000.00 equals income.',
  'iBCF: planned expenditure £4,500,000.00 equals income.',
  'Additional LA Contribution: planned expenditure £1,000,000.00 equals income.',
  'Adult social care from the minimum NHS contribution: planned £4,200,000.00 meets the required minimum £4,000,000.00.',
  'NHS-commissioned out-of-hospital spend from the minimum NHS contribution: planned £6,945,678.90 meets the required minimum £3,508,000.00.',
  'Disabled Facilities Grant: £2,100,000.00 is planned in full on DFG.',
  'All 1 joint schemes have % NHS + % LA = 100%.',
  'All amounts lie between £0.00 and £1,000,000,000.00 and all percentages between 0% and 100%.',
  'All 9 checks passed.',
];

function expectFacsimileChecks(outcome: RunOutcome): void {
  if (!outcome.ok) throw new Error(`not run: ${JSON.stringify(outcome)}`);
  expect(outcome.explanation).toEqual(FACSIMILE_EXPLANATION);
  expect(outcome.headline).toEqual([{ kind: 'text', label: 'Checks passed', value: '9 of 9' }]);
  expect(outcome.sheetsWritten).toEqual(['Checks']);
}

const MINIMA = { socialCareMinimum: '4000000', nhsOutOfHospitalMinimum: '3508000' };

async function expectReadAsReturn(operations: PaneOperations): Promise<void> {
  const overview = await operations.overview();
  expect(overview.readAs).toEqual({
    datamap: 'bcf-planning-return',
    title: 'BCF planning return (official-style)',
  });
  expect(overview.mechanisms.find((m) => m.mechanism === 'checks')?.ready).toBe(true);
  // The form starts from the minima the return's labelled cells hold.
  expect(overview.savedPlanChecks).toEqual({
    socialCareMinimum: '4000000',
    nhsOutOfHospitalMinimum: '3508000',
  });
  expect(overview.mappingFindings).toBeUndefined();
}

describe('the official-style return in the pane', () => {
  it('lists the shipped datamaps, one for each file in assets/datamaps', () => {
    const dir = join(__dirname, '../../assets/datamaps');
    const ids = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => (JSON.parse(readFileSync(join(dir, n), 'utf8')) as { datamap: string }).datamap);
    expect(SHIPPED_DATAMAPS.map((d) => d.id)).toEqual(ids);
  });

  it('in the file mode: recognised, the minima read from its cells, checked to the penny', async () => {
    const session = await openFileSession('return.xlsx', buffer(readFileSync(FACSIMILE_PATH)));
    await expectReadAsReturn(session);
    expectFacsimileChecks(await session.runPlanChecks(MINIMA, control));
  });

  it('in Excel, its sheets protected: read as the return, checked, only the add-in’s sheet added', async () => {
    const seed = await memorySeedOf(readFileSync(FACSIMILE_PATH));
    const excel = createMemoryExcel(seed);
    const operations = workbookOperations(new OfficeWorkbook(excel.run));
    await expectReadAsReturn(operations);
    const before = seed.sheets?.map((s) => [s.name, excel.values(s.name, 'A1:L30')]);
    expectFacsimileChecks(await operations.runPlanChecks(MINIMA, control));
    // The user's protected sheets are as they were.
    expect(seed.sheets?.map((s) => [s.name, excel.values(s.name, 'A1:L30')])).toEqual(before);
  });

  it('a version the datamap does not know: a finding in the overview, and a run refused with nothing written', async () => {
    const book = await facsimileWorkbook();
    // The plan year's label renamed, as a new release of the template might.
    book.getWorksheet('Income')?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === 'Plan year:') cell.value = 'Financial year:';
      }),
    );
    const session = await openFileSession('return-2026.xlsx', buffer(await bookBytes(book)));
    const overview = await session.overview();
    expect(overview.readAs).toBeUndefined();
    const problem =
      'This workbook looks like a BCF planning return (official-style) but is not a version the datamap "bcf-planning-return" knows (missing: the label "Plan year:" on Income); nothing was read from it (fix the workbook, or map its ranges with “Use the selection as…”).';
    expect(overview.mappingFindings).toEqual([
      { code: 'DATAMAP.UNKNOWN_VERSION', message: problem },
    ]);
    const outcome = await session.runPlanChecks(MINIMA, control);
    expect(outcome).toEqual({
      ok: false,
      reason: 'invalid',
      findings: [{ code: 'DATAMAP.UNKNOWN_VERSION', message: problem }],
    });
    const saved = await openXlsx(
      new Uint8Array(await (await session.save()).arrayBuffer()),
      'saved',
    );
    expect((await saved.readSheets()).map((s) => s.sheet)).toEqual([
      'Cover',
      'Income',
      'Expenditure',
    ]);
  });
});
