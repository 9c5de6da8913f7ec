/**
 * The add-in's icons, drawn in code so they can be regenerated exactly: an NHS-blue
 * rounded square with three white bars rising left to right (a budget chart).
 * PNG writing and reading with zlib and a CRC only (no image library).
 *
 * Regenerate the committed files: `npx tsx test/support/icons.ts` (writes assets/icon-*.png).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';

/** The sizes the manifest names (16, 32, 80 on the ribbon; 32 and 64 as the add-in icon). */
export const ICON_SIZES = [16, 32, 64, 80] as const;

const BLUE = [0x00, 0x5e, 0xb8] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const SUPERSAMPLE = 4;

/** Which colour covers the point (x, y) of a unit square, or none (transparent). */
function colourAt(x: number, y: number): readonly number[] | undefined {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return undefined;
  const bars = [
    { left: 0.2, right: 0.34, top: 0.58 },
    { left: 0.43, right: 0.57, top: 0.4 },
    { left: 0.66, right: 0.8, top: 0.22 },
  ];
  const onBar = bars.some((b) => x >= b.left && x < b.right && y >= b.top && y < 0.8);
  return onBar ? WHITE : BLUE;
}

/** RGBA pixels of the icon at `size` × `size`, anti-aliased by 4 × 4 supersampling. */
export function iconPixels(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [red, green, blue, covered] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
          );
          if (colour === undefined) continue;
          red += colour[0] ?? 0;
          green += colour[1] ?? 0;
          blue += colour[2] ?? 0;
          covered += 1;
        }
      }
      const at = (py * size + px) * 4;
      // Straight (not premultiplied) alpha: colour averaged over the covered samples.
      const average = (total: number) => (covered === 0 ? 0 : Math.round(total / covered));
      pixels[at] = average(red);
      pixels[at + 1] = average(green);
      pixels[at + 2] = average(blue);
      pixels[at + 3] = Math.round((covered * 255) / n);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG file (8-bit RGBA, no interlace) of the icon at `size`. */
export function iconPng(size: number): Buffer {
  const pixels = iconPixels(size);
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What a PNG says about itself, with its RGBA pixels (8-bit RGBA, filter 0 files only). */
export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly crcOk: boolean;
  readonly pixels: Buffer;
}

/** Reads a PNG as written by `iconPng` (and checks every chunk's CRC). */
export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
  let at = 8;
  let crcOk = true;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (at < file.length) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    crcOk &&= crc32(file.subarray(at + 4, at + 8 + length)) === file.readUInt32BE(at + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  if (header === undefined) throw new Error('not a PNG: no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    if (raw[y * (stride + 1)] !== 0) throw new Error('decodePng reads filter-0 rows only');
    raw.copy(pixels, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  }
  return { width, height, bitDepth: header[8] ?? 0, colourType: header[9] ?? 0, crcOk, pixels };
}

/** Writes assets/icon-<size>.png for every size. */
export function writeIcons(assetsDir: string): void {
  for (const size of ICON_SIZES) writeFileSync(join(assetsDir, `icon-${size}.png`), iconPng(size));
}

if (require.main === module) {
  writeIcons(join(__dirname, '..', '..', 'assets'));
}
