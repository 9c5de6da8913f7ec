/**
 * Work-arounds for faults of ExcelTS 10.2.0 (pinned). Tests under test/xlsx/ fail if
 * any comes back. Two make an unsound package and are applied just before each write;
 * one loses a value and is applied just after each load:
 *
 * 1. A drawing loaded from the file keeps its part name (drawing1), while drawings for
 *    new charts are numbered from 1 again: the package then holds two
 *    xl/drawings/drawing1.xml entries and the user's chart loses its drawing. Clearing
 *    the loaded names makes the writer number every drawing from one counter.
 * 2. A file with no theme part (LibreOffice writes none) is written with a relationship
 *    and content type for xl/theme/theme1.xml but no such part. Clearing the empty theme
 *    set makes the writer add its default theme, as for a new workbook.
 *
 * 3. A formula whose result is the empty text (=IF(…,"",…), saved by Excel as
 *    `<c t="str"><f>…</f><v></v></c>`) loads with no result, as if never calculated, so
 *    reading its table would refuse the workbook. Its result is set to "" again from
 *    the sheet's XML.
 *
 * The first two reach into ExcelTS's private state (`_drawing`, `_themes`), which is
 * why the version is pinned exactly.
 */
import { parseBox } from './a1';
import type { Workbook } from './excelts';
import { withoutPrefix } from './namespaces';
import { parseRelationships, relsPath } from './packageBook';
import { attribute, elements } from './xmlText';
import { partText, type Parts } from './zipParts';

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

function plain(parts: Parts, part: string): string {
  const xml = partText(parts, part) ?? '';
  try {
    return withoutPrefix(xml).xml;
  } catch {
    return xml;
  }
}

/** A formula cell with an empty text result: `<c … t="str"…><f…>…</f><v></v></c>` or `<v/>`. */
const EMPTY_TEXT_RESULT =
  /<c\b([^>]*\st="str"[^>]*)>\s*<f\b(?:[^>]*\/>|[^>]*>[^<]*<\/f>)\s*<v\s*(?:\/>|><\/v>)\s*<\/c>/g;

/** Fixes a loaded workbook from its package's parts (see 3 above). */
export function afterLoad(book: Workbook, parts: Parts): void {
  const root = parseRelationships(plain(parts, '_rels/.rels'), '');
  const workbook = root.find((rel) => rel.type.endsWith('/officeDocument'))?.part;
  if (workbook === undefined) return;
  const rels = parseRelationships(plain(parts, relsPath(workbook)), workbook);
  for (const element of elements(plain(parts, workbook), 'sheet')) {
    const id = /\s[A-Za-z0-9_]+:id\s*=\s*"([^"]*)"/.exec(element)?.[1];
    const part = rels.find((rel) => rel.id === id)?.part;
    const worksheet = book.getWorksheet(attribute(element, 'name') ?? '');
    if (part === undefined || !worksheet) continue;
    const xml = plain(parts, part);
    if (!xml.includes('t="str"')) continue;
    for (const [, tag = ''] of xml.matchAll(EMPTY_TEXT_RESULT)) {
      const at = parseBox(attribute(`<c${tag}>`, 'r') ?? '');
      const cell = at ? worksheet.findCell(at.top, at.left) : undefined;
      if (!cell) continue;
      const value: unknown = cell.value;
      if (
        typeof value === 'object' &&
        value !== null &&
        !('result' in value && value.result !== undefined)
      ) {
        cell.value = { ...value, result: '' } as typeof cell.value;
      }
    }
  }
}
