/**
 * An .xlsx package as its parts: zip entry paths to bytes, in the order they are stored.
 */
import { unzip, zip } from '@cj-tech-master/excelts/archive';

/** Package parts by path (no leading "/"), in stored order. */
export type Parts = Map<string, Uint8Array>;

/** Reads every file entry of a zip. */
export async function readParts(bytes: Uint8Array): Promise<Parts> {
  const parts: Parts = new Map();
  for await (const entry of unzip(bytes).entries()) {
    if (entry.type === 'file') parts.set(entry.path, await entry.bytes());
    else entry.discard();
  }
  return parts;
}

/** Writes parts as a zip, in the map's order. */
export function writeParts(parts: Parts): Promise<Uint8Array> {
  const archive = zip({ noSort: true });
  for (const [path, data] of parts) archive.add(path, data);
  return archive.bytes();
}

/** A part's text (UTF-8), or undefined when there is no such part. */
export function partText(parts: Parts, path: string): string | undefined {
  const data = parts.get(path);
  return data === undefined ? undefined : new TextDecoder().decode(data);
}
