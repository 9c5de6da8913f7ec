/**
 * The arguments of `load` as Office.js accepts them, normalised into property paths such
 * as "values" or "format/fill/color".
 */

/** Everything `load` accepts in Office.js: "a, b/c", ["a", "b"], {select, expand}, {a: true}. */
export type LoadSpec = string | string[] | { select?: string; expand?: string } | object;

/** Splits "a/b/c" into "a" and "b/c". */
export function splitPath(path: string): [string, string | undefined] {
  const slash = path.indexOf('/');
  return slash < 0 ? [path, undefined] : [path.slice(0, slash), path.slice(slash + 1)];
}

/** Normalises a load argument into property paths. */
export function loadPaths(spec?: LoadSpec): string[] {
  if (spec === undefined) return ['*'];
  if (typeof spec === 'string') return splitList(spec);
  if (Array.isArray(spec)) return spec.flatMap(splitList);
  const selectExpand = spec as { select?: unknown; expand?: unknown };
  if (typeof selectExpand.select === 'string' || typeof selectExpand.expand === 'string') {
    return [
      ...splitList(typeof selectExpand.select === 'string' ? selectExpand.select : ''),
      ...splitList(typeof selectExpand.expand === 'string' ? selectExpand.expand : ''),
    ];
  }
  return optionPaths(spec as Record<string, unknown>, '');
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function optionPaths(options: Record<string, unknown>, prefix: string): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (key.startsWith('$')) continue;
    if (value === true) paths.push(prefix + key);
    else if (value && typeof value === 'object') {
      paths.push(...optionPaths(value as Record<string, unknown>, `${prefix}${key}/`));
    }
  }
  return paths;
}
