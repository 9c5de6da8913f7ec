/**
 * Merging the styles of grafted sheets into the input's styles part: the scratch
 * workbook's fonts, fills, borders and cell formats (cellXfs) are appended after the
 * input's (or matched to an identical one already there), its custom number formats
 * given ids the input does not use (or the input's own id for the same format code), so
 * the input's cells keep every style index they had and a grafted cell's `s="n"` points
 * at its format's new index.
 */
import { NeedsModel } from './fastBook';
import { attribute, decodeXml, elements } from './xmlText';

/** The merged styles part and how to renumber the grafted sheets' style indexes. */
export interface MergedStyles {
  readonly xml: string;
  /** Adds the offset to every cell, row and column style index of a grafted sheet. */
  readonly restyle: (sheetXml: string) => string;
}

/** The `<name ...>...</name>` section of a styles part, with its children. */
interface Section {
  readonly whole: string;
  readonly open: string;
  readonly children: string[];
}

function section(xml: string, name: string, child: string): Section | undefined {
  const match = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  if (!match) return undefined;
  const whole = match[0];
  const open = /^<[^>]*?\/?>/.exec(whole)?.[0] ?? '';
  const inner = match[1] ?? '';
  const children = [
    ...inner.matchAll(new RegExp(`<${child}\\b(?:[^>]*/>|[^>]*>[\\s\\S]*?</${child}>)`, 'g')),
  ].map((m) => m[0]);
  return { whole, open, children };
}

function rebuild(old: Section, name: string, children: readonly string[]): string {
  const open = old.open
    .replace(/\/>$/, '>')
    .replace(/\scount="\d+"/, '')
    .replace(new RegExp(`^<${name}`), `<${name} count="${children.length}"`);
  return `${open}${children.join('')}</${name}>`;
}

function setAttribute(element: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}=")[^"]*(")`);
  if (pattern.test(element))
    return element.replace(pattern, (_, a: string, b: string) => a + value + b);
  return element.replace(/^<(\w+)/, (_, tag: string) => `<${tag} ${name}="${value}"`);
}

/**
 * Appends `theirs` to `mine`, reusing an identical entry where there is one: the new
 * list, and where each of theirs went. The first `defaults` entries are the workbook's
 * defaults (the default font; the two fills every styles part starts with; no border):
 * theirs stand for the input's own, so the add-in's plain cells take the user's font.
 */
function appendDistinct(
  mine: readonly string[],
  theirs: readonly string[],
  defaults = 0,
): [string[], number[]] {
  const merged = [...mine];
  const where = theirs.map((entry, i) => {
    if (i < Math.min(defaults, mine.length)) return i;
    const same = merged.indexOf(entry);
    if (same >= 0) return same;
    merged.push(entry);
    return merged.length - 1;
  });
  return [merged, where];
}

/** Sets a numeric attribute of an element's start tag to its new index. */
function remap(element: string, name: string, where: readonly number[]): string {
  const value = attribute(element.slice(0, element.indexOf('>') + 1), name);
  if (value === undefined) return element;
  return setAttribute(element, name, String(where[Number(value)] ?? value));
}

/**
 * Merges the scratch workbook's styles into the input's. Entries equal to one the input
 * has are reused, so running again over the output adds no styles.
 *
 * @throws NeedsModel when either part lacks a section this merge relies on, or the
 *   scratch styles use differential formats (which nothing grafted should).
 */
export function mergeStyles(input: string, scratch: string): MergedStyles {
  const fail = (name: string): never => {
    throw new NeedsModel(`styles without ${name}`);
  };
  const get = (xml: string, name: string, child: string): Section =>
    section(xml, name, child) ?? fail(name);
  const scratchDxfs = section(scratch, 'dxfs', 'dxf');
  if (scratchDxfs && scratchDxfs.children.length > 0) fail('dxfs');
  let xml = input;
  const where: Record<string, number[]> = {};
  for (const [name, child, defaults] of [
    ['fonts', 'font', 1],
    ['fills', 'fill', 2],
    ['borders', 'border', 1],
  ] as const) {
    const mine = get(input, name, child);
    const theirs = get(scratch, name, child).children;
    const [list, placed] = appendDistinct(mine.children, theirs, defaults);
    where[child] = placed;
    const merged = rebuild(mine, name, list);
    xml = xml.replace(mine.whole, () => merged);
  }
  const formatIds = mergeNumberFormats(input, scratch);
  xml = formatIds.apply(xml);
  const mineXfs = get(xml, 'cellXfs', 'xf');
  const theirs = get(scratch, 'cellXfs', 'xf').children.map((xf) => {
    let out = remap(xf, 'fontId', where.font ?? []);
    out = remap(out, 'fillId', where.fill ?? []);
    out = remap(out, 'borderId', where.border ?? []);
    const format = attribute(out.slice(0, out.indexOf('>') + 1), 'numFmtId');
    if (format !== undefined) out = setAttribute(out, 'numFmtId', formatIds.map(Number(format)));
    return setAttribute(out, 'xfId', '0');
  });
  const [list, placed] = appendDistinct(mineXfs.children, theirs);
  const xfs = rebuild(mineXfs, 'cellXfs', list);
  xml = xml.replace(mineXfs.whole, () => xfs);
  const index = (n: string): number => placed[Number(n)] ?? Number(n);
  return {
    xml,
    restyle: (sheet) =>
      sheet
        .replace(
          /(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g,
          (_, head: string, n: string) => `${head}${index(n)}"`,
        )
        .replace(
          /(<col\b[^>]*?\sstyle=")(\d+)"/g,
          (_, head: string, n: string) => `${head}${index(n)}"`,
        ),
  };
}

/** The scratch's custom number formats given ids in the input: an equal code's id, or a new one. */
function mergeNumberFormats(
  input: string,
  scratch: string,
): { map: (id: number) => string; apply: (xml: string) => string } {
  const read = (xml: string): { id: number; code: string; element: string }[] =>
    elements(section(xml, 'numFmts', 'numFmt')?.whole ?? '', 'numFmt').map((element) => ({
      id: Number(attribute(element, 'numFmtId') ?? 0),
      code: attribute(element, 'formatCode') ?? '',
      element,
    }));
  const mine = read(input);
  const ids = new Map<number, number>();
  let next = Math.max(163, ...mine.map((f) => f.id)) + 1;
  const added: string[] = [];
  for (const format of read(scratch)) {
    const same = mine.find((f) => decodeXml(f.code) === decodeXml(format.code));
    if (same) ids.set(format.id, same.id);
    else {
      ids.set(format.id, next);
      added.push(setAttribute(format.element, 'numFmtId', String(next)));
      next += 1;
    }
  }
  return {
    map: (id) => String(ids.get(id) ?? id),
    apply: (xml) => {
      if (added.length === 0) return xml;
      const existing = section(xml, 'numFmts', 'numFmt');
      if (existing) {
        const merged = rebuild(existing, 'numFmts', [...existing.children, ...added]);
        return xml.replace(existing.whole, () => merged);
      }
      // numFmts comes first in a styleSheet.
      const formats = `<numFmts count="${added.length}">${added.join('')}</numFmts>`;
      return xml.replace(/<styleSheet\b[^>]*>/, (open) => `${open}${formats}`);
    },
  };
}
