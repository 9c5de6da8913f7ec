import type { CurveRangeInput } from '../../engine/outturnCurve';
import type { Built } from '../mechanism';
import { decParam, intParam, paramFinding, type ParamSpec, type TypedParams } from '../params';

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
    },
    {
      id: 'curveTo',
      label: 'Outturn curve to',
      type: { kind: 'fraction', signed: true },
      help: 'The top of the outturn curve, as a change on expected, e.g. 20%.',
    },
    {
      id: 'curvePoints',
      label: 'Outturn curve points',
      type: { kind: 'integer', min: 2 },
      help: 'How many outturns the curve shows, both ends included (2 to 1,001; default 41).',
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
