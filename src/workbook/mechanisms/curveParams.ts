import type { CurveKink, CurveRangeInput } from '../../engine/outturnCurve';
import { numberCell } from '../results/cells';
import { MONEY, TEXT, type ResultBlock } from '../results/layout';
import type { Built } from '../mechanism';
import { decParam, intParam, paramFinding, type ParamSpec, type TypedParams } from '../params';

/** The pane's forms do not ask for a curve: a `bcf run` params file does. */
const NOT_ASKED = { ask: false } as const;

/**
 * The outturn curve's three parameters, with the gain share's ids (curveFrom, curveTo,
 * curvePoints) and labels, for the pooled fund and capitation: `what` says what the curve
 * runs over ("actual spend of the pool × (1 + this)"), `of` what it shows.
 */
export function curveParams(what: string, of: string): ParamSpec[] {
  return [
    {
      id: 'curveFrom',
      label: 'Outturn curve from',
      type: { kind: 'fraction', signed: true },
      help: `With "Outturn curve to": also show ${of} from ${what}, e.g. -20%.`,
      pane: NOT_ASKED,
    },
    {
      id: 'curveTo',
      label: 'Outturn curve to',
      type: { kind: 'fraction', signed: true },
      help: 'The top of the outturn curve, as a change on expected, e.g. 20%.',
      pane: NOT_ASKED,
    },
    {
      id: 'curvePoints',
      label: 'Outturn curve points',
      type: { kind: 'integer', min: 2 },
      help: 'How many outturns the curve shows, both ends included (2 to 1,001; default 41).',
      pane: NOT_ASKED,
    },
  ];
}

const DEFAULT_CURVE_POINTS = 41;

/**
 * The input with the outturn curve its parameters ask for: unchanged when neither end is
 * given, a finding when only one is (the engine checks the range itself).
 */
export function withCurveParams<I extends object>(
  built: Built<I>,
  values: TypedParams,
): Built<I & { readonly curve?: CurveRangeInput }> {
  const from = decParam(values, 'curveFrom');
  const to = decParam(values, 'curveTo');
  if (from === undefined && to === undefined) return built;
  if (from === undefined || to === undefined) {
    return {
      ...built,
      findings: [
        ...built.findings,
        paramFinding(
          from === undefined ? 'Outturn curve from' : 'Outturn curve to',
          'is needed for an outturn curve (give both ends, or neither).',
          from === undefined ? 'curveFrom' : 'curveTo',
        ),
      ],
    };
  }
  const points = intParam(values, 'curvePoints') ?? DEFAULT_CURVE_POINTS;
  return {
    ...built,
    input: { ...built.input, curve: { from: from.toString(), to: to.toString(), points } },
  };
}

/**
 * The result sheet's table of where a curve's terms bend (the gain/loss share's and the
 * pooled fund's): each kink's actual spend, variance, reason and who it affects.
 *
 * @param name - the table's name on the sheet, e.g. `BCF_Pool_Kinks`.
 * @param affected - the heading of the last column ("Parties affected", "Partners affected").
 * @returns no block when the terms do not bend over the range.
 */
export function kinksBlock(
  kinks: readonly CurveKink[],
  name: string,
  affected: string,
): ResultBlock[] {
  if (kinks.length === 0) return [];
  return [
    {
      kind: 'table',
      heading: 'Where the terms bend',
      name,
      columns: [
        { header: 'Actual spend', format: MONEY, width: 18 },
        { header: 'Variance', format: MONEY, width: 16 },
        { header: 'What the terms do there', format: TEXT, width: 60 },
        { header: affected, format: TEXT, width: 28 },
      ],
      rows: kinks.map((k) => [
        numberCell(k.actual),
        numberCell(k.variance),
        k.reason,
        k.parties.join('; '),
      ]),
    },
  ];
}
