/**
 * The .xlsx adapter's side of the contract snapshot: a saved workbook read back, its
 * package structure (sheets, owner marks, drawings, charts) from the XML parts directly
 * and its cells through ExcelTS, so the snapshot does not lean on the adapter's own code.
 */
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { partText, readParts, type Parts } from '../../src/adapters/xlsx/zipParts';
import type { CellValue, ChartKind, ListValidation } from '../../src/ports/workbook';
import type { SnapshotCell, SnapshotChart, SnapshotSheet, WorkbookSnapshot } from './snapshot';

type Sheet = NonNullable<ReturnType<Workbook['getWorksheet']>>;
type Cell = ReturnType<Sheet['getCell']>;

const letters = (column: number): string => {
  let n = column;
  let text = '';
  while (n > 0) {
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
};

const unescape = (xml: string): string =>
  xml
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Relationship targets of a part by id, resolved to part paths. */
function relsOf(parts: Parts, part: string): Map<string, string> {
  const slash = part.lastIndexOf('/');
  const folder = part.slice(0, slash).split('/');
  const xml = partText(parts, `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`) ?? '';
  const map = new Map<string, string>();
  for (const [, id, target] of xml.matchAll(
    /<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g,
  )) {
    const path = [...folder];
    for (const segment of (target ?? '').split('/')) {
      if (segment === '..') path.pop();
      else path.push(segment);
    }
    map.set(id ?? '', path.join('/'));
  }
  return map;
}

/** Sheets in tab order with their part, state and whether they carry the owner mark. */
function sheetList(
  parts: Parts,
): { name: string; part: string; hidden: boolean; owned: boolean }[] {
  const xml = partText(parts, 'xl/workbook.xml') ?? '';
  const rels = relsOf(parts, 'xl/workbook.xml');
  const owners = new Set(
    [...xml.matchAll(/<definedName [^>]*name="BCF_OWNER"[^>]*localSheetId="(\d+)"/g)].map((m) =>
      Number(m[1]),
    ),
  );
  return [...xml.matchAll(/<sheet [^>]*\/>/g)].map(([element], i) => ({
    name: unescape(/name="([^"]*)"/.exec(element)?.[1] ?? ''),
    part: rels.get(/r:id="([^"]*)"/.exec(element)?.[1] ?? '') ?? '',
    hidden: /state="(hidden|veryHidden)"/.test(element),
    owned: owners.has(i),
  }));
}

function chartKind(xml: string): ChartKind {
  if (xml.includes('<c:lineChart>')) return 'line';
  const column = xml.includes('<c:barDir val="col"/>');
  if (xml.includes('<c:grouping val="stacked"/>')) return 'columnStacked';
  return column ? 'columnClustered' : 'barClustered';
}

/** The smallest range covering every reference of the chart's series. */
function sourceOf(xml: string): string {
  const refs = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) =>
    unescape(m[1] ?? '')
      .replace(/^.*!/, '')
      .replace(/\$/g, ''),
  );
  const cells = refs.flatMap((ref) => ref.split(':')).map((cell) => /^([A-Z]+)(\d+)$/.exec(cell));
  const cols = cells.map((m) =>
    [...(m?.[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0),
  );
  const rows = cells.map((m) => Number(m?.[2]));
  return `${letters(Math.min(...cols))}${Math.min(...rows)}:${letters(Math.max(...cols))}${Math.max(...rows)}`;
}

function chartsOf(parts: Parts, sheet: string, sheetPart: string): SnapshotChart[] {
  const drawings = [...relsOf(parts, sheetPart).values()].filter((p) => p.includes('/drawings/'));
  return drawings.flatMap((drawing) => {
    const rels = relsOf(parts, drawing);
    const xml = partText(parts, drawing) ?? '';
    return [...xml.matchAll(/<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g)].flatMap(
      ([anchor]) => {
        const chartPart = rels.get(/<c:chart [^>]*r:id="([^"]+)"/.exec(anchor)?.[1] ?? '');
        if (!chartPart) return [];
        const n = (tag: string, side: string): number =>
          Number(
            new RegExp(`<xdr:${side}>[\\s\\S]*?<xdr:${tag}>(\\d+)</xdr:${tag}>`).exec(anchor)?.[1],
          );
        const chart = partText(parts, chartPart) ?? '';
        const title = /<c:chart><c:title>[\s\S]*?<a:t>([^<]*)<\/a:t>/.exec(chart)?.[1] ?? '';
        return [
          {
            sheet,
            kind: chartKind(chart),
            title: unescape(title),
            sourceRange: sourceOf(chart),
            placement: `${letters(n('col', 'from') + 1)}${n('row', 'from') + 1}:${letters(n('col', 'to'))}${n('row', 'to')}`,
            valueAxisFormat: unescape(
              /<c:valAx>[\s\S]*?<c:numFmt formatCode="([^"]*)"/.exec(chart)?.[1] ?? '',
            ),
          },
        ];
      },
    );
  });
}

function valueOf(cell: Cell): CellValue {
  const value: unknown = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return value as CellValue;
  if ('result' in value) return (value.result ?? '') as CellValue;
  if ('formula' in value) return '';
  return cell.text;
}

function snapshotCell(cell: Cell): SnapshotCell | undefined {
  const value = valueOf(cell);
  const bold = cell.font?.bold === true;
  const fill =
    cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid'
      ? cell.fill.fgColor?.argb
      : undefined;
  if (value === '' && !cell.formula && !bold && !fill) return undefined;
  return {
    value,
    ...(cell.formula ? { formula: `=${cell.formula}` } : {}),
    numberFormat: typeof cell.numFmt === 'string' ? cell.numFmt : 'General',
    bold,
    ...(fill ? { fill: `#${fill.slice(-6).toUpperCase()}` } : {}),
  };
}

function listOf(formula: unknown): string[] {
  const text = typeof formula === 'string' ? formula : '';
  return text.replace(/^"|"$/g, '').replace(/""/g, '"').split(',');
}

function snapshotSheet(sheet: Sheet, hidden: boolean, owned: boolean): SnapshotSheet {
  const cells: Record<string, SnapshotCell> = {};
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const snap = snapshotCell(cell);
      if (snap) cells[cell.address] = snap;
    }),
  );
  const columnWidths: Record<string, number> = {};
  for (let c = 1; c <= Math.max(sheet.columnCount, 1); c++) {
    const width = sheet.getColumn(c).width;
    if (width !== undefined) columnWidths[letters(c)] = width;
  }
  const validations = Object.entries(sheet.dataValidations.model).flatMap(
    ([key, rule]): ListValidation[] => {
      if (!rule || rule.type !== 'list') return [];
      const range = key.replace(/^range:/, '');
      const formula: unknown = rule.formulae[0];
      // A literal list is a quoted string; anything else is the reference the items come from.
      return typeof formula === 'string' && !formula.startsWith('"')
        ? [{ range, source: formula }]
        : [{ range, list: listOf(formula) }];
    },
  );
  return { name: sheet.name, hidden, cells, columnWidths, validations, ownedByAddin: owned };
}

/** A contract snapshot of saved .xlsx bytes. */
export async function snapshotOfXlsx(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const parts = await readParts(bytes);
  const book = new Workbook();
  await book.xlsx.load(bytes);
  const list = sheetList(parts);
  const sheets = list.flatMap(({ name, hidden, owned }) => {
    const sheet = book.getWorksheet(name);
    return sheet ? [snapshotSheet(sheet, hidden, owned)] : [];
  });
  return {
    sheets,
    tables: book.worksheets.flatMap((sheet) =>
      sheet
        .getTables()
        .map((t) => ({ name: t.name, sheet: sheet.name, range: t.model.tableRef ?? t.ref })),
    ),
    charts: list.flatMap(({ name, part }) => chartsOf(parts, name, part)),
  };
}
