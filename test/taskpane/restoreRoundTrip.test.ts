/**
 * Round trip of every form through the workbook: form state → request → the layer's
 * scenario parameters → saved as JSON (as the settings store keeps them) → restored form
 * state → request → scenario parameters, which must be the same parameters.
 */
import type {
  Distribution,
  ExploreForm,
} from '../../src/taskpane/mechanisms/gainLossShare/exploreForm';
import fc from 'fast-check';
import type { FieldSpec, FormValues } from '../../src/taskpane/forms/fields';
import { recordField } from '../../src/taskpane/forms/fields';
import {
  ALL_CONTRACTS,
  isAllContracts,
  type BandRow,
  type GainLossForm,
} from '../../src/taskpane/mechanisms/gainLossShare/gainLossForm';
import { SIMPLE_FORMS } from '../../src/taskpane/forms/mechanismForms';
import {
  buildRequest,
  choicesOf,
  initialForms,
  type Forms,
  type SimpleMechanismId,
} from '../../src/taskpane/forms/request';
import { scenarioParams } from '../../src/taskpane/layer/layerParams';
import {
  engineChecked,
  readTermsParam,
} from '../../src/workbook/mechanisms/gainLossShare/gainLossShareTerms';
import type { ScenarioParams } from '../../src/workbook/params';
import type { ContractSummary, MechanismId } from '../../src/taskpane/operations';

/** Bedfordshire MSK prime contract (King's Fund 2014). */
const MSK: ContractSummary = {
  id: 'MSK1',
  provider: 'Circle',
  commissioner: 'Bedfordshire CCG',
  parties: ['Circle', 'Bedfordshire CCG'],
  hasBands: true,
};
const ALLIANCE: ContractSummary = {
  id: 'ALL2',
  parties: ['Trust', 'GP federation', 'Council'],
  hasBands: false,
};
const CONTRACT_SETS: readonly (readonly ContractSummary[])[] = [[MSK], [MSK, ALLIANCE], []];
const PARTNER_SETS: readonly (readonly string[])[] = [
  ['B&NES CCG', 'B&NES Council'],
  ['CCG', 'Council', 'Trust'],
];

/** An integer of hundredths as exact decimal text: -550 → "-5.50" (or "-5.5", "-5.5%"...). */
function hundredths(min: number, max: number, suffix = ''): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }), fc.boolean())
    .map(([n, short]) => {
      const sign = n < 0 ? '-' : '';
      const abs = Math.abs(n);
      const whole = Math.floor(abs / 100);
      const cents = String(abs % 100).padStart(2, '0');
      const text = short && cents === '00' ? `${whole}` : `${whole}.${cents}`;
      return `${sign}${text}${suffix}`;
    });
}

function percentText(min: number, max: number): fc.Arbitrary<string> {
  return fc.oneof(hundredths(min, max), hundredths(min, max, '%'));
}

/** Pounds as people type them: "1250000", "1,250,000.50", "£2,500". */
function moneyText(min = 0, max = 50_000_000): fc.Arbitrary<string> {
  return fc.tuple(hundredths(min, max), fc.boolean(), fc.boolean()).map(([text, pound, commas]) => {
    const negative = text.startsWith('-');
    const [whole = '0', fraction] = text.replace('-', '').split('.');
    const grouped = commas ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
    const body = `${pound ? '£' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
    return negative ? `-${body}` : body;
  });
}

/** Percentages for `parties` that add up to exactly 100, in hundredths of a percent. */
function sharesFor(parties: readonly string[]): fc.Arbitrary<Record<string, string>> {
  return fc
    .array(fc.integer({ min: 0, max: 10_000 }), {
      minLength: parties.length,
      maxLength: parties.length,
    })
    .map((weights) => {
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      const parts = weights.map((w) => Math.floor((w * 10_000) / total));
      parts[parts.length - 1] = 10_000 - parts.slice(0, -1).reduce((a, b) => a + b, 0);
      return Object.fromEntries(
        parties.map((p, i) => [
          p,
          `${Math.floor((parts[i] ?? 0) / 100)}.${String((parts[i] ?? 0) % 100).padStart(2, '0')}`,
        ]),
      );
    });
}

const optional = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(fc.constant(''), arb);

/** Text for one field, within what the field accepts. */
function fieldValue(
  field: FieldSpec,
  names: readonly string[],
  contracts: readonly string[],
): fc.Arbitrary<string> {
  const value = ((): fc.Arbitrary<string> => {
    switch (field.kind) {
      case 'percent':
        return percentText(field.min ?? 0, field.max ?? 100);
      case 'money':
        return moneyText(field.allowNegative === true ? -1_000_000 : 0);
      case 'whole':
        return fc.integer({ min: field.min, max: field.max }).map(String);
      case 'choice':
        return fc.constantFrom(...field.options.map((o) => o.value));
      case 'party':
        return fc.constantFrom(...names, ...(field.none === undefined ? [] : ['']));
      case 'contract':
        return fc.constantFrom('', ...contracts);
      case 'text':
        return fc.constantFrom('Year 2', 'Net budget reduction', 'Contract period', '2019/20');
      default:
        throw new Error(`No generator for ${field.kind}`);
    }
  })();
  return field.optional === true ? optional(value) : value;
}

/** Values for every field of a simple form (records with up to three items). */
function formValues(
  fields: readonly FieldSpec[],
  names: readonly string[],
  contracts: readonly string[],
): fc.Arbitrary<FormValues> {
  const parts = fields.map((field): fc.Arbitrary<Record<string, string>> => {
    switch (field.kind) {
      case 'partyPercents':
        return sharesFor(names).map((shares) =>
          Object.fromEntries(Object.entries(shares).map(([p, s]) => [`${field.key}.${p}`, s])),
        );
      case 'partyAmounts':
        return fc
          .array(optional(moneyText()), { minLength: names.length, maxLength: names.length })
          .map((amounts) =>
            Object.fromEntries(names.map((p, i) => [`${field.key}.${p}`, amounts[i] ?? ''])),
          );
      case 'records':
        return fc.integer({ min: 0, max: 3 }).chain((count) =>
          fc
            .tuple(
              ...Array.from({ length: count }, (_, i) =>
                formValues(
                  field.fields.map((sub) => recordField(field, sub, i)),
                  names,
                  contracts,
                ),
              ),
            )
            .map(
              (records) =>
                Object.assign({ [`${field.key}.count`]: String(count) }, ...records) as Record<
                  string,
                  string
                >,
            ),
        );
      default:
        return fieldValue(field, names, contracts).map((v) => ({ [field.key]: v }));
    }
  });
  return fc.tuple(...parts).map((records) => Object.assign({}, ...records) as FormValues);
}

/** The parameters a form state runs with, or undefined when it cannot run. */
function paramsOf(mechanism: MechanismId, forms: Forms): unknown {
  const built = buildRequest(mechanism, forms);
  return built.ok ? scenarioParams(built.request) : undefined;
}

/** Saves the parameters as the settings store does and restores fresh forms from them. */
function reopened(mechanism: MechanismId, forms: Forms, params: unknown): Forms {
  const saved = JSON.parse(JSON.stringify(params)) as Record<string, unknown>;
  return initialForms(forms.contracts, forms.partners, undefined, { [mechanism]: saved });
}

/**
 * Whether the engine refuses the editor's terms as the run would give them (the overflow
 * party capped, say): such a run saves nothing, and terms it refuses are not restored
 * (restoreForms.test.ts).
 */
function termsRefused(forms: Forms, params: unknown): boolean {
  const saved = params as ScenarioParams;
  const read = readTermsParam(saved);
  if (saved.terms === undefined || !('terms' in read)) return false;
  const id = forms.gainLoss.contract;
  const contract = forms.contracts.find((c) => c.id === id) ?? forms.contracts[0];
  const parties = contract?.parties ?? [];
  const to = (key: string): string =>
    typeof saved[key] === 'string' ? String(saved[key]) : (contract?.commissioner ?? '');
  const { gainBands, lossBands, quality, caps } = read.terms;
  return (
    engineChecked({
      parties,
      gainBands,
      ...(lossBands === undefined ? {} : { lossBands }),
      ...(quality === undefined
        ? {}
        : { quality: { multipliers: quality, unearnedTo: to('unearnedTo') } }),
      ...(caps === undefined ? {} : { caps: { ...caps, overflowTo: to('overflowTo') } }),
    }).length > 0
  );
}

const SIMPLE_IDS = Object.keys(SIMPLE_FORMS) as SimpleMechanismId[];

describe('forms restored from the parameters a run saved in the workbook', () => {
  it.each(SIMPLE_IDS)('%s: restored form runs with the same parameters', (mechanism) => {
    const scenario = fc
      .tuple(fc.constantFrom(...CONTRACT_SETS), fc.constantFrom(...PARTNER_SETS))
      .chain(([contracts, partners]) => {
        const forms = initialForms(contracts, partners);
        const { names, contracts: ids } = choicesOf(forms, mechanism);
        return formValues(SIMPLE_FORMS[mechanism].fields, names, ids).map((values) => ({
          ...forms,
          simple: { [mechanism]: values },
        }));
      });
    let ran = 0;
    fc.assert(
      fc.property(scenario, (forms) => {
        const params = paramsOf(mechanism, forms);
        fc.pre(params !== undefined);
        ran++;
        const restored = reopened(mechanism, forms, params);
        expect(restored.restored).toContain(mechanism);
        expect(paramsOf(mechanism, restored)).toEqual(params);
      }),
      { numRuns: 150 },
    );
    // The generator gives forms that run, so the property is not vacuous.
    expect(ran).toBeGreaterThan(50);
  });
});

/** Hundredths as decimal text: 123456 → "1234.56". */
function cents(n: number): string {
  return `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
}

/** Bands with ascending limits (percentages or pounds) and shares adding up to 100%. */
function bands(parties: readonly string[], limits: 'fraction' | 'amount'): fc.Arbitrary<BandRow[]> {
  const top = limits === 'fraction' ? 10_000 : 500_000_000;
  return fc.integer({ min: 1, max: 3 }).chain((count) =>
    fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 1, max: top }), {
          minLength: count - 1,
          maxLength: count - 1,
        }),
        fc.array(sharesFor(parties), { minLength: count, maxLength: count }),
      )
      .map(([ends, shares]) => {
        const sorted = [...ends].sort((a, b) => a - b);
        return shares.map((s, i) => ({
          upTo: i < count - 1 ? cents(sorted[i] ?? 1) : '',
          shares: s,
        }));
      }),
  );
}

/** An outturn curve and a simulation, each on or off, as people type them. */
const exploreScenario: fc.Arbitrary<ExploreForm> = fc.record({
  curve: fc
    .tuple(fc.boolean(), fc.integer({ min: -50, max: 49 }), fc.integer({ min: 1, max: 50 }))
    .chain(([on, from, span]) =>
      fc.record({
        on: fc.constant(on),
        from: fc.constant(String(from)),
        to: fc.constant(String(from + span)),
        points: fc.integer({ min: 2, max: 1001 }).map(String),
      }),
    ),
  simulation: fc.record({
    on: fc.boolean(),
    draws: fc.integer({ min: 100, max: 1_000_000 }).map(String),
    cv: percentText(0, 100),
    distribution: fc.constantFrom<Distribution>('normal', 'lognormal'),
    seed: fc.integer({ min: 0, max: 2_147_483_647 }).map(String),
    lossThreshold: optional(moneyText()),
  }),
});

/**
 * A gain/loss editor state for one of the contracts or all of them, with every option
 * exercised (with all contracts, the fields it does not send hold whatever a contract
 * left in them).
 */
const gainLossScenario: fc.Arbitrary<Forms> = fc
  .constantFrom<readonly ContractSummary[]>([MSK], [MSK, ALLIANCE])
  .chain((contracts) =>
    fc
      .constantFrom(
        ...(contracts.length === 1 ? ['', 'MSK1'] : [ALL_CONTRACTS, ...contracts.map((c) => c.id)]),
      )
      .chain((id) => {
        const contract = contracts.find((c) => c.id === id) ?? MSK;
        const parties = contract.parties;
        const party = fc.constantFrom(...parties);
        const each = (arb: fc.Arbitrary<string>): fc.Arbitrary<Record<string, string>> =>
          fc
            .array(arb, { minLength: parties.length, maxLength: parties.length })
            .map((values) => Object.fromEntries(parties.map((p, i) => [p, values[i] ?? ''])));
        return fc
          .constantFrom<'fraction' | 'amount'>('fraction', 'amount')
          .chain((bandLimits) =>
            fc.record({
              contract: fc.constant(id),
              terms: fc.constantFrom<'workbook' | 'pane'>('workbook', 'pane'),
              units: fc.constantFrom('', '125000', '125,000', '1.5'),
              bandLimits: fc.constant(bandLimits),
              gainBands: bands(parties, bandLimits),
              symmetric: fc.boolean(),
              lossBands: bands(parties, bandLimits),
              gate: fc.record({
                on: fc.boolean(),
                percent: percentText(0, 100),
                holder: party,
                appliesTo: fc.constantFrom<'both' | 'gains' | 'losses'>('both', 'gains', 'losses'),
              }),
              quality: fc.record({ on: fc.boolean(), multipliers: each(percentText(0, 100)) }),
              caps: fc.record({
                on: fc.boolean(),
                gain: each(optional(moneyText())),
                loss: each(optional(moneyText())),
              }),
              unearnedTo: fc.constantFrom('', ...parties),
              overflowTo: fc.constantFrom('', ...parties),
              explore: exploreScenario,
            }),
          )
          .map((gainLoss: GainLossForm) => ({ ...initialForms(contracts, []), gainLoss }));
      }),
  );

describe('the gain/loss editor restored from the parameters a run saved in the workbook', () => {
  it('runs with the same parameters: contract or all contracts, pane or workbook terms, bands, caps, quality, gate', () => {
    let ran = 0;
    let all = 0;
    fc.assert(
      fc.property(gainLossScenario, (forms) => {
        const params = paramsOf('gainshare', forms);
        fc.pre(params !== undefined && !termsRefused(forms, params));
        ran++;
        const everyContract = isAllContracts(forms.gainLoss);
        if (everyContract) {
          all++;
          // The layer is never told '*': no contract, no terms of one contract.
          expect(Object.keys(params as object).sort()).toEqual(
            forms.gainLoss.gate.on ? ['gate', 'gateAppliesTo'] : [],
          );
        }
        const restored = reopened('gainshare', forms, params);
        expect(restored.restored).toContain('gainshare');
        expect(restored.gainLoss.contract).toBe(forms.gainLoss.contract);
        expect(restored.gainLoss.terms).toBe(everyContract ? 'workbook' : forms.gainLoss.terms);
        expect(paramsOf('gainshare', restored)).toEqual(params);
      }),
      { numRuns: 300 },
    );
    expect(ran).toBeGreaterThan(150);
    expect(all).toBeGreaterThan(20);
  });
});
