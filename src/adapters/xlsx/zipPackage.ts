/**
 * A zip package read from its central directory, without unpacking it: each entry's
 * compressed bytes stay where they are in the file until a part is asked for, and a
 * package can be written again with untouched entries copied through as they were
 * stored (no inflating and deflating again). Plain zips only, as Excel and LibreOffice
 * write them: no zip64, no encryption, stored or deflated entries. Anything else is
 * refused with {@link UnsupportedZip}, and the caller falls back to a full load.
 */
import { compressSync, crc32, decompressSync } from '@cj-tech-master/excelts/archive';

/** The package is not one this reader handles (the caller falls back to ExcelTS). */
export class UnsupportedZip extends Error {
  override readonly name = 'UnsupportedZip';
}

/** One entry as stored: how it is compressed, and where its data sits in the file. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  /** The stored (compressed) bytes. */
  readonly raw: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const UTF8_FLAG = 0x800;
/** Parts above this many bytes are deflated fast rather than small. */
const LARGE = 4_000_000;

function unsupported(why: string): never {
  throw new UnsupportedZip(why);
}

function endRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return unsupported('no end of central directory');
}

const decoder = new TextDecoder();

function readEntry(bytes: Uint8Array, view: DataView, at: number): [ZipEntry, number] {
  if (view.getUint32(at, true) !== CENTRAL) unsupported('bad central directory');
  const flags = view.getUint16(at + 8, true);
  const method = view.getUint16(at + 10, true);
  const compressedSize = view.getUint32(at + 20, true);
  const size = view.getUint32(at + 24, true);
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  const local = view.getUint32(at + 42, true);
  if (flags & 1) unsupported('encrypted entry');
  if (method !== STORED && method !== DEFLATED) unsupported(`compression method ${method}`);
  if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
    unsupported('zip64 entry');
  }
  const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) {
    unsupported(`bad local header for ${name}`);
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + compressedSize > bytes.length) unsupported(`${name} is cut short`);
  const entry: ZipEntry = {
    name,
    method,
    flags,
    crc: view.getUint32(at + 16, true),
    compressedSize,
    size,
    time: view.getUint16(at + 12, true),
    date: view.getUint16(at + 14, true),
    raw: bytes.subarray(start, start + compressedSize),
  };
  return [entry, at + 46 + nameLength + extraLength + commentLength];
}

/**
 * The entries of a zip, by name, in stored order (directories left out).
 *
 * @throws UnsupportedZip for anything but a plain, whole zip.
 */
export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  if (bytes.length < 22) unsupported('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endRecord(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) unsupported('zip64 archive');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    const [entry, next] = readEntry(bytes, view, at);
    if (!entry.name.endsWith('/')) entries.set(entry.name, entry);
    at = next;
  }
  return entries;
}

/** An entry's content, inflated. */
export function entryData(entry: ZipEntry): Uint8Array {
  return entry.method === STORED ? entry.raw : decompressSync(entry.raw);
}

/** A new entry holding `data`, deflated. */
export function newEntry(name: string, data: Uint8Array): ZipEntry {
  // A large part (a result sheet of many rows) is deflated at the fastest level.
  const raw = compressSync(data, data.length > LARGE ? { level: 1 } : {});
  return {
    name,
    method: DEFLATED,
    flags: /^[\x20-\x7e]*$/.test(name) ? 0 : UTF8_FLAG,
    crc: crc32(data) >>> 0,
    compressedSize: raw.length,
    size: data.length,
    time: 0,
    date: 0x21, // 1980-01-01, as zip tools write when no time is known
    raw,
  };
}

function header(entry: ZipEntry, name: Uint8Array, central: boolean, offset: number): Uint8Array {
  const out = new Uint8Array((central ? 46 : 30) + name.length);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number): void => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number): void => {
    view.setUint32(at, v >>> 0, true);
    at += 4;
  };
  u32(central ? CENTRAL : LOCAL);
  if (central) u16(20);
  u16(20);
  u16(entry.flags & UTF8_FLAG); // no data descriptor: sizes are in the header
  u16(entry.method);
  u16(entry.time);
  u16(entry.date);
  u32(entry.crc);
  u32(entry.compressedSize);
  u32(entry.size);
  u16(name.length);
  u16(0);
  if (central) {
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offset);
  }
  out.set(name, at);
  return out;
}

/**
 * Writes entries as a zip, in the order given, each entry's stored bytes copied as they are.
 *
 * @throws UnsupportedZip when the package would need zip64 (over 4 GB or 65,535 entries).
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = header(entry, name, false, 0);
    centrals.push(header(entry, name, true, offset));
    chunks.push(local, entry.raw);
    offset += local.length + entry.raw.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  if (offset + directorySize > 0xfffffffe || entries.length > 0xfffe) unsupported('too large');
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, EOCD, true);
  view.setUint16(8, entries.length, true);
  view.setUint16(10, entries.length, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const chunk of [...chunks, ...centrals, end]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
