import fc from 'fast-check';
import {
  absoluteRef,
  boxAddress,
  columnLetters,
  parseBox,
  sheetRef,
} from '../../src/adapters/xlsx/a1';

describe('A1 addresses', () => {
  it('writes and reads back any box on the grid', () => {
    const row = fc.integer({ min: 1, max: 1_048_576 });
    const column = fc.integer({ min: 1, max: 16_384 });
    fc.assert(
      fc.property(row, column, row, column, (r1, c1, r2, c2) => {
        const box = {
          top: Math.min(r1, r2),
          left: Math.min(c1, c2),
          bottom: Math.max(r1, r2),
          right: Math.max(c1, c2),
        };
        expect(parseBox(boxAddress(box))).toEqual(box);
      }),
    );
  });

  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16_384, 'XFD'],
  ])('column %i is %s', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });

  it.each(['', 'A0', 'XFE1', 'A1048577', 'Sheet1!A1', 'A:A', '1:1', 'R1C1', 'A1:B2:C3'])(
    'refuses %p',
    (address) => {
      expect(parseBox(address)).toBeUndefined();
    },
  );

  it('reads absolute addresses and corners in any order', () => {
    expect(parseBox('$D$9:b2')).toEqual({ top: 2, left: 2, bottom: 9, right: 4 });
  });

  it('quotes sheet names as formulas need them', () => {
    expect(sheetRef('Results')).toBe('Results');
    expect(sheetRef('BCF Results - Pool')).toBe("'BCF Results - Pool'");
    expect(sheetRef("Ben's plan")).toBe("'Ben''s plan'");
    expect(sheetRef('Q1')).toBe("'Q1'"); // a sheet called like a cell must be quoted
    expect(absoluteRef('Pool results', { top: 2, left: 1, bottom: 5, right: 1 })).toBe(
      "'Pool results'!$A$2:$A$5",
    );
  });
});
