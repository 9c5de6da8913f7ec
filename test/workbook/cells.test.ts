import fc from 'fast-check';
import { Dec } from '../../src/engine/decimal';
import {
  decimalFromCellNumber,
  isBlank,
  parseAmount,
  parseFraction,
  parseInteger,
  parseNumber,
  parseOption,
  parseText,
  type Parsed,
} from '../../src/workbook/cells';

const value = (p: Parsed<Dec>): string => {
  if (!p.ok) throw new Error(`expected a value, got: ${p.problem}`);
  return p.value.toString();
};
const problem = <T>(p: Parsed<T>): [string, string] => {
  if (p.ok) throw new Error('expected a problem');
  return [p.code, p.problem];
};

describe('parseAmount', () => {
  it.each([
    [1234.5, '1234.5'],
    ['£1,234.50', '1234.5'],
    ['1234', '1234'],
    [' £ 26,500,000.00 ', '26500000'],
    ['(1,234.50)', '-1234.5'],
    ['(£5)', '-5'],
    ['-£5', '-5'],
    ['£-5', '-5'],
    ['−£8,000,000.00', '-8000000'],
    ['.5', '0.5'],
    ['\u00a3\u00a01,000', '1000'],
  ])('reads %p as %s', (cell, expected) => {
    expect(value(parseAmount(cell))).toBe(expected);
  });

  it.each([['tbc'], ['1,23,4'], ['£1.2m'], ['--5'], ['-£-5'], ['(5'], ['1.2.3'], [true], ['5%']])(
    'refuses %p as not an amount',
    (cell) => {
      expect(problem(parseAmount(cell))[0]).toBe('INPUT.NOT_AN_AMOUNT');
    },
  );

  it('names the value in quotes when text, as written when a number', () => {
    expect(problem(parseAmount('tbc'))[1]).toBe('"tbc" is not an amount.');
    expect(problem(parseAmount(-5, { nonNegative: true }))).toEqual([
      'INPUT.NEGATIVE',
      '-5 is negative; it must be 0 or more.',
    ]);
    expect(problem(parseAmount('(£5)', { nonNegative: true }))[1]).toBe(
      '"(£5)" is negative; it must be 0 or more.',
    );
  });

  it('reads float artefacts of formulas to Excel precision (15 significant digits)', () => {
    expect(value(parseAmount(0.1 + 0.2))).toBe('0.3');
    expect(value(parseAmount(26500000 * 1.013))).toBe('26844500');
    expect(decimalFromCellNumber(123456789012.34).toString()).toBe('123456789012.34');
  });

  it('reads every amount with pence typed into a cell exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999_99, max: 99_999_999_999_99 }), (pence) => {
        const exact = new Dec(pence).dividedBy(100);
        expect(decimalFromCellNumber(pence / 100).equals(exact)).toBe(true);
      }),
    );
  });
});

describe('parseFraction', () => {
  it.each([
    [0.05, '0.05'],
    ['5%', '0.05'],
    ['5 %', '0.05'],
    ['0.05', '0.05'],
    ['40.94%', '0.4094'],
    [1, '1'],
    ['100%', '1'],
    [0, '0'],
  ])('reads %p as %s', (cell, expected) => {
    expect(value(parseFraction(cell))).toBe(expected);
  });

  it('refuses over 100%, negatives and words with exact messages', () => {
    expect(problem(parseFraction('150%'))).toEqual([
      'INPUT.OVER_100_PERCENT',
      '"150%" is over 100%.',
    ]);
    expect(problem(parseFraction(5))).toEqual([
      'INPUT.OVER_100_PERCENT',
      '5 is over 100% (Excel stores 100% as 1).',
    ]);
    expect(problem(parseFraction('-5%'))).toEqual([
      'INPUT.NEGATIVE',
      '"-5%" is negative; it must be from 0% to 100%.',
    ]);
    expect(problem(parseFraction('half'))).toEqual([
      'INPUT.NOT_A_PERCENTAGE',
      '"half" is not a percentage.',
    ]);
  });
});

describe('parseNumber, parseInteger, parseText, parseOption, isBlank', () => {
  it('reads quantities and refuses words', () => {
    expect(value(parseNumber('1,250'))).toBe('1250');
    expect(value(parseNumber(-3.5))).toBe('-3.5');
    expect(problem(parseNumber('many'))[1]).toBe('"many" is not a number.');
    expect(problem(parseNumber(-120, { nonNegative: true }))[1]).toBe(
      '-120 is negative; it must be 0 or more.',
    );
  });

  it('reads whole numbers only', () => {
    expect(parseInteger('2,024')).toEqual({ ok: true, value: 2024 });
    expect(problem(parseInteger(2.5))).toEqual([
      'INPUT.NOT_A_WHOLE_NUMBER',
      '2.5 is not a whole number.',
    ]);
    expect(problem(parseInteger(0, { min: 1 }))[1]).toBe('0 is less than 1.');
    expect(parseInteger(25, { min: 1, max: 25 })).toEqual({ ok: true, value: 25 });
    expect(problem(parseInteger('26', { min: 1, max: 25 }))).toEqual([
      'INPUT.TOO_LARGE',
      '"26" is more than 25.',
    ]);
  });

  it('reads text as text, numbers as shown', () => {
    expect(parseText('  Circle  ')).toEqual({ ok: true, value: 'Circle' });
    expect(parseText(2019)).toEqual({ ok: true, value: '2019' });
    expect(parseText(false)).toEqual({ ok: true, value: 'FALSE' });
  });

  it('matches options case- and space-insensitively, with aliases', () => {
    const options = [
      { value: 'NHS', aliases: ['CCG', 'ICB'] },
      { value: 'LA' },
      { value: 'Joint' },
    ];
    expect(parseOption(' joint ', options)).toEqual({ ok: true, value: 'Joint' });
    expect(parseOption('icb', options)).toEqual({ ok: true, value: 'NHS' });
    expect(problem(parseOption('Councl', options))).toEqual([
      'INPUT.NOT_AN_OPTION',
      '"Councl" is not one of: NHS, LA, Joint.',
    ]);
  });

  it('treats null, empty and spaces as blank, zero as a value', () => {
    expect([null, '', '   ', '\u00a0'].every((v) => isBlank(v))).toBe(true);
    expect(isBlank(0)).toBe(false);
  });
});
