/**
 * The gain/loss share's `terms` parameter: one contract's bands, quality multipliers and
 * caps, shaped like the engine's terms (see GainLossTermsInput), with decimal strings
 * (or numbers) as values. They go to the engine as they are and the engine checks them;
 * a refusal is a finding naming the parameter, the path in it and the bad value. Given,
 * the contract's bands, caps and quality come from it and the RiskShareBands and
 * RiskShareTerms tables are neither needed nor read.
 *
 * @example
 * { "terms": {
 *     "gainBands": [
 *       { "upToFraction": "0.03", "shares": { "ICB": "0.5", "Provider": "0.5" } },
 *       { "shares": { "ICB": "0.25", "Provider": "0.75" } } ],
 *     "lossBands": [ { "shares": { "ICB": "1" } } ],
 *     "quality": { "Provider": "0.8" },
 *     "caps": { "gain": { "Provider": { "amount": "100000" } } } } }
 */
import type {
  GainLossBandInput,
  GainLossCapInput,
  GainLossTermsInput,
} from '../../../engine/gainLossShare/gainLossShare';
import { sharedTerms } from '../../../engine/gainLossShare/gainLossTerms';
import { EngineError } from '../../../engine/errors';
import type { Amount } from '../../../engine/decimal';
import { FindingCode, type Finding } from '../../findings';
import type { JsonParamSpec } from '../../params';
import type { ScenarioParams } from '../../params';

/** The parameter's id. */
export const TERMS_PARAM = 'terms';

/** The parts `terms` may have. */
const PARTS = ['gainBands', 'lossBands', 'quality', 'caps'] as const;

/** The bands, quality multipliers and caps the `terms` parameter gives, as the engine takes them. */
export interface ParamTerms {
  readonly gainBands: readonly GainLossBandInput[];
  readonly lossBands?: readonly GainLossBandInput[];
  readonly quality?: Readonly<Record<string, Amount>>;
  readonly caps?: {
    readonly gain?: Readonly<Record<string, GainLossCapInput>>;
    readonly loss?: Readonly<Record<string, GainLossCapInput>>;
  };
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A finding about the `terms` parameter, at `path` inside it when given. */
export function termsFinding(problem: string, path?: string): Finding {
  return {
    code: FindingCode.BAD_PARAMETER,
    parameter: TERMS_PARAM,
    message:
      path === undefined
        ? `Scenario parameter "${TERMS_PARAM}": ${problem}`
        : `Scenario parameter "${TERMS_PARAM}", ${path}: ${problem}`,
  };
}

/** Whether the run's parameters give `terms` (anything but absent or null). */
export function hasTermsParam(raw: ScenarioParams): boolean {
  const value: unknown = raw[TERMS_PARAM];
  return value !== undefined && value !== null;
}

/**
 * The `terms` parameter's parts, or findings when it is not a record of them (shape
 * only: every value inside is the engine's to check, see {@link engineChecked}).
 */
export function readTermsParam(
  raw: ScenarioParams,
): { readonly terms: ParamTerms } | { readonly findings: readonly Finding[] } {
  const value: unknown = raw[TERMS_PARAM];
  if (!isRecord(value)) {
    return {
      findings: [
        termsFinding(
          'a record of the contract’s terms is needed, e.g. {"gainBands": [{"shares": {"ICB": "0.5", "Provider": "0.5"}}]}.',
        ),
      ],
    };
  }
  const findings = Object.keys(value)
    .filter((key) => !(PARTS as readonly string[]).includes(key))
    .map((key) => termsFinding(`"${key}" is not one of its parts (${PARTS.join(', ')}).`));
  const { caps } = value;
  if (isRecord(caps)) {
    for (const key of Object.keys(caps).filter((k) => k !== 'gain' && k !== 'loss')) {
      findings.push(termsFinding(`"${key}" is not gain or loss.`, 'caps'));
    }
  } else if (caps !== undefined && caps !== null) {
    findings.push(termsFinding('a record of gain and loss caps by party is needed.', 'caps'));
  }
  if (findings.length > 0) return { findings };
  const given = value as unknown as ParamTerms;
  return {
    terms: {
      gainBands: given.gainBands,
      ...(value.lossBands === undefined || value.lossBands === null
        ? {}
        : { lossBands: given.lossBands }),
      ...(value.quality === undefined || value.quality === null ? {} : { quality: given.quality }),
      ...(isRecord(caps) ? { caps: given.caps } : {}),
    },
  };
}

/**
 * The engine's paths as the parameters write them: `quality.multipliers.X` is
 * `quality.X` of `terms`; `caps.overflowTo` is the `overflowTo` parameter.
 */
const paramPath = (text: string): string =>
  text.replace(/quality\.multipliers/g, 'quality').replace(/caps\.overflowTo/g, 'overflowTo');

/** The paths of the engine's terms that come from the `terms` parameter. */
const FROM_PARAM = /^(gainBands|lossBands|quality\.multipliers|caps\.gain|caps\.loss)(\b|\[|\.|$)/;

/**
 * The engine's checks of terms built from the `terms` parameter: none when it takes
 * them, else one finding naming the path inside the parameter and the value (the
 * engine's message). A refusal of something else (a gate holder, who takes what caps
 * pass on) is left for the run, which names that parameter as it always has.
 */
export function engineChecked(terms: GainLossTermsInput): readonly Finding[] {
  try {
    sharedTerms(terms);
    return [];
  } catch (error) {
    if (!(error instanceof EngineError) || !FROM_PARAM.test(error.field)) {
      if (error instanceof EngineError) return [];
      throw error;
    }
    const path = paramPath(error.field);
    const message = paramPath(error.message);
    return [message.startsWith(`${path} `) ? termsFinding(message) : termsFinding(message, path)];
  }
}

/** A decimal: a number or a decimal string ("0.05"), as the engine takes it. */
const DECIMAL = { type: ['string', 'number'] } as const;

const BANDS = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    properties: {
      upToFraction: DECIMAL,
      upToAmount: DECIMAL,
      shares: {
        anyOf: [
          { type: 'object', additionalProperties: DECIMAL },
          { type: 'array', items: DECIMAL },
        ],
      },
    },
    required: ['shares'],
    additionalProperties: false,
  },
} as const;

const CAPS_BY_PARTY = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { amount: DECIMAL, fraction: DECIMAL },
    additionalProperties: false,
  },
} as const;

/** The `terms` parameter for the params help and schema. */
export const TERMS_SPEC: JsonParamSpec = {
  id: TERMS_PARAM,
  kind: 'json',
  label: 'Terms (bands, quality, caps)',
  help: 'One contract’s bands, quality multipliers and caps, shaped like the engine’s terms (decimals as numbers or strings: "0.05" is 5%); given, the RiskShareBands and RiskShareTerms tables are not read. gainBands: every band but the last ends at upToFraction (of expected spend) or upToAmount, with each party’s share (a party left out takes 0); lossBands: left out, losses are shared like gains; quality: multipliers (0 to 1) on a party’s share of a gain; caps: gain and loss caps by party, an amount or a fraction of expected. With several contracts, choose the contract. The gate, its holder, unearnedTo and overflowTo stay their own parameters.',
  example: {
    gainBands: [
      { upToFraction: '0.03', shares: { ICB: '0.5', Provider: '0.5' } },
      { shares: { ICB: '0.25', Provider: '0.75' } },
    ],
    quality: { Provider: '0.8' },
    caps: { gain: { Provider: { amount: '100000' } } },
  },
  schema: {
    title: 'Terms (bands, quality, caps)',
    type: 'object',
    properties: {
      gainBands: BANDS,
      lossBands: BANDS,
      quality: { type: 'object', additionalProperties: DECIMAL },
      caps: {
        type: 'object',
        properties: { gain: CAPS_BY_PARTY, loss: CAPS_BY_PARTY },
        additionalProperties: false,
      },
    },
    required: ['gainBands'],
    additionalProperties: false,
  },
};
