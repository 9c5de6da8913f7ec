/**
 * The .xlsx golden runner: a workbook in, a mechanism's result blocks out, as JSON. Each
 * file under test/golden-xlsx/<mechanism id>/ is one case:
 *   { "title": "...", "workbook": "assets/samples/bcf-example.xlsx",
 *     "edits": [{ "sheet": "Population", "cell": "C3", "value": -5 }],   (optional)
 *     "params": { ...scenario parameters... },
 *     "expected": { "tables": [{ name, heading, headers, rows }], "headline": [...] }  or
 *     "findings": [{ "code": "...", "message": "exact message naming the cell" }] }
 * The workbook is read by the .xlsx adapter and the workbook layer exactly as `bcf run`
 * reads it (calculateRun: tables found by name or header, cells typed, parameters read,
 * engine called), so table reading is pinned as firmly as the engine's figures. Nothing
 * is written. Cases are compared whole (toEqual): a changed figure, header or message fails.
 * BCF_GOLDEN_UPDATE=1 rewrites `expected`/`findings` from the current code (then review
 * the diff: the figures must still be the worked examples' own).
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { join, resolve } from 'path';
import { openXlsx } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import type { CellValue } from '../../src/ports/workbook';
import { MECHANISM_LIST } from '../../src/workbook/mechanisms/index';
import type { ScenarioParams } from '../../src/workbook/params';
import type { ResultBlock } from '../../src/workbook/results/layout';
import { calculateRun, mechanismOf } from '../../src/workbook/run';

interface XlsxCase {
  readonly title: string;
  readonly workbook: string;
  readonly edits?: readonly {
    readonly sheet: string;
    readonly cell: string;
    readonly value: CellValue;
  }[];
  readonly params: ScenarioParams;
  readonly expected?: unknown;
  readonly findings?: unknown;
}

const ROOT = resolve(__dirname, '../..');
const update = process.env.BCF_GOLDEN_UPDATE === '1';

/** The workbook's bytes with the case's cells changed (through ExcelTS, as a user's edit). */
async function workbookBytes(golden: XlsxCase): Promise<Uint8Array> {
  const bytes = readFileSync(join(ROOT, golden.workbook));
  if (golden.edits === undefined || golden.edits.length === 0) return bytes;
  const book = new Workbook();
  await book.xlsx.load(bytes);
  for (const edit of golden.edits) {
    const sheet = book.getWorksheet(edit.sheet);
    if (sheet === undefined) throw new Error(`${golden.title}: no sheet ${edit.sheet}`);
    sheet.getCell(edit.cell).value = edit.value;
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A result table as the sheet shows it: heading, name, headers and cell values. */
function tableOf(block: ResultBlock): unknown[] {
  if (block.kind !== 'table') return [];
  return [
    {
      name: block.name,
      heading: block.heading,
      headers: block.columns.map((c) => c.header),
      rows: block.rows,
    },
  ];
}

/** What a case's workbook gives: the result tables and headline, or the findings. */
async function outcome(mechanism: string, golden: XlsxCase): Promise<Record<string, unknown>> {
  const workbook = await openXlsx(await workbookBytes(golden), golden.title);
  const def = mechanismOf(mechanism as (typeof MECHANISM_LIST)[number]['id']);
  const run = await calculateRun(workbook, def, golden.params, {});
  if (run === undefined) throw new Error('not cancelled, so never undefined');
  if (!run.ok) return { findings: run.findings.map((f) => ({ code: f.code, message: f.message })) };
  return {
    expected: {
      tables: run.computed.blocks.flatMap(tableOf),
      headline: run.computed.headline,
    },
  };
}

const casesOf = (id: string): string[] => {
  const dir = join(__dirname, id);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
};

describe.each(MECHANISM_LIST.map((m) => m.id))('.xlsx golden files: %s', (mechanism) => {
  it('has at least one case', () => {
    expect({ mechanism, cases: casesOf(mechanism).length > 0 }).toEqual({ mechanism, cases: true });
  });
  const files = casesOf(mechanism);
  if (files.length === 0) return;
  it.each(files)('%s', async (file) => {
    const path = join(__dirname, mechanism, file);
    const golden = JSON.parse(readFileSync(path, 'utf8')) as XlsxCase;
    const got = await outcome(mechanism, golden);
    const { title, workbook, edits, params } = golden;
    const inputs = { title, workbook, ...(edits === undefined ? {} : { edits }), params };
    if (update) {
      writeFileSync(path, `${JSON.stringify({ ...inputs, ...got }, null, 2)}\n`);
      return;
    }
    expect({ ...inputs, ...got }).toEqual(golden);
  });
});

it('has no case folder for a mechanism the registry lacks', () => {
  const ids = new Set<string>(MECHANISM_LIST.map((m) => m.id));
  const folders = readdirSync(__dirname, { withFileTypes: true }).filter((d) => d.isDirectory());
  expect(folders.map((d) => d.name).filter((name) => !ids.has(name))).toEqual([]);
});
