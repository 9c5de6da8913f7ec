/**
 * Package parts ExcelTS drops, carried from the input file to the output, and a check
 * that nothing else was lost. ExcelTS rewrites a workbook from its own model and leaves
 * out parts it does not model. Those that hang off the package root or the workbook
 * alone, with nothing in a sheet's XML pointing at them, are put back here with the
 * parts their own relationships reach, their relationship (a fresh id) and their content
 * type:
 *
 * - off the root: custom document properties (docProps/custom.xml, where sensitivity
 *   labels such as OFFICIAL are kept), the Office add-ins' task panes and their settings
 *   (xl/webextensions/), label info (docMetadata/), the thumbnail;
 * - off the workbook: macros (xl/vbaProject.bin with its signature), data connections
 *   (xl/connections.xml), custom XML data (customXml/) and XML maps (xl/xmlMaps.xml);
 *   and the workbook part keeps its content type, so a macro-enabled workbook or a
 *   template stays one.
 *
 * Parts a sheet's XML points at (printer settings, form controls, embedded objects,
 * query tables, in-cell pictures) cannot be put back into ExcelTS's sheets faithfully;
 * {@link lostParts} names them and saving refuses (see XlsxWorkbook.save).
 */
import { lostParts, owners } from './packageLoss';
import { parseRelationships, relsPath, type Relationship } from './packageBook';
import { attribute, elements } from './xmlText';
import { partText, readParts, writeParts, type Parts } from './zipParts';
import { relativeTarget } from './packageEdits';
import { withoutPrefix } from './namespaces';
import { typeName } from './packageLoss';

/** Root relationships ExcelTS writes itself. */
const ROOT_WRITTEN = new Set(['officeDocument', 'core-properties', 'extended-properties']);
/** Workbook relationships ExcelTS drops whose parts nothing in a sheet points at. */
const WORKBOOK_CARRIED = new Set(['vbaProject', 'connections', 'customXml', 'xmlMaps']);

function plainText(parts: Parts, part: string): string {
  const xml = partText(parts, part) ?? '';
  try {
    return withoutPrefix(xml).xml;
  } catch {
    return xml;
  }
}

function rootRels(parts: Parts): Relationship[] {
  return parseRelationships(plainText(parts, '_rels/.rels'), '');
}

function workbookPart(parts: Parts): string | undefined {
  return rootRels(parts).find((rel) => typeName(rel.type) === 'officeDocument' && !rel.external)
    ?.part;
}

/** A part with every part its relationships reach (and their relationships parts). */
function reachable(parts: Parts, start: string, found = new Set<string>()): Set<string> {
  if (found.has(start) || !parts.has(start)) return found;
  found.add(start);
  const rels = relsPath(start);
  if (!parts.has(rels)) return found;
  found.add(rels);
  for (const rel of parseRelationships(plainText(parts, rels), start)) {
    if (!rel.external) reachable(parts, rel.part, found);
  }
  return found;
}

/** The content-type entries (Override by part, or Default by extension) the carried parts need. */
function typeEntries(inputTypes: string, outputTypes: string, carried: Iterable<string>): string[] {
  const entries: string[] = [];
  const overrides = elements(inputTypes, 'Override');
  const defaults = elements(inputTypes, 'Default');
  for (const part of carried) {
    if (part.endsWith('.rels')) continue;
    const override = overrides.find((element) => attribute(element, 'PartName') === `/${part}`);
    if (override) {
      if (!outputTypes.includes(`PartName="/${part}"`)) entries.push(override);
      continue;
    }
    const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    const byDefault = defaults.find((d) => attribute(d, 'Extension')?.toLowerCase() === extension);
    const known = elements(outputTypes + entries.join(''), 'Default').some(
      (d) => attribute(d, 'Extension')?.toLowerCase() === extension,
    );
    if (byDefault && !known) entries.push(byDefault);
  }
  return entries;
}

function freshId(taken: Set<string>, wanted: string): string {
  let id = wanted;
  for (let n = 1; taken.has(id); n++) id = `rIdCarried${n}`;
  taken.add(id);
  return id;
}

const encoder = new TextEncoder();
const EMPTY = new Uint8Array();

/** The relationships of `owner` in the output, with `added` appended. */
function addRelationships(output: Parts, owner: string, added: readonly string[]): Uint8Array {
  const path = owner === '' ? '_rels/.rels' : relsPath(owner);
  const xml =
    plainText(output, path) ||
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  return encoder.encode(xml.replace('</Relationships>', () => `${added.join('')}</Relationships>`));
}

/** The relationships to carry from one owner: those whose target the output lacks. */
function missing(input: Parts, output: Parts, rels: readonly Relationship[]): Relationship[] {
  return rels.filter((rel) => !rel.external && input.has(rel.part) && !output.has(rel.part));
}

const R_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Gives each sheet of the output its input sheet's printer settings again: the part, a
 * relationship, and `r:id` on the sheet's `<pageSetup>` (ExcelTS writes the page setup
 * but not the link). Edits `result`; returns the parts to carry.
 */
function carryPrinterSettings(
  input: Parts,
  output: Parts,
  result: Parts,
  written: ReadonlySet<string>,
): string[] {
  const carried: string[] = [];
  const outSheets = owners(output).sheets;
  for (const [key, sheet] of owners(input).sheets) {
    const target = outSheets.get(key);
    if (target === undefined || written.has(key)) continue;
    const rel = parseRelationships(plainText(input, relsPath(sheet.part)), sheet.part).find(
      (r) => typeName(r.type) === 'printerSettings' && !r.external && input.has(r.part),
    );
    if (rel === undefined || output.has(rel.part)) continue;
    let xml = partText(output, target.part) ?? '';
    if (/<pageSetup\b[^>]*\sr:id=/.test(xml)) continue;
    const relsFile = relsPath(target.part);
    const taken = new Set(
      parseRelationships(plainText(result, relsFile), target.part).map((r) => r.id),
    );
    const id = freshId(taken, 'rIdPrinter1');
    if (/<pageSetup\b[^>]*\/>/.test(xml)) {
      xml = xml.replace(
        /<pageSetup\b([^>]*?)\s*\/>/,
        (_, attrs: string) => `<pageSetup${attrs} r:id="${id}"/>`,
      );
    } else if (/<pageMargins\b[^>]*\/>/.test(xml)) {
      xml = xml.replace(
        /<pageMargins\b[^>]*\/>/,
        (margins) => `${margins}<pageSetup r:id="${id}"/>`,
      );
    } else continue; // nowhere to link it: reported as lost
    if (!/^[^]*?<worksheet\b[^>]*\sxmlns:r=/.test(xml)) {
      xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${R_NAMESPACE}"`);
    }
    result.set(target.part, encoder.encode(xml));
    result.set(
      relsFile,
      addRelationships(result, target.part, [
        `<Relationship Id="${id}" Type="${rel.type}" Target="${relativeTarget(target.part, rel.part)}"/>`,
      ]),
    );
    carried.push(rel.part);
  }
  return carried;
}

/** Puts the carried parts into an output package. */
function restoreInto(output: Parts, input: Parts, written: ReadonlySet<string>): Parts {
  const result: Parts = new Map(output);
  const carried = new Set<string>();
  const owners: [string, string | undefined, Relationship[]][] = [];
  owners.push([
    '',
    '',
    missing(
      input,
      output,
      rootRels(input).filter((rel) => !ROOT_WRITTEN.has(typeName(rel.type))),
    ),
  ]);
  const [from, to] = [workbookPart(input), workbookPart(output)];
  if (from !== undefined && to !== undefined) {
    const rels = parseRelationships(plainText(input, relsPath(from)), from).filter((rel) =>
      WORKBOOK_CARRIED.has(typeName(rel.type)),
    );
    owners.push([from, to, missing(input, output, rels)]);
  }
  for (const [, to, rels] of owners) {
    if (to === undefined || rels.length === 0) continue;
    const path = to === '' ? '_rels/.rels' : relsPath(to);
    const taken = new Set(parseRelationships(plainText(output, path), to).map((rel) => rel.id));
    const added = rels.map((rel) => {
      const id = freshId(taken, rel.id);
      const target = to === '' ? rel.part : relativeTarget(to, rel.part);
      return `<Relationship Id="${id}" Type="${rel.type}" Target="${target}"/>`;
    });
    for (const rel of rels) for (const part of reachable(input, rel.part)) carried.add(part);
    result.set(path, addRelationships(output, to, added));
  }
  for (const part of carryPrinterSettings(input, output, result, written)) carried.add(part);
  let types = plainText(output, '[Content_Types].xml');
  const inputTypes = plainText(input, '[Content_Types].xml');
  const entries = typeEntries(
    inputTypes,
    types,
    [...carried].filter((p) => !output.has(p)),
  );
  types = types.replace('</Types>', () => `${entries.join('')}</Types>`);
  // The workbook keeps its kind: macro-enabled, a template.
  if (from !== undefined && to !== undefined) {
    const kind = elements(inputTypes, 'Override').find(
      (o) => attribute(o, 'PartName') === `/${from}`,
    );
    const wanted = kind === undefined ? undefined : attribute(kind, 'ContentType');
    if (wanted !== undefined) {
      types = types.replace(
        new RegExp(`<Override\\b[^>]*PartName="/${to.replace(/[.]/g, '\\.')}"[^>]*/>`),
        () => `<Override PartName="/${to}" ContentType="${wanted}"/>`,
      );
    }
  }
  result.set('[Content_Types].xml', encoder.encode(types));
  for (const part of carried)
    if (!output.has(part)) result.set(part, input.get(part) ?? new Uint8Array());
  return result;
}

/** What a full rewrite's output became: its bytes, and the input parts still lost. */
export interface Restored {
  readonly bytes: Uint8Array;
  /** Each lost part with what it is ("xl/printerSettings/printerSettings1.bin (printer settings)"). */
  readonly lost: readonly string[];
}

/** What {@link carriedParts} gives: how to put the dropped parts back into an output. */
export interface CarriedParts {
  /**
   * The output with the carried parts put back, and what is still lost.
   *
   * @param bytes - The package ExcelTS wrote.
   * @param written - The sheets the add-in wrote (lower case), not compared.
   */
  readonly restore: (bytes: Uint8Array, written: ReadonlySet<string>) => Promise<Restored>;
}

/**
 * Notes the input package's parts, to put back those ExcelTS drops when it saves.
 *
 * @param all - The input package's parts.
 * @returns A `restore` for output bytes.
 */
export function carriedParts(all: Parts): CarriedParts {
  // Keep only what may be carried or is compared, not the whole input, for as long as the
  // workbook is open: the plumbing (relationships, content types, the workbook part) and
  // what hangs off the root and the workbook other than sheets.
  const parts: Parts = new Map();
  const workbook = workbookPart(all);
  for (const [name, data] of all) {
    if (name.endsWith('.rels') || name === '[Content_Types].xml' || name === workbook) {
      parts.set(name, data);
    }
  }
  const candidates = rootRels(all).filter((rel) => !ROOT_WRITTEN.has(typeName(rel.type)));
  if (workbook !== undefined) {
    candidates.push(
      ...parseRelationships(plainText(all, relsPath(workbook)), workbook).filter((rel) =>
        WORKBOOK_CARRIED.has(typeName(rel.type)),
      ),
    );
  }
  for (const sheet of owners(all).sheets.values()) {
    candidates.push(
      ...parseRelationships(plainText(all, relsPath(sheet.part)), sheet.part).filter(
        (rel) => typeName(rel.type) === 'printerSettings',
      ),
    );
  }
  for (const rel of candidates) {
    if (rel.external) continue;
    for (const part of reachable(all, rel.part)) parts.set(part, all.get(part) ?? new Uint8Array());
  }
  // Parts only compared need not be kept whole: their names are enough. Cell metadata is
  // kept (it is small): whether it is still needed depends on what it marks.
  for (const [name, data] of all) {
    if (!parts.has(name)) parts.set(name, /^xl\/metadata\d*\.xml$/.test(name) ? data : EMPTY);
  }
  return {
    restore: async (bytes, written) => {
      const output = await readParts(bytes);
      const restored = restoreInto(output, parts, written);
      return { bytes: await writeParts(restored), lost: lostParts(parts, restored, written) };
    },
  };
}
