/**
 * Edits of a package's plumbing for the graft (graft.ts): relationship targets and
 * relationships parts, the parts a replaced sheet alone used, fresh part names, and the
 * content types that go with removed and added parts.
 */
import { parseRelationships, relsPath, type PackageBook, type Relationship } from './packageBook';
import { attribute, encodeXml } from './xmlText';

/** A part path relative to another part's folder, as a relationship target. */
export function relativeTarget(from: string, to: string): string {
  const folder = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (
    common < folder.length &&
    common < target.length - 1 &&
    folder[common] === target[common]
  ) {
    common++;
  }
  return [...folder.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/** A relationship element pointing at a new target. */
export function withTarget(rel: Relationship, target: string): string {
  return rel.element.replace(/\sTarget="[^"]*"/, () => ` Target="${encodeXml(target)}"`);
}

/** A relationships part holding these elements. */
export function relationshipsXml(elementsXml: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${elementsXml.join('')}</Relationships>`;
}

/** Every part reachable from `start` through relationships (start included). */
export function closure(
  pkg: PackageBook,
  start: string,
  skip: ReadonlySet<string>,
  found: Set<string>,
): void {
  if (found.has(start) || skip.has(start) || !pkg.entries.has(start)) return;
  found.add(start);
  for (const rel of pkg.rels(start)) {
    if (!rel.external) closure(pkg, rel.part, skip, found);
  }
}

/** The input parts that go: each replaced sheet with the parts nothing else uses. */
export function removedParts(pkg: PackageBook, replaced: ReadonlySet<string>): Set<string> {
  const kept = new Set<string>();
  for (const rel of parseRelationships(pkg.text('_rels/.rels'), '')) {
    if (!rel.external) closure(pkg, rel.part, replaced, kept);
  }
  const gone = new Set<string>();
  for (const part of replaced) {
    const reach = new Set<string>();
    closure(pkg, part, new Set(), reach);
    for (const p of reach) if (!kept.has(p)) gone.add(p);
  }
  if (replaced.size > 0) {
    const chain = pkg.rels(pkg.workbookPart).find((rel) => rel.type.endsWith('/calcChain'));
    if (chain) gone.add(chain.part);
  }
  for (const part of [...gone]) {
    if (pkg.entries.has(relsPath(part))) gone.add(relsPath(part));
  }
  return gone;
}

/** Fresh part names in the same folders, numbered past every name the input uses. */
export function freshPartNames(pkg: PackageBook): (old: string) => string {
  const taken = new Set(pkg.entries.keys());
  return (old) => {
    const match = /^(.*?)(\d*)(\.[^./]+)$/.exec(old);
    const stem = match?.[1] ?? old;
    const extension = match?.[3] ?? '';
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${extension}`;
      if (!taken.has(name) && !taken.has(relsPath(name))) {
        taken.add(name);
        return name;
      }
    }
  };
}

/** The content types part without entries for removed parts, with entries for added ones. */
export function contentTypes(
  pkg: PackageBook,
  gone: ReadonlySet<string>,
  added: readonly string[],
): string {
  const xml = pkg.text('[Content_Types].xml') ?? '';
  const kept = xml.replace(/<Override\b[^>]*\/>/g, (element) => {
    const part = (attribute(element, 'PartName') ?? '').replace(/^\//, '');
    return gone.has(part) ? '' : element;
  });
  return kept.replace('</Types>', () => `${added.join('')}</Types>`);
}
