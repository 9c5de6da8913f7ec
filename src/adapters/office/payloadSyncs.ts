/**
 * The one place where a phase may take more than one `context.sync()`: when its payload
 * is larger than one request may carry. Each batch was sized by payload.ts to fit the
 * budget; each is queued and synced in turn, so the number of syncs grows with the bytes
 * moved (one per ~4 MB), never with the number of rows, cells, tables or sheets.
 */
import { excelCodeOf } from './errors';

/** Excel on the web's code for a response over the payload limit. */
const RESPONSE_TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';

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
 * response proves too large is split in two (by `split`) and read again. Reads change
 * nothing in the workbook, so repeating one is safe.
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
  } catch (error) {
    const halves = excelCodeOf(error) === RESPONSE_TOO_LARGE ? split(first) : undefined;
    if (!halves) throw error;
    await readInPayloadBatches(context, [...halves, ...rest], queue, done, split);
    return;
  }
  done(first, queued);
  await readInPayloadBatches(context, rest, queue, done, split);
}
