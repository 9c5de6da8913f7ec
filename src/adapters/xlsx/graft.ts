/**
 * Saving without rewriting the user's workbook: the output package is the input
 * package, every part the add-in did not change copied through as stored (compressed
 * bytes and all), plus the add-in's sheets. Those are rendered by the usual sheet
 * writer into a scratch ExcelTS workbook (values, formats, tables, charts, validations,
 * the settings sheet), written with inline strings, and grafted in: fresh part names,
 * relationships and content types, styles appended to the input's (see stylesMerge),
 * unique table ids, `<sheet>` entries with their visibility, owner marks. A replaced
 * sheet's part goes, with the parts only it used (tables, drawings, charts), and the
 * calculation chain (Excel rebuilds it). docProps/app.xml loses its sheet titles, which
 * would otherwise be stale (both are optional). A template's workbook part becomes a
 * workbook's (see workbookKind.asWorkbookTypes).
 */
import { SETTINGS_SHEET } from '../../ports/storage';
import { Workbook } from './excelts';
import { NeedsModel, tabName, type FastBook, type Tab } from './fastBook';
import { OWNER_NAME, OWNER_VALUE } from './ownership';
import { PackageBook, parseRelationships, relsPath } from './packageBook';
import {
  closure,
  contentTypes,
  freshPartNames,
  relationshipsXml,
  relativeTarget,
  removedParts,
  withTarget,
} from './packageEdits';
import { SheetSettings } from './settings';
import { writeSheet } from './sheetWriter';
import { mergeStyles } from './stylesMerge';
import { withPrefix } from './namespaces';
import { attribute, decodeXml, elements, encodeXml } from './xmlText';
import { splitLayout, withFullRange, withTail, type SplitLayout } from './bigSheet';
import { asWorkbookTypes } from './workbookKind';
import { newEntry, writeZip, type ZipEntry } from './zipPackage';

const WORKSHEET_TYPE =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

const STRICT = /\sxmlns(?::[\w.-]+)?="http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main"/;

type Rendered = Extract<Tab, { kind: 'layout' | 'settings' }>;

function isRendered(tab: Tab): tab is Rendered {
  return tab.kind !== 'input';
}

/** The input's default font (its styles' first font), as bold rows build on it. */
function defaultFont(styles: string): { name: string; size: number } | undefined {
  const font = /<fonts\b[^>]*>\s*<font\b[^>]*>([\s\S]*?)<\/font>/.exec(styles)?.[1] ?? '';
  const name = /<name\s+val="([^"]*)"/.exec(font)?.[1];
  const size = Number(/<sz\s+val="([^"]*)"/.exec(font)?.[1]);
  return name && size > 0 ? { name: decodeXml(name), size } : undefined;
}

/** Renders the add-in's sheets into a scratch workbook and writes it. */
async function renderScratch(
  fast: FastBook,
  styles: string,
  selfCheck: boolean,
  splits: Map<Rendered, SplitLayout>,
): Promise<PackageBook> {
  const book = new Workbook();
  const font = defaultFont(styles);
  if (font) book.defaultFont = font;
  for (const tab of fast.tabs.filter(isRendered)) {
    if (tab.kind === 'layout') {
      const split = splitLayout(tab.layout);
      if (split) splits.set(tab, split);
      writeSheet(book.addWorksheet(tab.layout.sheet), split?.head ?? tab.layout);
      continue;
    }
    const sheet = book.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
    fast.inputSettings().forEach(({ key, value }, i) => {
      for (const [column, content] of [key, value].entries()) {
        if (content === '' || content === null) continue;
        const cell = sheet.getCell(i + 1, column + 1);
        cell.numFmt = '@';
        cell.value = content;
      }
    });
  }
  const settings = new SheetSettings(book, () => undefined);
  for (const change of fast.changes) {
    if (change.kind === 'settings') await settings.set(change.entries);
  }
  const bytes = await book.xlsx.writeBuffer({ validate: selfCheck });
  return PackageBook.read(new Uint8Array(bytes));
}

/** The scratch workbook's shared string items, as written (the content of each `<si>`). */
function stringItems(scratch: PackageBook): string[] {
  const rel = scratch.rels(scratch.workbookPart).find((r) => r.type.endsWith('/sharedStrings'));
  const xml = rel === undefined ? '' : (scratch.text(rel.part) ?? '');
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? '');
}

/**
 * A scratch sheet with its shared strings written inline (`t="inlineStr"`), so the
 * input's shared strings part is copied as it is.
 *
 * @throws NeedsModel for a shared string cell this does not recognise.
 */
function inlineStrings(sheet: string, items: readonly string[]): string {
  const out = sheet.replace(
    /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
    (whole, before: string, after: string, index: string) => {
      const item = items[Number(index)];
      return item === undefined ? whole : `<c${before} t="inlineStr"${after}><is>${item}</is></c>`;
    },
  );
  if (/<c\b[^>]*\st="s"/.test(out)) throw new NeedsModel('a shared string cell left');
  return out;
}

interface Grafted {
  /** New part name → content. */
  readonly parts: Map<string, Uint8Array>;
  /** For each rendered tab, its new sheet part. */
  readonly sheetParts: Map<Rendered, string>;
  /** Content-type entries for the new parts. */
  readonly types: string[];
}

const encoder = new TextEncoder();

function graftParts(
  pkg: PackageBook,
  scratch: PackageBook,
  rendered: readonly Rendered[],
  restyle: (xml: string) => string,
  splits: ReadonlyMap<Rendered, SplitLayout>,
): Grafted {
  const fresh = freshPartNames(pkg);
  const renamed = new Map<string, string>();
  const cutParts = new Map<string, SplitLayout>();
  const sheetParts = new Map<Rendered, string>();
  rendered.forEach((tab, i) => {
    const sheet = scratch.sheets[i];
    if (!sheet || sheet.name.toLowerCase() !== tabName(tab).toLowerCase()) {
      throw new NeedsModel('the scratch workbook has other sheets');
    }
    const reach = new Set<string>();
    closure(scratch, sheet.part, new Set(), reach);
    for (const part of reach) if (!renamed.has(part)) renamed.set(part, fresh(part));
    const split = splits.get(tab);
    if (split) for (const part of reach) cutParts.set(part, split);
    sheetParts.set(tab, renamed.get(sheet.part) ?? '');
  });
  let tableId = Math.max(
    0,
    ...pkg.sheets
      .filter((s) => s.kind === 'worksheet')
      .flatMap((s) => pkg.tables(s).map((t) => t.id)),
  );
  const scratchTypes = scratch.text('[Content_Types].xml') ?? '';
  const overrides = elements(scratchTypes, 'Override');
  const parts = new Map<string, Uint8Array>();
  const types: string[] = [];
  const sheetNames = new Set(scratch.sheets.map((s) => s.part));
  const strings = stringItems(scratch);
  for (const [old, name] of renamed) {
    let data = scratch.data(old) ?? new Uint8Array();
    if (sheetNames.has(old) || old.startsWith('xl/tables/')) {
      let xml = new TextDecoder().decode(data);
      const split = cutParts.get(old);
      if (sheetNames.has(old)) {
        xml = inlineStrings(restyle(xml), strings).replace(/\stabSelected="1"/g, '');
        // The rows past a cut take the head's final style indexes: added after restyling,
        // and written straight as bytes (a big sheet is never one string).
        data = split ? withTail(xml, split) : encoder.encode(xml);
      } else {
        if (split) xml = withFullRange(xml, split.layout);
        tableId += 1;
        const id = String(tableId);
        xml = xml.replace(/(<table\b[^>]*?\sid=")\d+"/, (_, head: string) => `${head}${id}"`);
        data = encoder.encode(xml);
      }
    }
    parts.set(name, data);
    const rels = scratch.rels(old);
    if (rels.length > 0) {
      const rewritten = rels.map((rel) =>
        rel.external
          ? rel.element
          : withTarget(rel, relativeTarget(name, renamed.get(rel.part) ?? rel.part)),
      );
      parts.set(relsPath(name), encoder.encode(relationshipsXml(rewritten)));
    }
    const override = overrides.find((o) => attribute(o, 'PartName') === `/${old}`);
    if (override) {
      types.push(override.replace(/\sPartName="[^"]*"/, () => ` PartName="/${encodeXml(name)}"`));
    }
  }
  return { parts, sheetParts, types };
}

function replaceSection(xml: string, pattern: RegExp, content: string, after: RegExp): string {
  if (pattern.test(xml)) return xml.replace(pattern, () => content);
  return xml.replace(after, (found) => `${found}${content}`);
}

/** The workbook part with the new `<sheets>` and owner marks. */
function workbookXml(
  pkg: PackageBook,
  fast: FastBook,
  relIds: ReadonlyMap<Rendered, string>,
): string {
  const xml = pkg.text(pkg.workbookPart) ?? '';
  const prefix = /\s([A-Za-z0-9_]+):id\s*=/.exec(pkg.sheets[0]?.element ?? '')?.[1] ?? 'r';
  let nextId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
  const sheets = fast.tabs.map((tab) => {
    if (!isRendered(tab)) return tab.sheet.element;
    const id = tab.replaces?.sheetId ?? ++nextId;
    const state =
      tab.kind === 'settings' ? ' state="veryHidden"' : tab.layout.hidden ? ' state="hidden"' : '';
    return `<sheet name="${encodeXml(tabName(tab))}" sheetId="${id}"${state} ${prefix}:id="${relIds.get(tab) ?? ''}"/>`;
  });
  const replacedAt = new Set(
    fast.tabs.flatMap((tab, i) => (isRendered(tab) && tab.replaces ? [i] : [])),
  );
  const kept = [...xml.matchAll(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g)]
    .map((m) => m[0])
    .filter((element) => {
      const local = attribute(element.slice(0, element.indexOf('>') + 1), 'localSheetId');
      return local === undefined || !replacedAt.has(Number(local));
    });
  const marks = fast.tabs.flatMap((tab, i) =>
    isRendered(tab) && fast.owned.has(tabName(tab).toLowerCase())
      ? [
          `<definedName name="${OWNER_NAME}" localSheetId="${i}" hidden="1">${encodeXml(OWNER_VALUE)}</definedName>`,
        ]
      : [],
  );
  const names = [...kept, ...marks];
  let out = xml.replace(
    /<sheets\b[^>]*>[\s\S]*?<\/sheets>/,
    () => `<sheets>${sheets.join('')}</sheets>`,
  );
  const definedNames = names.length === 0 ? '' : `<definedNames>${names.join('')}</definedNames>`;
  out = replaceSection(
    out,
    /<definedNames\b[^>]*?(?:\/>|>[\s\S]*?<\/definedNames>)/,
    definedNames,
    /<\/sheets>/,
  );
  return out;
}

/** The input package as it came, but for a template's content types made a workbook's. */
function retyped(pkg: PackageBook): Uint8Array {
  const types = pkg.text('[Content_Types].xml') ?? '';
  const entries = [...pkg.entries].map(([name, entry]) =>
    name === '[Content_Types].xml'
      ? newEntry(name, encoder.encode(asWorkbookTypes(types, pkg.workbookPart)))
      : entry,
  );
  return writeZip(entries);
}

/**
 * The output package: the input with the add-in's sheets grafted in.
 *
 * @param fast - The input package with the pending changes.
 * @param selfCheck - Run ExcelTS's self-check on the scratch workbook it writes (tests).
 * @returns The output .xlsx bytes.
 * @throws NeedsModel when the input is one this graft does not handle (the caller then
 *   saves through ExcelTS's model).
 */
export async function graftSave(fast: FastBook, selfCheck = false): Promise<Uint8Array> {
  const pkg = fast.pkg;
  if (fast.changes.length === 0) return retyped(pkg);
  if (STRICT.test(pkg.text(pkg.workbookPart) ?? '')) {
    // The add-in's parts are Transitional OOXML: not grafted into a Strict package.
    throw new NeedsModel('a Strict OOXML workbook');
  }
  const rendered = fast.tabs.filter(isRendered);
  const workbookRels = pkg.rels(pkg.workbookPart);
  const stylesRel = workbookRels.find((rel) => rel.type.endsWith('/styles'));
  const inputStyles = stylesRel && pkg.text(stylesRel.part);
  if (!stylesRel || inputStyles === undefined) {
    throw new NeedsModel('no styles part');
  }
  const splits = new Map<Rendered, SplitLayout>();
  const scratch = await renderScratch(fast, inputStyles, selfCheck, splits);
  const scratchStyles = scratch.rels(scratch.workbookPart).find((r) => r.type.endsWith('/styles'));
  if (!scratchStyles) throw new NeedsModel('no styles part in the scratch workbook');
  const styles = mergeStyles(inputStyles, scratch.text(scratchStyles.part) ?? '');
  const grafted = graftParts(pkg, scratch, rendered, styles.restyle, splits);
  const replaced = new Set(rendered.flatMap((tab) => (tab.replaces ? [tab.replaces.part] : [])));
  const gone = removedParts(pkg, replaced);

  const taken = new Set(workbookRels.map((rel) => rel.id));
  const relIds = new Map<Rendered, string>();
  let n = 1;
  for (const tab of rendered) {
    while (taken.has(`rId${n}`)) n++;
    taken.add(`rId${n}`);
    relIds.set(tab, `rId${n}`);
  }
  const relElements = [
    ...workbookRels
      .filter((rel) => !gone.has(rel.part) && !replaced.has(rel.part))
      .map((rel) => rel.element),
    ...rendered.map(
      (tab) =>
        `<Relationship Id="${relIds.get(tab) ?? ''}" Type="${WORKSHEET_TYPE}" Target="${relativeTarget(pkg.workbookPart, grafted.sheetParts.get(tab) ?? '')}"/>`,
    ),
  ];
  const changed = new Map<string, string>([
    [pkg.workbookPart, workbookXml(pkg, fast, relIds)],
    [relsPath(pkg.workbookPart), relationshipsXml(relElements)],
    [stylesRel.part, styles.xml],
    // A template's results are a workbook (as Excel saves a workbook made from one).
    [
      '[Content_Types].xml',
      asWorkbookTypes(contentTypes(pkg, gone, grafted.types), pkg.workbookPart),
    ],
  ]);
  const app = parseRelationships(pkg.text('_rels/.rels'), '').find((rel) =>
    rel.type.endsWith('/extended-properties'),
  );
  const appXml = app && pkg.text(app.part);
  if (app && appXml !== undefined) {
    changed.set(
      app.part,
      appXml
        .replace(/<HeadingPairs>[\s\S]*?<\/HeadingPairs>/, '')
        .replace(/<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/, ''),
    );
  }
  const entries: ZipEntry[] = [];
  for (const [name, entry] of pkg.entries) {
    if (gone.has(name)) continue;
    const text = changed.get(name);
    if (text === undefined) {
      entries.push(entry);
      continue;
    }
    // An edited part is written in the prefix it came with (<x:sheets>, <x:cellXfs>).
    const prefix = name === relsPath(pkg.workbookPart) ? undefined : pkg.prefixOf(name);
    entries.push(newEntry(name, encoder.encode(prefix ? withPrefix(text, prefix) : text)));
  }
  for (const [name, data] of grafted.parts) entries.push(newEntry(name, data));
  return writeZip(entries);
}
