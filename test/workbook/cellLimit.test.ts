/**
 * No cell the add-in lays out holds more than Excel's 32,767 characters: a step of the
 * explanation too long for a cell goes on over the rows below it, split after a comma,
 * and any other text is cut at the limit with a note in the cell. The funding envelope
 * of 500 schemes (its baseline step lists every scheme line) is the case from issue 10.
 */
import { CELL_CHARACTER_LIMIT } from '../../src/ports/storage';
import { CUT_NOTE, cutToCell, splitText, withCellsCapped } from '../../src/ports/cellText';
import { sheetLayoutFault } from '../../src/ports/sheetLayout';
import type { SheetWrite } from '../../src/ports/workbook';
import { step } from '../../src/engine/explain';
import { layoutSheet } from '../../src/workbook/results/layout';
import { runMechanism } from '../../src/workbook/run';
import { FakeWorkbook, table } from './support/fakeWorkbook';

const now = new Date('2025-06-01T14:03:05Z');

/** 500 scheme lines, alternating partners, £1,000,000.00 to £1,499,000.00. */
function contributions(count: number) {
  return table(
    'Contributions',
    ['Partner', 'Scheme', 'Amount (£)'],
    Array.from({ length: count }, (_, i) => [
      i % 2 === 0 ? 'B&NES CCG' : 'B&NES Council',
      `Scheme ${String(i + 1).padStart(3, '0')} community services and reablement`,
      1_000_000 + i * 1_000,
    ]),
  );
}

const longestCell = (sheet: SheetWrite): number =>
  Math.max(
    ...sheet.values.flatMap((row) => row.map((v) => (typeof v === 'string' ? v.length : 0))),
  );

describe('text within a cell', () => {
  it('cutToCell leaves text up to the limit alone and cuts longer text to exactly the limit, with the note', () => {
    const fits = 'x'.repeat(CELL_CHARACTER_LIMIT);
    expect(cutToCell(fits)).toBe(fits);
    const cut = cutToCell(`${'a'.repeat(CELL_CHARACTER_LIMIT)}bcd`);
    expect(cut).toHaveLength(CELL_CHARACTER_LIMIT);
    expect(cut.endsWith("… (cut at Excel's 32,767-character limit)")).toBe(true);
    expect(cut).toBe(`${'a'.repeat(CELL_CHARACTER_LIMIT - CUT_NOTE.length)}${CUT_NOTE}`);
  });

  it('cutToCell never splits a surrogate pair (an emoji is two UTF-16 units)', () => {
    const end = CELL_CHARACTER_LIMIT - CUT_NOTE.length;
    const text = `${'a'.repeat(end - 1)}😀${'b'.repeat(100)}`;
    expect(cutToCell(text)).toBe(`${'a'.repeat(end - 1)}${CUT_NOTE}`);
  });

  it('splitText breaks after a list separator in the second half, else a space, else at the limit', () => {
    expect(splitText('a, b, c', 5)).toEqual(['a, ', 'b, c']);
    expect(splitText('alpha beta gamma', 11)).toEqual(['alpha beta ', 'gamma']);
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    const long = Array.from({ length: 3_000 }, (_, i) => `Line ${i} £${i}.00`).join(', ');
    const pieces = splitText(long, 10_000);
    expect(pieces.join('')).toBe(long);
    expect(pieces.every((p) => p.length <= 10_000)).toBe(true);
    expect(pieces.slice(0, -1).every((p) => p.endsWith(', '))).toBe(true);
  });
});

describe('layoutSheet keeps every cell within the limit', () => {
  it('a long step goes on over rows, numbered and marked "(continued)"; the next step keeps its number', () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `Scheme ${i} £${i}.00`).join(', ');
    expect(text.length).toBeGreaterThan(2 * CELL_CHARACTER_LIMIT);
    const sheet = layoutSheet('BCF Results - Test', [
      { kind: 'steps', heading: 'How', steps: [step('baseline', text), step('total', 'Done.')] },
    ]);
    const rows = sheet.values.map((row) => String(row[0]));
    const last = rows.length - 1;
    expect(rows[0]).toBe('How');
    expect(rows[1]?.startsWith('1. Scheme 0 £0.00, ')).toBe(true);
    const continued = rows.slice(2, last);
    // The text is a little over three cells' worth: the first row and three more.
    expect(continued.length).toBe(3);
    expect(continued.every((r) => r.startsWith('1. (continued) '))).toBe(true);
    expect(rows[last]).toBe('2. Done.');
    const pieces = [
      (rows[1] ?? '').slice(3),
      ...continued.map((r) => r.slice('1. (continued) '.length)),
    ];
    expect(pieces.join('')).toBe(text);
    expect(longestCell(sheet)).toBeLessThanOrEqual(CELL_CHARACTER_LIMIT);
    expect(sheet.numberFormats.slice(1, last).every((f) => f[0] === '@')).toBe(true);
    expect(sheetLayoutFault(sheet)).toBeUndefined();
  });

  it('any other text over the limit (a copied name as a parameter) is cut with the note', () => {
    const name = 'N'.repeat(40_000);
    const sheet = layoutSheet('BCF Results - Test', [
      { kind: 'parameters', rows: [['Partner', name]] },
    ]);
    const cell = sheet.values[1]?.[1];
    expect(cell).toBe(`${'N'.repeat(CELL_CHARACTER_LIMIT - CUT_NOTE.length)}${CUT_NOTE}`);
  });

  it('withCellsCapped returns a layout with nothing too long as it is', () => {
    const sheet = layoutSheet('BCF Results - Test', [{ kind: 'title', text: 'Short' }]);
    expect(withCellsCapped(sheet)).toBe(sheet);
  });

  it('the layout check refuses a cell over the limit, naming row, column and length', () => {
    const sheet = layoutSheet('BCF Results - Test', [{ kind: 'title', text: 'Short' }]);
    const over = { ...sheet, values: [['x'.repeat(CELL_CHARACTER_LIMIT + 1), null]] };
    expect(sheetLayoutFault(over)?.message).toBe(
      'Sheet "BCF Results - Test": row 1, column 1 holds 32768 characters of text, more than a cell holds (32767).',
    );
  });
});

describe('the funding envelope of 500 schemes', () => {
  it('its baseline step (over 32,767 characters) is split over rows, whole; no cell is over the limit and none is cut', async () => {
    const book = new FakeWorkbook([contributions(500)]);
    const outcome = await runMechanism(book, 'envelope', {}, { now });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const steps = (outcome.result as { steps: readonly { text: string }[] }).steps;
    const baseline = steps[0]?.text ?? '';
    expect(
      baseline.startsWith(
        'Baseline £624,750,000.00: Scheme 001 community services and reablement / ',
      ),
    ).toBe(true);
    expect(baseline.length).toBeGreaterThan(CELL_CHARACTER_LIMIT);
    const sheet = book.written.get('BCF Results - Funding envelope');
    if (sheet === undefined) throw new Error('no envelope sheet');
    expect(longestCell(sheet)).toBeLessThanOrEqual(CELL_CHARACTER_LIMIT);
    const texts = sheet.values.map((row) => row[0]).filter((v) => typeof v === 'string');
    expect(texts.some((t) => t.includes(CUT_NOTE))).toBe(false);
    const first = texts.findIndex((t) => t.startsWith('1. Baseline '));
    const continued = texts.slice(first + 1).filter((t) => t.startsWith('1. (continued) '));
    expect(continued.length).toBeGreaterThanOrEqual(1);
    const whole = [
      (texts[first] ?? '').slice(3),
      ...continued.map((t) => t.slice('1. (continued) '.length)),
    ].join('');
    expect(whole).toBe(baseline);
    expect(sheetLayoutFault(sheet)).toBeUndefined();
  });
});
