/**
 * A zip package held in memory, read through ExcelTS's zip reader (`RemoteZipReader` over
 * a `BufferReader`: end records, Zip64 end records and extra fields, data descriptors,
 * local headers), each entry's compressed bytes left where they are in the file until a
 * part is asked for; and written again with untouched entries copied through as they
 * were stored (no inflating and deflating again).
 *
 * Whatever is wrong with the zip itself (cut short, offsets past the end, a local header
 * missing, a part that does not inflate, a CRC or size that does not match, an entry
 * encrypted or compressed in a way Excel never writes) is refused with an XlsxError
 * `XLSX.DAMAGED` naming the file; a part declared larger than {@link MAX_PART_BYTES} with
 * `XLSX.TOO_LARGE`, before it is inflated.
 */
import * as zlib from 'node:zlib';
import {
  BufferReader,
  compressSync,
  crc32,
  decompressSync,
  RemoteZipReader,
} from '@cj-tech-master/excelts/archive';
import { XlsxError, XlsxErrorCode, xlsxFail } from './errors';

/** The package is readable, but not one this reader handles (the caller falls back to ExcelTS). */
export class UnsupportedZip extends Error {
  override readonly name = 'UnsupportedZip';
}

/**
 * The largest part inflated, in bytes (512 MB). A part over it is refused before it is
 * inflated: the text of a larger sheet could pass V8's longest string (2^29 - 24
 * characters), and the memory needed to read it is more than file mode is meant for.
 */
export const MAX_PART_BYTES = 512_000_000;

/** One entry as stored: how it is compressed, and where its data sits in the file. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  /** The stored (compressed) bytes. */
  readonly raw: Uint8Array;
  /** The package it came from, as named in messages. */
  readonly file: string;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const UTF8_FLAG = 0x800;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** Parts above this many bytes are deflated fast rather than small. */
const LARGE = 4_000_000;
const MB = 1_000_000;

/**
 * Refuses a damaged package.
 *
 * @throws XlsxError `XLSX.DAMAGED`: "<file> is damaged or incompletely downloaded (<why>); …".
 */
export function damaged(file: string, why: string): never {
  return xlsxFail(
    XlsxErrorCode.DAMAGED,
    `${file} is damaged or incompletely downloaded (${why}); download or copy it again, or open and save it in Excel.`,
    file,
  );
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Invalid ZIP file: /, '').replace(/\.$/, '');
}

/** A DOS date word from a date (1980-01-01 for a time before DOS dates begin). */
function dosDate(date: Date): number {
  const year = date.getFullYear();
  if (!(year >= 1980 && year <= 2107)) return 0x21;
  return ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
}

/**
 * The name in the local header at `at` (already found to be a local header), when it is
 * ASCII; a name in another encoding (CP437, UTF-8) is left to the central directory.
 */
function localName(bytes: Uint8Array, at: number): string | undefined {
  const length = (bytes[at + 26] ?? 0) | ((bytes[at + 27] ?? 0) << 8);
  const name = bytes.subarray(at + 30, at + 30 + length);
  return name.every((b) => b >= 0x20 && b < 0x7f) ? String.fromCharCode(...name) : undefined;
}

/**
 * The entries of a zip, by name, in stored order (directories left out).
 *
 * @param bytes - The whole file.
 * @param file - The file as named in messages.
 * @throws XlsxError `XLSX.DAMAGED` for a zip that cannot be read whole (see the module comment).
 */
export async function readZip(
  bytes: Uint8Array,
  file = 'the workbook',
): Promise<Map<string, ZipEntry>> {
  let reader: RemoteZipReader;
  try {
    reader = await RemoteZipReader.fromReader(new BufferReader(bytes));
  } catch (error) {
    return damaged(file, reason(error));
  }
  const entries = new Map<string, ZipEntry>();
  for (const info of reader.getEntries()) {
    // A directory is told by its name alone: a flipped attribute bit must not hide a part.
    if (info.path.endsWith('/')) continue;
    const name = info.path;
    if (entries.has(name)) damaged(file, `two entries are named ${name}`);
    if (info.isEncrypted) damaged(file, `${name} is encrypted, which Excel never does to a part`);
    if (info.compressionMethod !== STORED && info.compressionMethod !== DEFLATED) {
      damaged(file, `${name} is compressed with method ${info.compressionMethod}`);
    }
    let raw: Uint8Array | null;
    try {
      raw = await reader.getRawCompressedData(info);
    } catch (error) {
      if (error instanceof RangeError) {
        const where = info.localHeaderOffset + 30 > bytes.length ? 'lies' : 'runs';
        damaged(file, `${name} ${where} past the end of the file`);
      }
      return damaged(file, reason(error));
    }
    if (raw === null || raw.length !== info.compressedSize) damaged(file, `${name} is cut short`);
    const local = localName(bytes, info.localHeaderOffset);
    if (local !== undefined && local !== name) {
      damaged(file, `the local header of ${name} names another entry`);
    }
    entries.set(name, {
      name,
      method: info.compressionMethod,
      crc: info.crc32 >>> 0,
      compressedSize: info.compressedSize,
      size: info.uncompressedSize,
      time: info.dosTime ?? 0,
      date: dosDate(info.lastModified),
      raw,
      file,
    });
  }
  return entries;
}

/**
 * Inflates at most `limit` bytes. Under Node the output is capped while inflating, so a
 * part lying about its size stops at the size it declared; the browser's inflater has no
 * cap, and its result is checked after.
 */
function inflate(raw: Uint8Array, limit: number): Uint8Array {
  if (typeof zlib.inflateRawSync !== 'function') return decompressSync(raw);
  const out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, limit) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** CRC-32: Node's own (ten times ExcelTS's here, on a 37 MB sheet), else ExcelTS's. */
function checksum(data: Uint8Array): number {
  return (typeof zlib.crc32 === 'function' ? zlib.crc32(data) : crc32(data)) >>> 0;
}

/**
 * An entry's content, inflated and checked against its declared size and CRC.
 *
 * @throws XlsxError `XLSX.TOO_LARGE` when the part is declared over {@link MAX_PART_BYTES};
 *   `XLSX.DAMAGED` when it does not inflate, or its size or CRC does not match.
 */
export function entryData(entry: ZipEntry): Uint8Array {
  const { file, name } = entry;
  if (entry.size > MAX_PART_BYTES) {
    xlsxFail(
      XlsxErrorCode.TOO_LARGE,
      `${file} cannot be read: its part ${name} is ${Math.round(entry.size / MB)} MB uncompressed, over the ${MAX_PART_BYTES / MB} MB limit of a part.`,
      file,
    );
  }
  let data: Uint8Array;
  try {
    data = entry.method === STORED ? entry.raw : inflate(entry.raw, entry.size);
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      damaged(file, `part ${name} inflates to more than the ${entry.size} bytes it declares`);
    }
    return damaged(file, `part ${name} does not inflate: ${reason(error)}`);
  }
  if (data.length !== entry.size) {
    damaged(file, `part ${name} is ${data.length} bytes, not the ${entry.size} it declares`);
  }
  if (checksum(data) !== entry.crc) damaged(file, `part ${name} fails its CRC check`);
  return data;
}

/** A new entry holding `data`, deflated. */
export function newEntry(name: string, data: Uint8Array): ZipEntry {
  // A large part (a result sheet of many rows) is deflated at the fastest level.
  const raw = compressSync(data, data.length > LARGE ? { level: 1 } : {});
  return {
    name,
    method: DEFLATED,
    crc: checksum(data),
    compressedSize: raw.length,
    size: data.length,
    time: 0,
    date: 0x21, // 1980-01-01, as zip tools write when no time is known
    raw,
    file: 'the workbook',
  };
}

/** How to write: `zip64: 'always'` writes every record in its Zip64 form (tests, repacks). */
export interface WriteOptions {
  readonly zip64?: 'auto' | 'always';
}

/** A little-endian byte writer over a fixed-size buffer. */
class Bytes {
  readonly out: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  constructor(size: number) {
    this.out = new Uint8Array(size);
    this.view = new DataView(this.out.buffer);
  }

  u16(v: number): void {
    this.view.setUint16(this.at, v, true);
    this.at += 2;
  }

  u32(v: number): void {
    this.view.setUint32(this.at, v >>> 0, true);
    this.at += 4;
  }

  u64(v: number): void {
    this.view.setBigUint64(this.at, BigInt(v), true);
    this.at += 8;
  }

  bytes(b: Uint8Array): void {
    this.out.set(b, this.at);
    this.at += b.length;
  }
}

/** The values a header cannot hold in 32 bits, in the Zip64 extra field's order. */
function zip64Values(entry: ZipEntry, offset: number, central: boolean, always: boolean): number[] {
  const big = (v: number): boolean => always || v >= MAX32;
  const values: number[] = [];
  // A local header with either size in its extra field gives both (APPNOTE 4.5.3).
  const sizes = big(entry.size) || big(entry.compressedSize);
  if (central ? big(entry.size) : sizes) values.push(entry.size);
  if (central ? big(entry.compressedSize) : sizes) values.push(entry.compressedSize);
  if (central && big(offset)) values.push(offset);
  return values;
}

function header(
  entry: ZipEntry,
  name: Uint8Array,
  central: boolean,
  offset: number,
  always: boolean,
): Uint8Array {
  const extra = zip64Values(entry, offset, central, always);
  const out = new Bytes(
    (central ? 46 : 30) + name.length + (extra.length ? 4 + 8 * extra.length : 0),
  );
  const version = extra.length > 0 ? 45 : 20;
  const fits = (v: number): number => (always || v >= MAX32 ? MAX32 : v);
  out.u32(central ? CENTRAL : LOCAL);
  if (central) out.u16(version);
  out.u16(version);
  out.u16(/^[\x20-\x7e]*$/.test(entry.name) ? 0 : UTF8_FLAG); // sizes are in the header
  out.u16(entry.method);
  out.u16(entry.time);
  out.u16(entry.date);
  out.u32(entry.crc);
  const sizes = !central && extra.length > 0;
  out.u32(sizes ? MAX32 : fits(entry.compressedSize));
  out.u32(sizes ? MAX32 : fits(entry.size));
  out.u16(name.length);
  out.u16(extra.length ? 4 + 8 * extra.length : 0);
  if (central) {
    out.u16(0); // comment
    out.u16(0); // disk
    out.u16(0); // internal attributes
    out.u32(0); // external attributes
    out.u32(fits(offset));
  }
  out.bytes(name);
  if (extra.length > 0) {
    out.u16(1); // the Zip64 extended information extra field
    out.u16(8 * extra.length);
    for (const v of extra) out.u64(v);
  }
  return out.out;
}

function endRecords(count: number, size: number, offset: number, always: boolean): Uint8Array {
  const zip64 = always || count >= MAX16 || size >= MAX32 || offset >= MAX32;
  const out = new Bytes((zip64 ? 56 + 20 : 0) + 22);
  if (zip64) {
    out.u32(ZIP64_EOCD);
    out.u64(44); // the size of the rest of this record
    out.u16(45);
    out.u16(45);
    out.u32(0); // this disk
    out.u32(0); // the central directory's disk
    out.u64(count);
    out.u64(count);
    out.u64(size);
    out.u64(offset);
    out.u32(ZIP64_LOCATOR);
    out.u32(0);
    out.u64(offset + size); // where the Zip64 end record is
    out.u32(1); // disks
  }
  out.u32(EOCD);
  out.u16(0);
  out.u16(0);
  out.u16(zip64 ? MAX16 : count);
  out.u16(zip64 ? MAX16 : count);
  out.u32(zip64 ? MAX32 : size);
  out.u32(zip64 ? MAX32 : offset);
  out.u16(0); // comment
  return out.out;
}

/**
 * Writes entries as a zip, in the order given, each entry's stored bytes copied as they
 * are (sizes in the headers, no data descriptors). Zip64 records are written where a
 * size, an offset or the number of entries needs them, or everywhere with `zip64: 'always'`.
 */
export function writeZip(entries: readonly ZipEntry[], options: WriteOptions = {}): Uint8Array {
  const always = options.zip64 === 'always';
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = header(entry, name, false, 0, always);
    centrals.push(header(entry, name, true, offset, always));
    chunks.push(local, entry.raw);
    offset += local.length + entry.raw.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = endRecords(entries.length, directorySize, offset, always);
  const out = new Uint8Array(offset + directorySize + end.length);
  let at = 0;
  for (const chunk of [...chunks, ...centrals, end]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
