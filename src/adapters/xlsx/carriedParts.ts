/**
 * Package parts ExcelTS drops, carried from the input file to the output. ExcelTS
 * rewrites a workbook from its own model and leaves out parts it does not model. Among
 * those hanging off the package root are ones users need kept: custom document
 * properties (docProps/custom.xml, where sensitivity labels such as OFFICIAL are kept),
 * the Office add-ins' task panes and their settings (xl/webextensions/), label info
 * (docMetadata/). Each such part, with the parts its own relationships reach, is put
 * back with its root relationship and content type. The thumbnail is not: it would show
 * the old content.
 */
import { partText, readParts, writeParts, type Parts } from './zipParts';

const REL_TYPE = 'http://schemas.openxmlformats.org/';
/** Root relationships ExcelTS writes itself, or that would go stale. */
const NOT_CARRIED = [
  `${REL_TYPE}officeDocument/2006/relationships/officeDocument`,
  `${REL_TYPE}package/2006/relationships/metadata/core-properties`,
  `${REL_TYPE}officeDocument/2006/relationships/extended-properties`,
  `${REL_TYPE}package/2006/relationships/metadata/thumbnail`,
];

interface Relationship {
  readonly element: string;
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];
}

function relationships(xml: string | undefined): Relationship[] {
  return [...(xml ?? '').matchAll(/<Relationship\b[^>]*\/>/g)].map(([element]) => ({
    element,
    id: attribute(element, 'Id') ?? '',
    type: attribute(element, 'Type') ?? '',
    target: attribute(element, 'Target') ?? '',
    external: attribute(element, 'TargetMode') === 'External',
  }));
}

/** A relationship target as a part path, relative to the folder of the part that has it. */
function resolvePart(folder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : folder.split('/').filter(Boolean);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A part with every part its relationships reach, within the package. */
function reachable(parts: Parts, start: string, found = new Set<string>()): Set<string> {
  if (found.has(start) || !parts.has(start)) return found;
  found.add(start);
  const rels = relsPath(start);
  if (!parts.has(rels)) return found;
  found.add(rels);
  const folder = start.slice(0, start.lastIndexOf('/') + 1);
  for (const rel of relationships(partText(parts, rels))) {
    if (!rel.external) reachable(parts, resolvePart(folder, rel.target), found);
  }
  return found;
}

/** The content-type entries (Override by part, or Default by extension) the carried parts need. */
function contentTypes(
  inputTypes: string,
  outputTypes: string,
  carried: Iterable<string>,
): string[] {
  const entries: string[] = [];
  for (const part of carried) {
    const override = [...inputTypes.matchAll(/<Override\b[^>]*\/>/g)].find(
      ([element]) => attribute(element, 'PartName') === `/${part}`,
    );
    if (override) {
      if (!outputTypes.includes(`PartName="/${part}"`)) entries.push(override[0]);
      continue;
    }
    const extension = part.slice(part.lastIndexOf('.') + 1);
    const byDefault = [...inputTypes.matchAll(/<Default\b[^>]*\/>/g)].find(
      ([element]) => attribute(element, 'Extension')?.toLowerCase() === extension.toLowerCase(),
    );
    const known = new RegExp(`Extension="${extension}"`, 'i').test(outputTypes + entries.join(''));
    if (byDefault && !known) entries.push(byDefault[0]);
  }
  return entries;
}

function freshId(taken: Set<string>, wanted: string): string {
  let id = wanted;
  for (let n = 1; taken.has(id); n++) id = `rIdCarried${n}`;
  taken.add(id);
  return id;
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Puts the carried parts into an output package. */
function restoreInto(output: Parts, input: Parts, roots: readonly Relationship[]): Parts {
  const rootRels = partText(output, '_rels/.rels') ?? '';
  const taken = new Set(relationships(rootRels).map((rel) => rel.id));
  const missing = roots.filter((rel) => !output.has(resolvePart('', rel.target)));
  if (missing.length === 0) return output;
  const carried = new Set<string>();
  for (const rel of missing) {
    for (const part of reachable(input, resolvePart('', rel.target))) {
      if (!output.has(part)) carried.add(part);
    }
  }
  const added = missing.map((rel) =>
    rel.element.replace(`Id="${rel.id}"`, `Id="${freshId(taken, rel.id)}"`),
  );
  const types = partText(output, '[Content_Types].xml') ?? '';
  const typeEntries = contentTypes(partText(input, '[Content_Types].xml') ?? '', types, carried);
  const result: Parts = new Map(output);
  result.set(
    '_rels/.rels',
    encode(rootRels.replace('</Relationships>', `${added.join('')}</Relationships>`)),
  );
  result.set(
    '[Content_Types].xml',
    encode(types.replace('</Types>', `${typeEntries.join('')}</Types>`)),
  );
  for (const part of carried) result.set(part, input.get(part) ?? new Uint8Array());
  return result;
}

/** What {@link carriedParts} gives: a function that puts the dropped parts back into output bytes. */
export interface CarriedParts {
  /** The root relationships that may need carrying (empty for most files). */
  readonly relationships: readonly string[];
  readonly restore: (bytes: Uint8Array) => Promise<Uint8Array>;
}

/**
 * Reads an input package's root relationships that ExcelTS may drop.
 *
 * @param input - The input .xlsx bytes (already known to be a zip).
 * @returns Its carried relationships and a `restore` for output bytes: output bytes
 *   unchanged when nothing needs carrying, else the output with the parts put back.
 */
export async function carriedParts(input: Uint8Array): Promise<CarriedParts> {
  const parts = await readParts(input);
  const roots = relationships(partText(parts, '_rels/.rels')).filter(
    (rel) =>
      !rel.external && !NOT_CARRIED.includes(rel.type) && parts.has(resolvePart('', rel.target)),
  );
  if (roots.length === 0) {
    return { relationships: [], restore: (bytes) => Promise.resolve(bytes) };
  }
  // Keep only what may be carried, not the whole input, for as long as the workbook is open.
  const kept: Parts = new Map();
  for (const rel of roots) {
    for (const part of reachable(parts, resolvePart('', rel.target)))
      kept.set(part, parts.get(part) ?? new Uint8Array());
  }
  kept.set('[Content_Types].xml', parts.get('[Content_Types].xml') ?? new Uint8Array());
  return {
    relationships: roots.map((rel) => rel.type),
    restore: async (bytes) => {
      const output = await readParts(bytes);
      const restored = restoreInto(output, kept, roots);
      return restored === output ? bytes : writeParts(restored);
    },
  };
}
