/**
 * The one place where a phase may take more than one `context.sync()`: when its payload
 * is larger than one request may carry. Each batch was sized by payload.ts to fit the
 * budget; each is queued and synced in turn, so the number of syncs grows with the bytes
 * moved (one per ~4 MB), never with the number of rows, cells, tables or sheets.
 */
import { excelCodeOf, OfficeErrorCode, OfficeAdapterError } from './errors';

/**
 * The codes on which a read is split and tried again: Excel on the web's documented code
 * for a response over the payload limit, and the bare GeneralException some hosts give
 * instead for an oversized read. Reads change nothing, so repeating one is safe; a
 * single row that still fails is a real failure and is reported.
 */
const RETRY_SMALLER = new Set(['ResponsePayloadSizeLimitExceeded', 'GeneralException']);

/**
 * Like {@link gridOf} for a small read made in one sync (settings, table headers), which
 * is not split and retried: a wrong shape fails at once as `WORKBOOK.BAD_READ`.
 */
export function checkedGrid(
  values: unknown,
  rows: number,
  columns: number,
  what: string,
): unknown[][] {
  try {
    return gridOf(values, rows, columns, what);
  } catch (error) {
    if (!(error instanceof UnexpectedReadShape)) throw error;
    throw new OfficeAdapterError(
      OfficeErrorCode.BAD_READ,
      `${error.message} Nothing was read; try again, and if it persists, report it.`,
    );
  }
}

/**
 * Thrown by a read's `done` when Excel answered with something other than the cells
 * asked for (`null` values, too few rows): some hosts do that for an oversized read
 * instead of failing. The batch is split and read again; if it cannot be split, the
 * read fails with `WORKBOOK.BAD_READ` naming `what`, never with rows silently lost.
 */
export class UnexpectedReadShape extends Error {
  constructor(readonly what: string) {
    super(`Excel returned no cells, or the wrong number of them, for ${what}.`);
  }
}

/** The 2-D array Excel returned, checked to be `rows` × `columns` or a shape error naming `what`. */
export function gridOf(values: unknown, rows: number, columns: number, what: string): unknown[][] {
  const ok =
    Array.isArray(values) &&
    values.length === rows &&
    values.every((row) => Array.isArray(row) && row.length === columns);
  if (!ok) throw new UnexpectedReadShape(what);
  return values as unknown[][];
}

/**
 * Queues each batch and syncs it, in order. `queue` must only queue work on the context
 * (loads or writes); `done` runs after the batch's sync with what `queue` returned.
 */
export async function syncInPayloadBatches<B, Q>(
  context: Excel.RequestContext,
  batches: readonly B[],
  queue: (batch: B) => Q,
  done: (batch: B, queued: Q) => void = () => undefined,
): Promise<void> {
  const [first, ...rest] = batches;
  if (first === undefined) return;
  const queued = queue(first);
  await context.sync();
  done(first, queued);
  await syncInPayloadBatches(context, rest, queue, done);
}

/**
 * Like {@link syncInPayloadBatches} for reads whose size was estimated: a batch whose
 * response proves too large (see RETRY_SMALLER), or whose `done` finds the values not
 * shaped as asked ({@link UnexpectedReadShape}), is split in two (by `split`) and read
 * again. `done` must only record what it read, so running it again on halves is safe.
 */
export async function readInPayloadBatches<B, Q>(
  context: Excel.RequestContext,
  batches: readonly B[],
  queue: (batch: B) => Q,
  done: (batch: B, queued: Q) => void,
  split: (batch: B) => readonly B[] | undefined,
): Promise<void> {
  const [first, ...rest] = batches;
  if (first === undefined) return;
  const queued = queue(first);
  try {
    await context.sync();
    done(first, queued);
  } catch (error) {
    const shape = error instanceof UnexpectedReadShape;
    const retry = shape || RETRY_SMALLER.has(excelCodeOf(error) ?? '');
    const halves = retry ? split(first) : undefined;
    if (!halves && shape) {
      throw new OfficeAdapterError(
        OfficeErrorCode.BAD_READ,
        `${error.message} Nothing was read; try again, and if it persists, report it.`,
      );
    }
    if (!halves) throw error;
    await readInPayloadBatches(context, [...halves, ...rest], queue, done, split);
    return;
  }
  await readInPayloadBatches(context, rest, queue, done, split);
}
