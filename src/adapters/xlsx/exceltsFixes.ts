/**
 * Work-arounds for two faults of ExcelTS 10.2.0 (pinned) that make an unsound package,
 * applied just before each write. Tests under test/xlsx/ fail if either comes back.
 *
 * 1. A drawing loaded from the file keeps its part name (drawing1), while drawings for
 *    new charts are numbered from 1 again: the package then holds two
 *    xl/drawings/drawing1.xml entries and the user's chart loses its drawing. Clearing
 *    the loaded names makes the writer number every drawing from one counter.
 * 2. A file with no theme part (LibreOffice writes none) is written with a relationship
 *    and content type for xl/theme/theme1.xml but no such part. Clearing the empty theme
 *    set makes the writer add its default theme, as for a new workbook.
 *
 * Both reach into ExcelTS's private state (`_drawing`, `_themes`), which is why the
 * version is pinned exactly.
 */
import type { Workbook } from './excelts';

interface WithDrawing {
  _drawing?: { name?: string } | null;
}

interface WithThemes {
  _themes?: Record<string, unknown>;
}

/** Prepares a workbook for writing (see above). */
export function beforeWrite(book: Workbook): void {
  for (const worksheet of book.worksheets) {
    const drawing = (worksheet as unknown as WithDrawing)._drawing;
    if (drawing) delete drawing.name;
  }
  const themes = (book as unknown as WithThemes)._themes;
  if (themes !== undefined && Object.keys(themes).length === 0) book.clearThemes();
}
