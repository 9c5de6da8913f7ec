/**
 * Datamaps (src/workbook/datamap.ts): the shipped one parses and maps the NHS England
 * scheme columns onto the Income and Schemes kinds; a bad datamap is refused naming the
 * key and value; a workbook is recognised by its sheet names and labels, and one that
 * is like the template but not a version the datamap knows is reported, not read.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { CellValue, SheetCells } from '../../src/ports/workbook';
import {
  datamapParams,
  parseDatamap,
  recogniseDatamap,
  type Datamap,
} from '../../src/workbook/datamap';

const SHIPPED = resolve(__dirname, '../../assets/datamaps/bcf-planning-return.json');

function shipped(): Datamap {
  const read = parseDatamap(JSON.parse(readFileSync(SHIPPED, 'utf8')));
  if (!read.ok) throw new Error(read.problem);
  return read.datamap;
}

const sheet = (name: string, values: CellValue[][]): SheetCells => ({
  sheet: name,
  top: 1,
  left: 1,
  values,
  formulas: new Map(),
});

const income = (yearLabel = 'Plan year:'): SheetCells =>
  sheet('Income', [
    ['BCF planning return: Income', ''],
    ['Health and Wellbeing Board:', 'Northshire'],
    [yearLabel, '2024-25'],
  ]);
const expenditure = (name = 'Expenditure'): SheetCells =>
  sheet(name, [
    ['Health and Wellbeing Board:', 'Northshire'],
    ['Minimum required spend on social care from the NHS minimum contribution (£):', 4000000],
    ['Minimum required NHS commissioned out-of-hospital spend (£):', 3508000],
  ]);

describe('the shipped datamap (assets/datamaps/bcf-planning-return.json)', () => {
  it("maps the Income sheet to Income and the Expenditure sheet's NHS England columns to Schemes", () => {
    const datamap = shipped();
    expect(datamap.id).toBe('bcf-planning-return');
    expect(datamap.sheets).toEqual(['Income', 'Expenditure']);
    expect(datamap.mapping.tables.income).toEqual({
      sheet: 'Income',
      columns: { source: 'Source of Funding', contributor: 'Contributor', amount: 'Income (£)' },
    });
    expect(datamap.mapping.tables.schemes?.columns).toEqual({
      schemeId: 'Scheme ID',
      scheme: 'Scheme Name',
      schemeType: 'Scheme Type',
      areaOfSpend: 'Area of Spend',
      commissioner: 'Commissioner',
      nhsShare: '% NHS (if Joint Commissioner)',
      laShare: '% LA (if Joint Commissioner)',
      provider: 'Provider',
      source: 'Source of Funding',
      expenditure: 'Expenditure (£)',
    });
    expect(datamap.mapping.cells?.board).toEqual({
      sheet: 'Income',
      label: 'Health and Wellbeing Board:',
    });
  });

  it("reads the plan checks' minima from the cells beside their labels", () => {
    expect(datamapParams(shipped(), 'checks', [income(), expenditure()])).toEqual({
      params: { socialCareMinimum: 4000000, nhsOutOfHospitalMinimum: 3508000 },
      findings: [],
    });
    const { findings } = datamapParams(shipped(), 'checks', [income()]);
    expect(findings.map((f) => f.message)).toEqual([
      'The BCF planning return (official-style) datamap reads socialCareMinimum beside the label "Minimum required spend on social care from the NHS minimum contribution (£):" on Expenditure, but there is no such label with a value beside or below it.',
      'The BCF planning return (official-style) datamap reads nhsOutOfHospitalMinimum beside the label "Minimum required NHS commissioned out-of-hospital spend (£):" on Expenditure, but there is no such label with a value beside or below it.',
    ]);
  });
});

describe('recogniseDatamap', () => {
  it('recognises the template by its sheets and labels', () => {
    expect(recogniseDatamap(shipped(), [income(), expenditure()])).toEqual({
      status: 'recognised',
    });
  });

  it('a renamed sheet is a version it does not know (its labels are all there)', () => {
    expect(recogniseDatamap(shipped(), [income(), expenditure('Spend')])).toEqual({
      status: 'unknown-version',
      missing: ['the sheet Expenditure'],
    });
  });

  it('a missing label is a version it does not know (its sheets are all there)', () => {
    expect(recogniseDatamap(shipped(), [income('Year:'), expenditure()])).toEqual({
      status: 'unknown-version',
      missing: ['the label "Plan year:" on Income'],
    });
  });

  it('a workbook with an Income sheet and a board label but nothing else of the template is not it', () => {
    expect(recogniseDatamap(shipped(), [income(), sheet('Notes', [['x']])])).toEqual({
      status: 'other',
    });
  });
});

describe('parseDatamap refuses a bad datamap, naming the key', () => {
  const base = {
    datamap: 'mine',
    recognise: [{ sheet: 'Income', label: 'Board:' }],
    tables: { income: { sheet: 'Income', columns: { amount: { header: 'Sum', type: 'amount' } } } },
  };
  const problem = (value: unknown): string | undefined => {
    const read = parseDatamap(value);
    return read.ok ? undefined : read.problem;
  };

  it.each([
    [
      { ...base, recognise: [] },
      '"recognise" must list the sheets and labels that identify the template.',
    ],
    [
      { ...base, recognise: [{ sheet: 'Income' }] },
      'recognise[0] needs "sheet" and "label" (texts).',
    ],
    [
      {
        ...base,
        tables: {
          income: { sheet: 'Income', columns: { amount: { header: 'Sum', type: 'money' } } },
        },
      },
      'tables.income.columns.amount.type "money" is not a type (use one of text, amount, number, percent, integer, option).',
    ],
    [
      {
        ...base,
        tables: {
          income: { sheet: 'Income', columns: { amount: { header: 'Sum', type: 'text' } } },
        },
      },
      'tables.income.columns.amount.type is "text", but Income\'s Income is amount.',
    ],
    [
      { ...base, tables: { income: { sheet: 'Income', columns: { amount: { type: 'amount' } } } } },
      'tables.income.columns.amount needs "header", the column\'s header text.',
    ],
    [
      { ...base, tables: { income: { table: 'IncomeTable' } } },
      'tables.income must name a "sheet" (a datamap reads plain ranges).',
    ],
    [
      { ...base, tables: { wages: { sheet: 'Income', columns: {} } } },
      '"wages" is not a table kind (use one of contributions, schemes, income, contracts, population, metrics, riskShareBands, riskShareTerms, activity, plannedSpend).',
    ],
  ])('%j', (value, expected) => {
    expect(problem(value)).toBe(expected);
  });

  it('accepts columns given as plain header texts', () => {
    const read = parseDatamap({
      ...base,
      tables: { income: { sheet: 'Income', columns: { amount: 'Sum' } } },
    });
    expect(read.ok && read.datamap.mapping.tables.income?.columns).toEqual({ amount: 'Sum' });
  });
});
