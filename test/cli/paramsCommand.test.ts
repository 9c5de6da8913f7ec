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

  it('refuses a mechanism the registry does not have, naming those it has', () => {
    expect(() => paramsCommand(['pooled'])).toThrow(
      new UsageError(
        'unknown mechanism "pooled"; use one of pool, capitation, gainshare, p4p, bcf-p4p, activity, envelope, checks.',
      ),
    );
  });
});
