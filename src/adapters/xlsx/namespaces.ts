/**
 * Package parts whose elements carry a namespace prefix, read as if they used the
 * default namespace. Excel writes `<worksheet xmlns="…/spreadsheetml/2006/main">`, but
 * Open XML SDK writers (and others) write `<x:worksheet xmlns:x="…">` with `<x:c>`,
 * `<x:v>`, `<x:sheets>`: the same XML to any namespace-aware reader. The package reader
 * matches elements by name, so a part with such a prefix is read through
 * {@link withoutPrefix}, and a part the graft edits is written back through
 * {@link withPrefix} in the prefix it came with, so it stays in the producer's form.
 */

/**
 * The namespaces whose prefixes are taken off: SpreadsheetML (Transitional and Strict),
 * package relationships, content types, and extended (app) properties.
 */
export const PLAIN_NAMESPACES: readonly string[] = [
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.openxmlformats.org/package/2006/relationships',
  'http://schemas.openxmlformats.org/package/2006/content-types',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  'http://purl.oclc.org/ooxml/officeDocument/extendedProperties',
];

/** A part's XML with the prefix of its own namespace taken off. */
export interface PlainXml {
  readonly xml: string;
  /** The prefix taken off (`x`), or undefined when the part had none. */
  readonly prefix: string | undefined;
}

/** Why a prefixed part cannot be read as plain XML (the caller then does not read it fast). */
export class MixedNamespaces extends Error {
  override readonly name = 'MixedNamespaces';
}

const DECLARATION = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The part's XML with every element of a {@link PLAIN_NAMESPACES} namespace unprefixed
 * (`<x:c r="A1">` → `<c r="A1">`) and that namespace declared as the root's default.
 * XML with no such prefix comes back as it is (the common case costs one search).
 *
 * @throws MixedNamespaces when taking the prefix off would change what an element means:
 *   the part also has a default namespace of another kind, or binds one prefix twice.
 */
export function withoutPrefix(xml: string): PlainXml {
  if (!xml.includes('xmlns:')) return { xml, prefix: undefined };
  const prefixes = new Map<string, string>();
  for (const match of xml.matchAll(DECLARATION)) {
    const [, prefix = '', double, single] = match;
    const uri = double ?? single ?? '';
    const known = prefixes.get(prefix);
    if (PLAIN_NAMESPACES.includes(uri)) {
      if (known !== undefined && known !== uri) throw new MixedNamespaces(`${prefix} bound twice`);
      prefixes.set(prefix, uri);
    } else if (known !== undefined) {
      throw new MixedNamespaces(`${prefix} bound twice`);
    }
  }
  if (prefixes.size === 0) return { xml, prefix: undefined };
  const uris = new Set(prefixes.values());
  if (uris.size > 1) throw new MixedNamespaces('two namespaces of the package reader');
  const [uri = ''] = uris;
  // Unprefixed elements would be read as ours: only safe when none is in another namespace.
  for (const match of xml.matchAll(/\sxmlns\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if ((match[1] ?? match[2]) !== uri) throw new MixedNamespaces('another default namespace');
  }
  const names = [...prefixes.keys()].map((p) => p.replace(/\./g, '\\.')).join('|');
  const stripped = xml.replace(new RegExp(`<(/?)(?:${names}):`, 'g'), '<$1');
  const root = /<(?![?!])[A-Za-z_][\w.-]*/.exec(stripped);
  const hasDefault = root !== null && /^[^>]*\sxmlns\s*=/.test(stripped.slice(root.index));
  const plain =
    root === null || hasDefault
      ? stripped
      : `${stripped.slice(0, root.index + root[0].length)} xmlns="${uri}"${stripped.slice(root.index + root[0].length)}`;
  return { xml: plain, prefix: [...prefixes.keys()][0] };
}

/**
 * Plain XML (as {@link withoutPrefix} gives it, perhaps edited) put back in the prefix
 * the part was written with: every unprefixed element takes it, and the default
 * namespace added for reading goes again.
 */
export function withPrefix(xml: string, prefix: string): string {
  let root = true;
  return xml
    .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (_, slash: string, name: string) => {
      return `<${slash}${prefix}:${name}`;
    })
    .replace(/(<[A-Za-z_][\w.:-]*)\sxmlns="[^"]*"/, (whole, head: string) => {
      if (!root) return whole;
      root = false;
      return head;
    });
}
