/**
 * What the add-in must know of a package before writing into it or naming its output,
 * read from bytes by ExcelTS's random-access zip reader (Zip64 included): the kind of
 * workbook (see workbookKind) and whether its structure is locked (see structureLock).
 * Used on the bytes of a package the fast reader does not handle, and on every output
 * before it is written.
 */
import { BufferReader, RemoteZipReader } from '@cj-tech-master/excelts/archive';
import { structureLocked } from './structureLock';
import { workbookKind, type WorkbookKind } from './workbookKind';
import { attribute } from './xmlText';

/** The facts of a package. */
export interface PackageFacts {
  /** The kind of workbook, or undefined when its workbook part is of no known type. */
  readonly kind: WorkbookKind | undefined;
  /** Whether Protect Workbook locks its structure. */
  readonly structureLocked: boolean;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * The facts of a package's bytes, from its central directory and three small parts: the
 * root relationships (for the workbook part), the content types and the workbook part.
 *
 * @throws Error from the zip reader when the bytes are no zip it can read.
 */
export async function packageFacts(bytes: Uint8Array): Promise<PackageFacts> {
  const reader = await RemoteZipReader.fromReader(new BufferReader(bytes));
  const text = async (path: string): Promise<string> => {
    const data = await reader.extract(path);
    return data === null ? '' : new TextDecoder().decode(data);
  };
  const rels = [...(await text('_rels/.rels')).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)];
  const office = rels
    .map((m) => m[0])
    .find((element) => OFFICE_DOCUMENT.test(attribute(element, 'Type') ?? ''));
  const target = office === undefined ? undefined : attribute(office, 'Target');
  if (target === undefined) return { kind: undefined, structureLocked: false };
  const part = target.replace(/^\//, '');
  return {
    kind: workbookKind(await text('[Content_Types].xml'), part),
    structureLocked: structureLocked(await text(part)),
  };
}
