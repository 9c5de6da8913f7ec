/**
 * Payload budgeting. Excel on the web refuses a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), so large reads
 * and writes are split into requests that stay under a budget with headroom for the
 * JSON around the values.
 *
 * Reads cannot know cell sizes in advance, so they assume {@link READ_BYTES_PER_CELL}
 * bytes per cell: a 12-digit number with its comma takes about 14, a typical scheme or
 * provider name 20 to 40. A table of long texts can still exceed it; the reader then
 * halves the chunk and reads again (reads change nothing, so repeating one is safe).
 * Writes know their values, so they are costed from them as office.js serialises them:
 * every range the adapter gets and sets carries an object path and four actions (create,
 * keep a reference, create again, set the property) around the value's JSON, about 430
 * bytes before the value (measured with Microsoft's own office.js in
 * test/office-js/requestSizes.test.ts). A one-cell formula write is therefore about 480
 * bytes on the wire, not the 50 or so of its JSON.
 */

/** Bytes one request or response may carry, well under Excel on the web's 5 MB. */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;

/**
 * Request bytes office.js spends on getting one range and setting one property on it,
 * apart from the address and the value: measured at about 431 with 4-digit action ids;
 * rounded up for the 6- and 7-digit ids of a request of tens of thousands of writes.
 */
export const RANGE_WRITE_BYTES = 480;

/**
 * The same for a range untracked before use (no keep-reference action): what prepare for
 * sharing and restore send per cell. Measured at about 360 with 4-digit ids; rounded up
 * likewise.
 */
export const UNTRACKED_RANGE_WRITE_BYTES = 400;

/** Assumed JSON bytes per cell read. */
export const READ_BYTES_PER_CELL = 64;

/** Room kept in each read request for small reads (header rows) packed with a body chunk. */
const READ_HEADROOM_BYTES = 200_000;

/** Rows of a `columns`-wide range that fit one read request, with room for header rows. */
export function rowsPerReadChunk(columns: number, budget = PAYLOAD_BUDGET_BYTES): number {
  const room = budget - READ_HEADROOM_BYTES;
  return Math.max(1, Math.floor(room / (Math.max(columns, 1) * READ_BYTES_PER_CELL)));
}

/** UTF-8 bytes of a value's JSON, as the request or response carries it ("£" is two bytes). */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2; // a surrogate pair: two UTF-16 units, four UTF-8 bytes
      i++;
    } else bytes += code < 0x800 ? 1 : 2;
  }
  return bytes;
}

/** Something to queue in a request, with its size. */
export interface Sized<T> {
  readonly item: T;
  readonly bytes: number;
}

/**
 * Packs items, in order, into batches of at most `budget` bytes each (an item larger
 * than the budget goes alone). Order is kept, so writes apply in the order planned.
 */
export function packBatches<T>(items: readonly Sized<T>[], budget = PAYLOAD_BUDGET_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const { item, bytes: size } of items) {
    if (current.length > 0 && bytes + size > budget) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
