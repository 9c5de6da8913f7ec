/**
 * What a workbook package holds, read straight from its parts without ExcelTS: the
 * sheets in tab order (name, state, part), the defined names, the 1904 date flag, each
 * worksheet's tables (from the table parts its relationships reach), the shared strings
 * (parsed once, when first needed). Parts are inflated only when asked for.
 */
import { sheetRef } from './a1';
import { damaged, entryData, readZip, UnsupportedZip, type ZipEntry } from './zipPackage';
import { attribute, decodeOoxml, elements, itemText } from './xmlText';

/** A relationship of a part. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as a part path (resolved against the source part's folder). */
  readonly part: string;
  readonly external: boolean;
  /** The relationship element as written. */
  readonly element: string;
}

/** A sheet of the workbook, in tab order. */
export interface PackageSheet {
  readonly name: string;
  readonly kind: 'worksheet' | 'chartsheet' | 'other';
  readonly sheetId: number;
  readonly relId: string;
  readonly part: string;
  /** The `<sheet .../>` element as written in xl/workbook.xml. */
  readonly element: string;
}

/** A defined name of the workbook. */
export interface PackageName {
  readonly name: string;
  readonly localSheetId: number | undefined;
}

/** A table part, as the port and the writer need it. */
export interface PackageTable {
  readonly part: string;
  readonly id: number;
  readonly name: string;
  readonly sheet: string;
  readonly ref: string;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
  readonly headers: readonly string[];
}

/** The relationship type suffixes the reader follows. */
const TYPE = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  chartsheet: '/chartsheet',
  table: '/table',
  sharedStrings: '/sharedStrings',
} as const;

/** A relationship target as a part path, relative to the folder of the part that has it. */
export function resolvePart(folder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : folder.split('/').filter(Boolean);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** Parses a relationships part's XML. */
export function parseRelationships(xml: string | undefined, source: string): Relationship[] {
  return elements(xml ?? '', 'Relationship').map((element) => {
    const external = attribute(element, 'TargetMode') === 'External';
    const target = attribute(element, 'Target') ?? '';
    return {
      id: attribute(element, 'Id') ?? '',
      type: attribute(element, 'Type') ?? '',
      part: external ? target : resolvePart(folderOf(source), target),
      external,
      element,
    };
  });
}

const decoder = new TextDecoder();

/** A workbook package, read lazily. Make one with {@link PackageBook.read}. */
export class PackageBook {
  readonly sheets: readonly PackageSheet[];
  readonly names: readonly PackageName[];
  readonly date1904: boolean;
  readonly workbookPart: string;
  private strings: readonly string[] | undefined;
  private readonly tablesBySheet = new Map<string, readonly PackageTable[]>();
  private readonly texts = new Map<string, string>();

  private constructor(
    readonly entries: ReadonlyMap<string, ZipEntry>,
    readonly bytes: Uint8Array,
    /** The file as named in messages. */
    readonly file = 'the workbook',
  ) {
    if (!entries.has('_rels/.rels')) throw new UnsupportedZip('no _rels/.rels');
    const root = parseRelationships(this.text('_rels/.rels'), '');
    const office = root.find((rel) => rel.type.endsWith(TYPE.officeDocument) && !rel.external);
    if (!office) throw new UnsupportedZip('no workbook part');
    // A part that a relationship names but the zip lacks is damage (an entry lost), not a
    // package to rewrite through ExcelTS.
    if (!entries.has(office.part)) damaged(file, `its workbook part ${office.part} is missing`);
    this.workbookPart = office.part;
    const workbook = this.text(office.part) ?? '';
    const rels = this.rels(office.part);
    this.sheets = elements(workbook, 'sheet').map((element) => {
      const relId = /\s[A-Za-z0-9_]+:id\s*=\s*"([^"]*)"/.exec(element)?.[1] ?? '';
      const rel = rels.find((r) => r.id === relId);
      if (!rel) throw new UnsupportedZip('a sheet has no relationship');
      if (!entries.has(rel.part)) {
        damaged(
          file,
          `the part ${rel.part} of sheet ${sheetRef(attribute(element, 'name') ?? '')} is missing`,
        );
      }
      const kind = rel.type.endsWith(TYPE.worksheet)
        ? 'worksheet'
        : rel.type.endsWith(TYPE.chartsheet)
          ? 'chartsheet'
          : 'other';
      return {
        name: attribute(element, 'name') ?? '',
        kind,
        sheetId: Number(attribute(element, 'sheetId') ?? 0),
        relId,
        part: rel.part,
        element,
      };
    });
    if (!this.sheets.some((sheet) => sheet.kind === 'worksheet')) {
      throw new UnsupportedZip('no worksheets');
    }
    const pr = elements(workbook, 'workbookPr')[0] ?? '';
    const flag = attribute(pr, 'date1904');
    this.date1904 = flag === '1' || flag === 'true';
    this.names = [...workbook.matchAll(/<definedName\b[^>]*>/g)].map(([element]) => {
      const local = attribute(element, 'localSheetId');
      return {
        name: attribute(element, 'name') ?? '',
        localSheetId: local === undefined ? undefined : Number(local),
      };
    });
  }

  /**
   * Reads a package's structure.
   *
   * @param file - The file as named in messages.
   * @throws XlsxError `XLSX.DAMAGED` for a zip that cannot be read whole (see zipPackage),
   *   or one without a part its relationships name (the workbook, a sheet);
   *   UnsupportedZip for a readable zip whose structure this reader does not handle.
   */
  static async read(bytes: Uint8Array, file?: string): Promise<PackageBook> {
    return new PackageBook(await readZip(bytes, file), bytes, file);
  }

  /**
   * A part's bytes, inflated, or undefined when there is no such part.
   *
   * @throws XlsxError `XLSX.DAMAGED` or `XLSX.TOO_LARGE` for a part that cannot be inflated.
   */
  data(part: string): Uint8Array | undefined {
    const entry = this.entries.get(part);
    return entry === undefined ? undefined : entryData(entry);
  }

  /** A part's text (UTF-8), or undefined when there is no such part. */
  text(part: string): string | undefined {
    const known = this.texts.get(part);
    if (known !== undefined) return known;
    const data = this.data(part);
    if (data === undefined) return undefined;
    const text = decoder.decode(data);
    // Small parts are read again and again (relationships, workbook, tables): keep them.
    if (text.length < 1_000_000) this.texts.set(part, text);
    return text;
  }

  /** A part's relationships. */
  rels(part: string): Relationship[] {
    return parseRelationships(this.text(relsPath(part)), part);
  }

  /** A worksheet by name, whatever the case (as ExcelTS's getWorksheet finds it). */
  worksheet(name: string): PackageSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.kind === 'worksheet' && s.name.toLowerCase() === lower);
  }

  /** The tables on a worksheet, in the order its relationships list them. */
  tables(sheet: PackageSheet): readonly PackageTable[] {
    const known = this.tablesBySheet.get(sheet.part);
    if (known) return known;
    const tables = this.rels(sheet.part)
      .filter((rel) => rel.type.endsWith(TYPE.table) && !rel.external)
      .map((rel) => this.table(rel.part, sheet.name));
    this.tablesBySheet.set(sheet.part, tables);
    return tables;
  }

  private table(part: string, sheet: string): PackageTable {
    const xml = this.text(part);
    if (xml === undefined) {
      damaged(this.file, `the table part ${part} of sheet ${sheetRef(sheet)} is missing`);
    }
    const root = elements(xml, 'table')[0] ?? '';
    const name = attribute(root, 'name') ?? attribute(root, 'displayName') ?? '';
    return {
      part,
      id: Number(attribute(root, 'id') ?? 0),
      name,
      sheet,
      ref: attribute(root, 'ref') ?? '',
      headerRow: attribute(root, 'headerRowCount') !== '0',
      totalsRow: attribute(root, 'totalsRowCount') === '1',
      headers: elements(xml, 'tableColumn').map((column) =>
        decodeOoxml(attribute(column, 'name') ?? ''),
      ),
    };
  }

  /** The shared strings, parsed on first use. */
  sharedStrings(): readonly string[] {
    if (this.strings) return this.strings;
    const rel = this.rels(this.workbookPart).find((r) => r.type.endsWith(TYPE.sharedStrings));
    const xml = rel === undefined ? undefined : this.text(rel.part);
    if (rel && xml === undefined) {
      damaged(this.file, `its shared strings part ${rel.part} is missing`);
    }
    const strings: string[] = [];
    if (xml !== undefined) {
      let at = 0;
      for (;;) {
        const open = xml.indexOf('<si', at);
        if (open < 0) break;
        const close = xml.indexOf('>', open);
        if (xml.charCodeAt(close - 1) === 47) {
          strings.push('');
          at = close + 1;
          continue;
        }
        const end = xml.indexOf('</si>', close);
        if (end < 0) break;
        strings.push(itemText(xml.slice(close + 1, end)));
        at = end + 5;
      }
    }
    this.strings = strings;
    return strings;
  }
}
