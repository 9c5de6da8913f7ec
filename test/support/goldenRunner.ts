/**
 * The golden-file runner, over any list of mechanisms (the registry, or a test's own).
 * Each file under <root>/<mechanism id>/ is one case:
 *   { "title": "...", "source": "where the figures come from",
 *     "input": { ...scenario... },
 *     "expected": { ...a subset of the result JSON... }    or
 *     "error": { "code": "SCOPE.KIND", "message": "exact message" } }
 * `expected` is matched as a subset (toMatchObject), so a case pins the figures it is
 * about without restating every explanation step; money is compared as exact strings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { calc } from '../../src/cli/calc';
import { calcMap } from '../../src/cli/mechanisms';
import type { Mechanism } from '../../src/workbook/mechanism';
import { engineError } from './engineErrors';

export interface GoldenCase {
  readonly title: string;
  readonly source?: string;
  readonly input: unknown;
  readonly expected?: unknown;
  readonly error?: { readonly code: string; readonly message: string };
}

/** The case files of each mechanism of the list, by id (none for a mechanism without a folder). */
export function goldenFiles(
  root: string,
  mechanisms: readonly Mechanism[],
): { readonly mechanism: string; readonly files: readonly string[] }[] {
  return mechanisms.map(({ id }) => {
    const dir = join(root, id);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    return { mechanism: id, files };
  });
}

/** Folders under the root that no mechanism of the list owns. */
export function strayFolders(root: string, mechanisms: readonly Mechanism[]): string[] {
  const ids = new Set(mechanisms.map((m) => m.id));
  return readdirSync(root).filter(
    (name) => statSync(join(root, name)).isDirectory() && !ids.has(name),
  );
}

/** Runs one case file through the list's calc map and checks it. */
export function checkGolden(
  root: string,
  mechanisms: readonly Mechanism[],
  mechanism: string,
  file: string,
): void {
  const golden = JSON.parse(readFileSync(join(root, mechanism, file), 'utf8')) as GoldenCase;
  const known = calcMap(mechanisms);
  if (golden.error) {
    const error = engineError(() => calc(mechanism, golden.input, known));
    expect({ code: error.code, message: error.message }).toEqual(golden.error);
  } else {
    expect(calc(mechanism, golden.input, known)).toMatchObject(golden.expected as object);
  }
}
