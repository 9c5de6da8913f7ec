/** `bcf params`: each mechanism's parameters from its descriptor, or their JSON Schema. */
import { UsageError } from '../../src/cli/args';
import { ExitCode } from '../../src/cli/exitCodes';
import { paramsCommand } from '../../src/cli/paramsCommand';

function printed(args: readonly string[]): string {
  const lines: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
    lines.push(String(text));
    return true;
  });
  try {
    expect(paramsCommand(args)).toBe(ExitCode.OK);
  } finally {
    write.mockRestore();
  }
  return lines.join('');
}

describe('bcf params', () => {
  it('lists one mechanism’s parameters with their bounds, defaults and when they apply', () => {
    expect(printed(['Capitation'])).toBe(
      [
        'capitation: Capitation. A budget per person in the population, projected year by year.',
        '  years: a whole number from 1 to 25 (years); default 1. Number of plan years.',
        '  uplift: a percentage from −100% to 100%; default 0. Yearly change to the rate per person (from −100% to 100%).',
        '  efficiency: a percentage, 0% to 100%; default 0. Yearly efficiency deduction from the rate.',
        '  populationGrowth: a percentage from −100% to 100%; default 0. Yearly growth of each segment (a projection, not rounded).',
        '  toleranceBand: a percentage, 0% to 100%. With actual populations: the band beyond which the budget is adjusted.',
        '  toleranceBasis: one of excess, full; default excess; with toleranceBand. excess (only the variance beyond the band) or full.',
        '  actualYear: a whole number from 1 to 25; default 1; with toleranceBand. The plan year the Actual population column is for.',
        '  curveFrom: a percentage from −100% to 100%. With "Outturn curve to": also show the tolerance adjustment (needs the tolerance band) from every segment\'s population in every year at its projection × (1 + this), e.g. -20%.',
        '  curveTo: a percentage from −100% to 100%. The top of the outturn curve, as a change on expected, e.g. 20%.',
        '  curvePoints: a whole number of 2 or more. How many outturns the curve shows, both ends included (2 to 1,001; default 41).',
        '',
      ].join('\n'),
    );
  });

  it('lists the structured parameters from the descriptor: by partner, and a list with its fields', () => {
    const pool = printed(['pool']).split('\n');
    expect(pool.slice(-3)).toEqual([
      '  fixedShares: a record by partner of a percentage, 0% to 100% (every partner, adding up to 100%); when rule is fixed. Fixed rule: each partner’s agreed share of a variance, e.g. { "CCG": "50%", "Council": "50%" }.',
      '  overspendCaps: a record by partner of an amount of £0 or more. The most a partner bears of an overspend, e.g. { "Council": 500000 }; the rest goes to excessTo.',
      '',
    ]);
    const envelope = printed(['envelope']).split('\n');
    expect(envelope.slice(2, 5)).toEqual([
      '  changes: a list, each with these fields. Savings or growth applied to the baseline, e.g. [{ "name": "Net budget reduction", "totalOverYears": "-7%", "overYears": 4 }]; each needs annualRate or totalOverYears.',
      '    name: text. A label for the explanation.',
      '    partner: text. Only this partner’s lines.',
    ]);
    expect(envelope).toContain(
      '    overYears: a whole number from 1 to 25 (years); with totalOverYears. Years the change runs.',
    );
    const schema = JSON.parse(printed(['pool', '--schema'])) as {
      properties: { pool: { properties: Record<string, unknown> } };
    };
    expect(schema.properties.pool.properties.overspendCaps).toEqual({
      title: 'Overspend caps',
      description:
        'The most a partner bears of an overspend, e.g. { "Council": 500000 }; the rest goes to excessTo.',
      type: 'object',
      additionalProperties: {
        title: 'Overspend caps',
        description:
          'The most a partner bears of an overspend, e.g. { "Council": 500000 }; the rest goes to excessTo.',
        type: ['number', 'string'],
      },
    });
    const envelopeSchema = JSON.parse(printed(['envelope', '--schema'])) as {
      properties: { envelope: { properties: { changes: { type: string; items: unknown } } } };
    };
    expect(envelopeSchema.properties.envelope.properties.changes).toMatchObject({
      type: 'array',
      items: {
        type: 'object',
        properties: {
          overYears: { anyOf: [{ type: 'integer', minimum: 1, maximum: 25 }, { type: 'string' }] },
          phasing: { enum: ['compound', 'straightLine'] },
        },
      },
    });
  });

  it('prints the JSON Schema of a keyed params file for every mechanism', () => {
    const schema = JSON.parse(printed(['--schema'])) as {
      properties: Record<string, { properties: Record<string, unknown>; required: string[] }>;
    };
    expect(Object.keys(schema.properties)).toEqual([
      'pool',
      'capitation',
      'gainshare',
      'p4p',
      'bcf-p4p',
      'activity',
      'envelope',
      'checks',
    ]);
    expect(schema.properties.checks?.required).toEqual([
      'socialCareMinimum',
      'nhsOutOfHospitalMinimum',
    ]);
    expect(schema.properties.pool?.properties.rule).toEqual({
      title: 'Variance sharing rule',
      description:
        'proportional (to contribution shares), fixed (agreed shares: fixedShares) or commissioner (each scheme to its commissioner; joint schemes by % NHS / % LA).',
      default: 'proportional',
      enum: ['proportional', 'fixed', 'commissioner'],
    });
  });

  it('describes the gain share’s structured terms parameter, with an example, and gives its schema', () => {
    const lines = printed(['gainshare']).split('\n');
    const at = lines.findIndex((l) => l.startsWith('  terms (structured): '));
    expect(at).toBe(lines.length - 3);
    expect(lines[at]).toContain('given, the RiskShareBands and RiskShareTerms tables are not read');
    expect(lines[at]).toContain('With several contracts, choose the contract.');
    expect(lines[at + 1]).toBe(
      '      e.g. {"terms":{"gainBands":[{"upToFraction":"0.03","shares":{"ICB":"0.5","Provider":"0.5"}},{"shares":{"ICB":"0.25","Provider":"0.75"}}],"quality":{"Provider":"0.8"},"caps":{"gain":{"Provider":{"amount":"100000"}}}}}',
    );
    const schema = JSON.parse(printed(['gainshare', '--schema'])) as {
      properties: { gainshare: { properties: Record<string, Record<string, unknown>> } };
    };
    const terms = schema.properties.gainshare.properties.terms;
    expect(terms).toMatchObject({
      type: 'object',
      required: ['gainBands'],
      additionalProperties: false,
      properties: {
        gainBands: { type: 'array', minItems: 1, items: { required: ['shares'] } },
        caps: { properties: { gain: { type: 'object' }, loss: { type: 'object' } } },
      },
    });
    expect(Object.keys(terms?.properties as object)).toEqual([
      'gainBands',
      'lossBands',
      'quality',
      'caps',
    ]);
  });

  it('refuses a mechanism the registry does not have, naming those it has', () => {
    expect(() => paramsCommand(['pooled'])).toThrow(
      new UsageError(
        'unknown mechanism "pooled"; use one of pool, capitation, gainshare, p4p, bcf-p4p, activity, envelope, checks.',
      ),
    );
  });
});
