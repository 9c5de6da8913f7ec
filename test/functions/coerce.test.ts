import { Dec } from '../../src/engine/decimal';
import {
  ArgumentError,
  aligned,
  amount,
  amounts,
  cells,
  isBlank,
  isOmitted,
  numberIn,
  optionalAmount,
  optionalText,
  text,
} from '../../src/functions/coerce';

const asText = (value: unknown): string | undefined =>
  value === undefined ? undefined : new Dec(value as Dec).toString();

describe('numberIn: what counts as a number in a cell', () => {
  it.each([
    [1234.5, '1234.5'],
    [0.013, '0.013'],
    [-2, '-2'],
    ['1234.50', '1234.5'],
    [' 1,234.50 ', '1234.5'],
    ['£250', '250'],
    ['-£1,000', '-1000'],
    ['1.3%', '0.013'],
    ['5%', '0.05'],
    ['.5', '0.5'],
    ['2e3', '2000'],
  ])('%p reads as %s', (cell, expected) => {
    expect(asText(numberIn(cell))).toBe(expected);
  });

  it.each([
    ['tbc'],
    [''],
    ['1,23'],
    ['12£'],
    ['%'],
    [true],
    [false],
    [NaN],
    [Infinity],
    [null],
    [{}],
  ])('%p is not a number', (cell) => {
    expect(numberIn(cell)).toBeUndefined();
  });

  it('keeps a number cell as the number Excel passed (no float arithmetic on it)', () => {
    expect(numberIn(0.1)).toBe(0.1);
  });
});

describe('blanks', () => {
  it('treats null, undefined, "" and spaces as blank, and 0 as a number', () => {
    expect([null, undefined, '', '   '].every(isBlank)).toBe(true);
    expect(isBlank(0)).toBe(false);
  });
});

describe('optional ranges', () => {
  it('are left out when omitted or when every cell is empty', () => {
    expect([null, undefined, '', [['', null]], [[''], ['  ']]].every(isOmitted)).toBe(true);
    expect(isOmitted([['', 0]])).toBe(false);
  });
});

describe('single arguments', () => {
  it('names the argument and the bad value', () => {
    expect(() => amount('uplift', 'tbc')).toThrow(
      new ArgumentError('uplift is "tbc", not a number.', 'uplift', 'tbc'),
    );
    expect(() => amount('uplift', true)).toThrow('uplift is TRUE, not a number.');
    expect(() => amount('population', null)).toThrow('population is blank; a number is needed.');
  });

  it('accepts a 1 × 1 range for a single value, but not a larger one', () => {
    expect(amount('price', [[2000]])).toBe(2000);
    expect(() => amount('price', [[1], [2]])).toThrow(
      'price is a range of 2 cells; give one cell or value.',
    );
  });

  it('leaves optional blanks undefined', () => {
    expect(optionalAmount('uplift', null)).toBeUndefined();
    expect(optionalAmount('uplift', '')).toBeUndefined();
    expect(optionalText('direction', null)).toBeUndefined();
  });

  it('reads names as trimmed text and refuses blanks and booleans', () => {
    expect(text('partner', '  CCG ')).toBe('CCG');
    expect(() => text('partner', '')).toThrow('partner is blank; a name is needed.');
    expect(() => text('partner', false)).toThrow('partner is FALSE; a name is needed.');
  });
});

describe('ranges', () => {
  it('labels cells by row in a column, by column in a row, by both in a table', () => {
    expect(cells('population', [[1], [2]]).map((c) => c.label)).toEqual([
      'population (row 1 of its range)',
      'population (row 2 of its range)',
    ]);
    expect(cells('partyNames', [['A', 'B']]).map((c) => c.label)).toEqual([
      'partyNames (column 1 of its range)',
      'partyNames (column 2 of its range)',
    ]);
    expect(cells('bands', [[1, 2]]).length).toBe(2);
    expect(
      cells('bands', [
        [1, 2],
        [3, 4],
      ])[3]?.label,
    ).toBe('bands (row 2, column 2 of its range)');
    expect(cells('price', 5)[0]?.label).toBe('price');
  });

  it('skips blanks, reads number text, and names the cell holding text', () => {
    expect(amounts('weights', [[0.5], [''], [null], ['50%']]).map(asText)).toEqual(['0.5', '0.5']);
    expect(() => amounts('weights', [[0.5], ['half']])).toThrow(
      'weights (row 2 of its range) is "half", not a number.',
    );
  });

  it('lines a range up with another, using a single value for every row', () => {
    expect(aligned('annualRate', [[250]], 3, 'population').map((c) => c.value)).toEqual([
      250, 250, 250,
    ]);
    expect(() => aligned('annualRate', [[1], [2]], 3, 'population')).toThrow(
      'annualRate has 2 cells but population has 3; give one annualRate for all, or one for each population cell.',
    );
  });
});
