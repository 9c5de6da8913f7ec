import fc from 'fast-check';
import {
  absoluteRef,
  boxAddress,
  cellAddress,
  cellsOf,
  columnLetters,
  columnNumber,
  parseBox,
  parseRef,
  rangeAddress,
  sheetRef,
} from '../../src/ports/a1';

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

  it('reads back the letters of any column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16_384 }), fc.integer({ min: 1, max: 99 }), (c, r) => {
        expect(columnNumber(cellAddress(r, c))).toBe(c);
      }),
    );
    expect(columnNumber('12')).toBe(0);
    expect(columnNumber('d14')).toBe(4);
  });

  it('writes cells, ranges and boxes as Excel shows them', () => {
    expect(cellAddress(14, 4)).toBe('D14');
    expect(rangeAddress(12, 1, 17, 3)).toBe('A12:C17');
    expect(boxAddress({ top: 3, left: 2, bottom: 3, right: 2 })).toBe('B3');
    expect(boxAddress({ top: 10, left: 1, bottom: 20, right: 4 })).toBe('A10:D20');
  });

  it('lists the cells of a box row by row', () => {
    expect([...cellsOf({ top: 2, left: 3, bottom: 3, right: 4 })]).toEqual([
      { row: 2, column: 3 },
      { row: 2, column: 4 },
      { row: 3, column: 3 },
      { row: 3, column: 4 },
    ]);
  });

  it.each([
    '',
    'A0',
    'A$',
    '$1',
    'A1$',
    'AAAA1',
    'XFE1',
    'A1048577',
    'Sheet1!A1',
    'A:A',
    '1:1',
    'R1C1',
    'A1:B2:C3',
  ])('refuses %p', (address) => {
    expect(parseBox(address)).toBeUndefined();
  });

  it('reads absolute addresses and corners in any order', () => {
    expect(parseBox('$D$9:b2')).toEqual({ top: 2, left: 2, bottom: 9, right: 4 });
    expect(parseBox('XFD1048576')).toEqual({
      top: 1_048_576,
      left: 16_384,
      bottom: 1_048_576,
      right: 16_384,
    });
  });

  it('reads back a reference with its sheet as absoluteRef writes it', () => {
    const box = { top: 2, left: 1, bottom: 17, right: 1 };
    for (const sheet of ['Lists', 'BCF Lists', "Ben's plan", 'Q1']) {
      expect(parseRef(absoluteRef(sheet, box))).toEqual({ sheet, box });
    }
    expect(parseRef('Lists!B3')).toEqual({
      sheet: 'Lists',
      box: { top: 3, left: 2, bottom: 3, right: 2 },
    });
    for (const bad of ['$A$1:$A$3', "'Lists!A1", 'My sheet!A1', "'x'!A:A", "'a'!'b'!A1"]) {
      expect(parseRef(bad)).toBeUndefined();
    }
  });

  it('quotes sheet names as formulas need them', () => {
    expect(sheetRef('Results')).toBe('Results');
    expect(sheetRef('BCF Results - Pool')).toBe("'BCF Results - Pool'");
    expect(sheetRef("Ben's plan")).toBe("'Ben''s plan'");
    expect(sheetRef('Q1')).toBe("'Q1'"); // a sheet called like a cell must be quoted
    expect(sheetRef('_x.1')).toBe('_x.1');
    expect(sheetRef('2024')).toBe("'2024'");
    expect(absoluteRef('Lists', { top: 2, left: 1, bottom: 2, right: 1 })).toBe('Lists!$A$2');
    expect(absoluteRef('Pool results', { top: 2, left: 1, bottom: 5, right: 1 })).toBe(
      "'Pool results'!$A$2:$A$5",
    );
  });
});
