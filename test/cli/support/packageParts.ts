/**
 * What an .xlsx package holds per sheet, read from its parts (not through ExcelTS): the
 * sheet's part, its tables, its drawing and the charts on it, and the formulas in its
 * cells. Used to check the package parts of the files the command line writes.
 */
import { readFileSync } from 'fs';
import { partText, readParts, type Parts } from '../../../src/adapters/xlsx/zipParts';

/** One sheet's parts. */
export interface SheetParts {
  readonly part: string;
  readonly tables: readonly string[];
  readonly drawing?: string;
  readonly charts: readonly string[];
  /** Formula cells: address → formula text (without "="). */
  readonly formulas: ReadonlyMap<string, string>;
  /** The sheet's XML. */
  readonly xml: string;
}

/** A package: every part path, and each sheet's parts by sheet name. */
export interface PackageParts {
  readonly paths: readonly string[];
  readonly contentTypes: string;
  readonly sheets: ReadonlyMap<string, SheetParts>;
  text(path: string): string;
}

const decodeXml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Relationship id → target path (resolved against the part's folder). */
function relationships(parts: Parts, part: string): Map<string, string> {
  const slash = part.lastIndexOf('/');
  const folder = part.slice(0, slash + 1);
  const rels = partText(parts, `${folder}_rels/${part.slice(slash + 1)}.rels`) ?? '';
  const map = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id === undefined || target === undefined) continue;
    map.set(id, resolve(folder, target));
  }
  return map;
}

function resolve(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = folder.split('/').filter((s) => s !== '');
  for (const piece of target.split('/')) {
    if (piece === '..') out.pop();
    else if (piece !== '.') out.push(piece);
  }
  return out.join('/');
}

/** Reads a package's parts by sheet. */
export async function packageParts(file: string): Promise<PackageParts> {
  const parts = await readParts(new Uint8Array(readFileSync(file)));
  const text = (path: string): string => partText(parts, path) ?? '';
  const workbookRels = relationships(parts, 'xl/workbook.xml');
  const sheets = new Map<string, SheetParts>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const part = workbookRels.get(id) ?? '';
    const rels = relationships(parts, part);
    const xml = text(part);
    const tables = [...xml.matchAll(/<tablePart\b[^>]*r:id="([^"]+)"/g)].map(
      (t) => rels.get(t[1] ?? '') ?? '',
    );
    const drawingId = /<drawing\b[^>]*r:id="([^"]+)"/.exec(xml)?.[1];
    const drawing = drawingId === undefined ? undefined : rels.get(drawingId);
    const charts =
      drawing === undefined
        ? []
        : [...text(drawing).matchAll(/<c:chart\b[^>]*r:id="([^"]+)"/g)].map(
            (c) => relationships(parts, drawing).get(c[1] ?? '') ?? '',
          );
    const formulas = new Map<string, string>();
    for (const c of xml.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
      const f = /<f\b[^>]*>(.*?)<\/f>/.exec(c[2] ?? '')?.[1];
      if (f !== undefined) formulas.set(c[1] ?? '', decodeXml(f));
    }
    sheets.set(name, {
      part,
      tables,
      ...(drawing === undefined ? {} : { drawing }),
      charts,
      formulas,
      xml,
    });
  }
  return { paths: [...parts.keys()], contentTypes: text('[Content_Types].xml'), sheets, text };
}
