/**
 * `bcf run --params` with the gain share's `terms` parameter (the real command in a child
 * process): the Bedfordshire MSK gain share (King's Fund 2014) from a workbook with only
 * a Contracts table, its terms in the params file; a bad band is a finding naming the
 * path inside `terms` and the value, exit 2, nothing written.
 */
import { readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { bcf, scratchDir } from './support/bcf';
import { digest, writeTablesWorkbook } from './support/workbooks';

jest.setTimeout(60_000);

const TERMS = {
  gainBands: [
    { upToFraction: '0.05', shares: { Circle: '1', 'Bedfordshire CCG': '0' } },
    { shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } },
  ],
};

async function contractsWorkbook(dir: string): Promise<string> {
  const path = join(dir, 'msk.xlsx');
  await writeTablesWorkbook(path, [
    {
      sheet: 'Contracts',
      name: 'Contracts',
      headers: [
        'Contract ID',
        'Contract model',
        'Commissioner',
        'Provider',
        'Annual value',
        'Expected spend',
        'Actual spend',
      ],
      rows: [
        ['MSK1', 'Prime contractor', 'Bedfordshire CCG', 'Circle', 26500000, 25175000, 23000000],
      ],
    },
  ]);
  return path;
}

describe('bcf run --params with the gain share’s terms', () => {
  it('shares the gain by the terms in the params file, with no RiskShareBands table', async () => {
    const dir = scratchDir();
    const book = await contractsWorkbook(dir);
    const params = join(dir, 'params.json');
    writeFileSync(params, JSON.stringify({ gainshare: { terms: TERMS } }));
    const out = join(dir, 'out.xlsx');
    const run = await bcf([
      'run',
      book,
      '--mechanism',
      'gainshare',
      '--params',
      params,
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Circle: £1,716,875.00');
    expect(run.stdout).toContain('Bedfordshire CCG: £458,125.00');
  });

  it('runs the gain share without --mechanism when the terms come with it, and not without them', async () => {
    const dir = scratchDir();
    const book = await contractsWorkbook(dir);
    const params = join(dir, 'params.json');
    writeFileSync(params, JSON.stringify({ gainshare: { terms: TERMS } }));
    const out = join(dir, 'out.xlsx');
    const run = await bcf(['run', book, '--params', params, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Circle: £1,716,875.00');
    expect(run.stdout).toContain('Bedfordshire CCG: £458,125.00');
    // No terms and no RiskShareBands table: no calculation has its tables.
    const bare = await bcf(['run', book, '--out', join(dir, 'bare.xlsx')]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('has none of the input tables a mechanism needs');
  });

  it('a band the engine refuses: a finding naming the path in terms and the value, exit 2, nothing written', async () => {
    const dir = scratchDir();
    const book = await contractsWorkbook(dir);
    const params = join(dir, 'params.json');
    const bad = { gainBands: [TERMS.gainBands[0], { shares: { Circle: '1.5' } }] };
    writeFileSync(params, JSON.stringify({ gainshare: { terms: bad } }));
    const before = digest(book);
    const run = await bcf(['run', book, '--mechanism', 'gainshare', '--params', params]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain(
      'Scenario parameter "terms": gainBands[1].shares.Circle is "1.5"; it must be a fraction from 0 to 1 (0.05 means 5%).',
    );
    expect(readdirSync(dir).sort()).toEqual(['msk.xlsx', 'params.json']);
    expect(digest(book)).toBe(before);
  });
});
