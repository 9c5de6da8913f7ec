import type { SheetWrite } from '../../src/ports/workbook';
import { WorkbookError } from '../../src/workbook/errors';
import { repeatLastRun, runMechanism } from '../../src/workbook/run';
import { FakeWorkbook, table } from './support/fakeWorkbook';

const now = new Date('2025-06-01T14:03:05Z');
const contributions = (amount: unknown = 40888000) =>
  table(
    'Contributions',
    ['Partner', 'Scheme', 'Amount (£)'],
    [
      ['B&NES CCG', 'Community services', 28348000],
      ['B&NES Council', 'Community services', amount as number],
    ],
  );

/** The value of the cell right of a label in column A. */
const valueBeside = (sheet: SheetWrite, label: string): unknown =>
  sheet.values.find((row) => row[0] === label)?.[1];

describe('runMechanism: pool (Bath & NE Somerset OBC 2015, Table 3)', () => {
  it('writes the result sheet with shares 40.94% / 59.06%, formats, parameters and timestamp', async () => {
    const book = new FakeWorkbook([contributions()]);
    const outcome = await runMechanism(book, 'pool', {}, { now });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.headline).toEqual([
      { label: 'Pool', text: '£69,236,000.00' },
      { label: 'B&NES CCG share', text: '40.94%' },
      { label: 'B&NES Council share', text: '59.06%' },
    ]);
    const sheet = book.written.get('BCF Results - Pooled fund');
    expect(sheet).toBeDefined();
    if (sheet === undefined) return;
    expect(sheet.values[0]?.[0]).toBe('BCF results: Pooled fund');
    expect(valueBeside(sheet, 'Variance sharing rule')).toBe('proportional');
    expect(valueBeside(sheet, 'Calculated')).toBe('2025-06-01 14:03:05 UTC');
    expect(sheet.tables.map((t) => t.name)).toEqual(['BCF_Pool_Partners', 'BCF_Pool_Schemes']);
    const partnersAt = sheet.values.findIndex((r) => r[0] === 'Partner');
    expect(sheet.values[partnersAt + 1]?.slice(0, 3)).toEqual([
      'B&NES CCG',
      28348000,
      expect.closeTo(0.40944, 5),
    ]);
    expect(sheet.numberFormats[partnersAt + 1]?.slice(0, 3)).toEqual(['@', '£#,##0.00', '0.00%']);
    expect(book.calls).toEqual([
      'listTables',
      'readTables:Contributions',
      'writeSheets:BCF Results - Pooled fund',
      'settings:bcf.params.pool,bcf.lastRun',
    ]);
  });

  it('writes nothing and returns every finding when a cell is bad', async () => {
    const book = new FakeWorkbook([contributions('tbc')]);
    const outcome = await runMechanism(book, 'pool', { rule: 'shared' }, { now });
    expect(outcome).toEqual({
      ok: false,
      status: 'invalid',
      findings: [
        expect.objectContaining({
          message:
            'Contributions!C4 (Contributions table, row 2, column "Amount (£)"): "tbc" is not an amount.',
        }),
        expect.objectContaining({
          message:
            'Scenario parameter "Variance sharing rule": "shared" is not one of: proportional, fixed, commissioner.',
        }),
      ],
    });
    expect(book.written.size).toBe(0);
    expect(book.store.size).toBe(0);
  });

  it('turns an engine refusal into a finding at the cell it came from', async () => {
    const book = new FakeWorkbook([contributions(0)]);
    book.tables[0] = table('Contributions', ['Partner', 'Scheme', 'Amount'], [['CCG', 'X', 0]]);
    const outcome = await runMechanism(book, 'pool', {}, { now });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.findings.map((f) => [f.code, f.address])).toEqual([
      ['ENGINE.POOL.ZERO_TOTAL', undefined],
    ]);
    expect(book.written.size).toBe(0);
  });

  it("refuses to replace the user's own sheet of the same name unless told to", async () => {
    const book = new FakeWorkbook([contributions()]);
    book.owners.set('BCF Results - Pooled fund', 'user');
    await expect(runMechanism(book, 'pool', {}, { now })).rejects.toThrow(WorkbookError);
    expect(book.written.size).toBe(0);
    const outcome = await runMechanism(book, 'pool', {}, { now, replaceUserSheets: true });
    expect(outcome.ok).toBe(true);
  });

  it('is cancelled before writing, and writes nothing', async () => {
    const book = new FakeWorkbook([contributions()]);
    const controller = new AbortController();
    const stages: string[] = [];
    const outcome = await runMechanism(
      book,
      'pool',
      {},
      {
        now,
        signal: controller.signal,
        onProgress: (stage) => {
          stages.push(stage);
          if (stage === 'calculating') controller.abort();
        },
      },
    );
    expect(outcome.status).toBe('cancelled');
    expect(stages).toEqual(['reading', 'calculating']);
    expect(book.written.size).toBe(0);
  });

  it('repeats the last run from the parameters stored in the workbook', async () => {
    const book = new FakeWorkbook([contributions()]);
    await expect(repeatLastRun(book, { now })).rejects.toThrow('no earlier run');
    await runMechanism(
      book,
      'pool',
      { rule: 'fixed', fixedShares: { 'B&NES CCG': '50%', 'B&NES Council': 0.5 } },
      { now },
    );
    expect(JSON.parse(book.store.get('bcf.lastRun') ?? '')).toMatchObject({
      mechanism: 'pool',
      params: { rule: 'fixed' },
    });
    const again = await repeatLastRun(book, { now: new Date('2025-06-02T09:00:00Z') });
    expect(again.ok).toBe(true);
    const sheet = book.written.get('BCF Results - Pooled fund');
    expect(sheet && valueBeside(sheet, 'Fixed share: B&NES CCG')).toBe(0.5);
    expect(sheet && valueBeside(sheet, 'Calculated')).toBe('2025-06-02 09:00:00 UTC');
  });
});
