/**
 * Reading manifest.xml for the project's own checks (what the XML schema cannot see):
 * resource ids, the shared runtime's resid, URLs and icon sizes.
 */
import { spawnSync } from 'node:child_process';
import { JSDOM } from 'jsdom';

export const REPO = `${__dirname}/../..`;
/** The schema, from the repository root: CI clones main with shared/ beside it. */
export const SCHEMA = '../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd';
export const DEV_BASE_URL = 'https://localhost:3000/';

const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Runs xmllint against the manifest schema; returns its exit status and output. */
export function validateWithSchema(manifestPath: string): { status: number; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, manifestPath], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (run.error !== undefined) throw run.error;
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

/** A parsed manifest with the lookups the checks need. */
export class Manifest {
  readonly doc: Document;

  constructor(xml: string) {
    this.doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'text/xml');
    const error = this.doc.getElementsByTagName('parsererror')[0];
    if (error !== undefined)
      throw new Error(`manifest.xml is not well-formed: ${error.textContent}`);
  }

  /** Elements by local name, in any namespace. */
  all(localName: string): Element[] {
    return Array.from(this.doc.getElementsByTagNameNS('*', localName));
  }

  /** The text of the first element with this local name. */
  text(localName: string): string | undefined {
    return this.all(localName)[0]?.textContent?.trim();
  }

  /** The DefaultValue of the first element with this local name. */
  defaultValue(localName: string): string | undefined {
    return this.all(localName)[0]?.getAttribute('DefaultValue') ?? undefined;
  }

  /** Resources by kind (`Images`, `Urls`, `ShortStrings`, `LongStrings`): id → DefaultValue. */
  resources(kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'): Map<string, string> {
    const section = this.doc.getElementsByTagNameNS(BT, kind)[0];
    const entries = section === undefined ? [] : Array.from(section.children);
    return new Map(
      entries.map((e) => [e.getAttribute('id') ?? '', e.getAttribute('DefaultValue') ?? '']),
    );
  }

  /** Every element that refers to a resource by `resid`. */
  residRefs(): Element[] {
    return Array.from(this.doc.getElementsByTagName('*')).filter((e) => e.hasAttribute('resid'));
  }

  /** The extension point of an xsi:type (e.g. `CustomFunctions`). */
  extensionPoint(type: string): Element | undefined {
    return this.all('ExtensionPoint').find((e) => e.getAttributeNS(XSI, 'type') === type);
  }

  /** Every URL in the manifest: DefaultValue attributes and AppDomain texts that are URLs. */
  urls(): string[] {
    const values = Array.from(this.doc.getElementsByTagName('*'))
      .map((e) => e.getAttribute('DefaultValue') ?? '')
      .filter((v) => /^https?:\/\//.test(v));
    return [...values, ...this.all('AppDomain').map((e) => e.textContent?.trim() ?? '')];
  }
}

/** The resid of the first `SourceLocation` under `element`. */
export function sourceResid(element: Element | undefined, childName: string): string | undefined {
  const child =
    element === undefined
      ? undefined
      : Array.from(element.getElementsByTagNameNS('*', childName))[0];
  return (
    child?.getElementsByTagNameNS('*', 'SourceLocation')[0]?.getAttribute('resid') ?? undefined
  );
}
