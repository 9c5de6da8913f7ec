/**
 * Large result sheets (a per-contract table of 100,000 rows) without ExcelTS building
 * and writing every cell: the layout is cut after its first rows, ExcelTS renders that
 * head as usual (formats, fonts, tables, charts), and the rows after it are written
 * here as sheet XML, each cell taking the style index ExcelTS gave a cell of the head
 * with the same number format and weight. Tables running past the cut get their full
 * range back. Anything this cannot copy faithfully (a chart, input range or drop-down
 * past the cut, a format the head never shows, odd text) is left to ExcelTS whole.
 */
import type { CellValue, SheetWrite } from '../../ports/workbook';
import { boxAddress } from './a1';
import { NeedsModel } from './fastBook';
import { layoutBox } from './layoutCheck';
import { TEXT_FORMAT } from './sheetWriter';
import { ByteSink } from './byteSink';
import { encodeXml } from './xmlText';

/** Layouts up to this many rows go through ExcelTS whole. */
const SMALL = 2000;

/** A layout cut in two: the head ExcelTS renders, and the full layout for the rest. */
export interface SplitLayout {
  readonly head: SheetWrite;
  readonly layout: SheetWrite;
  /** The last row of the head. */
  readonly cut: number;
  /** Rows past the cut that ExcelTS renders too: each has a style the head lacks (a total). */
  readonly special: ReadonlySet<number>;
}

/**
 * Cuts a large layout after its first rows, or gives undefined for a small one or one
 * whose charts, input ranges or drop-downs reach past where it would be cut.
 */
export function splitLayout(layout: SheetWrite): SplitLayout | undefined {
  if (layout.values.length <= SMALL) return undefined;
  const cut = SMALL;
  const box = (range: string): ReturnType<typeof layoutBox> =>
    layoutBox(layout.sheet, range, 'Range');
  const reaches = [
    ...layout.charts.flatMap((c) => [box(c.sourceRange).bottom, box(c.placement).bottom]),
    ...(layout.inputRanges ?? []).map((r) => box(r).bottom),
    ...(layout.validations ?? []).map((v) => box(v.range).bottom),
    ...layout.tables.map((t) => box(t.range).top + 1),
  ];
  if (reaches.some((row) => row > cut)) return undefined;
  const grid = gridOf(layout);
  const seen = new Set<string>();
  for (let row = 1; row <= cut; row++) {
    for (let column = 1; column <= grid.width; column++) seen.add(styleKey(grid, row, column));
  }
  const special = new Set<number>();
  for (let row = cut + 1; row <= layout.values.length; row++) {
    for (let column = 1; column <= grid.width; column++) {
      if (!seen.has(styleKey(grid, row, column))) special.add(row);
    }
  }
  const kept = (row: number): boolean => row <= cut || special.has(row);
  const blank = layout.values[0]?.map(() => null) ?? [];
  const general = layout.values[0]?.map(() => 'General') ?? [];
  const head: SheetWrite = {
    ...layout,
    values: layout.values.map((values, i) => (kept(i + 1) ? values : blank)),
    numberFormats: layout.numberFormats.map((formats, i) => (kept(i + 1) ? formats : general)),
    formulas: (layout.formulas ?? []).filter((f) => kept(box(f.address).top)),
    boldRows: (layout.boldRows ?? []).filter(kept),
    tables: layout.tables.map((t) => {
      const range = box(t.range);
      return { ...t, range: boxAddress({ ...range, bottom: Math.min(range.bottom, cut) }) };
    }),
  };
  return { head, layout, cut, special };
}

interface Grid {
  readonly layout: SheetWrite;
  readonly formulas: ReadonlyMap<string, string>;
  /** Rows holding a formula cell, so most cells skip the formula lookup. */
  readonly formulaRows: ReadonlySet<number>;
  readonly bold: ReadonlySet<number>;
  readonly width: number;
}

function gridOf(layout: SheetWrite): Grid {
  const formulas = new Map(
    (layout.formulas ?? []).map(({ address, formula }) => {
      const box = layoutBox(layout.sheet, address, 'Formula cell');
      return [`${box.top}:${box.left}`, formula] as const;
    }),
  );
  return {
    layout,
    formulas,
    formulaRows: new Set([...formulas.keys()].map((key) => Number(key.split(':')[0]))),
    bold: new Set(layout.boldRows ?? []),
    width: layout.values[0]?.length ?? 0,
  };
}

/**
 * The style a cell gets, its number format and weight, by sheetWriter's rule (formatOf):
 * Text for a string, never Text for a formula, the layout's format otherwise.
 */
function styleKey(grid: Grid, row: number, column: number): string {
  const format = grid.layout.numberFormats[row - 1]?.[column - 1] ?? 'General';
  let shown: string;
  if (grid.formulaRows.has(row) && grid.formulas.has(`${row}:${column}`)) {
    shown = format === TEXT_FORMAT ? 'General' : format;
  } else {
    shown = typeof grid.layout.values[row - 1]?.[column - 1] === 'string' ? TEXT_FORMAT : format;
  }
  return grid.bold.has(row) ? `${shown}\u0000b` : shown;
}

/** The style index ExcelTS gave each style key in the head's XML. */
function headStyles(xml: string, grid: Grid): Map<string, string> {
  const styles = new Map<string, string>();
  for (const match of xml.matchAll(/<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?/g)) {
    const row = Number(match[2]);
    let column = 0;
    for (const ch of match[1] ?? '') column = column * 26 + ch.charCodeAt(0) - 64;
    styles.set(styleKey(grid, row, column), match[3] ?? '');
  }
  return styles;
}

function columnName(column: number): string {
  let n = column;
  let name = '';
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Whether text needs OOXML's `_xHHHH_` escapes, which the tail does not write (ExcelTS does). */
function needsEscapes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 9 && code !== 10 && code !== 13) return true;
    if (code === 0xfffe || code === 0xffff) return true;
    if (
      code === 95 &&
      text.charCodeAt(i + 1) === 120 &&
      /^_x[0-9A-Fa-f]{4}_/.test(text.slice(i, i + 7))
    )
      return true;
  }
  return false;
}

/** Writes text as XML element content: ASCII without specials byte by byte, else escaped. */
function writeXmlText(sink: ByteSink, text: string): void {
  if (needsEscapes(text)) throw new NeedsModel('text that needs escaping');
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7e || code === 38 || code === 60 || code === 62 || code === 34) {
      sink.text(encodeXml(text));
      return;
    }
  }
  sink.ascii(text);
}

/** A formula cell's XML (the totals rows: few, so written as text). */
function formulaCellXml(ref: string, style: string, value: CellValue, formula: string): string {
  const s = style === '' ? '' : ` s="${style}"`;
  const f = `<f>${encodeXml(formula.startsWith('=') ? formula.slice(1) : formula)}</f>`;
  if (value === null || value === '') return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof value === 'number') return `<c r="${ref}"${s}>${f}<v>${String(value)}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="str">${f}<v>${encodeXml(value)}</v></c>`;
}

/** The head's style indexes by number format shown, for plain and for bold rows. */
function stylesByWeight(styles: ReadonlyMap<string, string>): {
  plain: Map<string, string>;
  bold: Map<string, string>;
} {
  const plain = new Map<string, string>();
  const bold = new Map<string, string>();
  for (const [key, style] of styles) {
    if (key.endsWith('\u0000b')) bold.set(key.slice(0, -2), style);
    else plain.set(key, style);
  }
  return { plain, bold };
}

/**
 * Writes the rows after the cut as sheet XML, styled like the head, straight into bytes:
 * each cell's style is found from its number format and weight (the rule of styleKey)
 * without building a key, and its markup, reference and value are copied byte by byte.
 *
 * @throws NeedsModel when a cell needs a style the head does not show, or odd text.
 */
function writeTail(
  sink: ByteSink,
  split: SplitLayout,
  styles: ReadonlyMap<string, string>,
  grid: Grid,
  rendered: ReadonlyMap<number, string>,
): void {
  const { layout, cut } = split;
  const letters = Array.from({ length: grid.width }, (_, i) => columnName(i + 1));
  const byWeight = stylesByWeight(styles);
  for (let row = cut + 1; row <= layout.values.length; row++) {
    const done = rendered.get(row);
    if (done !== undefined) {
      sink.text(done);
      continue;
    }
    const values = layout.values[row - 1] ?? [];
    const formats = layout.numberFormats[row - 1] ?? [];
    const bold = grid.bold.has(row);
    const formulaRow = grid.formulaRows.has(row);
    const weighted = bold ? byWeight.bold : byWeight.plain;
    const number = String(row);
    let open = false;
    for (let column = 1; column <= grid.width; column++) {
      const value = values[column - 1] ?? null;
      const formula = formulaRow ? grid.formulas.get(`${row}:${column}`) : undefined;
      // The format shown, by styleKey's rule; the weight is in which map is looked up.
      const format = formats[column - 1] ?? 'General';
      const shown =
        formula !== undefined
          ? format === TEXT_FORMAT
            ? 'General'
            : format
          : typeof value === 'string'
            ? TEXT_FORMAT
            : format;
      const plain = !bold && shown === 'General';
      if ((value === null || value === '') && plain && formula === undefined) continue;
      const style = weighted.get(shown);
      if (style === undefined && !plain) throw new NeedsModel('a style the head does not show');
      if (!open) {
        sink.ascii(`<row r="${number}">`);
        open = true;
      }
      const letter = letters[column - 1] ?? '';
      if (formula !== undefined) {
        sink.text(formulaCellXml(`${letter}${number}`, style ?? '', value, formula));
        continue;
      }
      sink.ascii('<c r="');
      sink.ascii(letter);
      sink.ascii(number);
      sink.ascii(style === undefined || style === '' ? '"' : `" s="${style}"`);
      if (value === null || value === '') sink.ascii('/>');
      else if (typeof value === 'number') {
        sink.ascii('><v>');
        sink.ascii(String(value));
        sink.ascii('</v></c>');
      } else if (typeof value === 'boolean') {
        sink.ascii(value ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
      } else {
        sink.ascii(' t="inlineStr"><is><t xml:space="preserve">');
        writeXmlText(sink, value);
        sink.ascii('</t></is></c>');
      }
    }
    if (open) sink.ascii('</row>');
  }
}

/**
 * The head's sheet XML (as ExcelTS wrote it) with the rows after the cut added, as the
 * part's UTF-8 bytes.
 *
 * @throws NeedsModel when the rows cannot be written faithfully (see the module comment).
 */
export function withTail(xml: string, split: SplitLayout): Uint8Array {
  const grid = gridOf(split.layout);
  const styles = headStyles(xml, grid);
  const end = xml.lastIndexOf('</sheetData>');
  if (end < 0) throw new NeedsModel('no sheetData');
  // The special rows ExcelTS rendered past the cut, taken out to go back in row order.
  const rendered = new Map<number, string>();
  let from = end;
  for (const match of xml.matchAll(/<row r="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)) {
    const row = Number(match[1]);
    if (row <= split.cut) continue;
    rendered.set(row, match[0]);
    from = Math.min(from, match.index);
  }
  const last = `${columnName(Math.max(grid.width, 1))}${split.layout.values.length}`;
  const head = xml
    .slice(0, from)
    .replace(/<dimension ref="[^"]*"\/>/, () => `<dimension ref="A1:${last}"/>`);
  // About 40 bytes a cell: room for the tail from the start, so the buffer rarely grows.
  const sink = new ByteSink(
    xml.length + (split.layout.values.length - split.cut) * grid.width * 40,
  );
  sink.text(head);
  writeTail(sink, split, styles, grid, rendered);
  sink.text(xml.slice(end));
  return sink.result();
}

/** A table part of the head, with the full range of its table in the layout. */
export function withFullRange(tableXml: string, layout: SheetWrite): string {
  const name = /<table\b[^>]*?\sname="([^"]*)"/.exec(tableXml)?.[1];
  const table = layout.tables.find((t) => encodeXml(t.name) === name);
  if (!table) return tableXml;
  const range = boxAddress(layoutBox(layout.sheet, table.range, 'Table'));
  return tableXml
    .replace(/(<table\b[^>]*?\sref=")[^"]*"/, (_, head: string) => `${head}${range}"`)
    .replace(/(<autoFilter\b[^>]*?\sref=")[^"]*"/, (_, head: string) => `${head}${range}"`);
}
