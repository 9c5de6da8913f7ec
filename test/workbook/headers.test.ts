/**
 * Tolerant header matching: headers as finance teams write them match the kinds'
 * columns, with the unit's scale and the plan year; a header that is an alias as
 * written is never read as a shorter one.
 */
import { matchHeaders } from '../../src/workbook/headers';
import { headerReadings, normalYear } from '../../src/workbook/headerText';
import { findLabelled } from '../../src/workbook/labelCells';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';

const ids = (kind: keyof typeof TABLE_KINDS, headers: string[], year?: string) =>
  matchHeaders(TABLE_KINDS[kind], headers, year === undefined ? {} : { year }).columns.map((c) => [
    c.spec.id,
    c.header,
    c.scale ?? 1,
    c.year ?? '',
  ]);

describe('tolerant header matching', () => {
  it('reads the NHS England-style scheme headers', () => {
    expect(
      ids('schemes', [
        'Scheme ID',
        'Scheme Name',
        'Scheme Type (see table below for descriptions)',
        'Sub Types',
        'Area of Spend',
        'Commissioner',
        '% NHS (if Joint Commissioner)',
        '% LA (if Joint Commissioner)',
        'Provider',
        'Source of Funding',
        'Expenditure (£)',
        'New/ Existing Scheme',
      ]),
    ).toEqual([
      ['schemeId', 'Scheme ID', 1, ''],
      ['scheme', 'Scheme Name', 1, ''],
      ['schemeType', 'Scheme Type (see table below for descriptions)', 1, ''],
      ['areaOfSpend', 'Area of Spend', 1, ''],
      ['commissioner', 'Commissioner', 1, ''],
      ['nhsShare', '% NHS (if Joint Commissioner)', 1, ''],
      ['laShare', '% LA (if Joint Commissioner)', 1, ''],
      ['provider', 'Provider', 1, ''],
      ['source', 'Source of Funding', 1, ''],
      ['expenditure', 'Expenditure (£)', 1, ''],
    ]);
  });

  it('takes units, footnote marks and line breaks off, with the scale of each unit', () => {
    expect(ids('income', ['Source\nof funding*', 'Contributor¹', 'Income (£000s)'])).toEqual([
      ['source', 'Source\nof funding*', 1, ''],
      ['contributor', 'Contributor¹', 1, ''],
      ['amount', 'Income (£000s)', 1000, ''],
    ]);
    expect(ids('income', ['Source', 'Funder', 'Amount £m']).at(2)).toEqual([
      'amount',
      'Amount £m',
      1_000_000,
      '',
    ]);
    expect(ids('income', ['Source', 'Funder', 'Value (£k)']).at(2)).toEqual([
      'amount',
      'Value (£k)',
      1000,
      '',
    ]);
  });

  it('never reads an alias as written as a shorter one', () => {
    expect(ids('riskShareTerms', ['Party', 'Gain cap (% of expected)', 'Gain cap'])).toEqual([
      ['party', 'Party', 1, ''],
      ['gainCapAmount', 'Gain cap', 1, ''],
      ['gainCapFraction', 'Gain cap (% of expected)', 1, ''],
    ]);
  });

  it('takes a unit only on an amount column, and a year only on a column of figures', () => {
    expect(ids('contributions', ['Partner (£)', 'Scheme', 'Amount'])).toEqual([
      ['scheme', 'Scheme', 1, ''],
      ['amount', 'Amount', 1, ''],
    ]);
    expect(ids('contributions', ['Partner 2024-25', 'Scheme', 'Amount'])).toEqual([
      ['scheme', 'Scheme', 1, ''],
      ['amount', 'Amount', 1, ''],
    ]);
  });

  it('reads the year a header names, and chooses among years by the year asked for', () => {
    const headers = ['Source', 'Funder', 'Income (£) 2024-25', 'Income (£) 2025/26'];
    expect(ids('income', headers, '2025-26').at(2)).toEqual([
      'amount',
      'Income (£) 2025/26',
      1,
      '2025-26',
    ]);
    const none = matchHeaders(TABLE_KINDS.income, headers);
    expect(none.years.map((y) => y.headers.map((h) => h.year))).toEqual([['2024-25', '2025-26']]);
    const missing = matchHeaders(TABLE_KINDS.income, headers, { year: '2026-27' });
    expect(missing.years[0]?.asked).toBe('2026-27');
    expect(normalYear('2024/2025')).toBe('2024-25');
    expect(normalYear('2024')).toBe('2024');
    expect(normalYear('next year')).toBeUndefined();
  });

  it('lists the readings of a header from as written to its bare name', () => {
    expect(
      headerReadings('Expenditure (£000)\n2024-25').map((r) => [r.key, r.scale, r.year ?? '']),
    ).toEqual([
      ['expenditure(£000)2024-25', 1, ''],
      ['expenditure(£000)', 1, '2024-25'],
      ['expenditure', 1000, '2024-25'],
    ]);
  });
});

describe('labelled cells', () => {
  const sheets = [
    {
      sheet: 'Cover',
      top: 2,
      left: 1,
      values: [
        ['BCF planning return', '', ''],
        ['Health and Wellbeing Board:', '', 'Wiltshire'],
        ['Plan year', '', ''],
        ['2025-26', '', ''],
      ],
      formulas: new Map<string, string>(),
    },
  ];

  it('is the first filled cell right of its label, or the cell below it', () => {
    expect(findLabelled(sheets, [{ label: 'health and wellbeing board' }])).toEqual({
      sheet: 'Cover',
      address: 'C3',
      value: 'Wiltshire',
    });
    expect(findLabelled(sheets, [{ label: 'Plan year:' }])).toEqual({
      sheet: 'Cover',
      address: 'A5',
      value: '2025-26',
    });
    expect(findLabelled(sheets, [{ label: 'Plan year', sheet: 'Other' }])).toBeUndefined();
  });
});
