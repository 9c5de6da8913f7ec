/**
 * Scenarios as a user keeps and compares them with the real `bcf` (issue: explore a risk
 * share): `bcf run --scenario NAME` keeps a run under a name with its own sheet, and `bcf
 * compare` runs kept scenarios again and puts them side by side.
 */
import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import { openXlsx } from '../../src/adapters/xlsx';
import { SCENARIOS_KEY } from '../../src/workbook/scenarios';
import { paramsKey } from '../../src/workbook/settingsStore';
import { SAMPLE_PATH } from '../support/makeSample';
import { bcf, scratchDir } from './support/bcf';

jest.setTimeout(120_000);

describe('bcf run --scenario and bcf compare', () => {
  const dir = scratchDir('bcf-scenarios-');
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.json');
  const first = join(dir, 'first.xlsx');
  const second = join(dir, 'second.xlsx');

  beforeAll(async () => {
    // Bedfordshire MSK (King's Fund 2014) as the sample has it, and a proposal with a 10%
    // gate: the 8.6% saving is below it, so Circle keeps the whole £2,175,000.
    writeFileSync(a, JSON.stringify({ curveFrom: '-20%', curveTo: '20%', curvePoints: 5 }));
    writeFileSync(
      b,
      JSON.stringify({ curveFrom: '-20%', curveTo: '20%', curvePoints: 5, gate: '10%' }),
    );
    const run1 = await bcf([
      'run',
      SAMPLE_PATH,
      '--mechanism',
      'gainshare',
      '--params',
      a,
      '--scenario',
      'Proposal A',
      '--out',
      first,
    ]);
    expect(run1).toMatchObject({ code: 0, stderr: '' });
    expect(run1.stdout).toContain('Gain/loss share: sheet "BCF Proposal A"');
    const run2 = await bcf([
      'run',
      first,
      '--mechanism',
      'gainshare',
      '--params',
      b,
      '--scenario',
      'Proposal B',
      '--out',
      second,
    ]);
    expect(run2).toMatchObject({ code: 0, stderr: '' });
  });

  it('keeps each scenario with its parameters and its own sheet, leaving the unnamed run alone', async () => {
    const book = await openXlsx(second);
    expect(await book.sheetOwner('BCF Proposal A')).toBe('addin');
    expect(await book.sheetOwner('BCF Proposal B')).toBe('addin');
    const kept = JSON.parse((await book.settings.get(SCENARIOS_KEY)) ?? '{}') as Record<
      string,
      { params: unknown; mechanism: string }
    >;
    expect(Object.keys(kept)).toEqual(['Proposal A', 'Proposal B']);
    expect(kept['Proposal B']).toMatchObject({
      mechanism: 'gainshare',
      params: { curveFrom: '-20%', curveTo: '20%', curvePoints: 5, gate: '10%' },
    });
    const sample = await openXlsx(SAMPLE_PATH);
    expect(await book.settings.get(paramsKey('gainshare'))).toBe(
      await sample.settings.get(paramsKey('gainshare')),
    );
    expect(await book.sheetOwner('BCF Results - Gain share')).toBe(
      await sample.sheetOwner('BCF Results - Gain share'),
    );
    const names = (await book.listTables()).map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'BCF_GainShare_Parties_Proposal_A',
        'BCF_GainShare_Parties_Proposal_B',
      ]),
    );
  });

  it('compares them: headline figures per party, the differences from the first, and the curves on one chart', async () => {
    const out = join(dir, 'comparison.xlsx');
    const compare = await bcf(['compare', second, 'Proposal A', 'Proposal B', '--out', out]);
    expect(compare).toMatchObject({ code: 0, stderr: '' });
    expect(compare.stdout).toContain(
      '  Proposal B:\n    Gain: £2,175,000.00\n    Circle: £2,175,000.00\n    Bedfordshire CCG: £0.00',
    );
    const book = await openXlsx(out);
    const [figures, curves] = await book.readTables(['BCF_Compare_Figures', 'BCF_Compare_Curves']);
    expect(figures?.rows).toEqual([
      ['Variance (expected − actual)', 2175000, 2175000, 0],
      ['Circle', 1716875, 2175000, 458125],
      ['Bedfordshire CCG', 458125, 0, -458125],
    ]);
    // 25,175,000 × 0.8: a 20% saving is above both gates; the curves agree there.
    expect(curves?.rows[0]).toEqual([20140000, 3146875, 3146875, 1888125, 1888125]);
    // 25,175,000 × 0.9: a 10% saving meets the 10% gate exactly (at or above: shared).
    expect(curves?.rows[1]).toEqual([22657500, 1888125, 1888125, 629375, 629375]);
  });

  it('refuses a name already kept (without --force), a bad name, an unknown scenario, and --scenario without --mechanism', async () => {
    const again = join(dir, 'again.xlsx');
    const cases: [string[], string][] = [
      [
        ['run', second, '--mechanism', 'gainshare', '--scenario', 'proposal b', '--out', again],
        'bcf run: SCENARIO.EXISTS: The workbook already keeps a scenario "Proposal B"',
      ],
      [
        ['run', second, '--mechanism', 'gainshare', '--scenario', 'a/b', '--out', again],
        'bcf run: SCENARIO.BAD_NAME: Scenario name "a/b" has a character a sheet name cannot: [ ] : * ? / \\.',
      ],
      [
        ['run', second, '--mechanism', 'gainshare', '--scenario', '  ', '--out', again],
        'bcf run: SCENARIO.BAD_NAME: Scenario name "  " is empty',
      ],
      [
        ['compare', second, 'Proposal A', 'Nope', '--out', again],
        'bcf compare: SCENARIO.UNKNOWN: The workbook keeps no scenario "Nope"; it keeps "Proposal A", "Proposal B".',
      ],
      [
        ['run', second, '--scenario', 'Proposal C', '--out', again],
        'bcf run: --scenario keeps one calculation: give it with --mechanism.',
      ],
      [
        ['compare', second, 'Proposal A', '--out', again],
        'bcf compare: needs a workbook and at least two scenario names.',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await bcf(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.startsWith(message)).toBe(true);
      expect(existsSync(again)).toBe(false);
    }
  });

  it('replaces a kept scenario with --force, and it re-runs to the new figures', async () => {
    const third = join(dir, 'third.xlsx');
    writeFileSync(b, JSON.stringify({ gate: '9%' }));
    const run = await bcf([
      'run',
      second,
      '--mechanism',
      'gainshare',
      '--params',
      b,
      '--scenario',
      'Proposal B',
      '--out',
      third,
      '--force',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // 8.6% is below a 9% gate too: Circle still keeps the whole gain.
    expect(run.stdout).toContain('    Circle: £2,175,000.00');
    const kept = JSON.parse(
      (await (await openXlsx(third)).settings.get(SCENARIOS_KEY)) ?? '{}',
    ) as Record<string, { params: unknown }>;
    expect(kept['Proposal B']?.params).toEqual({ gate: '9%' });
  });
});
