/**
 * What the pane shows of a workbook before a run: its tables, which mechanisms have the
 * tables they need, the contracts with their parties, and the partners of the pooled
 * fund, and each mechanism's parameters saved by its last run. One `listTables`, when
 * there are contracts or contributions one `readTables`, and the settings.
 */
import type { TableInfo, Workbook } from '../../ports/workbook';
import { textOf, type InputTable } from '../../workbook/inputTable';
import { ADDIN_TABLE_PREFIX, locateTables } from '../../workbook/locate';
import { MECHANISMS } from '../../workbook/mechanisms/index';
import { readInputTables } from '../../workbook/readInputs';
import { inputSources } from '../../workbook/sources';
import {
  LAST_RUN_KEY,
  lastRunFrom,
  paramsKey,
  readSettings,
  savedMappingFrom,
  savedParamsFrom,
} from '../../workbook/settingsStore';
import { MAPPING_KEY, mergeMappings } from '../../workbook/mapping';
import {
  datamapReading,
  recogniseWorkbook,
  unknownVersionFinding,
  type DatamapReading,
} from '../../workbook/recognise';
import { SHIPPED_DATAMAPS, UNKNOWN_VERSION_FIX } from './shippedDatamaps';
import type { TableKindId } from '../../workbook/tableSchema';
import { paneFinding } from './runOutcome';
import { SHARED_TABLE } from '../../workbook/sharing';
import { TABLE_KINDS } from '../../workbook/tableKinds';
import { splitNames } from '../../workbook/mechanisms/rowsToInput';
import {
  MECHANISM_IDS,
  type ContractSummary,
  type MechanismId,
  type MechanismStatus,
  type SavedParams,
  type PlanChecksParams,
  type WorkbookOverview,
} from '../operations';
import { workbookBandsOf } from '../mechanisms/gainLossShare/workbookBands';

function statusOf(
  mechanism: (typeof MECHANISM_IDS)[number],
  tables: readonly TableInfo[],
  ranges: readonly TableInfo[] = [],
  /** Kinds the mapping places by sheet: their range, or undefined when the mapping no longer fits. */
  mapped: ReadonlyMap<TableKindId, TableInfo | undefined> = new Map(),
): MechanismStatus {
  const def = MECHANISMS[mechanism];
  if (def === undefined) {
    return {
      mechanism,
      ready: false,
      missing: [],
      reason: 'Not available in this version of the add-in.',
    };
  }
  const { found } = locateTables(tables, def.tables, {}, ranges);
  const missing = def.tables
    // The pane's own editor can stand in for the risk-share bands.
    .filter(({ kind }) => !(mechanism === 'gainshare' && kind.id === 'riskShareBands'))
    .filter(
      ({ kind, required }) =>
        // A kind mapped by sheet is read by its mapping only, as a run reads it.
        required &&
        ((mapped.has(kind.id) ? mapped.get(kind.id) : found.get(kind.id))?.rowCount ?? 0) === 0,
    )
    .map(({ kind }) => kind.defaultName);
  return { mechanism, ready: missing.length === 0, missing };
}

function same(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');
}

/** The contracts with their parties as the workbook layer reads them: the Parties cell, or provider then commissioner. */
function contractsOf(
  contracts: InputTable | undefined,
  bands: InputTable | undefined,
): ContractSummary[] {
  return (contracts?.rows ?? []).flatMap((row): ContractSummary[] => {
    const id = textOf(row, 'contractId');
    if (id === undefined) return [];
    const provider = textOf(row, 'provider');
    const commissioner = textOf(row, 'commissioner');
    const listed = textOf(row, 'parties');
    const parties =
      listed === undefined
        ? [provider, commissioner].filter((p): p is string => p !== undefined)
        : splitNames(listed);
    const hasBands = (bands?.rows ?? []).some((b) => {
      const forContract = textOf(b, 'contractId');
      return forContract === undefined || same(forContract, id);
    });
    const optional = {
      name: textOf(row, 'contract'),
      model: textOf(row, 'model'),
      provider,
      commissioner,
    };
    const given = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
    const found = hasBands ? workbookBandsOf(bands, id, parties) : undefined;
    return [{ id, ...given, parties, hasBands, ...(found === undefined ? {} : { bands: found }) }];
  });
}

function partnersOf(table: InputTable | undefined): string[] {
  const partners: string[] = [];
  for (const row of table?.rows ?? []) {
    const partner = textOf(row, 'partner');
    if (partner !== undefined && !partners.some((p) => same(p, partner))) partners.push(partner);
  }
  return partners;
}

/** The plan checks' minima in their saved parameters, when both were given. */
function planChecksOf(saved: SavedParams | undefined): PlanChecksParams | undefined {
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  const socialCareMinimum = text(saved?.socialCareMinimum);
  const nhsOutOfHospitalMinimum = text(saved?.nhsOutOfHospitalMinimum);
  return socialCareMinimum === undefined || nhsOutOfHospitalMinimum === undefined
    ? undefined
    : { socialCareMinimum, nhsOutOfHospitalMinimum };
}

/**
 * Every mechanism's saved parameters (those never run here left out) and the last run,
 * in one settings read (two syncs in Excel).
 */
const PARAM_KEYS = MECHANISM_IDS.map((id) => paramsKey(id));

function savedRuns(
  stored: ReadonlyMap<string, string>,
): Pick<WorkbookOverview, 'savedParams' | 'lastRun'> {
  const keys = PARAM_KEYS;
  const last = lastRunFrom(stored.get(LAST_RUN_KEY));
  const params = keys.map((key) => savedParamsFrom(stored.get(key)));
  const saved = Object.fromEntries(
    MECHANISM_IDS.flatMap((id, i) => {
      const p = params[i];
      return p === undefined ? [] : [[id, p]];
    }),
  ) as Partial<Record<MechanismId, SavedParams>>;
  const mechanism = MECHANISM_IDS.find((id) => id === last?.mechanism);
  const at = last === undefined ? undefined : new Date(last.at);
  return {
    savedParams: saved,
    ...(mechanism === undefined || at === undefined || Number.isNaN(at.getTime())
      ? {}
      : { lastRun: { mechanism, at } }),
  };
}

/** A read made at most once: recognising a return and finding its ranges share it. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= read());
}

/**
 * The saved parameters with, for each mechanism never run here, those an official-style
 * return keeps in labelled cells (the plan checks' minima), for the forms to start from.
 */
function withReturnParams(
  saved: WorkbookOverview['savedParams'],
  reading: DatamapReading | undefined,
): WorkbookOverview['savedParams'] {
  if (reading === undefined) return saved;
  const fromReturn = MECHANISM_IDS.flatMap((id) => {
    const params = reading.params(id);
    return saved?.[id] === undefined && Object.keys(params).length > 0 ? [[id, params]] : [];
  });
  if (fromReturn.length === 0) return saved;
  const added = Object.fromEntries(fromReturn) as Partial<Record<MechanismId, SavedParams>>;
  return { ...saved, ...added };
}

export async function workbookOverview(workbook: Workbook): Promise<WorkbookOverview> {
  // Every setting the pane starts from, the saved column mapping with them, in one read.
  const stored = await readSettings(workbook.settings, [LAST_RUN_KEY, ...PARAM_KEYS, MAPPING_KEY]);
  const runs = savedRuns(stored);
  const savedMap = savedMappingFrom(stored.get(MAPPING_KEY));
  const reader = {
    listTables: once(() => workbook.listTables()),
    ...(workbook.readSheets === undefined
      ? {}
      : { readSheets: once(() => workbook.readSheets?.() ?? Promise.resolve([])) }),
    readTables: (names: readonly string[]) => workbook.readTables(names),
  };
  // An official-style return is read by its datamap, as `bcf run` and `bcf check` read
  // it: the datamap's kinds over the saved mapping's.
  const recognised = await recogniseWorkbook(reader, SHIPPED_DATAMAPS, UNKNOWN_VERSION_FIX);
  const reading = datamapReading(recognised);
  const mapping = mergeMappings(savedMap.mapping, reading?.mapping);
  const saved = { ...runs, savedParams: withReturnParams(runs.savedParams, reading) };
  // Plain ranges count as input tables (the sheets are read only when a kind has no
  // table of its default name or the mapping names a sheet, so a planning template
  // costs nothing more).
  const { tables, ranges, mappedRanges, mappingFindings } = await inputSources(reader, mapping);
  const bySheet = new Map<TableKindId, TableInfo | undefined>(
    (Object.keys(mapping?.tables ?? {}) as TableKindId[])
      .filter((id) => mapping?.tables[id]?.sheet !== undefined)
      .map((id) => [id, mappedRanges.get(id)]),
  );
  const mechanisms = MECHANISM_IDS.map((id) => statusOf(id, tables, ranges, bySheet));
  const wanted = [
    { kind: TABLE_KINDS.contracts, required: false },
    { kind: TABLE_KINDS.contributions, required: false },
    { kind: TABLE_KINDS.riskShareBands, required: false },
  ];
  const located = locateTables(tables, wanted, {}, ranges);
  const anyMapped = wanted.some(({ kind }) => mapping?.tables[kind.id] !== undefined);
  const read =
    located.found.size === 0 && !anyMapped
      ? undefined
      : await readInputTables(workbook, wanted, {}, new Map(), {
          ...(mapping === undefined ? {} : { mapping }),
        });
  const problems = [
    ...(recognised.as === 'unknown-version' ? [unknownVersionFinding(recognised)] : []),
    ...savedMap.findings,
    ...mappingFindings,
  ].map(paneFinding);
  const planChecks = planChecksOf(saved.savedParams?.checks);
  return {
    ...(planChecks === undefined ? {} : { savedPlanChecks: planChecks }),
    ...saved,
    ...(reading === undefined
      ? {}
      : { readAs: { datamap: reading.datamap.id, title: reading.datamap.title } }),
    // The add-in's own tables (template guide, results) are not inputs.
    tables: [...tables.filter((t) => !t.name.startsWith(ADDIN_TABLE_PREFIX)), ...ranges],
    ...(mappedRanges.size === 0
      ? {}
      : {
          mappings: [...mappedRanges].map(([kind, info]) => ({
            kind,
            kindName: TABLE_KINDS[kind].defaultName,
            sheet: info.sheet,
            range: info.range ?? '',
            rowCount: info.rowCount,
          })),
        }),
    ...(problems.length === 0 ? {} : { mappingFindings: problems }),
    mechanisms,
    contracts: contractsOf(read?.tables.contracts, read?.tables.riskShareBands),
    partners: partnersOf(read?.tables.contributions),
    canRestore: tables.some((t) => t.name === SHARED_TABLE),
  };
}
