/**
 * Tables given as scenario parameters stand in for the workbook's (src/workbook/standIns.ts):
 * read, checked and found fault with like a table on a sheet, saved with the run, and
 * used again when the run is repeated. The figures are the Bedfordshire MSK gain share
 * (King's Fund 2014): a £2,175,000 gain; Circle keeps the first 5% of expected spend,
 * then half: Circle £1,716,875.00, Bedfordshire CCG £458,125.00.
 */
import type { ParamRecord, ScenarioParams } from '../../src/workbook/params';
import { repeatLastRun, runMechanism, type RunOutcome } from '../../src/workbook/run';
import { paramsKey } from '../../src/workbook/settingsStore';
import { STAND_IN_SHEET } from '../../src/workbook/standIns';
import { FakeWorkbook } from './support/fakeWorkbook';
import { kindTable } from './support/kindTable';

const now = new Date('2025-06-01T14:03:05Z');

/** The example bands as rows by header, as a `--params` file or the task pane gives them. */
const BEDFORDSHIRE_BANDS: ParamRecord[] = [
  { 'Gain or loss': 'Gain', Band: 1, 'Up to % of expected': '5%', Party: 'Circle', Share: 1 },
  {
    'Gain or loss': 'Gain',
    Band: 1,
    'Up to % of expected': '5%',
    Party: 'Bedfordshire CCG',
    Share: 0,
  },
  { 'Gain or loss': 'Gain', Band: 2, Party: 'Circle', Share: '50%' },
  { 'Gain or loss': 'Gain', Band: 2, Party: 'Bedfordshire CCG', Share: '50%' },
];

const BEDFORDSHIRE_HEADLINE = [
  { label: 'Gain', text: '£2,175,000.00' },
  { label: 'Circle', text: '£1,716,875.00' },
  { label: 'Bedfordshire CCG', text: '£458,125.00' },
];

const headline = (o: RunOutcome) => (o.ok ? o.headline : o.findings.map((f) => f.message));

describe('tables given as parameters', () => {
  it('stand in for a table the workbook lacks, and are saved with the run', async () => {
    const book = new FakeWorkbook([kindTable('contracts')]);
    const params: ScenarioParams = { riskShareBands: BEDFORDSHIRE_BANDS };
    expect(headline(await runMechanism(book, 'gainshare', params, { now }))).toEqual(
      BEDFORDSHIRE_HEADLINE,
    );
    expect(JSON.parse((await book.settings.get(paramsKey('gainshare'))) ?? '{}')).toEqual(params);
  });

  it("take the place of the workbook's own table of that kind, which is not read", async () => {
    // The workbook's bands would give Circle everything (one band, 100%).
    const own = kindTable('riskShareBands', [
      ['MSK1', 'Gain', 1, null, null, 'Circle', 1],
      ['MSK1', 'Gain', 1, null, null, 'Bedfordshire CCG', 0],
    ]);
    const book = new FakeWorkbook([kindTable('contracts'), own]);
    expect(headline(await runMechanism(book, 'gainshare', {}, { now }))).toEqual([
      { label: 'Gain', text: '£2,175,000.00' },
      { label: 'Circle', text: '£2,175,000.00' },
      { label: 'Bedfordshire CCG', text: '£0.00' },
    ]);
    const outcome = await runMechanism(
      book,
      'gainshare',
      { riskShareBands: BEDFORDSHIRE_BANDS },
      { now },
    );
    expect(headline(outcome)).toEqual(BEDFORDSHIRE_HEADLINE);
  });

  it('are used again when the run is repeated', async () => {
    const book = new FakeWorkbook([kindTable('contracts')]);
    await runMechanism(book, 'gainshare', { riskShareBands: BEDFORDSHIRE_BANDS }, { now });
    expect(headline(await repeatLastRun(book, { now }))).toEqual(BEDFORDSHIRE_HEADLINE);
  });

  it('have their cells checked like a table on a sheet, the finding naming the row and column', async () => {
    const book = new FakeWorkbook([kindTable('contracts')]);
    const bands = BEDFORDSHIRE_BANDS.map((row, i) => (i === 2 ? { ...row, Share: 'half' } : row));
    const outcome = await runMechanism(book, 'gainshare', { riskShareBands: bands }, { now });
    expect(outcome.ok).toBe(false);
    const findings = outcome.ok ? [] : outcome.findings;
    expect(findings[0]).toEqual(
      expect.objectContaining({
        sheet: STAND_IN_SHEET,
        table: 'RiskShareBands',
        row: 3,
        column: 'Share',
        value: 'half',
      }),
    );
    expect(findings[0]?.address).toBeUndefined();
    expect(findings[0]?.message).toMatch(
      /^Scenario parameter \(RiskShareBands table, row 3, column "Share"\): /,
    );
    // Without that share, band 2 no longer sums to 100%: said too, as for a sheet's table.
    expect(findings.slice(1).map((f) => f.code)).toEqual(['INPUT.SHARES_NOT_100']);
    expect(book.written.size).toBe(0);
  });

  it('must be a list of rows: anything else is a finding naming the table', async () => {
    const book = new FakeWorkbook([kindTable('contracts'), kindTable('riskShareBands')]);
    const outcome = await runMechanism(book, 'gainshare', { riskShareBands: 'the usual' }, { now });
    expect(headline(outcome)).toEqual([
      'Scenario parameter "RiskShareBands": a list of rows is needed, each a record from column header to value (e.g. [{"Contract ID": "..."}]).',
    ]);
    expect(book.written.size).toBe(0);
  });
});
