/**
 * What kind of workbook a package is, told from the content type its
 * `[Content_Types].xml` gives the workbook part (not from the file's name): a plain
 * workbook (.xlsx), one with macros (.xlsm), a template (.xltx, .xltm), a macro add-in
 * (.xlam). Excel refuses to open a file whose extension does not match this, so every
 * output is named for its kind; and a template run through the add-in gives a workbook
 * of the matching kind, as Excel makes a workbook from a template (see
 * {@link asWorkbookTypes}).
 */
import { attribute } from './xmlText';

/** The kinds of workbook package, named by their file extension. */
export type WorkbookKind = 'xlsx' | 'xlsm' | 'xltx' | 'xltm' | 'xlam';

const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const TEMPLATE_MAIN =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml';
const MACRO_SHEET_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const MACRO_TEMPLATE_MAIN = 'application/vnd.ms-excel.template.macroEnabled.main+xml';
const ADDIN_MAIN = 'application/vnd.ms-excel.addin.macroEnabled.main+xml';

const KIND_OF_TYPE: ReadonlyMap<string, WorkbookKind> = new Map([
  [SHEET_MAIN, 'xlsx'],
  [TEMPLATE_MAIN, 'xltx'],
  [MACRO_SHEET_MAIN, 'xlsm'],
  [MACRO_TEMPLATE_MAIN, 'xltm'],
  [ADDIN_MAIN, 'xlam'],
]);

/** How each kind is described to a user. */
export const KIND_WORDS: Readonly<Record<WorkbookKind, string>> = {
  xlsx: 'an Excel workbook',
  xlsm: 'a macro-enabled Excel workbook',
  xltx: 'an Excel template',
  xltm: 'a macro-enabled Excel template',
  xlam: 'an Excel macro add-in',
};

/** The workbook kind a template becomes when the add-in writes results into it. */
const WORKBOOK_OF: Readonly<Record<WorkbookKind, WorkbookKind>> = {
  xlsx: 'xlsx',
  xlsm: 'xlsm',
  xltx: 'xlsx',
  xltm: 'xlsm',
  xlam: 'xlam',
};

/** The main content type of a workbook of each kind a template turns into. */
const TYPE_OF_WORKBOOK: Readonly<Partial<Record<WorkbookKind, string>>> = {
  xlsx: SHEET_MAIN,
  xlsm: MACRO_SHEET_MAIN,
};

/** The `<Override>` for a part, or the `<Default>` for its extension, in a content types part. */
function typeElement(contentTypes: string, part: string): string | undefined {
  const name = `/${part}`.toLowerCase();
  const override = [...contentTypes.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)]
    .map((m) => m[0])
    .find((element) => attribute(element, 'PartName')?.toLowerCase() === name);
  if (override) return override;
  const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  return [...contentTypes.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)]
    .map((m) => m[0])
    .find((element) => attribute(element, 'Extension')?.toLowerCase() === extension);
}

/**
 * The kind of workbook a package is.
 *
 * @param contentTypes - The package's `[Content_Types].xml`.
 * @param workbookPart - The workbook part the root relationships name (`xl/workbook.xml`).
 * @returns The kind, or undefined when the workbook part's content type is none of them.
 * @example
 * workbookKind(types, 'xl/workbook.xml'); // 'xlsm' for a macro-enabled workbook
 */
export function workbookKind(contentTypes: string, workbookPart: string): WorkbookKind | undefined {
  const element = typeElement(contentTypes, workbookPart);
  const type = element === undefined ? undefined : attribute(element, 'ContentType');
  return type === undefined ? undefined : KIND_OF_TYPE.get(type.trim());
}

/** The kind a workbook of this kind is saved as once results are in it (a template's workbook). */
export function savedKind(kind: WorkbookKind): WorkbookKind {
  return WORKBOOK_OF[kind];
}

/**
 * A template's content types with the workbook part made a workbook's (template.main →
 * sheet.main, template.macroEnabled.main → sheet.macroEnabled.main), as Excel does when it
 * saves a workbook made from a template; any other package's are returned as they are.
 *
 * @param contentTypes - The package's `[Content_Types].xml`.
 * @param workbookPart - The workbook part (`xl/workbook.xml`).
 */
export function asWorkbookTypes(contentTypes: string, workbookPart: string): string {
  const kind = workbookKind(contentTypes, workbookPart);
  if (kind === undefined) return contentTypes;
  const type = TYPE_OF_WORKBOOK[savedKind(kind)];
  const element = typeElement(contentTypes, workbookPart);
  if (type === undefined || kind === savedKind(kind) || element === undefined) return contentTypes;
  const replaced = element.replace(/(\sContentType\s*=\s*)(["'])[^"']*\2/, `$1"${type}"`);
  if (/<(?:\w+:)?Override\b/.test(element)) return contentTypes.replace(element, () => replaced);
  // The workbook part typed by a <Default> for its extension: an Override for it alone.
  return contentTypes.replace(
    /<\/((?:\w+:)?)Types>/,
    (end, prefix: string) =>
      `<${prefix}Override PartName="/${workbookPart}" ContentType="${type}"/>${end}`,
  );
}

/** The file extension (with the dot) for a kind. */
export function extensionOf(kind: WorkbookKind): string {
  return `.${kind}`;
}
