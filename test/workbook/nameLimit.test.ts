/**
 * Names read from tables have a documented limit (NAME_LIMIT, 255 characters: Excel's own
 * limit on a table column's name); a longer one is an input finding naming the cell and
 * the length, and nothing is written. Result tables headed by names stay within Excel's
 * limit on headers, distinct, however long the names.
 */
import { sheetLayoutFault } from '../../src/ports/sheetLayout';
import { fitHeaders, layoutSheet } from '../../src/workbook/results/layout';
import { runMechanism } from '../../src/workbook/run';
import { NAME_LIMIT } from '../../src/workbook/tableSchema';
import { FakeWorkbook, table } from './support/fakeWorkbook';

const now = new Date('2025-06-01T14:03:05Z');

function pool(partner: string, scheme = 'Community services') {
  return new FakeWorkbook([
    table(
      'Contributions',
      ['Partner', 'Scheme', 'Amount (£)'],
      [
        [partner, scheme, 28_348_000],
        ['B&NES Council', 'Community services', 40_888_000],
      ],
    ),
  ]);
}

describe('names over the limit', () => {
  it('is 255 characters, documented', () => {
    expect(NAME_LIMIT).toBe(255);
  });

  it('a name of 255 characters is read; one of 256 is a finding naming the cell, its start and its length; nothing is written', async () => {
    const fits = await runMechanism(pool('P'.repeat(255)), 'pool', {}, { now });
    expect(fits.ok).toBe(true);
    const over = await runMechanism(pool('P'.repeat(256)), 'pool', {}, { now });
    expect(!over.ok && over.findings.map((f) => f.message)).toEqual([
      `Contributions!A3 (Contributions table, row 1, column "Partner"): "${'P'.repeat(40)}…" is 256 characters long; this column takes at most 255.`,
    ]);
    const book = pool('B&NES Clinical Commissioning Group '.repeat(10));
    const outcome = await runMechanism(book, 'pool', {}, { now });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.findings.map((f) => f.message)).toEqual([
      'Contributions!A3 (Contributions table, row 1, column "Partner"): "B&NES Clinical Commissioning Group B&NES…" is 349 characters long; this column takes at most 255.',
    ]);
    expect(outcome.findings[0]).toMatchObject({
      code: 'INPUT.TOO_LONG',
      sheet: 'Contributions',
      table: 'Contributions',
      row: 1,
      column: 'Partner',
      address: 'A3',
    });
    expect(book.written.size).toBe(0);
  });

  it('a scheme name too long is found the same way', async () => {
    const outcome = await runMechanism(pool('B&NES CCG', 'S'.repeat(1_000)), 'pool', {}, { now });
    expect(!outcome.ok && outcome.findings.map((f) => [f.code, f.address])).toEqual([
      ['INPUT.TOO_LONG', 'B3'],
    ]);
  });
});

describe('result table headers built from names', () => {
  it('fitHeaders leaves headers up to 255 alone and cuts longer ones, keeping them distinct', () => {
    const long = 'P'.repeat(NAME_LIMIT);
    const fitted = fitHeaders(['Contract', `${long} amount`, `${long} share amount`, 'Total']);
    expect(fitted[0]).toBe('Contract');
    expect(fitted[1]).toBe(`${'P'.repeat(254)}…`);
    expect(fitted[2]).toBe(`${'P'.repeat(250)}… (2)`);
    expect(fitted[3]).toBe('Total');
    expect(fitted.every((h) => h.length <= 255)).toBe(true);
  });

  it('a result table headed by 255-character party names passes the layout check', () => {
    const names = ['A', 'B'].map((c) => c.repeat(NAME_LIMIT));
    const sheet = layoutSheet('BCF Results - Test', [
      {
        kind: 'table',
        heading: 'By party',
        name: 'BCF_Test',
        columns: [{ header: 'Contract' }, ...names.map((n) => ({ header: `${n} amount` }))],
        rows: [['K1', 1, 2]],
      },
    ]);
    expect(sheetLayoutFault(sheet)).toBeUndefined();
    const headers = sheet.values[1] ?? [];
    expect(headers.map((h) => String(h).length)).toEqual([8, 255, 255]);
  });

  it('the layout check refuses a header over 255 characters', () => {
    const sheet = layoutSheet('BCF Results - Test', [
      {
        kind: 'table',
        heading: 'By party',
        name: 'BCF_Test',
        columns: [{ header: 'Contract' }],
        rows: [['K1']],
      },
    ]);
    const values = sheet.values.map((row, r) => (r === 1 ? ['H'.repeat(256), null] : row));
    expect(sheetLayoutFault({ ...sheet, values })?.message).toBe(
      'Sheet "BCF Results - Test": table BCF_Test\'s header in row 2, column 1 has 256 characters; Excel takes at most 255.',
    );
  });
});
