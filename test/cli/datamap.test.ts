/**
 * The official-style BCF planning return as a user runs it (the real `bcf` in a child
 * process): the committed facsimile (assets/samples/bcf-planning-return-facsimile.xlsx,
 * protected sheets) is recognised by the shipped datamap and checked with exact figures;
 * bad cells are findings naming sheet, cell, header as written and value; a version the
 * datamap does not know is reported and nothing is read; `bcf consolidate` mixes it with
 * the add-in's own template, recording each file's SHA-256, what it was read as and
 * its board, and flags two files for one board, naming both.
 */
import { createHash } from 'crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { openXlsx, type XlsxWorkbook } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import {
  bookBytes,
  FACSIMILE_PATH,
  facsimileBytes,
  facsimileWorkbook,
} from '../support/makeFacsimile';
import { bcf, scratchDir } from './support/bcf';
import { balancedPlan, writePlan } from './support/plans';

jest.setTimeout(120_000);

const sha256 = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

async function contents(workbook: XlsxWorkbook): Promise<unknown> {
  return workbook.readSheets();
}

/** Writes the facsimile with some cells changed or a sheet renamed. */
async function variant(
  path: string,
  change: (book: Workbook) => void,
  board?: string,
): Promise<void> {
  const book = await facsimileWorkbook(board);
  change(book);
  writeFileSync(path, await bookBytes(book));
}

// The facsimile's figures, worked out by hand (test/support/makeFacsimile.ts):
// income: Minimum NHS £12,345,678.90 + DFG £2,100,000 + iBCF £4,500,000 + Additional LA
// £1,000,000 = £19,945,678.90; each source's schemes add to the same (Minimum NHS: S01
// £4,200,000 + S02 £5,145,678.90 + S03 £3,000,000). Social care from the minimum NHS
// contribution: S01 only, £4,200,000 (minimum £4,000,000). NHS out-of-hospital: S02 in full
// £5,145,678.90 + 60% of joint S03's £3,000,000 = £1,800,000, total £6,945,678.90 (minimum
// £3,508,000); S01 is commissioned by the LA. DFG: S04 (DFG Related Schemes) £2,100,000.
const FACSIMILE_CHECK_LINES = [
  'BCF plan checks for FILE: 9 of 9 passed.',
  '  passed  Minimum NHS Contribution: planned expenditure £12,345,678.90 equals income.',
  '  passed  DFG: planned expenditure £2,100,000.00 equals income.',
  '  passed  iBCF: planned expenditure £4,500,000.00 equals income.',
  '  passed  Additional LA Contribution: planned expenditure £1,000,000.00 equals income.',
  '  passed  Adult social care from the minimum NHS contribution: planned £4,200,000.00 meets the required minimum £4,000,000.00.',
  '  passed  NHS-commissioned out-of-hospital spend from the minimum NHS contribution: planned £6,945,678.90 meets the required minimum £3,508,000.00.',
  '  passed  Disabled Facilities Grant: £2,100,000.00 is planned in full on DFG.',
  '  passed  All 1 joint schemes have % NHS + % LA = 100%.',
  '  passed  All amounts lie between £0.00 and £1,000,000,000.00 and all percentages between 0% and 100%.',
  'Findings: none.',
];

describe('the facsimile official-style return', () => {
  it('reads back the same as makeFacsimile.ts makes (run it again if this fails), every sheet protected', async () => {
    const committed = await openXlsx(FACSIMILE_PATH);
    const made = await openXlsx(await facsimileBytes(), 'the made facsimile');
    expect(await contents(committed)).toEqual(await contents(made));
    const book = new Workbook();
    await book.xlsx.load(readFileSync(FACSIMILE_PATH));
    expect(
      book.worksheets.map((ws) => [
        ws.name,
        (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
      ]),
    ).toEqual([
      ['Cover', true],
      ['Income', true],
      ['Expenditure', true],
    ]);
  });

  it('bcf check recognises it by the datamap and runs the plan checks on its protected sheets: exact figures, exit 0, the file untouched', async () => {
    const dir = scratchDir();
    const plan = join(dir, 'hwb-1 northshire.xlsx');
    copyFileSync(FACSIMILE_PATH, plan);
    const before = { hash: sha256(plan), mtime: statSync(plan).mtimeMs };
    const run = await bcf(['check', plan]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        `${plan} read as the datamap bcf-planning-return.`,
        ...FACSIMILE_CHECK_LINES.map((l) => l.replace('FILE', plan)),
        '',
      ].join('\n'),
    );
    expect({ hash: sha256(plan), mtime: statSync(plan).mtimeMs }).toEqual(before);
  });

  it('a structure-protected return is read by check and consolidate, and nothing is written to it', async () => {
    // Refusing to save into a workbook whose structure is locked is file mode's (bcf run);
    // check and consolidate only read, so the return itself must come out untouched.
    const dir = scratchDir();
    const plan = join(dir, 'locked.xlsx');
    await variant(plan, (book) => {
      (book as unknown as { protection: { lockStructure: boolean } }).protection = {
        lockStructure: true,
      };
    });
    expect(readFileSync(plan).length).toBeGreaterThan(0);
    const locked = new Workbook();
    await locked.xlsx.load(readFileSync(plan));
    expect(
      (locked as unknown as { protection?: { lockStructure?: boolean } }).protection,
    ).toMatchObject({
      lockStructure: true,
    });
    const before = { hash: sha256(plan), mtime: statSync(plan).mtimeMs };
    const check = await bcf(['check', plan]);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toContain(`BCF plan checks for ${plan}: 9 of 9 passed.`);
    const out = join(scratchDir(), 'summary.xlsx');
    const run = await bcf(['consolidate', plan, '--out', out, '--quiet']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('1 consolidated, 0 skipped; income £19,945,678.90');
    expect({ hash: sha256(plan), mtime: statSync(plan).mtimeMs }).toEqual(before);
  });

  it('bcf run reads it by the datamap and writes the Checks sheet into a copy, keeping its protected sheets', async () => {
    const dir = scratchDir();
    const out = join(dir, 'results.xlsx');
    const run = await bcf(['run', FACSIMILE_PATH, '--out', out, '--quiet']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `Wrote ${out} (results of ${FACSIMILE_PATH}):\n  BCF plan checks: sheet "Checks"\n    Checks passed: 9 of 9\n`,
    );
    const book = new Workbook();
    await book.xlsx.load(readFileSync(out));
    const sheets = book.worksheets.map((ws) => [
      ws.name,
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet ?? false,
    ]);
    expect(sheets.slice(0, 3)).toEqual([
      ['Cover', true],
      ['Income', true],
      ['Expenditure', true],
    ]);
    expect(sheets.map((s) => s[0])).toContain('Checks');
  });

  it('bad cells are findings naming sheet, cell, header as written and the bad value (exit 2)', async () => {
    const plan = join(scratchDir(), 'bad.xlsx');
    await variant(plan, (book) => {
      const sheet = book.getWorksheet('Expenditure');
      if (sheet === undefined) throw new Error('no Expenditure sheet');
      sheet.getCell('K8').value = 'tbc';
      sheet.getCell('G9').value = 1.5;
      sheet.getCell('J11').value = 'Lottery';
    });
    const run = await bcf(['check', plan]);
    expect(run.code).toBe(2);
    expect(run.stdout.split('\n').slice(1)).toEqual([
      `BCF plan checks for ${plan}: not made (see the findings).`,
      'Findings: 3.',
      '  BCF plan checks:',
      '    Expenditure!K8 (Schemes range A6:L12, row 2, column "Expenditure (£)"): "tbc" is not an amount. [INPUT.NOT_AN_AMOUNT]',
      '    Expenditure!G9 (Schemes range A6:L12, row 3, column "% NHS (if Joint Commissioner)"): 1.5 is over 100% (Excel stores 100% as 1). [INPUT.OVER_100_PERCENT]',
      '    Expenditure!J11 (Schemes range A6:L12, row 5, column "Source of Funding"): "Lottery" is not one of: Minimum NHS Contribution, Additional NHS Contribution, iBCF, DFG, Additional LA Contribution, Winter Pressures Grant, Local Authority Discharge Funding, ICB Discharge Funding, Other. [INPUT.NOT_AN_OPTION]',
      '',
    ]);
  });

  it.each([
    [
      'a renamed sheet',
      (book: Workbook): void => {
        const sheet = book.getWorksheet('Expenditure');
        if (sheet !== undefined) sheet.name = 'Spend';
      },
      'the sheet Expenditure',
    ],
    [
      'a missing label',
      (book: Workbook): void => {
        const sheet = book.getWorksheet('Income');
        if (sheet !== undefined) sheet.getCell('A3').value = 'Year:';
      },
      'the label "Plan year:" on Income',
    ],
  ])(
    '%s: a version the datamap does not know is reported, nothing read (exit 2)',
    async (_name, change, missing) => {
      const plan = join(scratchDir(), 'other-version.xlsx');
      await variant(plan, change);
      const run = await bcf(['check', plan]);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toBe(
        `bcf check: ${plan}: it looks like a BCF planning return (official-style) but is not a version the datamap "bcf-planning-return" knows (missing: ${missing}); nothing was read from it (fix the workbook, or give a datamap for this version with --datamap).\n`,
      );
    },
  );

  it('--datamap: a datamap file for another version reads it', async () => {
    const dir = scratchDir();
    const plan = join(dir, 'renamed.xlsx');
    await variant(plan, (book) => {
      const sheet = book.getWorksheet('Expenditure');
      if (sheet !== undefined) sheet.name = 'Spend';
    });
    const shipped = readFileSync(
      join(__dirname, '../../assets/datamaps/bcf-planning-return.json'),
      'utf8',
    ).replace(/"Expenditure"/g, '"Spend"');
    const datamap = join(dir, 'v2.json');
    writeFileSync(datamap, shipped.replace('"bcf-planning-return"', '"bcf-planning-return-v2"'));
    const run = await bcf(['check', plan, '--datamap', datamap]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`${plan} read as the datamap bcf-planning-return-v2.`);
    expect(run.stdout).toContain('BCF plan checks for ' + plan + ': 9 of 9 passed.');
  });
});

describe('bcf consolidate with official-style returns', () => {
  it("mixes them with the add-in's template: exact totals, each row with its SHA-256, what it was read as and its board (exit 0)", async () => {
    const dir = join(scratchDir(), 'returns');
    mkdirSync(dir);
    const bath = join(dir, 'hwb-01 Bath.xlsx');
    await writePlan(bath, balancedPlan(100));
    const northshire = join(dir, 'hwb-02 return.xlsx');
    copyFileSync(FACSIMILE_PATH, northshire);
    const hashes = [sha256(bath), sha256(northshire)];
    const out = join(scratchDir(), 'summary.xlsx');
    const run = await bcf(['consolidate', dir, '--out', out, '--quiet']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // Bath (the add-in's template, test/cli/support/plans.ts) £74,736,000 + Northshire £19,945,678.90.
    expect(run.stdout).toBe(
      `Wrote ${out}: 2 workbooks, 2 consolidated, 0 skipped; income £94,681,678.90, planned expenditure £94,681,678.90; 0 rows on the Findings sheet.\n`,
    );
    const [rows] = await (await openXlsx(out)).readTables(['BCF_Consolidation']);
    expect(rows?.headers.slice(16)).toEqual(['Read as', 'SHA-256', 'Same board as']);
    expect(rows?.rows.map((r) => [...r.slice(0, 8), ...r.slice(14)])).toEqual([
      [
        'hwb-01 Bath',
        74_736_000,
        74_736_000,
        0,
        'All checks passed',
        9,
        0,
        0,
        bath,
        '',
        'BCF planning template (this add-in)',
        hashes[0],
        '',
      ],
      [
        'Northshire',
        19_945_678.9,
        19_945_678.9,
        0,
        'All checks passed',
        9,
        0,
        0,
        northshire,
        '',
        'datamap bcf-planning-return',
        hashes[1],
        '',
      ],
    ]);
  });

  it('two files for the same board are flagged naming both; an unknown version is skipped with the reason (exit 1)', async () => {
    const dir = join(scratchDir(), 'returns');
    mkdirSync(dir);
    const first = join(dir, 'hwb-1 northshire.xlsx');
    const again = join(dir, 'hwb-2 northshire resubmitted.xlsx');
    const other = join(dir, 'hwb-3 westshire.xlsx');
    copyFileSync(FACSIMILE_PATH, first);
    copyFileSync(FACSIMILE_PATH, again);
    await variant(
      other,
      (book) => {
        const sheet = book.getWorksheet('Expenditure');
        if (sheet !== undefined) sheet.name = 'Spend';
      },
      'Westshire',
    );
    const out = join(scratchDir(), 'summary.xlsx');
    const run = await bcf(['consolidate', dir, '--out', out, '--quiet', '--json']);
    expect(run.code).toBe(1);
    const both = `2 files are for the Health and Wellbeing Board "Northshire": ${first}, ${again}; consolidate one return per board (this file's totals are counted, and so are the others').`;
    const unknown = `it looks like a BCF planning return (official-style) but is not a version the datamap "bcf-planning-return" knows (missing: the sheet Expenditure); nothing was read from it (fix the workbook, or give a datamap for this version with --datamap).`;
    expect(run.stderr.split('\n')).toEqual([
      `bcf consolidate: skipped ${other}: ${unknown}`,
      `bcf consolidate: ${first}: ${both}`,
      `bcf consolidate: ${again}: ${both}`,
      '',
    ]);
    const json = JSON.parse(run.stdout) as {
      files: {
        file: string;
        board: string;
        status: string;
        source: string;
        sha256: string;
        sameBoardAs?: string[];
      }[];
      totals: Record<string, unknown>;
    };
    expect(
      json.files.map((f) => [f.file, f.board, f.status, f.source, f.sha256, f.sameBoardAs]),
    ).toEqual([
      [first, 'Northshire', 'consolidated', 'datamap bcf-planning-return', sha256(first), [again]],
      [again, 'Northshire', 'consolidated', 'datamap bcf-planning-return', sha256(again), [first]],
      [
        other,
        'hwb-3 westshire',
        'skipped',
        'datamap bcf-planning-return (unknown version)',
        sha256(other),
        undefined,
      ],
    ]);
    expect(json.totals).toMatchObject({ consolidated: 2, skipped: 1, income: '39891357.80' });
    const [findings] = await (await openXlsx(out)).readTables(['BCF_Consolidation_Findings']);
    expect(findings?.rows.map((r) => [r[0], r[6], r[7]])).toEqual([
      [first, 'CONSOLIDATE.SAME_BOARD', both],
      [again, 'CONSOLIDATE.SAME_BOARD', both],
      [other, 'DATAMAP.UNKNOWN_VERSION', `${other}: ${unknown}`],
    ]);
  });
});
