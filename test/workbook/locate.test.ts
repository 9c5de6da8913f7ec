import type { TableInfo } from '../../src/ports/workbook';
import { locateTables } from '../../src/workbook/locate';
import { runMechanism } from '../../src/workbook/run';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';
import { FakeWorkbook, table } from './support/fakeWorkbook';
import { kindTable } from './support/kindTable';

const now = new Date('2025-06-01T14:03:05Z');

const info = (name: string, headers: readonly string[]): TableInfo => ({
  name,
  sheet: 'Inputs',
  headers,
  rowCount: 2,
  headerRow: 1,
  firstColumn: 1,
});

/** The B&NES contributions (Bath & North East Somerset community services OBC 2015, Table 3). */
const contributions = (name = 'Contributions') =>
  table(name, ['Partner', 'Scheme', 'Amount'], TABLE_KINDS.contributions.examples, {
    sheet: 'Contributions',
  });

describe('locateTables: a lookalike does not stand in for a missing table', () => {
  it('reports RiskShareTerms missing rather than taking Contributions, whose Partner column is an alias of Party', () => {
    const tables = [kindTable('contracts'), kindTable('riskShareBands'), contributions()];
    const { found, findings } = locateTables(tables, [
      { kind: TABLE_KINDS.riskShareTerms, required: true },
    ]);
    expect(found.has('riskShareTerms')).toBe(false);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'TABLE.MISSING',
        table: 'RiskShareTerms',
        message:
          'No RiskShareTerms table: add an Excel table named "RiskShareTerms" with the headers Party.',
      }),
    ]);
  });

  it('does not take an unnamed contributions table as RiskShareTerms either', () => {
    const { found, findings } = locateTables(
      [info('Table1', ['Partner', 'Scheme', 'Amount'])],
      [
        { kind: TABLE_KINDS.riskShareTerms, required: false },
        { kind: TABLE_KINDS.contributions, required: true },
      ],
    );
    expect(found.get('contributions')?.name).toBe('Table1');
    expect(found.has('riskShareTerms')).toBe(false);
    expect(findings).toEqual([]);
  });

  it('takes a table as RiskShareTerms by its headers when it has a column of its own (a cap or quality)', () => {
    const { found } = locateTables(
      [info('Caps', ['Party', 'Loss cap']), info('Names', ['Partner', 'Notes'])],
      [{ kind: TABLE_KINDS.riskShareTerms, required: true }],
    );
    expect(found.get('riskShareTerms')?.name).toBe('Caps');
  });

  it('gives a table two kinds claim to the better match: planned spend by year is not the Contributions table', () => {
    const plan = info('Table2', ['Plan year', 'Partner', 'Scheme', 'Amount']);
    const { found, findings } = locateTables(
      [plan],
      [
        { kind: TABLE_KINDS.contributions, required: true },
        { kind: TABLE_KINDS.plannedSpend, required: false },
      ],
    );
    expect(found.get('plannedSpend')?.name).toBe('Table2');
    expect(found.has('contributions')).toBe(false);
    expect(findings.map((f) => f.message)).toEqual([
      'No Contributions table: add an Excel table named "Contributions" with the headers Partner, Scheme, Amount.',
    ]);
  });

  it('does not take a table named after another kind, even one the run does not read', () => {
    const { found } = locateTables(
      [info('Income', ['Source of funding', 'Partner', 'Scheme', 'Amount'])],
      [{ kind: TABLE_KINDS.contributions, required: false }],
    );
    expect(found.has('contributions')).toBe(false);
  });
});

describe('runs over a workbook with Contributions and no RiskShareTerms', () => {
  const book = (): FakeWorkbook =>
    new FakeWorkbook([kindTable('contracts'), kindTable('riskShareBands'), contributions()]);

  it("gain share runs without terms (no caps, gains earned in full), not on the Contributions rows (King's Fund 2014, Bedfordshire MSK)", async () => {
    const workbook = book();
    const outcome = await runMechanism(workbook, 'gainshare', {}, { now });
    expect(outcome.ok && outcome.headline).toEqual([
      { label: 'Gain', text: '£2,175,000.00' },
      { label: 'Circle', text: '£1,716,875.00' },
      { label: 'Bedfordshire CCG', text: '£458,125.00' },
    ]);
    expect(workbook.calls).toContain('readTables:Contracts,RiskShareBands');
  });

  it('pool and envelope still read the Contributions table (B&NES OBC 2015, Table 3)', async () => {
    const pool = await runMechanism(book(), 'pool', {}, { now });
    expect(pool.ok && pool.headline[0]).toEqual({ label: 'Pool', text: '£69,236,000.00' });
    const workbook = book();
    await runMechanism(workbook, 'envelope', { years: 1 }, { now });
    expect(workbook.calls).toContain('readTables:Contributions');
  });
});
