import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  planChecks,
  type ExpenditureLineInput,
  type PlanCheck,
  type PlanChecksInput,
} from '../../src/engine/planChecks/planChecks';
import { errorOf } from '../support/engineErrors';

const example = JSON.parse(
  readFileSync(join(__dirname, '../../assets/scenarios/checks-example.json'), 'utf8'),
) as PlanChecksInput;

const failed = (input: PlanChecksInput): PlanCheck[] =>
  planChecks(input).checks.filter((c) => !c.passed);
const check = (input: PlanChecksInput, id: string): PlanCheck => {
  const found = planChecks(input).checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

/** The example plan with expenditure row `row` changed. */
function withRow(row: number, change: Partial<ExpenditureLineInput>): PlanChecksInput {
  return {
    ...example,
    expenditure: example.expenditure.map((l) => (l.row === row ? { ...l, ...change } : l)),
  };
}

/** The example with iBCF planned in full, so that every check passes. */
const balanced = withRow(18, { amount: 1_250_000 });

describe('planChecks: the example plan', () => {
  it('BCF plan checks (DOMAIN §7): one failing check, iBCF underspent by £50,000, named with its figures', () => {
    const result = planChecks(example);
    expect(result.passed).toBe(false);
    expect([result.checkCount, result.passedCount, result.failedCount]).toEqual([9, 8, 1]);
    const [iBcf] = failed(example);
    expect(iBcf?.id).toBe('source-balance');
    expect(iBcf?.subject).toBe('iBCF');
    expect(iBcf?.message).toBe(
      'iBCF: planned expenditure £1,200,000.00 does not equal income £1,250,000.00 (difference £50,000.00).',
    );
    expect(iBcf?.expected?.toFixed(2)).toBe('1250000.00');
    expect(iBcf?.actual?.toFixed(2)).toBe('1200000.00');
    expect(iBcf?.difference?.toFixed(2)).toBe('-50000.00');
    expect(iBcf?.rows).toEqual(['18']);
  });

  it('passes every check once iBCF is planned in full', () => {
    const result = planChecks(balanced);
    expect(result.passed).toBe(true);
    expect(result.failedCount).toBe(0);
    expect(result.steps.at(-1)?.text).toBe('All 9 checks passed.');
  });

  it('counts social care and NHS out-of-hospital spend from the minimum NHS contribution', () => {
    // Social care: rows 12 + 13 = 3.7m. Out of hospital: 14 (NHS) + 60% of 15 (joint) + 17 (NHS);
    // row 16 is acute (in hospital), rows 12–13 are LA-commissioned.
    expect(check(example, 'social-care-minimum').actual?.toFixed(2)).toBe('3700000.00');
    expect(check(example, 'social-care-minimum').rows).toEqual(['12', '13']);
    expect(check(example, 'nhs-out-of-hospital').actual?.toFixed(2)).toBe('5600000.00');
    expect(check(example, 'nhs-out-of-hospital').rows).toEqual(['14', '15', '17']);
  });
});

describe('planChecks: each check failing', () => {
  it('fails a source out by one penny', () => {
    const [c] = failed(withRow(18, { amount: '1249999.99' }));
    expect(c?.message).toBe(
      'iBCF: planned expenditure £1,249,999.99 does not equal income £1,250,000.00 (difference £0.01).',
    );
  });

  it('fails a source planned with no income line', () => {
    const input = {
      ...balanced,
      expenditure: [
        ...balanced.expenditure,
        { ...balanced.expenditure[0]!, row: 21, source: 'BCF Reserve', amount: 10 },
      ],
    };
    expect(failed(input).map((c) => c.message)).toEqual([
      'BCF Reserve: planned expenditure £10.00 does not equal income £0.00 (difference £10.00).',
    ]);
  });

  it('fails adult social care below the required minimum, with the shortfall', () => {
    const input = {
      ...balanced,
      minima: { ...balanced.minima, socialCareFromMinimumNhs: '3750000' },
    };
    expect(failed(input).map((c) => [c.id, c.message])).toEqual([
      [
        'social-care-minimum',
        'Adult social care from the minimum NHS contribution: planned £3,700,000.00 is below the required minimum £3,750,000.00 (short by £50,000.00).',
      ],
    ]);
  });

  it('fails NHS out-of-hospital spend below its ring-fence', () => {
    const input = { ...balanced, minima: { ...balanced.minima, nhsOutOfHospital: 5_600_000.01 } };
    expect(check(input, 'nhs-out-of-hospital').message).toBe(
      'NHS-commissioned out-of-hospital spend from the minimum NHS contribution: planned £5,600,000.00 is below the required minimum £5,600,000.01 (short by £0.01).',
    );
  });

  it('fails DFG money planned on something other than DFG, naming the row', () => {
    const input = {
      ...balanced,
      expenditure: [
        ...balanced.expenditure.map((l) => (l.row === 19 ? { ...l, amount: 1_400_000 } : l)),
        {
          row: 21,
          schemeName: 'Handyperson',
          commissioner: 'LA',
          source: 'DFG',
          areaOfSpend: 'Social Care',
          amount: 100_000,
        },
      ],
    };
    const c = check(input, 'dfg-in-full');
    expect(c.passed).toBe(false);
    expect(c.rows).toEqual(['21']);
    expect(c.message).toBe(
      'Disabled Facilities Grant: £1,400,000.00 is planned on DFG, not the full grant of £1,500,000.00 (difference £100,000.00); £100,000.00 is planned elsewhere (Row 21 ("Handyperson")).',
    );
    expect(c.findings).toEqual([
      {
        row: '21',
        message:
          'Row 21 ("Handyperson"): £100,000.00 of DFG is planned on Social Care, not on DFG.',
      },
    ]);
    expect(check(input, 'source-balance').passed).toBe(true);
  });

  it('counts a scheme type naming DFG as DFG spend', () => {
    expect(check(withRow(19, { areaOfSpend: 'Social Care' }), 'dfg-in-full').passed).toBe(true);
  });

  it('fails joint schemes whose % NHS + % LA is not 100%, blank shares counting as 0%', () => {
    const input = withRow(15, { nhsShare: 0.6, laShare: 0.3 });
    const blank = withRow(20, { nhsShare: '', laShare: 0.3 });
    expect(check(input, 'joint-shares').message).toBe(
      'Row 15 ("Integrated discharge team"): joint scheme with % NHS 60% + % LA 30% = 90%, not 100%.',
    );
    expect(check(blank, 'joint-shares').message).toBe(
      'Row 20 ("Falls prevention"): joint scheme with % NHS (blank) + % LA 30% = 30%, not 100%.',
    );
    expect(check(blank, 'joint-shares').rows).toEqual(['20']);
  });

  it('fails amounts outside £0 to £1,000,000,000 and shares outside 0–100%', () => {
    const input = {
      ...withRow(14, { amount: -5 }),
      income: [...example.income, { row: 9, source: 'Other', amount: 1_000_000_000.01 }],
    };
    const range = check(withRow(15, { nhsShare: 1.2, laShare: -0.2 }), 'input-range');
    expect(check(input, 'input-range').message).toBe(
      'Income row 9 (Other) amount: £1,000,000,000.01 is outside £0.00 to £1,000,000,000.00. Row 14 ("Community rapid response") amount: −£5.00 is outside £0.00 to £1,000,000,000.00.',
    );
    expect(check(input, 'input-range').rows).toEqual(['9', '14']);
    expect(range.findings.map((f) => f.message)).toEqual([
      'Row 15 ("Integrated discharge team") % NHS: 120% is outside 0% to 100%.',
      'Row 15 ("Integrated discharge team") % LA: −20% is outside 0% to 100%.',
    ]);
  });

  it('names rows by scheme ID, or by position, when no row number is given', () => {
    const byId = { ...balanced, expenditure: balanced.expenditure.map(({ row: _row, ...l }) => l) };
    const byPlace = { ...byId, expenditure: byId.expenditure.map(({ schemeId: _id, ...l }) => l) };
    expect(check(byId, 'source-balance').rows).toEqual(['S01', 'S02', 'S03', 'S04', 'S05', 'S06']);
    expect(
      check(
        { ...byPlace, minima: { ...byPlace.minima, nhsOutOfHospital: 6e6 } },
        'nhs-out-of-hospital',
      ).rows,
    ).toEqual(['expenditure[2]', 'expenditure[3]', 'expenditure[5]']);
  });

  it('accepts template synonyms: CCG as commissioner, Minimum CCG Contribution, Disabled Facilities Grant', () => {
    const input = {
      ...balanced,
      income: balanced.income.map((l) =>
        l.source === 'DFG' ? { ...l, source: 'Disabled Facilities Grant' } : l,
      ),
      expenditure: balanced.expenditure.map((l) =>
        l.source === 'DFG'
          ? { ...l, source: 'disabled facilities grant ', commissioner: 'Local Authority' }
          : l.commissioner === 'NHS'
            ? { ...l, commissioner: 'CCG' }
            : l,
      ),
    };
    expect(planChecks(input).passed).toBe(true);
  });
});

describe('planChecks: malformed input', () => {
  it('refuses text where an amount belongs, naming the line', () => {
    expect(errorOf(() => planChecks(withRow(16, { amount: 'tbc' })))).toEqual({
      code: 'CHECKS.NOT_A_NUMBER',
      message: 'expenditure[4].amount is "tbc", not a number.',
    });
  });

  it('refuses a missing source, an unknown commissioner, missing minima, a share typed with %', () => {
    expect(errorOf(() => planChecks(withRow(12, { source: '' })))).toEqual({
      code: 'CHECKS.MISSING',
      message: 'expenditure[0].source must be a name; it is "".',
    });
    expect(errorOf(() => planChecks(withRow(12, { commissioner: 'Council' })))).toEqual({
      code: 'CHECKS.UNKNOWN_OPTION',
      message: 'expenditure[0].commissioner is "Council"; it must be one of NHS, LA, Joint.',
    });
    expect(
      errorOf(() => planChecks({ ...example, minima: { socialCareFromMinimumNhs: 1 } as never })),
    ).toEqual({ code: 'CHECKS.MISSING', message: 'minima.nhsOutOfHospital is missing.' });
    expect(errorOf(() => planChecks(withRow(15, { nhsShare: '60%' })))).toEqual({
      code: 'CHECKS.NOT_A_NUMBER',
      message: 'expenditure[3].nhsShare is "60%"; give it as a fraction (0.6 means 60%).',
    });
    expect(errorOf(() => planChecks({ ...example, income: undefined as never }))).toEqual({
      code: 'CHECKS.MISSING',
      message: 'income is missing; give a list of lines.',
    });
  });
});

describe('planChecks: properties', () => {
  const sources = ['Minimum NHS Contribution', 'iBCF', 'DFG', 'Additional LA Contribution'];
  const lineArb = fc.record({
    source: fc.constantFrom(...sources),
    pence: fc.integer({ min: 0, max: 10_000_000_000 }),
    area: fc.constantFrom('Social Care', 'Community Health', 'Acute', 'DFG', 'Other'),
    commissioner: fc.constantFrom('NHS', 'LA'),
  });
  const planOf = (
    lines: readonly { source: string; pence: number; area: string; commissioner: string }[],
  ): PlanChecksInput => ({
    income: sources.map((source) => ({
      source,
      amount: lines.filter((l) => l.source === source).reduce((a, l) => a + l.pence, 0) / 100,
    })),
    expenditure: lines.map((l, i) => ({
      row: i + 10,
      schemeName: `Scheme ${i}`,
      commissioner: l.commissioner,
      source: l.source,
      areaOfSpend: l.area,
      amount: (l.pence / 100).toFixed(2),
    })),
    minima: { socialCareFromMinimumNhs: 0, nhsOutOfHospital: 0 },
  });

  it('balances every source when expenditure is built from income, and counts add up (property)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), (lines) => {
        const result = planChecks(planOf(lines));
        expect(result.checks.filter((c) => c.id === 'source-balance').every((c) => c.passed)).toBe(
          true,
        );
        expect(result.passedCount + result.failedCount).toBe(result.checkCount);
        expect(result.passed).toBe(result.failedCount === 0);
      }),
    );
  });

  it('fails exactly the moved-from and moved-to sources when a penny moves between them (property)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.nat(), (lines, pick) => {
        const moved = lines[pick % lines.length]!;
        const other = sources.find((s) => s !== moved.source)!;
        const plan = planOf(lines);
        const changed = {
          ...plan,
          expenditure: [
            ...plan.expenditure,
            {
              row: 99,
              schemeName: 'Moved',
              commissioner: 'LA',
              source: other,
              areaOfSpend: 'Other',
              amount: '0.01',
            },
            {
              row: 100,
              schemeName: 'Moved back',
              commissioner: 'LA',
              source: moved.source,
              areaOfSpend: 'Other',
              amount: '-0.01',
            },
          ],
        };
        const failing = planChecks(changed).checks.filter(
          (c) => c.id === 'source-balance' && !c.passed,
        );
        expect(failing.map((c) => c.subject).sort()).toEqual([moved.source, other].sort());
      }),
    );
  });
});
