import type { Step } from '../engine/explain';
import type { SheetCells, TableData, TableInfo, WorkbookReader } from '../ports/workbook';
import { cellAddress, sheetRef } from '../ports/a1';
import { FindingCode, tableFinding, type Finding } from './findings';
import type { InputTable } from './inputTable';
import { claimedByAnyKind, locateTables, type WantedTable } from './locate';
import { resolveMapping, type ColumnMapping, type MappedRange } from './mapping';
import { findPlainRanges, knownHeaderKeys, type PlainRange } from './plainRanges';
import { matchWithMapping, readTable, tableText } from './readTable';
import { findLabelled, YEAR_LABELS } from './labelCells';
import { normalYear } from './headerText';
import { TABLE_KINDS } from './tableKinds';
import type { TableKind, TableKindId } from './tableSchema';

/** The input tables of a run, typed, by kind (absent: an optional table not in the workbook). */
export type InputTables = Partial<Record<TableKindId, InputTable>>;

/** How to read: the plan year of year columns, and a column mapping. */
export interface ReadInputOptions {
  /** The plan year to read where a column is given per year ("2024-25"). */
  readonly year?: string;
  /** Where kinds are, said rather than found (a --map file or the saved mapping). */
  readonly mapping?: ColumnMapping;
}

const KNOWN_KEYS = knownHeaderKeys(Object.values(TABLE_KINDS));

/**
 * The plain ranges of the workbook's sheets (see plainRanges.ts), leaving out the
 * mapped ones (they are read by their mapping).
 */
export function plainRangesOf(
  sheets: readonly SheetCells[],
  tables: readonly TableInfo[],
): PlainRange[] {
  return sheets.flatMap((cells) => findPlainRanges(cells, tables, claimedByAnyKind, KNOWN_KEYS));
}

function sameRange(a: TableInfo, b: TableInfo): boolean {
  return a.sheet.toLowerCase() === b.sheet.toLowerCase() && a.range === b.range;
}

function unsavedFindings(range: PlainRange, kind: TableKind): Finding[] {
  return range.unsaved.map((address) =>
    tableFinding(
      FindingCode.NO_SAVED_VALUE,
      { sheet: range.data.sheet, table: kind.defaultName, address },
      `${sheetRef(range.data.sheet)}!${address} (${tableText(range.data, kind)}) holds a formula with no value saved in the file; open the file in Excel, let it calculate and save it, then try again.`,
    ),
  );
}

/**
 * Reads the input tables a run needs: one `listTables` call, one `readTables` call for
 * the Excel tables chosen, and, only when a kind is not found by its table's name (or
 * a mapping names a sheet), one `readSheets` call to find plain ranges. Every finding
 * is collected (missing tables and columns, bad and blank cells, repeated keys,
 * required tables with no rows filled in, mappings that no longer fit); nothing stops
 * at the first.
 *
 * @param reader - the workbook.
 * @param wanted - the kinds to read and whether each is required.
 * @param names - table names chosen by the user, by kind.
 * @param standIns - tables given instead of the workbook's, by kind (see standIns.ts):
 *   the workbook is not searched for those kinds.
 * @param options - the plan year and a column mapping.
 * @returns the typed tables, all findings, and steps saying how columns were read
 *   (amounts scaled from £000, a plan year chosen).
 */
export async function readInputTables(
  reader: WorkbookReader,
  wanted: readonly WantedTable[],
  names: Partial<Record<TableKindId, string>> = {},
  standIns: ReadonlyMap<TableKindId, TableData> = new Map(),
  options: ReadInputOptions = {},
): Promise<{
  readonly tables: InputTables;
  readonly findings: readonly Finding[];
  readonly steps: readonly Step[];
}> {
  const mapped = options.mapping?.tables ?? {};
  const chosenNames: Partial<Record<TableKindId, string>> = { ...names };
  for (const { kind } of wanted) {
    const table = mapped[kind.id]?.table;
    if (table !== undefined && chosenNames[kind.id] === undefined) chosenNames[kind.id] = table;
  }
  const bySheet = (kind: TableKind): boolean =>
    chosenNames[kind.id] === undefined && mapped[kind.id]?.sheet !== undefined;
  const inWorkbook = wanted.filter((w) => !standIns.has(w.kind.id));
  const located = inWorkbook.filter((w) => !bySheet(w.kind));
  const tableList = inWorkbook.length === 0 ? [] : await reader.listTables();
  const named = (kind: TableKind): boolean => {
    const name = (chosenNames[kind.id] ?? kind.defaultName).toLowerCase();
    return tableList.some((t) => t.name.toLowerCase() === name);
  };
  const needsSheets =
    reader.readSheets !== undefined &&
    (inWorkbook.some((w) => bySheet(w.kind)) ||
      located.some((w) => chosenNames[w.kind.id] === undefined && !named(w.kind)));
  const sheets = needsSheets && reader.readSheets ? await reader.readSheets() : [];
  const findings: Finding[] = [];
  const mappedRanges = new Map<TableKindId, MappedRange>();
  for (const { kind } of inWorkbook.filter((w) => bySheet(w.kind))) {
    const entry = mapped[kind.id];
    if (entry === undefined) continue;
    const resolved = resolveMapping(kind, entry, sheets, tableList);
    findings.push(...resolved.findings);
    if (resolved.found !== undefined) mappedRanges.set(kind.id, resolved.found);
  }
  const taken = [...mappedRanges.values()].map((m) => m.range.data);
  const ranges = plainRangesOf(sheets, tableList).filter(
    (r) => !taken.some((t) => sameRange(t, r.data)),
  );
  const where =
    located.length === 0
      ? { found: new Map<TableKindId, TableInfo>(), findings: [] }
      : locateTables(
          tableList,
          located,
          chosenNames,
          ranges.map((r) => r.data),
        );
  findings.push(...where.findings);
  const chosenTables = [...where.found.values()].filter((t) => t.range === undefined);
  const data =
    chosenTables.length === 0 ? [] : await reader.readTables(chosenTables.map((t) => t.name));
  const sources = wanted.flatMap(({ kind, required }) => {
    const info = where.found.get(kind.id);
    const mappedRange = mappedRanges.get(kind.id);
    const plain =
      mappedRange?.range ??
      (info?.range === undefined ? undefined : ranges.find((r) => sameRange(r.data, info)));
    const body =
      standIns.get(kind.id) ??
      plain?.data ??
      (info === undefined ? undefined : data.find((d) => d.name === info.name));
    return body === undefined ? [] : [{ kind, required, body, plain, mappedRange }];
  });
  const steps: Step[] = [];
  let year = options.year;
  const perYear = sources.some(
    (s) => matchWithMapping(s.kind, s.body.headers, s.mappedRange ?? {}).years.length > 0,
  );
  if (year === undefined && perYear && reader.readSheets !== undefined) {
    // Columns given per year and no year chosen: the plan year written beside its label.
    const declared = options.mapping?.cells?.year;
    const labelled = findLabelled(
      needsSheets ? sheets : await reader.readSheets(),
      declared === undefined ? YEAR_LABELS.map((label) => ({ label })) : [declared],
    );
    const found = labelled === undefined ? undefined : normalYear(String(labelled.value));
    if (labelled !== undefined && found !== undefined) {
      year = found;
      steps.push({
        rule: 'reading',
        text: `Plan year ${found} read from ${sheetRef(labelled.sheet)}!${labelled.address}, beside its label.`,
      });
    }
  }
  const tables: InputTables = {};
  for (const { kind, required, body, plain, mappedRange } of sources) {
    if (plain !== undefined) findings.push(...unsavedFindings(plain, kind));
    const read = readTable(body, kind, {
      ...(year === undefined ? {} : { year }),
      ...(mappedRange === undefined ? {} : { mapped: mappedRange.mapped }),
    });
    // A formula with no saved value reads as blank: its own finding says why, once.
    const unsaved = new Set(plain?.unsaved ?? []);
    findings.push(
      ...read.findings.filter(
        (f) => !(f.code === FindingCode.BLANK && unsaved.has(f.address ?? '')),
      ),
    );
    steps.push(...read.steps);
    if (required && read.table.rows.length === 0) {
      findings.push(
        tableFinding(
          FindingCode.EMPTY_TABLE,
          {
            sheet: body.sheet,
            table: body.range === undefined ? body.name : kind.defaultName,
            address: cellAddress(body.headerRow, body.firstColumn),
          },
          body.range === undefined
            ? `The ${body.name} table on ${sheetRef(body.sheet)} has no rows filled in.`
            : `The ${tableText(body, kind)} has no rows filled in.`,
        ),
      );
    }
    tables[kind.id] = read.table;
  }
  return { tables, findings, steps };
}
