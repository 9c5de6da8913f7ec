import { absoluteRef } from '../../ports/a1';
import type { CellValue, ListValidation, SheetWrite } from '../../ports/workbook';
import { TABLE_KINDS, TABLE_KIND_ORDER } from '../tableKinds';
import type { ColumnSpec } from '../tableSchema';

/**
 * The template's hidden "BCF Lists" sheet: the options of drop-downs too long for Excel
 * to hold as a literal list (more than 255 characters with their commas, such as Scheme
 * type), one column each under its header, for the input sheets' drop-downs to read.
 */

/** The hidden sheet holding long drop-down lists. */
export const LISTS_SHEET = 'BCF Lists';

/** Excel refuses a literal drop-down list longer than this (commas included). */
const LIST_LIMIT = 255;

interface LongList {
  readonly header: string;
  readonly items: readonly string[];
}

const sameList = (a: LongList, b: LongList): boolean =>
  a.header === b.header && a.items.join('\n') === b.items.join('\n');

/** The long option lists of every table kind, once each, in table-kind order. */
function longLists(): LongList[] {
  const lists: LongList[] = [];
  for (const id of TABLE_KIND_ORDER) {
    for (const spec of TABLE_KINDS[id].columns) {
      const items = optionsOf(spec);
      if (items === undefined || items.join(',').length <= LIST_LIMIT) continue;
      const list = { header: spec.header, items };
      if (!lists.some((l) => sameList(l, list))) lists.push(list);
    }
  }
  return lists;
}

function optionsOf(spec: ColumnSpec): string[] | undefined {
  return spec.type.kind === 'enum' ? spec.type.options.map((o) => o.value) : undefined;
}

/**
 * The drop-down for an option column's cells (`range`), or undefined for other columns:
 * the options themselves when they fit in a literal list, else the cells of the lists
 * sheet that hold them.
 */
export function dropDown(spec: ColumnSpec, range: string): ListValidation | undefined {
  const items = optionsOf(spec);
  if (items === undefined) return undefined;
  if (items.join(',').length <= LIST_LIMIT) return { range, list: items };
  const lists = longLists();
  const column = lists.findIndex((l) => sameList(l, { header: spec.header, items })) + 1;
  const box = { top: 2, left: column, bottom: items.length + 1, right: column };
  return { range, source: absoluteRef(LISTS_SHEET, box) };
}

/** The hidden lists sheet (a header row, then each list down its column). */
export function listsSheet(): SheetWrite {
  const lists = longLists();
  const height = Math.max(0, ...lists.map((l) => l.items.length)) + 1;
  const values: CellValue[][] = Array.from({ length: height }, (_, r) =>
    lists.map((l) => (r === 0 ? l.header : (l.items[r - 1] ?? null))),
  );
  return {
    sheet: LISTS_SHEET,
    values,
    numberFormats: values.map((row) => row.map(() => '@')),
    boldRows: [1],
    columnWidths: lists.map((l) => Math.max(12, ...l.items.map((i) => i.length + 2))),
    hidden: true,
    tables: [],
    charts: [],
  };
}
