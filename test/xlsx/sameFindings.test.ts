/**
 * Bad input gives the same named findings from a file as in Excel: the workbook layer's
 * run over the .xlsx adapter and over the Office adapter (in-memory Excel), from the same
 * seed, returns the same outcome, and neither writes anything. Figures: the B&NES
 * community services outline business case (2015), Table 3.
 */
import { openXlsx } from '../../src/adapters/xlsx';
import type { CellValue } from '../../src/ports/workbook';
import { runMechanism, type RunOutcome } from '../../src/workbook/run';
import { officeSubject } from '../contract/officeHarness';
import type { WorkbookSeed } from '../contract/seed';
import { snapshotOfXlsx } from '../contract/xlsxSnapshot';
import { xlsxFromSeed } from '../contract/xlsxHarness';

const now = new Date('2025-06-01T14:03:05Z');

function contributions(
  rows: readonly (readonly CellValue[])[],
  name = 'Contributions',
): WorkbookSeed {
  return {
    sheets: [
      { name: 'Cover', rows: [['BCF plan 2025/26']] },
      { name: 'Pool', at: 'B2', rows: [['Partner', 'Scheme', 'Amount (£)'], ...rows] },
    ],
    tables: [{ name, sheet: 'Pool', range: `B2:D${2 + rows.length}` }],
  };
}

const BNES: readonly (readonly CellValue[])[] = [
  ['B&NES CCG', 'Community services', 28_348_000],
  ['B&NES Council', 'Community services', 40_888_000],
];

/** The outcome of a pool run through each adapter, and what each left in its workbook. */
async function runBoth(
  seed: WorkbookSeed,
): Promise<{ office: RunOutcome; xlsx: RunOutcome; sheets: string[][] }> {
  const office = await officeSubject(seed);
  const xlsx = await openXlsx(await xlsxFromSeed(seed), 'plan.xlsx');
  const outcomes = [
    await runMechanism(office.workbook, 'pool', {}, { now }),
    await runMechanism(xlsx, 'pool', {}, { now }),
  ] as const;
  const after = [
    (await office.inspect()).sheets.map((s) => s.name),
    (await snapshotOfXlsx(await xlsx.save())).sheets.map((s) => s.name),
  ];
  return { office: outcomes[0], xlsx: outcomes[1], sheets: after };
}

describe('the same findings from a file as in Excel, and nothing written', () => {
  it.each<[string, WorkbookSeed, string[]]>([
    [
      'an amount that is text',
      contributions([BNES[0] ?? [], ['B&NES Council', 'Community services', 'tbc']]),
      ['INPUT.NOT_AN_AMOUNT'],
    ],
    [
      'a blank amount',
      contributions([BNES[0] ?? [], ['B&NES Council', 'Community services', null]]),
      ['INPUT.BLANK'],
    ],
    [
      'a negative amount',
      contributions([BNES[0] ?? [], ['B&NES Council', 'Community services', -5]]),
      ['INPUT.NEGATIVE'],
    ],
    [
      'a missing table',
      {
        sheets: [
          { name: 'Cover', rows: [['BCF plan 2025/26']] },
          { name: 'Pool', rows: [['Notes']] },
        ],
      },
      ['TABLE.MISSING'],
    ],
    [
      'a table without a required column',
      {
        sheets: [
          { name: 'Cover' },
          {
            name: 'Pool',
            rows: [
              ['Partner', 'Scheme'],
              ['CCG', 'X'],
            ],
          },
        ],
        tables: [{ name: 'Contributions', sheet: 'Pool', range: 'A1:B2' }],
      },
      ['TABLE.MISSING_COLUMN'],
    ],
    ['an empty table', contributions([[null, null, null]]), ['TABLE.EMPTY']],
  ])('%s', async (_case, seed, codes) => {
    const { office, xlsx, sheets } = await runBoth(seed);
    expect(xlsx.ok ? [] : xlsx.findings.map((f) => f.code)).toEqual(codes);
    expect(xlsx).toEqual(office);
    expect(sheets[1]).toEqual(sheets[0]);
    expect(sheets[1]).not.toContain('BCF Results - Pooled fund');
  });

  it('and the same result when the input is good', async () => {
    const { office, xlsx, sheets } = await runBoth(contributions(BNES));
    expect(xlsx.ok).toBe(true);
    expect(xlsx).toEqual(office);
    expect(sheets[1]).toEqual(sheets[0]);
    expect(sheets[1]).toContain('BCF Results - Pooled fund');
  });
});
