import { gainLossSimulation } from '../../src/engine/gainLossShare/gainLossSimulation';
import type { CellValue } from '../../src/ports/workbook';
import { runMechanism } from '../../src/workbook/run';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';
import { FakeWorkbook, table } from './support/fakeWorkbook';

const now = new Date('2025-06-01T14:03:05Z');
const kindTable = (id: keyof typeof TABLE_KINDS, rows?: readonly (readonly CellValue[])[]) => {
  const kind = TABLE_KINDS[id];
  return table(
    kind.defaultName,
    kind.columns.map((c) => c.header),
    rows ?? kind.examples,
    { sheet: kind.sheet },
  );
};

describe('runMechanism: gainshare', () => {
  it("shares the Bedfordshire MSK gain (King's Fund 2014): Circle £1,716,875.00, CCG £458,125.00", async () => {
    const book = new FakeWorkbook([
      kindTable('contracts'),
      kindTable('riskShareBands'),
      kindTable('riskShareTerms'),
    ]);
    const outcome = await runMechanism(book, 'gainshare', {}, { now });
    expect(outcome.ok && outcome.headline).toEqual([
      { label: 'Gain', text: '£2,175,000.00' },
      { label: 'Circle', text: '£1,716,875.00' },
      { label: 'Bedfordshire CCG', text: '£458,125.00' },
    ]);
    const sheet = book.written.get('BCF Results - Gain share');
    expect(sheet?.charts).toEqual([
      expect.objectContaining({
        kind: 'barClustered',
        title: 'Gain share by party',
        valueAxisFormat: '£#,##0',
      }),
    ]);
    expect(sheet?.tables.map((t) => t.name)).toEqual([
      'BCF_GainShare_Summary',
      'BCF_GainShare_Parties',
      'BCF_GainShare_Bands',
    ]);
  });

  it('caps the non-owner pain at its fee, the owner bearing the rest (Australian alliance)', async () => {
    const contracts = kindTable('contracts', [
      [
        'A1',
        'Alliance',
        'Alliance',
        'Owner',
        'NOP',
        'NOP; Owner',
        100000000,
        null,
        130000000,
        null,
      ],
    ]);
    const bands = kindTable('riskShareBands', [
      [null, 'Both', 1, null, null, 'NOP', '50%'],
      [null, 'Both', 1, null, null, 'Owner', '50%'],
    ]);
    const terms = kindTable('riskShareTerms', [['A1', 'NOP', null, null, 8000000, null, null]]);
    const outcome = await runMechanism(
      new FakeWorkbook([contracts, bands, terms]),
      'gainshare',
      {},
      { now },
    );
    expect(outcome.ok && outcome.headline).toEqual([
      { label: 'Loss', text: '−£30,000,000.00' },
      { label: 'NOP', text: '−£8,000,000.00' },
      { label: 'Owner', text: '−£22,000,000.00' },
    ]);
  });

  it('reports band shares that do not make 100%, unknown parties and a blank actual, writing nothing', async () => {
    const contracts = kindTable('contracts', [
      [
        'MSK1',
        null,
        'Prime contractor',
        'Bedfordshire CCG',
        'Circle',
        null,
        26500000,
        25175000,
        null,
        null,
      ],
    ]);
    const bands = kindTable('riskShareBands', [
      ['MSK1', 'Gain', 1, '5%', null, 'Circle', '100%'],
      ['MSK1', 'Gain', 2, null, null, 'Circle', '50%'],
      ['MSK1', 'Gain', 2, null, null, 'CCG', '45%'],
    ]);
    const book = new FakeWorkbook([contracts, bands]);
    const outcome = await runMechanism(book, 'gainshare', {}, { now });
    expect(!outcome.ok && outcome.findings.map((f) => f.message)).toEqual([
      'Contracts!I3 (Contracts table, row 1, column "Actual spend"): the cell is blank; a gain/loss share needs the actual spend.',
      '\'Risk share\'!F5 (RiskShareBands table, row 3, column "Party"): "CCG" is not a party to this contract (Circle, Bedfordshire CCG).',
      '\'Risk share\'!G5 (RiskShareBands table, row 3, column "Share"): Gain band 2 shares sum to 50.00%, not 100%.',
    ]);
    expect(book.written.size).toBe(0);
  });

  it('adds the outturn curve, its range per party, where the terms bend and a line chart (Bedfordshire MSK, -20% to +20%)', async () => {
    const book = new FakeWorkbook([
      kindTable('contracts'),
      kindTable('riskShareBands'),
      kindTable('riskShareTerms'),
    ]);
    const outcome = await runMechanism(
      book,
      'gainshare',
      { curveFrom: '-20%', curveTo: '20%', curvePoints: 5 },
      { now },
    );
    expect(outcome.ok).toBe(true);
    const sheet = book.written.get('BCF Results - Gain share');
    expect(sheet?.tables.map((t) => t.name)).toEqual([
      'BCF_GainShare_Summary',
      'BCF_GainShare_Parties',
      'BCF_GainShare_Bands',
      'BCF_GainShare_Curve',
      'BCF_GainShare_CurveRange',
      'BCF_GainShare_Kinks',
    ]);
    const rowsOf = (name: string) => {
      const range = sheet?.tables.find((t) => t.name === name)?.range ?? '';
      const [, first, last] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range) ?? [];
      return (sheet?.values ?? []).slice(Number(first) - 1, Number(last));
    };
    // 25,175,000 × 0.8, 0.9, 1, 1.1, 1.2; the provider keeps the first 1,258,750 of a gain
    // and half the rest, and bears every loss.
    expect(rowsOf('BCF_GainShare_Curve').map((r) => r.slice(0, 5))).toEqual([
      ['Actual spend', 'Circle', 'Bedfordshire CCG', 'Variance (expected − actual)', null],
      [20140000, 3146875, 1888125, 5035000, null],
      [22657500, 1888125, 629375, 2517500, null],
      [25175000, 0, 0, 0, null],
      [27692500, -2517500, 0, -2517500, null],
      [30210000, -5035000, 0, -5035000, null],
    ]);
    expect(rowsOf('BCF_GainShare_Kinks')[1]?.slice(0, 4)).toEqual([
      23916250,
      1258750,
      'end of gain band 1 (5% of expected spend)',
      'Circle; Bedfordshire CCG',
    ]);
    expect(sheet?.charts.map((c) => [c.kind, c.title])).toEqual([
      ['barClustered', 'Gain share by party'],
      ['line', 'Each party against actual spend'],
    ]);
  });

  it('asks for both ends of an outturn curve, writing nothing', async () => {
    const book = new FakeWorkbook([kindTable('contracts'), kindTable('riskShareBands')]);
    const outcome = await runMechanism(book, 'gainshare', { curveFrom: '-20%' }, { now });
    expect(!outcome.ok && outcome.findings.map((f) => f.message)).toEqual([
      'Scenario parameter "Outturn curve to": is needed for an outturn curve (give both ends, or neither).',
    ]);
    expect(book.written.size).toBe(0);
  });

  it('adds an exposure simulation with its seed in the steps: the same figures as the engine', async () => {
    const book = new FakeWorkbook([
      kindTable('contracts'),
      kindTable('riskShareBands'),
      kindTable('riskShareTerms'),
    ]);
    const params = { simulationDraws: 1000, simulationCv: '5%', simulationSeed: 7 };
    const outcome = await runMechanism(book, 'gainshare', params, { now });
    expect(outcome.ok).toBe(true);
    const sheet = book.written.get('BCF Results - Gain share');
    const range = sheet?.tables.find((t) => t.name === 'BCF_GainShare_Simulation')?.range ?? '';
    const [, first, last] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range) ?? [];
    const rows = (sheet?.values ?? []).slice(Number(first) - 1, Number(last));
    const engine = gainLossSimulation({
      expected: 25175000,
      actual: 25175000,
      parties: ['Circle', 'Bedfordshire CCG'],
      gainBands: [
        { upToFraction: 0.05, shares: { Circle: 1 } },
        { shares: { Circle: 0.5, 'Bedfordshire CCG': 0.5 } },
      ],
      lossBands: [{ shares: { Circle: 1 } }],
      simulation: { draws: 1000, seed: 7, outturn: { distribution: 'normal', cv: 0.05 } },
    });
    expect(rows.slice(1).map((r) => r.slice(0, 8))).toEqual(
      engine.parties.map((p) => [
        p.party,
        p.p5.toNumber(),
        p.p50.toNumber(),
        p.p95.toNumber(),
        p.mean.toNumber(),
        p.lowest.toNumber(),
        p.highest.toNumber(),
        p.probabilityOfLoss.toNumber(),
      ]),
    );
    const text = (sheet?.values ?? []).flat().filter((v) => typeof v === 'string');
    expect(text).toContain(
      '6. 1,000 outturns drawn with seed 7: normal, mean 100% of expected, coefficient of variation 5%; each actual spend rounded to pence and shared by the terms.',
    );
  });
});
