/**
 * Zip-level mutants of a workbook for the mutation test (mutation.test.ts), from a
 * seeded generator so every run makes the same ones: files cut short, bits flipped
 * (anywhere, or in the central directory), a local header offset or the central
 * directory's offset moved past the end, entries deleted, the package repacked in Zip64
 * form or in another order (then sometimes damaged too), and declared sizes that lie
 * (huge, or smaller than the data).
 */
import { readZip, writeZip, type ZipEntry } from '../../src/adapters/xlsx/zipPackage';

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One mutant: what was done, and the bytes. */
export interface Mutant {
  readonly kind: string;
  readonly what: string;
  readonly bytes: Uint8Array;
}

/** Where a zip's central directory records are, each with its name. */
export interface CentralRecord {
  readonly at: number;
  readonly name: string;
  /** Where the record's Zip64 extra field values start, if it has one. */
  readonly zip64At: number | undefined;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function endRecordAt(bytes: Uint8Array): number {
  const v = view(bytes);
  for (let at = bytes.length - 22; at >= 0; at--)
    if (v.getUint32(at, true) === 0x06054b50) return at;
  throw new Error('no end record');
}

/** The central directory's offset field: in the Zip64 end record when there is one. */
function directoryOffsetField(bytes: Uint8Array): { at: number; wide: boolean } {
  const v = view(bytes);
  const end = endRecordAt(bytes);
  if (v.getUint32(end + 16, true) !== 0xffffffff) return { at: end + 16, wide: false };
  const zip64End = Number(v.getBigUint64(end - 20 + 8, true));
  return { at: zip64End + 48, wide: true };
}

export function centralRecords(bytes: Uint8Array): CentralRecord[] {
  const v = view(bytes);
  const field = directoryOffsetField(bytes);
  let at = field.wide ? Number(v.getBigUint64(field.at, true)) : v.getUint32(field.at, true);
  const records: CentralRecord[] = [];
  const decoder = new TextDecoder();
  while (at + 46 <= bytes.length && v.getUint32(at, true) === 0x02014b50) {
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    const extraAt = at + 46 + nameLength;
    const zip64At = extraLength >= 4 && v.getUint16(extraAt, true) === 1 ? extraAt + 4 : undefined;
    records.push({
      at,
      name: decoder.decode(bytes.subarray(at + 46, extraAt)),
      zip64At,
    });
    at = extraAt + extraLength + commentLength;
  }
  return records;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick');
  return item;
}

function flipBits(random: () => number, bytes: Uint8Array, from: number, to: number): string {
  const out: string[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const at = from + Math.floor(random() * (to - from));
    const bit = Math.floor(random() * 8);
    bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
    out.push(`${at}.${bit}`);
  }
  return out.join(',');
}

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

type Make = (random: () => number, original: Uint8Array, entries: ZipEntry[]) => Mutant;

const MAKERS: readonly Make[] = [
  (random, original) => {
    const length = Math.floor(random() * original.length);
    return { kind: 'truncated', what: `cut to ${length} bytes`, bytes: original.slice(0, length) };
  },
  (random, original) => {
    // Cut within the central directory and end record, as an interrupted download ends.
    const start = centralRecords(original)[0]?.at ?? 0;
    const length = start + Math.floor(random() * (original.length - start));
    return { kind: 'truncated', what: `cut to ${length} bytes`, bytes: original.slice(0, length) };
  },
  (random, original) => {
    const bytes = original.slice();
    const what = flipBits(random, bytes, 0, bytes.length);
    return { kind: 'bit flips', what: `bits ${what}`, bytes };
  },
  (random, original) => {
    const bytes = original.slice();
    const start = centralRecords(original)[0]?.at ?? 0;
    const what = flipBits(random, bytes, start, bytes.length);
    return { kind: 'bit flips', what: `directory bits ${what}`, bytes };
  },
  (random, original) => {
    const bytes = original.slice();
    const record = pick(random, centralRecords(bytes));
    const past = bytes.length + Math.floor(random() * 100_000);
    if (
      record.zip64At !== undefined &&
      view(bytes).getUint32(record.at + 42, true) === 0xffffffff
    ) {
      // Sizes first, then the offset, in a record that has all three in its extra field.
      view(bytes).setBigUint64(record.zip64At + 16, BigInt(past), true);
    } else {
      view(bytes).setUint32(record.at + 42, past, true);
    }
    return { kind: 'offset past end', what: `${record.name} at ${past}`, bytes };
  },
  (random, original) => {
    const bytes = original.slice();
    const field = directoryOffsetField(bytes);
    const past = bytes.length + Math.floor(random() * 100_000);
    if (field.wide) view(bytes).setBigUint64(field.at, BigInt(past), true);
    else view(bytes).setUint32(field.at, past, true);
    return { kind: 'offset past end', what: `directory at ${past}`, bytes };
  },
  (random, _original, entries) => {
    const gone = pick(random, entries);
    return {
      kind: 'entry deleted',
      what: gone.name,
      bytes: writeZip(entries.filter((e) => e !== gone)),
    };
  },
  (random, _original, entries) => {
    const order = random() < 0.5 ? entries : shuffled(random, entries);
    const bytes = writeZip(order, { zip64: 'always' });
    const roll = random();
    if (roll < 0.5) return { kind: 'zip64 repack', what: 'whole', bytes };
    if (roll < 0.75) {
      const length = Math.floor(random() * bytes.length);
      return { kind: 'zip64 repack', what: `cut to ${length}`, bytes: bytes.slice(0, length) };
    }
    const start = centralRecords(bytes)[0]?.at ?? 0;
    return {
      kind: 'zip64 repack',
      what: `directory bits ${flipBits(random, bytes, start, bytes.length)}`,
      bytes,
    };
  },
  (random, _original, entries) => ({
    kind: 'reordered',
    what: 'entries shuffled',
    bytes: writeZip(shuffled(random, entries)),
  }),
  (random, original) => {
    const bytes = original.slice();
    const record = pick(random, centralRecords(bytes));
    const huge = pick(random, [600_000_000, 0xfffffff0, 2_000_000_000]);
    view(bytes).setUint32(record.at + 24, huge, true);
    return { kind: 'huge size', what: `${record.name} declares ${huge}`, bytes };
  },
  (random, _original, entries) => {
    const bytes = writeZip(entries, { zip64: 'always' });
    const record = pick(random, centralRecords(bytes));
    const huge = 2n ** BigInt(30 + Math.floor(random() * 20));
    if (record.zip64At !== undefined) view(bytes).setBigUint64(record.zip64At, huge, true);
    return { kind: 'huge size', what: `${record.name} declares ${huge} (zip64)`, bytes };
  },
  (random, original) => {
    const bytes = original.slice();
    const record = pick(random, centralRecords(bytes));
    const size = view(bytes).getUint32(record.at + 24, true);
    const lie = Math.floor(size * random());
    view(bytes).setUint32(record.at + 24, lie, true);
    return { kind: 'size lies', what: `${record.name} declares ${lie} of ${size}`, bytes };
  },
];

/**
 * `count` mutants of a zip, the same ones for the same seed.
 *
 * @param original - A plain zip (as Excel or ExcelTS writes one).
 */
export async function mutants(
  original: Uint8Array,
  count: number,
  seed: number,
): Promise<Mutant[]> {
  const random = seeded(seed);
  const entries = [...(await readZip(original)).values()];
  return Array.from({ length: count }, (_, i) => {
    const make = MAKERS[i % MAKERS.length] as Make;
    return make(random, original, entries);
  });
}
