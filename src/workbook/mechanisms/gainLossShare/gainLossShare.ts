import { moneyText } from '../../../engine/decimal';
import {
  gainLossExploration,
  type GainLossExploration,
  type GainLossExplorationInput,
} from '../../../engine/gainLossShare/gainLossExploration';
import type { GainLossShareResult } from '../../../engine/gainLossShare/gainLossShare';
import { defineMechanism, type Built, type MechanismEntry } from '../../mechanism';
import {
  decParam,
  intParam,
  paramFinding,
  textParam,
  type ScenarioParams,
  type TypedParams,
} from '../../params';
import type { InputTables } from '../../readInputs';
import { numberCell, numberCellOrBlank } from '../../results/cells';
import { MONEY, MONEY_AXIS, PERCENT, TEXT, type ResultBlock } from '../../results/layout';
import { TABLE_KINDS } from '../../tableKinds';
import { kinksBlock, withCurveParams } from '../curveParams';
import { buildGainLossShare } from './gainLossShareInput';
import { hasTermsParam, TERMS_SPEC } from './gainLossShareTerms';
import { sharePortfolio, type GainLossSharePortfolioResult } from './gainLossSharePortfolio';
import { buildPortfolio, type GainLossSharePortfolioInput } from './gainLossSharePortfolioInput';
import { portfolioBlocks, portfolioHeadline } from './gainLossSharePortfolioLayout';

const gainOrLoss = (r: GainLossShareResult): string =>
  r.direction === 'loss' ? 'Loss' : r.direction === 'gain' ? 'Gain' : 'Variance';

function summary(r: GainLossShareResult): ResultBlock {
  const money = [TEXT, MONEY];
  return {
    kind: 'table',
    heading: 'Expected and actual spend',
    name: 'BCF_GainShare_Summary',
    columns: [
      { header: 'Measure', format: TEXT, width: 34 },
      { header: 'Value', format: MONEY },
    ],
    rows: [
      ['Expected spend', numberCell(r.expected)],
      ['Actual spend', numberCell(r.actual)],
      [`${gainOrLoss(r)} (expected − actual)`, numberCell(r.variance)],
      ['Variance as a share of expected', numberCellOrBlank(r.varianceFraction)],
      ['Gate met', r.gateMet === undefined ? 'no gate' : r.gateMet ? 'yes' : 'no'],
    ],
    rowFormats: [money, money, money, [TEXT, PERCENT], [TEXT, TEXT]],
  };
}

function parties(r: GainLossShareResult): ResultBlock {
  return {
    kind: 'table',
    heading: `${gainOrLoss(r)} by party`,
    name: 'BCF_GainShare_Parties',
    columns: [
      { header: 'Party', format: TEXT, width: 28 },
      { header: r.direction === 'loss' ? 'Loss borne' : 'Gain received', format: MONEY },
      { header: 'From the bands', format: MONEY },
      { header: 'Quality adjustment', format: MONEY },
      { header: 'Cap adjustment', format: MONEY },
    ],
    rows: r.parties.map((p) => [
      p.party,
      numberCell(p.amount),
      numberCell(p.sharedAmount),
      numberCell(p.qualityAdjustment),
      numberCell(p.capAdjustment),
    ]),
    chart: {
      kind: 'barClustered',
      title: `${gainOrLoss(r)} share by party`,
      series: [1],
      valueAxisFormat: MONEY_AXIS,
      valueAxisTitle: 'Amount (£)',
      categoryAxisTitle: 'Party',
    },
  };
}

function bands(r: GainLossShareResult): ResultBlock {
  return {
    kind: 'table',
    heading: 'Bands',
    name: 'BCF_GainShare_Bands',
    columns: [
      { header: 'Band', format: '0' },
      { header: 'From', format: MONEY },
      { header: 'To', format: MONEY },
      { header: 'Amount in band', format: MONEY },
      ...r.parties.map((p) => ({ header: p.party, format: MONEY })),
    ],
    rows: r.bands.map((b, i) => [
      b.band,
      numberCell(b.from),
      numberCellOrBlank(b.to),
      numberCell(b.amount),
      ...r.parties.map((p) => numberCellOrBlank(p.bandAmounts[i])),
    ]),
  };
}

/** The outturn curve's table, with a line chart of each party's amount against actual spend. */
function curve(r: GainLossExploration): ResultBlock[] {
  if (r.curve === undefined) return [];
  const blocks: ResultBlock[] = [
    {
      kind: 'table',
      heading: 'Outturn curve: what each party gets or bears at each actual spend',
      name: 'BCF_GainShare_Curve',
      columns: [
        { header: 'Actual spend', format: MONEY, width: 18 },
        ...r.parties.map((p) => ({ header: p.party, format: MONEY, width: 16 })),
        { header: 'Variance (expected − actual)', format: MONEY, width: 16 },
      ],
      rows: r.curve.map((point) => [
        numberCell(point.actual),
        ...point.parties.map((p) => numberCell(p.amount)),
        numberCell(point.variance),
      ]),
      chart: {
        kind: 'line',
        title: 'Each party against actual spend',
        series: r.parties.map((_, i) => i + 1),
        valueAxisFormat: MONEY_AXIS,
        valueAxisTitle: 'Gain (+) or loss (−) (£)',
        categoryAxisTitle: 'Actual spend (£)',
      },
    },
    {
      kind: 'table',
      heading: 'Most each party can gain or lose over the curve',
      name: 'BCF_GainShare_CurveRange',
      columns: [
        { header: 'Party', format: TEXT, width: 28 },
        { header: 'Maximum gain', format: MONEY },
        { header: 'Gain held by its cap', format: TEXT },
        { header: 'Maximum loss', format: MONEY },
        { header: 'Loss held by its cap', format: TEXT },
      ],
      rows: (r.curveParties ?? []).map((p) => [
        p.party,
        numberCell(p.maximumGain),
        p.maximumGainCapped ? 'yes' : 'no',
        numberCell(p.maximumLoss),
        p.maximumLossCapped ? 'yes' : 'no',
      ]),
    },
  ];
  return [...blocks, ...kinksBlock(r.kinks ?? [], 'BCF_GainShare_Kinks', 'Parties affected')];
}

/** The exposure simulation per party, with a chart of each party's 5th, 50th and 95th percentile. */
function simulation(r: GainLossExploration): ResultBlock[] {
  const sim = r.simulation;
  if (sim === undefined) return [];
  const beyond = sim.lossThreshold;
  return [
    {
      kind: 'table',
      heading: `Exposure over ${sim.draws.toLocaleString('en-GB')} simulated outturns (seed ${sim.seed})`,
      name: 'BCF_GainShare_Simulation',
      columns: [
        { header: 'Party', format: TEXT, width: 28 },
        { header: '5th percentile', format: MONEY },
        { header: 'Median', format: MONEY },
        { header: '95th percentile', format: MONEY },
        { header: 'Mean', format: MONEY },
        { header: 'Worst draw', format: MONEY },
        { header: 'Best draw', format: MONEY },
        { header: 'Chance of a loss', format: PERCENT },
        ...(beyond === undefined
          ? []
          : [{ header: `Chance of a loss over ${moneyText(beyond)}`, format: PERCENT }]),
      ],
      rows: sim.parties.map((p) => [
        p.party,
        numberCell(p.p5),
        numberCell(p.p50),
        numberCell(p.p95),
        numberCell(p.mean),
        numberCell(p.lowest),
        numberCell(p.highest),
        numberCell(p.probabilityOfLoss),
        ...(beyond === undefined ? [] : [numberCellOrBlank(p.probabilityOfLossBeyondThreshold)]),
      ]),
      chart: {
        kind: 'columnClustered',
        title: 'Simulated gain (+) or loss (−) by party: 5th, 50th and 95th percentiles',
        series: [1, 2, 3],
        valueAxisFormat: MONEY_AXIS,
        valueAxisTitle: 'Amount (£)',
        categoryAxisTitle: 'Party',
      },
    },
  ];
}

/** Whether the run asks for an exposure simulation. */
function wantsSimulation(values: TypedParams): boolean {
  return intParam(values, 'simulationDraws') !== undefined;
}

/** Whether the run asks for an outturn curve (either end given). */
function wantsCurve(values: TypedParams): boolean {
  return decParam(values, 'curveFrom') !== undefined || decParam(values, 'curveTo') !== undefined;
}

/** The contract's terms and spend, with the outturn curve when its parameters are given. */
function buildContract(
  tables: InputTables,
  values: TypedParams,
  raw: ScenarioParams,
): Built<GainLossExplorationInput> {
  return withCurveParams(withSimulation(buildGainLossShare(tables, values, raw), values), values);
}

/** The input with the exposure simulation its parameters ask for (or as it is). */
function withSimulation(
  built: Built<GainLossExplorationInput>,
  values: TypedParams,
): Built<GainLossExplorationInput> {
  const draws = intParam(values, 'simulationDraws');
  if (draws === undefined) return built;
  const cv = decParam(values, 'simulationCv');
  if (cv === undefined) {
    return {
      ...built,
      findings: [
        ...built.findings,
        paramFinding(
          'Simulation spread (cv)',
          'is needed for an exposure simulation: how far actual spend strays from expected, e.g. 5%.',
          'simulationCv',
        ),
      ],
    };
  }
  const threshold = decParam(values, 'simulationLossThreshold');
  return {
    ...built,
    input: {
      ...built.input,
      simulation: {
        draws,
        seed: intParam(values, 'simulationSeed') ?? 1,
        outturn: {
          distribution: textParam(values, 'simulationDistribution') ?? 'normal',
          cv: cv.toString(),
        },
        ...(threshold === undefined ? {} : { lossThreshold: threshold.toString() }),
      },
    },
  };
}

/** What the one-contract and every-contract runs share: tables and parameters. */
const gainLossShareDescriptor = {
  title: 'Gain/loss share',
  summary: 'How the difference between expected and actual spend is shared among the parties.',
  functions: ['GAINSHARE', 'GAINSHARECURVE', 'TIEREDSHARE'],
  sheet: 'BCF Results - Gain share',
  tables: [
    { kind: TABLE_KINDS.contracts, required: true },
    { kind: TABLE_KINDS.riskShareBands, required: true },
    { kind: TABLE_KINDS.riskShareTerms, required: false },
  ],
  // With the `terms` parameter the contract's bands, caps and quality come from it.
  tablesFor: (raw: ScenarioParams) =>
    hasTermsParam(raw) ? [{ kind: TABLE_KINDS.contracts, required: true }] : undefined,
  structured: [TERMS_SPEC],
  params: [
    {
      id: 'contract',
      label: 'Contract',
      type: { kind: 'text' },
      help: 'The Contract ID to share the variance of; leave it out to share the variance of every contract in the Contracts table, each under its own terms.',
    },
    {
      id: 'gate',
      label: 'Gate (share of expected)',
      type: { kind: 'fraction' },
      help: 'No sharing unless |variance| / expected reaches it; below it one party holds the whole variance.',
    },
    {
      id: 'gateHolder',
      label: 'Below-gate holder',
      type: { kind: 'text' },
      help: 'Who holds a variance below the gate; default the provider under a prime contractor, prime provider or single contractor, else the commissioner.',
    },
    {
      id: 'gateAppliesTo',
      label: 'Gate applies to',
      type: { kind: 'enum', options: [{ value: 'both' }, { value: 'gains' }, { value: 'losses' }] },
      default: 'both',
      help: 'both, gains or losses.',
    },
    {
      id: 'unearnedTo',
      label: 'Unearned (quality) to',
      type: { kind: 'text' },
      help: 'Who receives the part of a gain a quality multiplier does not earn; default the commissioner.',
    },
    {
      id: 'overflowTo',
      label: 'Beyond caps to',
      type: { kind: 'text' },
      help: 'Who takes what a capped party cannot; default the commissioner.',
    },
    {
      id: 'units',
      label: 'Units (e.g. member months)',
      type: { kind: 'number', nonNegative: true },
      help: 'When expected and actual spend are per unit (per member per month), the number of units.',
    },
    {
      id: 'curveFrom',
      label: 'Outturn curve from',
      type: { kind: 'fraction', signed: true },
      help: 'With "Outturn curve to": also show what each party gets or bears from actual spend of expected × (1 + this), e.g. -20% for 80% of expected. One contract only.',
    },
    {
      id: 'curveTo',
      label: 'Outturn curve to',
      type: { kind: 'fraction', signed: true },
      help: 'The highest actual spend of the outturn curve, as a change on expected, e.g. 20%.',
    },
    {
      id: 'curvePoints',
      label: 'Outturn curve points',
      type: { kind: 'integer', min: 2 },
      help: 'How many actual spends the curve shows, both ends included (2 to 1,001; default 41).',
    },
    {
      id: 'simulationDraws',
      label: 'Simulation draws',
      type: { kind: 'integer', min: 100 },
      help: 'For an exposure simulation: how many random outturns to share (100 to 1,000,000, e.g. 10,000). One contract only.',
    },
    {
      id: 'simulationCv',
      label: 'Simulation spread (cv)',
      type: { kind: 'fraction' },
      help: 'How far actual spend strays from expected: the coefficient of variation, e.g. 5% (one standard deviation).',
    },
    {
      id: 'simulationDistribution',
      label: 'Simulation distribution',
      type: { kind: 'enum', options: [{ value: 'normal' }, { value: 'lognormal' }] },
      default: 'normal',
      help: 'normal, or lognormal (skewed: overspends can run further than savings).',
    },
    {
      id: 'simulationSeed',
      label: 'Simulation seed',
      type: { kind: 'integer', min: 0 },
      help: 'Any whole number; the same seed gives the same figures on every machine (default 1).',
    },
    {
      id: 'simulationLossThreshold',
      label: 'Simulation loss threshold',
      type: { kind: 'amount', nonNegative: true },
      help: 'Also show the chance of a loss larger than this amount, e.g. £1,000,000.',
    },
  ],
} as const satisfies Omit<MechanismEntry, 'prepare' | 'scenario'>;

/** The gain/loss (risk) share of one contract. */
const contractMechanism = defineMechanism<GainLossExplorationInput, GainLossExploration>({
  ...gainLossShareDescriptor,
  build: buildContract,
  calculate: gainLossExploration,
  blocks: (r) => [summary(r), parties(r), bands(r), ...curve(r), ...simulation(r)],
  extraParamRows: (input) => [['Parties', input.parties.join('; '), TEXT]],
  headline: (r) => [
    { label: gainOrLoss(r), text: moneyText(r.variance) },
    ...r.parties.map((p) => ({ label: p.party, text: moneyText(p.amount) })),
  ],
});

/** The gain/loss share of every contract of the Contracts table, in one run. */
const portfolioMechanism = defineMechanism<
  GainLossSharePortfolioInput,
  GainLossSharePortfolioResult
>({
  ...gainLossShareDescriptor,
  build: buildPortfolio,
  calculate: sharePortfolio,
  blocks: portfolioBlocks,
  extraParamRows: (input) => [
    [
      'Contracts',
      `${input.contracts.length.toLocaleString('en-GB')} (every row of the Contracts table)`,
      TEXT,
    ],
  ],
  headline: portfolioHeadline,
});

/**
 * The gain/loss (risk) share as the workbook runs it: of the contract the `contract`
 * parameter names (or the only one), else of every contract of the Contracts table. An
 * outturn curve or a simulation is of one contract, so asking for one with several
 * contracts and none named is a finding (choose the contract) rather than a share of every
 * contract.
 */
export const gainLossShareMechanism: MechanismEntry = {
  ...gainLossShareDescriptor,
  // A JSON scenario is one contract's terms (the portfolio is a workbook run).
  scenario: (input) => gainLossExploration(input as GainLossExplorationInput),
  prepare: (tables, values, raw) =>
    textParam(values, 'contract') === undefined &&
    (tables.contracts?.rows.length ?? 0) > 1 &&
    !wantsCurve(values) &&
    !wantsSimulation(values) &&
    !hasTermsParam(raw)
      ? portfolioMechanism.prepare(tables, values, raw)
      : contractMechanism.prepare(tables, values, raw),
};
