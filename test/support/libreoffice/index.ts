/**
 * The LibreOffice check of written workbooks: each .xlsx is opened by Calc headless,
 * every sheet exported to CSV (values after Calc recalculated every formula), the whole
 * workbook printed to PDF, each PDF page rendered to PNG (kept under test-output/ as
 * test artifacts) and measured for chart colour, and the PDF's text extracted.
 * Several workbooks go through one soffice call per format, so Calc starts twice in all.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseCsv } from './csv';
import { colouredPixels, readPpm } from './pixels';
import { convert, CSV_ALL_SHEETS, run } from './soffice';

export { convert, CSV_ALL_SHEETS, libreOfficeVersion } from './soffice';
export { parseCsv } from './csv';

/** Where test artifacts go (gitignored). */
export const ARTIFACTS = resolve(__dirname, '../../../test-output');

/** One rendered page. */
export interface RenderedPage {
  /** The PNG kept as a test artifact. */
  readonly png: string;
  /** Strongly coloured pixels on the page (see pixels.colouredPixels). */
  readonly coloured: number;
  /** The page's text, from pdftotext. */
  readonly text: string;
}

/** What LibreOffice made of one workbook. */
export interface CalcView {
  /** Each sheet's values as Calc exports them to CSV (after recalculating). */
  readonly sheets: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** The printed workbook, page by page. */
  readonly pages: readonly RenderedPage[];
}

/** A file's name without its extension (.xlsx, .pdf). */
function base(file: string): string {
  return basename(file).replace(/\.[a-z]+$/i, '');
}

function sheetsOf(file: string, dir: string): Map<string, string[][]> {
  const prefix = `${base(file)}-`;
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.csv')) {
      sheets.set(name.slice(prefix.length, -4), parseCsv(readFileSync(join(dir, name), 'utf8')));
    }
  }
  return sheets;
}

async function pagesOf(pdf: string, dir: string): Promise<RenderedPage[]> {
  const stem = join(dir, `${base(pdf)}-page`);
  await run('pdftoppm', ['-r', '60', '-png', pdf, stem]);
  await run('pdftoppm', ['-r', '60', pdf, `${stem}-measure`]);
  const text = await run('pdftotext', ['-layout', pdf, '-']);
  const texts = text.split('\f');
  const pngs = readdirSync(dir)
    .filter((name) => name.startsWith(`${base(pdf)}-page-`) && name.endsWith('.png'))
    .sort((a, b) => pageNumber(a) - pageNumber(b));
  return pngs.map((png, i) => {
    const ppm = join(dir, png.replace(/-page-(\d+)\.png$/, '-page-measure-$1.ppm'));
    const coloured = colouredPixels(readPpm(ppm));
    rmSync(ppm);
    return { png: join(dir, png), coloured, text: texts[i] ?? '' };
  });
}

function pageNumber(name: string): number {
  return Number(/-(\d+)\.png$/.exec(name)?.[1] ?? 0);
}

/**
 * Puts workbooks through LibreOffice Calc.
 *
 * @param files - Absolute paths of .xlsx files with distinct names.
 * @param label - A folder name under test-output/ for this check's artifacts.
 * @returns What Calc made of each file, by path.
 * @throws If soffice fails, or a file did not convert (Calc could not open it).
 */
export async function viewInCalc(
  files: readonly string[],
  label: string,
): Promise<Map<string, CalcView>> {
  const dir = join(ARTIFACTS, 'libreoffice', label);
  rmSync(dir, { recursive: true, force: true });
  await convert(files, CSV_ALL_SHEETS, dir);
  await convert(files, 'pdf', dir);
  const views = new Map<string, CalcView>();
  for (const file of files) {
    const pdf = join(dir, `${base(file)}.pdf`);
    const sheets = sheetsOf(file, dir);
    if (!existsSync(pdf) || sheets.size === 0)
      throw new Error(`LibreOffice could not open ${file}`);
    views.set(file, { sheets, pages: await pagesOf(pdf, dir) });
  }
  return views;
}
