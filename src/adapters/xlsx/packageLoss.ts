/**
 * What a full rewrite lost: the input package's parts compared with the output's, owner
 * by owner (the package root, the workbook, each sheet by name), by the chain of
 * relationship types that reaches each part (`drawing/chart`, `table/queryTable`,
 * `vbaProject/vbaProjectSignature`). Part names may change in a rewrite (ExcelTS numbers
 * its own), so a part counts as kept when the output has as many parts on the same chain
 * of the same owner. The sheets the add-in wrote are not compared (they are replaced on
 * purpose), nor the calculation chain (Excel rebuilds it, and it would be stale), nor
 * the shared strings (the cells' own text, which a writer may put inline).
 */
import { withoutPrefix } from './namespaces';
import { parseRelationships, relsPath } from './packageBook';
import { attribute, elements } from './xmlText';
import { partText, type Parts } from './zipParts';

/**
 * Relationship types whose parts are not compared: compared as owners (the workbook, its
 * sheets), rebuilt by Excel (the calculation chain), or held in the cells themselves
 * (shared strings, which a writer may write inline instead).
 */
const NOT_COMPARED = new Set([
  'calcChain',
  'sharedStrings',
  'officeDocument',
  'worksheet',
  'chartsheet',
  'dialogsheet',
]);

/** What a part is, in words, by the last segment of its relationship type. */
const WORDS: Readonly<Record<string, string>> = {
  vbaProject: 'macros',
  vbaProjectSignature: 'the macros’ digital signature',
  comments: 'comments',
  threadedComment: 'threaded comments',
  person: 'the people of threaded comments',
  vmlDrawing: 'comment boxes or form controls (VML)',
  ctrlProp: 'a form control',
  oleObject: 'an embedded object',
  package: 'an embedded file',
  image: 'a picture',
  queryTable: 'a query table',
  connections: 'data connections',
  customXml: 'custom XML data',
  customXmlProps: 'custom XML data properties',
  xmlMaps: 'XML maps',
  printerSettings: 'printer settings',
  thumbnail: 'the thumbnail',
  'custom-properties': 'custom document properties',
  pivotTable: 'a pivot table',
  pivotCacheDefinition: 'a pivot cache',
  pivotCacheRecords: 'pivot cache records',
  sheetMetadata: 'cell metadata (in-cell pictures, dynamic arrays)',
  slicer: 'a slicer',
  slicerCache: 'a slicer cache',
  timeline: 'a timeline',
  externalLink: 'a link to another workbook',
  drawing: 'drawings',
  chart: 'a chart',
  table: 'a table',
  webextension: 'an Office add-in part',
  taskpanes: 'Office add-in task panes',
};

/** The last segment of a relationship type URI: `…/relationships/vbaProject` → `vbaProject`. */
export function typeName(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** A lost part and what it is, e.g. "xl/vbaProject.bin (macros)". */
function described(part: string, type: string): string {
  const words =
    WORDS[type] ??
    (/richData|rdRich|richValue|rdArray|rdSupporting/i.test(type)
      ? 'in-cell pictures or rich values'
      : undefined);
  return words === undefined ? part : `${part} (${words})`;
}

function text(parts: Parts, part: string): string {
  const xml = partText(parts, part) ?? '';
  try {
    return withoutPrefix(xml).xml;
  } catch {
    return xml;
  }
}

/** Parts reached from `owner`, by chain of relationship types. */
function chains(parts: Parts, owner: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>([owner]);
  const visit = (part: string, chain: string): void => {
    for (const rel of parseRelationships(text(parts, relsPath(part)), part)) {
      const type = typeName(rel.type);
      if (rel.external || NOT_COMPARED.has(type) || seen.has(rel.part) || !parts.has(rel.part)) {
        continue;
      }
      seen.add(rel.part);
      const key = chain === '' ? type : `${chain}/${type}`;
      found.set(key, [...(found.get(key) ?? []), rel.part]);
      visit(rel.part, key);
    }
  };
  visit(owner, '');
  return found;
}

/** Where the workbook and its sheets are in a package. */
export interface Owners {
  readonly workbook: string | undefined;
  /** Sheet parts by lower-case sheet name. */
  readonly sheets: Map<string, { name: string; part: string }>;
}

/** The workbook part and the sheet parts by name, of a package. */
export function owners(parts: Parts): Owners {
  const root = parseRelationships(text(parts, '_rels/.rels'), '');
  const workbook = root.find(
    (rel) => typeName(rel.type) === 'officeDocument' && !rel.external,
  )?.part;
  const sheets = new Map<string, { name: string; part: string }>();
  if (workbook === undefined) return { workbook, sheets };
  const rels = parseRelationships(text(parts, relsPath(workbook)), workbook);
  for (const element of elements(text(parts, workbook), 'sheet')) {
    const id = /\s[A-Za-z0-9_]+:id\s*=\s*"([^"]*)"/.exec(element)?.[1];
    const rel = rels.find((r) => r.id === id);
    const name = attribute(element, 'name') ?? '';
    if (rel) sheets.set(name.toLowerCase(), { name, part: rel.part });
  }
  return { workbook, sheets };
}

/**
 * Cell metadata that only marks dynamic-array formulas (type XLDAPR, no rich values) is
 * not lost when no cell of the output uses cell metadata any more: prepare for sharing
 * turned those formulas into values, on purpose, and a writer leaves the part out.
 */
function unneededMetadata(input: Parts, part: string, output: Parts): boolean {
  const xml = new TextDecoder().decode(input.get(part) ?? new Uint8Array());
  const types = [...xml.matchAll(/<(?:[A-Za-z0-9_]+:)?metadataType\s[^>]*?\bname="([^"]*)"/g)].map(
    (m) => m[1],
  );
  if (types.length === 0 || types.some((name) => name !== 'XLDAPR')) return false;
  for (const [name, data] of output) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    if (/<(?:[A-Za-z0-9_]+:)?c\b[^>]*\scm="/.test(new TextDecoder().decode(data))) return false;
  }
  return true;
}

function compare(
  input: Parts,
  inputOwner: string,
  output: Parts,
  outputOwner: string | undefined,
  lost: string[],
): void {
  const before = chains(input, inputOwner);
  const after =
    outputOwner === undefined ? new Map<string, string[]>() : chains(output, outputOwner);
  for (const [chain, had] of before) {
    const has = after.get(chain) ?? [];
    if (has.length >= had.length) continue;
    const type = chain.slice(chain.lastIndexOf('/') + 1);
    const gone = had.filter((part) => !has.includes(part));
    for (const part of gone.slice(gone.length - (had.length - has.length))) {
      if (type === 'sheetMetadata' && unneededMetadata(input, part, output)) continue;
      lost.push(described(part, type));
    }
  }
}

/** The content type given to a part in a package's [Content_Types].xml, if any. */
export function contentTypeOf(parts: Parts, part: string): string | undefined {
  const types = text(parts, '[Content_Types].xml');
  const override = elements(types, 'Override').find((o) => attribute(o, 'PartName') === `/${part}`);
  return override === undefined ? undefined : attribute(override, 'ContentType');
}

/**
 * The input's parts that the output package does not have, each named with what it is.
 *
 * @param input - The input package's parts.
 * @param output - The rewritten package's parts.
 * @param written - The sheets the add-in wrote (lower case): their input parts are
 *   replaced on purpose and not compared.
 * @returns The lost parts ("xl/vbaProject.bin (macros)"), in package order; empty when
 *   nothing was lost.
 */
export function lostParts(input: Parts, output: Parts, written: ReadonlySet<string>): string[] {
  const lost: string[] = [];
  const [before, after] = [owners(input), owners(output)];
  compare(input, '', output, '', lost);
  if (before.workbook !== undefined) {
    compare(input, before.workbook, output, after.workbook, lost);
    const macro = /macroEnabled/i.test(contentTypeOf(input, before.workbook) ?? '');
    const stillMacro =
      after.workbook !== undefined &&
      /macroEnabled/i.test(contentTypeOf(output, after.workbook) ?? '');
    if (macro && !stillMacro) lost.push('[Content_Types].xml (the macro-enabled workbook type)');
  }
  for (const [key, sheet] of before.sheets) {
    if (written.has(key)) continue;
    const kept = after.sheets.get(key);
    if (kept === undefined) lost.push(`${sheet.part} (sheet "${sheet.name}")`);
    compare(input, sheet.part, output, kept?.part, lost);
  }
  return lost;
}
