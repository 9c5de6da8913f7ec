/**
 * Whether LibreOffice and `bcf run` computed the same gain shares in the file benchmark:
 * the provider's and the CCG's amount of every contract, from LibreOffice's CSV of the
 * formula workbook and from the `BCF_GainShare_Contracts` table `bcf run` wrote, compared
 * as exact decimals. A timing comparison means something only if both did the same work.
 */
import { readFileSync } from 'fs';
import { openXlsx } from '../../src/adapters/xlsx';
import { Dec } from '../../src/engine/decimal';

/** How many contracts agree, of how many, and the first that does not. */
export interface Agreement {
  readonly agree: number;
  readonly total: number;
  readonly firstDifference?: string;
}

const CONTRACTS_TABLE = 'BCF_GainShare_Contracts';

/** Contract ID → [provider, CCG] from LibreOffice's CSV (header row first; columns A, F, G). */
function calcFigures(csvPath: string): Map<string, [string, string]> {
  const figures = new Map<string, [string, string]>();
  const lines = readFileSync(csvPath, 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const cells = line.split(',');
    const [id, provider, ccg] = [cells[0], cells[5], cells[6]];
    if (id !== undefined && id !== '' && provider !== undefined && ccg !== undefined) {
      figures.set(id.replace(/^"|"$/g, ''), [provider, ccg]);
    }
  }
  return figures;
}

const same = (a: string, b: unknown): boolean =>
  typeof b === 'number' && new Dec(a).eq(new Dec(b).toDecimalPlaces(2));

/**
 * Compares every contract of LibreOffice's CSV with the results workbook.
 *
 * @param csvPath - LibreOffice's CSV of the formula workbook.
 * @param resultsPath - the workbook `bcf run` wrote.
 */
export async function sameFigures(csvPath: string, resultsPath: string): Promise<Agreement> {
  const expected = calcFigures(csvPath);
  const book = await openXlsx(resultsPath);
  const [table] = await book.readTables([CONTRACTS_TABLE]);
  if (table === undefined) return { agree: 0, total: expected.size, firstDifference: 'no table' };
  const column = (header: string): number => table.headers.indexOf(header);
  const [id, provider, ccg] = [
    column('Contract ID'),
    column('Provider amount'),
    column('CCG amount'),
  ];
  let agree = 0;
  let firstDifference: string | undefined;
  for (const row of table.rows) {
    const contract = String(row[id]);
    const calc = expected.get(contract);
    if (calc !== undefined && same(calc[0], row[provider]) && same(calc[1], row[ccg])) {
      agree += 1;
    } else {
      firstDifference ??= `${contract}: LibreOffice ${calc?.join(' / ') ?? 'none'}, bcf ${String(row[provider])} / ${String(row[ccg])}`;
    }
  }
  return {
    agree,
    total: Math.max(expected.size, table.rows.length),
    ...(firstDifference === undefined ? {} : { firstDifference }),
  };
}
