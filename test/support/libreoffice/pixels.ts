/**
 * Counting chart-coloured pixels on a rendered page. Pages are rendered by pdftoppm as
 * PPM (P6: a text header, then RGB bytes), which needs no image library to read.
 */
import { readFileSync } from 'node:fs';

/** An RGB image. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

/** Reads a binary PPM (P6, 8 bits a channel) file. */
export function readPpm(path: string): Pixels {
  const bytes = readFileSync(path);
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i] ?? 32))) i++;
    if (bytes[i] === 0x23) {
      while (bytes[i] !== 0x0a) i++; // a comment line
      continue;
    }
    let token = '';
    while (i < bytes.length && !/\s/.test(String.fromCharCode(bytes[i] ?? 32)))
      token += String.fromCharCode(bytes[i++] ?? 32);
    fields.push(token);
  }
  const [magic, width, height, max] = fields;
  if (magic !== 'P6' || max !== '255') throw new Error(`${path} is not an 8-bit P6 PPM`);
  return {
    width: Number(width),
    height: Number(height),
    rgb: new Uint8Array(bytes.subarray(i + 1)),
  };
}

/**
 * How many pixels are strongly coloured (the most and least of R, G, B differ by more
 * than `spread`): chart bars, lines and legend keys are; text, grid lines, borders and
 * paper are black, grey or white.
 */
export function colouredPixels(image: Pixels, spread = 60): number {
  let count = 0;
  for (let p = 0; p + 2 < image.rgb.length; p += 3) {
    const r = image.rgb[p] ?? 0;
    const g = image.rgb[p + 1] ?? 0;
    const b = image.rgb[p + 2] ?? 0;
    if (Math.max(r, g, b) - Math.min(r, g, b) > spread) count++;
  }
  return count;
}
