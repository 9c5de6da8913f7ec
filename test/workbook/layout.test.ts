import { step } from '../../src/engine/explain';
import { layoutSheet, timestampText, type ResultBlock } from '../../src/workbook/results/layout';

const table = (name: string, rows: number, chart = true): ResultBlock => ({
  kind: 'table',
  heading: name,
  name,
  columns: [
    { header: 'Party', format: '@' },
    { header: 'Amount', format: '£#,##0.00' },
    { header: 'Share', format: '0.00%' },
  ],
  rows: Array.from({ length: rows }, (_, i) => [`P${i + 1}`, i * 100, 0.5]),
  ...(chart
    ? {
        chart: {
          kind: 'barClustered' as const,
          title: `${name} chart`,
          series: [1],
          valueAxisFormat: '£#,##0',
        },
      }
    : {}),
});

describe('layoutSheet', () => {
  it('stacks blocks down column A with a blank row between, charts to the right of their tables', () => {
    const sheet = layoutSheet('BCF Results - Test', [
      { kind: 'title', text: 'BCF results: Test', subtitle: 'From Contributions.' },
      {
        kind: 'parameters',
        rows: [
          ['Rule', 'proportional'],
          ['Gate', 0.05, '0.00%'],
        ],
      },
      table('BCF_T_One', 2),
      table('BCF_T_Two', 1),
      { kind: 'steps', heading: 'How', steps: [step('band', 'Band 1 all to the provider.')] },
      { kind: 'timestamp', at: new Date('2025-06-01T14:03:05Z') },
    ]);
    expect(sheet.values.map((r) => r[0])).toEqual([
      'BCF results: Test',
      'From Contributions.',
      null,
      'Scenario parameters',
      'Rule',
      'Gate',
      null,
      'BCF_T_One',
      'Party',
      'P1',
      'P2',
      null,
      'BCF_T_Two',
      'Party',
      'P1',
      null,
      'How',
      '1. Band 1 all to the provider.',
      null,
      'Calculated',
    ]);
    expect(sheet.values.every((r) => r.length === 3)).toBe(true);
    expect(sheet.numberFormats.map((r) => r.length)).toEqual(sheet.values.map((r) => r.length));
    expect(sheet.numberFormats[5]).toEqual(['General', '0.00%', 'General']);
    expect(sheet.numberFormats[9]).toEqual(['@', '£#,##0.00', '0.00%']);
    expect(sheet.boldRows).toEqual([1, 4, 8, 9, 13, 14, 17]);
    expect(sheet.tables).toEqual([
      { name: 'BCF_T_One', range: 'A9:C11' },
      { name: 'BCF_T_Two', range: 'A14:C15' },
    ]);
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        sourceRange: 'A9:B11',
        placement: 'E9:L24',
        title: 'BCF_T_One chart',
      }),
      // The second table's chart would overlap the first: it starts below it.
      expect.objectContaining({ sourceRange: 'A14:B15', placement: 'E26:L41' }),
    ]);
    expect(sheet.values[19]?.[1]).toBe('2025-06-01 14:03:05 UTC');
  });

  it('gives an empty table one blank body row, as an Excel table needs one', () => {
    const sheet = layoutSheet('S', [table('BCF_Empty', 0, false)]);
    expect(sheet.tables).toEqual([{ name: 'BCF_Empty', range: 'A2:C3' }]);
    expect(sheet.values[2]).toEqual([null, null, null]);
  });

  it('refuses a chart over columns that are not next to its category column', () => {
    const bad: ResultBlock = {
      ...(table('BCF_Bad', 1) as Extract<ResultBlock, { kind: 'table' }>),
      chart: { kind: 'line', title: 'x', series: [2], valueAxisFormat: '0%' },
    };
    expect(() => layoutSheet('S', [bad])).toThrow(
      'must plot the columns next to its category column',
    );
  });

  it('writes the time of a run as UTC text', () => {
    expect(timestampText(new Date('2025-12-31T23:59:59.999Z'))).toBe('2025-12-31 23:59:59 UTC');
  });
});
