/**
 * `--map map.json` as a user runs it (the real `bcf` in a child process): a return laid
 * out by its owner, in plain ranges under a title block on protected sheets, with
 * headers no table kind knows ("Funding stream", "Spend (£000)"), read through a mapping
 * file; one file serving a folder of returns; a mapping that no longer fits is a finding
 * naming the header row, and nothing is guessed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { openXlsx } from '../../src/adapters/xlsx';
import { saveMapping } from '../../src/workbook/settingsStore';
import { bcf, scratchDir } from './support/bcf';

jest.setTimeout(90_000);

const MAP = {
  tables: {
    income: {
      sheet: 'Funding',
      columns: { source: 'Funding stream', contributor: 'Paid by', amount: 'Sum (£)' },
    },
    schemes: {
      sheet: 'Spending',
      columns: {
        schemeId: 'Ref.',
        scheme: 'Title',
        commissioner: 'Lead',
        source: 'Funding stream',
        areaOfSpend: 'Care area',
        expenditure: 'Spend (£000)',
      },
    },
  },
  cells: { board: { label: 'Board:' } },
};

const PARAMS = { checks: { socialCareMinimum: 100000, nhsOutOfHospitalMinimum: 100000 } };

async function writeReturn(
  path: string,
  board: string,
  options: { spendHeader?: string; care?: number } = {},
): Promise<void> {
  const book = new Workbook();
  const funding = book.addWorksheet('Funding');
  funding.addRows([
    ['Quarterly return'],
    ['Board:', board],
    [],
    ['Funding stream', 'Paid by', 'Sum (£)'],
    ['Minimum NHS Contribution', 'ICB', 1_000_000],
    ['Total', null, 1_000_000],
  ]);
  await funding.protect('', {});
  const spending = book.addWorksheet('Spending');
  spending.addRows([
    ['Planned spending'],
    [],
    ['Ref.', 'Title', 'Lead', 'Funding stream', 'Care area', options.spendHeader ?? 'Spend (£000)'],
    [
      'S1',
      'Community team',
      'NHS',
      'Minimum NHS Contribution',
      'Community Health',
      1000 - (options.care ?? 400),
    ],
    ['S2', 'Home care', 'LA', 'Minimum NHS Contribution', 'Social Care', options.care ?? 400],
  ]);
  await spending.protect('', {});
  writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
}

function files(dir: string): { map: string; params: string } {
  const map = join(dir, 'map.json');
  const params = join(dir, 'params.json');
  writeFileSync(map, JSON.stringify(MAP));
  writeFileSync(params, JSON.stringify(PARAMS));
  return { map, params };
}

describe('bcf --map', () => {
  it('check reads a return through the mapping: £000 scaled, every plan check passes, exit 0', async () => {
    const dir = scratchDir();
    const { map, params } = files(dir);
    const plan = join(dir, 'return.xlsx');
    await writeReturn(plan, 'Somerset');
    const run = await bcf(['check', plan, '--map', map, '--params', params]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '  passed  Minimum NHS Contribution: planned expenditure £1,000,000.00 equals income.',
    );
    expect(run.stdout).toContain('Findings: none.');
  });

  it('run writes the plan checks of a mapped return into a copy, the return untouched', async () => {
    const dir = scratchDir();
    const { map, params } = files(dir);
    const plan = join(dir, 'return.xlsx');
    await writeReturn(plan, 'Somerset');
    const before = readFileSync(plan);
    const out = join(dir, 'results.xlsx');
    const run = await bcf([
      'run',
      plan,
      '--mechanism',
      'checks',
      '--map',
      map,
      '--params',
      params,
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`Wrote ${out} (results of ${plan}):`);
    expect(readFileSync(plan).equals(before)).toBe(true);
    const written = await openXlsx(out);
    expect(await written.sheetOwner('Checks')).toBe('addin');
    expect(await written.sheetOwner('Spending')).toBe('user');
  });

  it('without the mapping the same return has no tables the plan checks know', async () => {
    const dir = scratchDir();
    const { params } = files(dir);
    const plan = join(dir, 'return.xlsx');
    await writeReturn(plan, 'Somerset');
    const run = await bcf(['check', plan, '--params', params]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      '  No Income table: add an Excel table named "Income" with the headers Source of funding, Contributor, Income. [TABLE.MISSING]',
    );
  });

  it('a renamed header is a finding naming the header row; nothing is guessed (exit 2)', async () => {
    const dir = scratchDir();
    const { map, params } = files(dir);
    const plan = join(dir, 'renamed.xlsx');
    await writeReturn(plan, 'Somerset', { spendHeader: 'Spend 2025 (£000)' });
    const run = await bcf(['check', plan, '--map', map, '--params', params]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'Spending!A3:F3 (Schemes header row): the column mapping names "Spend (£000)" for Expenditure, but this header row has no such column (its headers: "Ref.", "Title", "Lead", "Funding stream", "Care area", "Spend 2025 (£000)"); nothing was read for the Schemes table. [MAPPING.MISMATCH]',
    );
  });

  it('a bad mapping file is refused by name (exit 2)', async () => {
    const dir = scratchDir();
    const map = join(dir, 'map.json');
    writeFileSync(
      map,
      JSON.stringify({ tables: { schemes: { sheet: 'Spending', columns: { cost: 'X' } } } }),
    );
    const run = await bcf(['check', join(dir, 'none.xlsx'), '--map', map]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${map}: tables.schemes.columns: "cost" is not a field of Schemes`,
    );
  });

  it('a mapping saved in the workbook settings is used by bcf check without --map', async () => {
    const dir = scratchDir();
    const { params } = files(dir);
    const plain = join(dir, 'plain.xlsx');
    await writeReturn(plain, 'Somerset');
    const workbook = await openXlsx(plain);
    await saveMapping(workbook.settings, MAP);
    const saved = join(dir, 'saved.xlsx');
    await workbook.saveAs(saved);
    const run = await bcf(['check', saved, '--params', params]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Findings: none.');
  });

  it('bcf run finds a plain range by its headers with no mapping, and writes the results', async () => {
    const dir = scratchDir();
    const plan = join(dir, 'pool.xlsx');
    const book = new Workbook();
    book
      .addWorksheet('Pool')
      .addRows([
        ['Pooled fund contributions 2025-26'],
        [],
        ['Partner', null, 'Scheme (see note 1)', 'Amount (£000)*'],
        ['B&NES CCG', null, 'Community services', 28348],
        ['B&NES Council', null, 'Community services', 40888],
        ['Totals', null, null, 69236],
      ]);
    writeFileSync(plan, new Uint8Array(await book.xlsx.writeBuffer()));
    const out = join(dir, 'out.xlsx');
    const run = await bcf(['run', plan, '--out', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      mechanisms: { mechanism: string; headline?: { label: string; text: string }[] }[];
    };
    expect(report.mechanisms.map((m) => m.mechanism)).toEqual(['pool', 'envelope']);
    expect(report.mechanisms[0]?.headline).toEqual([
      { label: 'Pool', text: '£69,236,000.00' },
      { label: 'B&NES CCG share', text: '40.94%' },
      { label: 'B&NES Council share', text: '59.06%' },
    ]);
  });

  it('consolidate: one mapping serves a folder of returns; the board comes from its label', async () => {
    const dir = scratchDir();
    const { map, params } = files(dir);
    const returns = join(dir, 'returns');
    mkdirSync(returns);
    await writeReturn(join(returns, 'a.xlsx'), 'Bath and North East Somerset');
    await writeReturn(join(returns, 'b.xlsx'), 'Wiltshire', { care: 300 });
    const out = join(dir, 'summary.xlsx');
    const run = await bcf([
      'consolidate',
      returns,
      '--out',
      out,
      '--map',
      map,
      '--params',
      params,
      '--json',
      '--quiet',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      files: { board: string; status: string; income?: string; expenditure?: string }[];
    };
    expect(summary.files.map((f) => [f.board, f.status, f.income, f.expenditure])).toEqual([
      ['Bath and North East Somerset', 'consolidated', '1000000.00', '1000000.00'],
      ['Wiltshire', 'consolidated', '1000000.00', '1000000.00'],
    ]);
  });
});
