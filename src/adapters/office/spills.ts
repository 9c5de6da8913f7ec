/**
 * What a found formula's result is, for prepare for sharing: whether it is an error
 * (`Range.valueTypes` "Error": "#VALUE!", "#BUSY!" ... are not figures to freeze), and,
 * for a dynamic-array formula, the block it spills into with its values. `Range.formulas`
 * shows the formula only at the anchor (a spilled cell has no formula of its own, so it
 * reads as its value), and writing a value at the anchor removes the spill; so the block
 * must be found and frozen whole (issue 12).
 *
 * The block comes from `Range.getSpillingToRangeOrNullObject` (ExcelApi 1.12, see
 * learn.microsoft.com "Handle dynamic arrays and spilling"); office.js raises ApiNotFound
 * for it on an older host, so it is called only where `isSetSupported('ExcelApi',
 * '1.12')`. Elsewhere each cell is marked `spillUnknown` and the workbook layer declines
 * to freeze the functions that spill.
 */
import type { CellValue, FormulaCell } from '../../ports/workbook';
import { cellRows } from './cellValues';
import type { IsSetSupported } from './excelRun';
import { packBatches, PAYLOAD_BUDGET_BYTES, READ_BYTES_PER_CELL } from './payload';
import { gridOf, readInPayloadBatches } from './payloadSyncs';

/**
 * Request bytes of one probe: four queued statements (getRange, load, the spill range,
 * load), at about 300 bytes each as the real office.js serialises a statement (issue 12).
 */
const PROBE_REQUEST_BYTES = 1_200;
/** Response bytes assumed per probe (the anchor's type and a small spilled block). */
const PROBE_RESPONSE_BYTES = 8 * READ_BYTES_PER_CELL;

interface Probe {
  readonly cell: FormulaCell;
  readonly sheet: Excel.Worksheet;
}

interface Probed {
  readonly anchor: Excel.Range;
  readonly spill?: Excel.Range;
}

function queueProbe({ cell, sheet }: Probe, canSpill: boolean): Probed {
  const anchor = sheet.getRange(cell.address).load('valueTypes');
  if (!canSpill) return { anchor };
  const spill = anchor
    .getSpillingToRangeOrNullObject()
    .load('address, rowCount, columnCount, values, valueTypes');
  return { anchor, spill };
}

/** "Sheet1!B2:C2" → "B2:C2". */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}

function firstError(types: unknown[][], values: CellValue[][]): string | undefined {
  for (let r = 0; r < types.length; r++) {
    const c = (types[r] ?? []).indexOf('Error');
    if (c >= 0) return String(values[r]?.[c] ?? '#ERROR');
  }
  return undefined;
}

function resultOf(probe: Probe, probed: Probed, canSpill: boolean): FormulaCell {
  const { cell } = probe;
  const what = `the result of ${cell.sheet}!${cell.address}`;
  const anchorType = gridOf(probed.anchor.valueTypes, 1, 1, what)[0]?.[0];
  const base: FormulaCell =
    anchorType === 'Error' ? { ...cell, errorValue: String(cell.value) } : { ...cell };
  if (!canSpill) return { ...base, spillUnknown: true };
  const spill = probed.spill;
  if (!spill || spill.isNullObject) return base;
  const values = cellRows(gridOf(spill.values, spill.rowCount, spill.columnCount, what));
  const types = gridOf(spill.valueTypes, spill.rowCount, spill.columnCount, what);
  const error = base.errorValue ?? firstError(types, values);
  return {
    ...base,
    ...(error === undefined ? {} : { errorValue: error }),
    spill: { address: localAddress(spill.address), values },
  };
}

function halve(batch: readonly Probe[]): Probe[][] | undefined {
  if (batch.length < 2) return undefined;
  const half = Math.ceil(batch.length / 2);
  return [batch.slice(0, half), batch.slice(half)];
}

/**
 * Each found formula cell with what its result is (see the module comment): one sync
 * per ~4 MB of probes, a batch whose answer proves too large read again in halves.
 */
export async function withResults(
  context: Excel.RequestContext,
  found: readonly FormulaCell[],
  sheets: ReadonlyMap<string, Excel.Worksheet>,
  isSetSupported: IsSetSupported,
): Promise<FormulaCell[]> {
  const canSpill = isSetSupported('ExcelApi', '1.12');
  const probes = found.flatMap((cell): Probe[] => {
    const sheet = sheets.get(cell.sheet);
    return sheet ? [{ cell, sheet }] : [];
  });
  const perProbe = Math.max(PROBE_REQUEST_BYTES, PROBE_RESPONSE_BYTES);
  const batches = packBatches(
    probes.map((probe) => ({ item: probe, bytes: perProbe })),
    PAYLOAD_BUDGET_BYTES,
  );
  const results = new Map<Probe, FormulaCell>();
  await readInPayloadBatches(
    context,
    batches,
    (batch) => batch.map((probe) => queueProbe(probe, canSpill)),
    (batch, probed) => {
      const read = batch.map((probe, i) => {
        const queued = probed[i];
        if (!queued) throw new Error('A probe was lost between queue and read.');
        return [probe, resultOf(probe, queued, canSpill)] as const;
      });
      for (const [probe, result] of read) results.set(probe, result);
    },
    halve,
  );
  return probes.map((probe) => results.get(probe) ?? probe.cell);
}
