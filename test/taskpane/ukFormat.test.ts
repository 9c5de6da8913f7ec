import {
  figureInUnits,
  headlineInUnits,
  moneyInUnits,
  moneyValueOf,
  figureText,
  parseMoney,
  parsePercent,
  parseWhole,
  percentInput,
  ukDate,
  ukDateTime,
} from '../../src/taskpane/ukFormat';

describe('UK formats in the pane', () => {
  it('shows money with £, thousands and pence (Bedfordshire MSK, King’s Fund 2014: provider 1,716,875.00)', () => {
    expect(figureText({ label: 'Circle', value: '1716875.00', kind: 'money' })).toBe(
      '£1,716,875.00',
    );
    expect(figureText({ label: 'Owner', value: '-22000000', kind: 'money' })).toBe(
      '−£22,000,000.00',
    );
    expect(figureText({ label: 'x', value: '0.005', kind: 'money' })).toBe('£0.01');
  });

  it('shows fractions as percentages and counts grouped', () => {
    expect(figureText({ label: 'Share', value: '0.4094', kind: 'fraction' })).toBe('40.94%');
    expect(figureText({ label: 'People', value: '135990076', kind: 'count' })).toBe('135,990,076');
    expect(figureText({ label: 'Note', value: 'Gate not met', kind: 'text' })).toBe('Gate not met');
    expect(figureText({ label: 'Odd', value: 'n/a', kind: 'money' })).toBe('n/a');
  });

  it('writes dates as dd/mm/yyyy', () => {
    const date = new Date(2025, 2, 4, 9, 5);
    expect(ukDate(date)).toBe('04/03/2025');
    expect(ukDateTime(date)).toBe('04/03/2025 09:05');
  });

  it('reads amounts typed with £ and commas as exact decimal strings', () => {
    expect(parseMoney('£8,000,000')).toEqual({ ok: true, value: '8000000' });
    expect(parseMoney(' 1234.5 ')).toEqual({ ok: true, value: '1234.5' });
    expect(parseMoney('0.10')).toEqual({ ok: true, value: '0.1' });
    expect(parseMoney('-5', true)).toEqual({ ok: true, value: '-5' });
    expect(parseMoney('-5').ok).toBe(false);
    expect(parseMoney('1,23').ok).toBe(false);
    expect(parseMoney('12.345').ok).toBe(false);
    expect(parseMoney('tbc')).toEqual({
      ok: false,
      message: '"tbc" is not an amount in pounds, e.g. 1,250,000.00.',
    });
  });

  it('reads percentages as fractions without float error', () => {
    expect(parsePercent('5')).toEqual({ ok: true, value: '0.05' });
    expect(parsePercent('3.3%')).toEqual({ ok: true, value: '0.033' });
    expect(parsePercent('33.3333')).toEqual({ ok: true, value: '0.333333' });
    expect(parsePercent('-1.75', -50, 50)).toEqual({ ok: true, value: '-0.0175' });
    expect(parsePercent('101')).toEqual({
      ok: false,
      message: 'Enter a percentage from 0 to 100.',
    });
    expect(parsePercent('five').ok).toBe(false);
    expect(percentInput('0.033')).toBe('3.3');
  });

  it('reads whole numbers within bounds', () => {
    expect(parseWhole('5', 1, 25)).toEqual({ ok: true, value: '5' });
    expect(parseWhole('0', 1, 25).ok).toBe(false);
    expect(parseWhole('2.5', 1, 25).ok).toBe(false);
  });
});

describe('money in units for board papers', () => {
  it('divides exactly and rounds half away from zero: £k to 1 place, £m to 2', () => {
    expect(moneyInUnits('1234567.89', 'pounds')).toBe('£1,234,567.89');
    expect(moneyInUnits('1234567.89', 'thousands')).toBe('£1,234.6k');
    expect(moneyInUnits('1234567.89', 'millions')).toBe('£1.23m');
    // Halves go away from zero, on both sides.
    expect(moneyInUnits('1250', 'thousands')).toBe('£1.3k');
    expect(moneyInUnits('-1250', 'thousands')).toBe('−£1.3k');
    expect(moneyInUnits('1235000', 'millions')).toBe('£1.24m');
    expect(moneyInUnits('-22000000', 'millions')).toBe('−£22.00m');
    // Beyond a float's 15–17 digits the division is still exact.
    expect(moneyInUnits('123456789012345678.45', 'thousands')).toBe('£123,456,789,012,345.7k');
    // A small loss that rounds to nothing shows no minus sign.
    expect(moneyInUnits('-40', 'thousands')).toBe('£0.0k');
  });

  it('reads back the money texts the layer writes and leaves other text alone', () => {
    expect(moneyValueOf('£1,716,875.00')).toBe('1716875.00');
    expect(moneyValueOf('−£22,000,000.00')).toBe('-22000000.00');
    expect(moneyValueOf('3 of 5')).toBeUndefined();
    expect(headlineInUnits('−£1,258,750.00', 'thousands')).toBe('−£1,258.8k');
    expect(headlineInUnits('FAIL (−£5.00)', 'millions')).toBe('FAIL (−£5.00)');
    expect(figureInUnits({ label: 'x', value: '1716875', kind: 'money' }, 'millions')).toBe(
      '£1.72m',
    );
    expect(figureInUnits({ label: 'x', value: '0.4094', kind: 'fraction' }, 'millions')).toBe(
      '40.94%',
    );
  });
});
