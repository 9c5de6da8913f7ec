import { WorkbookError } from '../../src/workbook/errors';
import {
  detectTemplateVersion,
  newPlanningTemplate,
  planningTemplate,
  upgradeTemplate,
} from '../../src/workbook/template';
import { SCHEME_TYPES } from '../../src/workbook/tables/options';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';
import { FakeWorkbook, table } from './support/fakeWorkbook';

const now = new Date('2025-06-01T14:03:05Z');

describe('planning template', () => {
  it('has an info sheet, one sheet per input table, the Checks sheet and the hidden lists sheet', () => {
    expect(planningTemplate(now).map((s) => s.sheet)).toEqual([
      'BCF Template',
      'Contributions',
      'Schemes',
      'Income',
      'Contracts',
      'Population',
      'Metrics',
      'Risk share',
      'Activity',
      'Planned spend',
      'Checks',
      'BCF Lists',
    ]);
  });

  it('gives Scheme type, too long for a literal list, a drop-down read from the hidden lists sheet', () => {
    const sheets = planningTemplate(now);
    const schemes = sheets.find((s) => s.sheet === 'Schemes');
    const lists = sheets.find((s) => s.sheet === 'BCF Lists');
    const typeColumn = TABLE_KINDS.schemes.columns.findIndex((c) => c.header === 'Scheme type');
    const options = SCHEME_TYPES.map((o) => o.value);
    expect(options.join(',').length).toBeGreaterThan(255);
    const letter = String.fromCharCode(65 + typeColumn);
    const lastRow = /(\d+)$/.exec(schemes?.tables[0]?.range ?? '')?.[1];
    expect(schemes?.validations).toContainEqual({
      range: `${letter}6:${letter}${lastRow}`,
      source: `'BCF Lists'!$A$2:$A$${options.length + 1}`,
    });
    expect(lists?.hidden).toBe(true);
    expect(lists?.values.map((row) => row[0])).toEqual(['Scheme type', ...options]);
    // The shorter lists stay literal.
    expect(schemes?.validations).toContainEqual(
      expect.objectContaining({ list: ['NHS', 'LA', 'Joint'] }),
    );
  });

  it('puts the two risk-share tables side by side, each body a yellow input range', () => {
    const sheet = planningTemplate(now).find((s) => s.sheet === 'Risk share');
    expect(sheet?.tables).toEqual([
      { name: 'RiskShareBands', range: 'A5:G16' },
      { name: 'RiskShareTerms', range: 'I5:O12' },
    ]);
    expect(sheet?.inputRanges).toEqual(['A6:G16', 'I6:O12']);
    expect(sheet?.validations).toEqual([{ range: 'B6:B16', list: ['Gain', 'Loss', 'Both'] }]);
  });

  it('refuses to write over a user sheet or an existing template, and records its version', async () => {
    const book = new FakeWorkbook();
    book.owners.set('Schemes', 'user');
    await expect(newPlanningTemplate(book, { now })).rejects.toThrow(
      'The workbook already has sheets named "Schemes" that the add-in did not make',
    );
    expect(book.written.size).toBe(0);
    await newPlanningTemplate(book, { now, replaceUserSheets: true });
    expect(book.store.get('bcf.templateVersion')).toBe('1');
    await expect(newPlanningTemplate(book, { now })).rejects.toMatchObject({
      code: 'TEMPLATE.EXISTS',
    });
  });
});

describe('template version', () => {
  const info = (version: number) =>
    table(
      'BCF_TemplateInfo',
      ['Item', 'Value'],
      [
        ['Template format version', version],
        ['Made by', 'BCF finance add-in'],
      ],
      {
        sheet: 'BCF Template',
      },
    );

  it('is read from the settings, else from the info table, else absent', async () => {
    const book = new FakeWorkbook([info(1)]);
    expect(await detectTemplateVersion(book)).toBe(1);
    book.store.set('bcf.templateVersion', '3');
    expect(await detectTemplateVersion(book)).toBe(3);
    expect(await detectTemplateVersion(new FakeWorkbook())).toBeUndefined();
  });

  it('upgrades step by step through the hook, and refuses a template newer than the add-in', async () => {
    const book = new FakeWorkbook([info(1)]);
    const applied: number[] = [];
    const upgrades = [
      {
        from: 1,
        describe: 'Adds the Ambition column',
        apply: () => Promise.resolve(void applied.push(1)),
      },
      { from: 2, describe: 'Renames Price', apply: () => Promise.resolve(void applied.push(2)) },
    ];
    expect(await upgradeTemplate(book, upgrades, 3)).toEqual({
      from: 1,
      to: 3,
      steps: ['Adds the Ambition column', 'Renames Price'],
    });
    expect(applied).toEqual([1, 2]);
    expect(await detectTemplateVersion(book)).toBe(3);
    await expect(upgradeTemplate(book, upgrades, 2)).rejects.toThrow(WorkbookError);
    await expect(upgradeTemplate(book, upgrades, 2)).rejects.toThrow(
      'format version 3, newer than this add-in understands (2)',
    );
  });
});
