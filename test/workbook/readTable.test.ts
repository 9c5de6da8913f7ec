import type { CellValue } from '../../src/ports/workbook';
import type { Finding } from '../../src/workbook/findings';
import { decOf, textOf } from '../../src/workbook/inputTable';
import { readInputTables } from '../../src/workbook/readInputs';
import { readTable } from '../../src/workbook/readTable';
import { TABLE_KINDS, TABLE_KIND_ORDER } from '../../src/workbook/tableKinds';
import { FakeWorkbook, table } from './support/fakeWorkbook';

const messages = (findings: readonly Finding[]): string[] => findings.map((f) => f.message);

describe('readTable: every table kind', () => {
  it.each(TABLE_KIND_ORDER)(
    'reads a well-formed %s table (template headers, example rows)',
    (id) => {
      const kind = TABLE_KINDS[id];
      const data = table(
        kind.defaultName,
        kind.columns.map((c) => c.header),
        kind.examples,
      );
      const { table: read, findings } = readTable(data, kind);
      expect(messages(findings)).toEqual([]);
      expect(read.rows).toHaveLength(kind.examples.length);
      expect(read.columns.size).toBe(kind.columns.length);
    },
  );

  it.each(TABLE_KIND_ORDER)('reads a %s table by its aliases with odd case and spacing', (id) => {
    const kind = TABLE_KINDS[id];
    const oddly = (text: string): string => `  ${text.toUpperCase().replace(/ /g, '   ')} `;
    const headers = kind.columns.map((c) => {
      const alias = c.aliases[c.aliases.length - 1] ?? c.header;
      if (c.type.kind === 'amount') return oddly(`${alias} (£)`);
      if (c.type.kind === 'fraction') return oddly(`${alias} %`);
      return oddly(alias);
    });
    const { table: read, findings } = readTable(
      table(kind.defaultName, headers, kind.examples),
      kind,
    );
    expect(messages(findings)).toEqual([]);
    expect([...read.columns.keys()]).toEqual(kind.columns.map((c) => c.id));
  });

  it('gives no two columns of a kind the same accepted header', () => {
    for (const id of TABLE_KIND_ORDER) {
      const kind = TABLE_KINDS[id];
      const all = kind.columns.flatMap((c) =>
        [c.header, ...c.aliases].map((a) => a.toLowerCase().replace(/\s+/g, '')),
      );
      expect(new Set(all).size).toBe(all.length);
    }
  });
});

describe('readTable: findings name sheet, cell, table, row and column', () => {
  const kind = TABLE_KINDS.contracts;
  const headers = ['Contract ID', 'Provider', 'Commissioner', 'Annual value', 'Contract model'];
  const good: CellValue[] = ['C1', 'Circle', 'Bedfordshire CCG', 26500000, 'Prime contractor'];

  it('reports text in an amount column as the issue shows it', () => {
    const rows: CellValue[][] = Array.from({ length: 12 }, (_, i) => [
      `C${i + 1}`,
      ...good.slice(1),
    ]);
    rows[11] = ['C12', 'Circle', 'Bedfordshire CCG', 'tbc', 'Prime contractor'];
    const { findings } = readTable(table('Contracts', headers, rows), kind);
    expect(findings).toEqual([
      {
        code: 'INPUT.NOT_AN_AMOUNT',
        sheet: 'Contracts',
        table: 'Contracts',
        row: 12,
        column: 'Annual value',
        address: 'D14',
        value: 'tbc',
        message:
          'Contracts!D14 (Contracts table, row 12, column "Annual value"): "tbc" is not an amount.',
      },
    ]);
  });

  it('collects every bad cell of a table together, in reading order', () => {
    const rows: CellValue[][] = [
      ['C1', 'Circle', null, '£1,000', 'Prime contractor'],
      ['C1', 'Circle', 'CCG', -5, 'Franchise'],
    ];
    const { findings } = readTable(
      table('Deals', headers, rows, { sheet: 'My contracts', headerRow: 4, firstColumn: 2 }),
      kind,
    );
    expect(messages(findings)).toEqual([
      `'My contracts'!D5 (Deals table, row 1, column "Commissioner"): the cell is blank; a value is required.`,
      `'My contracts'!B6 (Deals table, row 2, column "Contract ID"): "C1" repeats row 1; each Contract ID may appear once.`,
      `'My contracts'!E6 (Deals table, row 2, column "Annual value"): -5 is negative; it must be 0 or more.`,
      `'My contracts'!F6 (Deals table, row 2, column "Contract model"): "Franchise" is not one of: Prime contractor, Prime provider, Alliance, Integrated pathway hub, Dynamic purchasing system, Federation, Single contractor, Personal budgets.`,
    ]);
  });

  it('reports missing and repeated columns once, at the table corner', () => {
    const { findings } = readTable(
      table(
        'Contracts',
        ['ID', 'Contract ID', 'Provider', 'Annual value to date'],
        [['C1', 'C1', 'X', 5]],
      ),
      kind,
    );
    expect(messages(findings)).toEqual([
      'Contracts table on Contracts!A2: no "Contract model" column (also accepted: Model).',
      'Contracts table on Contracts!A2: no "Commissioner" column (also accepted: Commissioned by, Lead commissioner).',
      'Contracts table on Contracts!A2: no "Annual value" column (also accepted: Contract value, Value, Annual contract value).',
      'Contracts table on Contracts!A2: the columns "ID" and "Contract ID" all mean "Contract ID"; keep one.',
    ]);
  });

  it('skips wholly blank rows but keeps counting them', () => {
    const rows: CellValue[][] = [
      good,
      [null, '', ' ', null, null],
      ['C2', 'Circle', 'CCG', 'x', 'Alliance'],
    ];
    const { table: read, findings } = readTable(table('Contracts', headers, rows), kind);
    expect(read.rows.map((r) => r.row)).toEqual([1, 3]);
    expect(messages(findings)).toEqual([
      'Contracts!D5 (Contracts table, row 3, column "Annual value"): "x" is not an amount.',
    ]);
  });

  it('types the cells of a good row', () => {
    const rows: CellValue[][] = [['C1', ' Circle ', 'CCG', '£26,500,000.00', 'prime CONTRACT']];
    const { table: read } = readTable(table('Contracts', headers, rows), kind);
    const [row] = read.rows;
    expect(row && decOf(row, 'annualValue')?.toString()).toBe('26500000');
    expect(row && textOf(row, 'provider')).toBe('Circle');
    expect(row && textOf(row, 'model')).toBe('Prime contractor');
  });
});

describe('readTable: each kind of bad cell, per table kind', () => {
  type Case = [
    kind: keyof typeof TABLE_KINDS,
    headers: string[],
    rows: CellValue[][],
    expected: string[],
  ];
  const cases: Case[] = [
    [
      'contributions',
      ['Partner', 'Scheme', 'Amount'],
      [
        ['B&NES CCG', 'Community services', 'tbc'],
        ['B&NES Council', null, '(£40,888,000)'],
      ],
      [
        'Contributions!C3 (Contributions table, row 1, column "Amount"): "tbc" is not an amount.',
        'Contributions!B4 (Contributions table, row 2, column "Scheme"): the cell is blank; a value is required.',
        'Contributions!C4 (Contributions table, row 2, column "Amount"): "(£40,888,000)" is negative; it must be 0 or more.',
      ],
    ],
    [
      'schemes',
      ['Scheme ID', 'Scheme name', 'Commissioner', '% NHS', 'Source of funding', 'Expenditure (£)'],
      [
        ['S1', 'Reablement', 'Joint', '120%', 'iBCF', 1000],
        ['S1', 'Falls', 'LA', null, 'Lottery', 'lots'],
      ],
      [
        'Schemes!D3 (Schemes table, row 1, column "% NHS"): "120%" is over 100%.',
        'Schemes!A4 (Schemes table, row 2, column "Scheme ID"): "S1" repeats row 1; each Scheme ID may appear once.',
        'Schemes!E4 (Schemes table, row 2, column "Source of funding"): "Lottery" is not one of: Minimum NHS Contribution, Additional NHS Contribution, iBCF, DFG, Additional LA Contribution, Winter Pressures Grant, Local Authority Discharge Funding, ICB Discharge Funding, Other.',
        'Schemes!F4 (Schemes table, row 2, column "Expenditure (£)"): "lots" is not an amount.',
      ],
    ],
    [
      'income',
      ['Source of funding', 'Contributor', 'Income'],
      [
        ['DFG', 'Council', 500],
        ['Disabled Facilities Grant', ' council ', 'TBC'],
      ],
      [
        'Income!B4 (Income table, row 2, column "Contributor"): " council " repeats row 1 with the same Source of funding; each combination may appear once.',
        'Income!C4 (Income table, row 2, column "Income"): "TBC" is not an amount.',
      ],
    ],
    [
      'population',
      ['Segment', 'Population', 'Annual rate', 'Risk weight', 'Uplift'],
      [
        ['65-74', -120, 100, 1, '1.3%'],
        ['75+', 'many', '£-5', 'x', '-150%'],
        ['65-74', 10, 10, null, null],
      ],
      [
        'Population!B3 (Population table, row 1, column "Population"): -120 is negative; it must be 0 or more.',
        'Population!B4 (Population table, row 2, column "Population"): "many" is not a number.',
        'Population!C4 (Population table, row 2, column "Annual rate"): "£-5" is negative; it must be 0 or more.',
        'Population!D4 (Population table, row 2, column "Risk weight"): "x" is not a number.',
        'Population!E4 (Population table, row 2, column "Uplift"): "-150%" is below -100%.',
        'Population!A5 (Population table, row 3, column "Segment"): "65-74" repeats row 1; each Segment may appear once.',
      ],
    ],
    [
      'metrics',
      ['Metric', 'Weight', 'Target', 'Actual', 'Better when', 'Scoring'],
      [
        ['Outcomes', 40, 80, 75, 'higher', 'linear'],
        ['Experience', '60%', 90, null, 'sideways', 'bands'],
      ],
      [
        'Metrics!B3 (Metrics table, row 1, column "Weight"): 40 is over 100% (Excel stores 100% as 1).',
        'Metrics!D4 (Metrics table, row 2, column "Actual"): the cell is blank; a value is required.',
        'Metrics!E4 (Metrics table, row 2, column "Better when"): "sideways" is not one of: higher, lower.',
        'Metrics!F4 (Metrics table, row 2, column "Scoring"): "bands" is not one of: linear, threshold.',
      ],
    ],
    [
      'riskShareBands',
      ['Gain or loss', 'Band', 'Up to % of expected', 'Party', 'Share'],
      [
        ['Gain', 1, '5%', 'Circle', '100%'],
        ['Gain', 1.5, 'five', 'CCG', '-10%'],
        ['gain', '1', null, 'circle', 0],
      ],
      [
        'RiskShareBands!B4 (RiskShareBands table, row 2, column "Band"): 1.5 is not a whole number.',
        'RiskShareBands!C4 (RiskShareBands table, row 2, column "Up to % of expected"): "five" is not a percentage.',
        'RiskShareBands!E4 (RiskShareBands table, row 2, column "Share"): "-10%" is negative; it must be from 0% to 100%.',
        'RiskShareBands!D5 (RiskShareBands table, row 3, column "Party"): "circle" repeats row 1 with the same Gain or loss and Band; each combination may appear once.',
      ],
    ],
    [
      'riskShareTerms',
      ['Party', 'Loss cap (£)', 'Quality multiplier'],
      [
        ['Owner', null, '110%'],
        [null, 'fee', null],
      ],
      [
        'RiskShareTerms!C3 (RiskShareTerms table, row 1, column "Quality multiplier"): "110%" is over 100%.',
        'RiskShareTerms!A4 (RiskShareTerms table, row 2, column "Party"): the cell is blank; a value is required.',
        'RiskShareTerms!B4 (RiskShareTerms table, row 2, column "Loss cap (£)"): "fee" is not an amount.',
      ],
    ],
    [
      'activity',
      ['Period', 'Baseline', 'Actual', 'Unit cost'],
      [
        ['Q1', 10000, -1, '£1,490'],
        ['Q1', '10,000', 9895, 'n/a'],
      ],
      [
        'Activity!C3 (Activity table, row 1, column "Actual"): -1 is negative; it must be 0 or more.',
        'Activity!A4 (Activity table, row 2, column "Period"): "Q1" repeats row 1; each Period may appear once.',
        'Activity!D4 (Activity table, row 2, column "Unit cost"): "n/a" is not an amount.',
      ],
    ],
  ];

  it.each(cases)('%s', (id, headers, rows, expected) => {
    const kind = TABLE_KINDS[id];
    const { findings } = readTable(table(kind.defaultName, headers, rows), kind);
    expect(messages(findings)).toEqual(expected);
  });
});

describe('readInputTables', () => {
  const contributions = TABLE_KINDS.contributions;
  const wanted = [
    { kind: contributions, required: true },
    { kind: TABLE_KINDS.schemes, required: false },
  ];

  it('finds a table by name, case-insensitively, with one listTables and one readTables call', async () => {
    const book = new FakeWorkbook([
      table('contributions', ['Partner', 'Scheme', 'Amount'], contributions.examples),
    ]);
    const { tables, findings } = await readInputTables(book, wanted);
    expect(findings).toEqual([]);
    expect(tables.contributions?.rows).toHaveLength(2);
    expect(tables.schemes).toBeUndefined();
    expect(book.calls).toEqual(['listTables', 'readTables:contributions']);
  });

  it('finds a table by its header row when it has another name, but not the add-in own tables', async () => {
    const book = new FakeWorkbook([
      table('BCF_Pool_Partners', ['Partner', 'Scheme', 'Amount'], [], { sheet: 'BCF Results' }),
      table('Table1', ['Partner ', 'CATEGORY', 'Contribution (£)'], contributions.examples),
    ]);
    const { tables, findings } = await readInputTables(book, wanted);
    expect(findings).toEqual([]);
    expect(tables.contributions?.info.name).toBe('Table1');
  });

  it('asks for a name when two tables match by headers, and reports a missing required table', async () => {
    const headers = ['Partner', 'Scheme', 'Amount'];
    const two = new FakeWorkbook([
      table('Table1', headers, []),
      table('Table2', headers, [], { sheet: 'Other sheet' }),
    ]);
    expect(messages((await readInputTables(two, wanted)).findings)).toEqual([
      'More than one table could be the Contributions table (Table1 on Table1; Table2 on \'Other sheet\'); name the one to use "Contributions".',
    ]);
    expect(messages((await readInputTables(new FakeWorkbook(), wanted)).findings)).toEqual([
      'No Contributions table: add an Excel table named "Contributions" with the headers Partner, Scheme, Amount.',
    ]);
  });

  it('reports a required table with no rows filled in, and a chosen name that does not exist', async () => {
    const book = new FakeWorkbook([
      table('Contributions', ['Partner', 'Scheme', 'Amount'], [[null, null, null]]),
    ]);
    expect(messages((await readInputTables(book, wanted)).findings)).toEqual([
      'The Contributions table on Contributions has no rows filled in.',
    ]);
    expect(
      messages((await readInputTables(book, wanted, { contributions: 'Pool2025' })).findings),
    ).toEqual(['There is no table named "Pool2025" (chosen as the Contributions table).']);
  });
});
