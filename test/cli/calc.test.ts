/**
 * `bcf calc` as a user runs it: the real command in a child process. Valid scenarios
 * print JSON on stdout and exit 0; invalid input exits 2 with one line on stderr naming
 * the field and nothing on stdout.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { bcf, scratchDir } from './support/bcf';

jest.setTimeout(30_000);

const fixedSharesNotOne = {
  contributions: [
    { partner: 'CCG', scheme: 'Community services', amount: 100 },
    { partner: 'Council', scheme: 'Community services', amount: 100 },
  ],
  sharing: {
    rule: 'fixed',
    shares: [
      { partner: 'CCG', share: 0.5 },
      { partner: 'Council', share: 0.45 },
    ],
  },
};

describe('bcf calc', () => {
  it('prints the B&NES pool (B&NES OBC 2015, Table 3) as JSON and exits 0', async () => {
    const run = await bcf(['calc', 'pool', 'assets/scenarios/pool-bnes.json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const result = JSON.parse(run.stdout) as { pool: string; partners: { contribution: string }[] };
    expect(result.pool).toBe('69236000.00');
    expect(result.partners.map((p) => p.contribution)).toEqual(['28348000.00', '40888000.00']);
  });

  it('reads the scenario from standard input with "-"', async () => {
    const scenario = JSON.stringify({
      contributions: [{ partner: 'CCG', scheme: 'S', amount: '10.005' }],
    });
    const run = await bcf(['calc', 'pool', '-'], { input: scenario });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { pool: string }).pool).toBe('10.01');
  });

  it('invalid input: exit 2, one line on stderr naming the field and value, nothing on stdout', async () => {
    const run = await bcf(['calc', 'pool', '-'], { input: JSON.stringify(fixedSharesNotOne) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'bcf calc: POOL.SHARES_NOT_ONE: The shares in sharing.shares sum to 0.95, not 1.\n',
    );
  });

  it('a field that is not a number names the field path', async () => {
    const input = JSON.stringify({ contributions: [{ partner: 'A', scheme: 'S', amount: 'abc' }] });
    const run = await bcf(['calc', 'pool', '-'], { input });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'bcf calc: POOL.NOT_A_NUMBER: contributions[0].amount is "abc", not a number.\n',
    );
  });

  it('a file that is not JSON: exit 2, names the file, nothing on stdout', async () => {
    const dir = scratchDir();
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"contributions": [');
    const run = await bcf(['calc', 'pool', file]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toContain(`bcf calc: cannot read ${file}: `);
  });

  it('a missing file, an unknown mechanism, missing arguments: exit 2, nothing on stdout', async () => {
    const [missing, unknown, bare, extra] = await Promise.all([
      bcf(['calc', 'pool', 'no-such-file.json']),
      bcf(['calc', 'poool', 'assets/scenarios/pool-bnes.json']),
      bcf(['calc', 'pool']),
      bcf(['calc', 'pool', 'assets/scenarios/pool-bnes.json', '--json']),
    ]);
    for (const run of [missing, unknown, bare, extra]) {
      expect(run).toMatchObject({ code: 2, stdout: '' });
    }
    expect(missing.stderr).toMatch(/^bcf calc: cannot read no-such-file\.json: ENOENT/);
    expect(unknown.stderr).toMatch(
      /^bcf calc: CLI\.UNKNOWN_MECHANISM: Unknown mechanism "poool"; use one of /,
    );
    expect(bare.stderr).toMatch(/^bcf calc: needs a mechanism and a scenario file\./);
    expect(extra.stderr).toMatch(/^bcf calc: unknown option --json\./);
  });
});
