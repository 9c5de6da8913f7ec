/**
 * The golden-file runner. Each file under test/golden/<mechanism>/ is one case:
 *   { "title": "...", "source": "where the figures come from",
 *     "input": { ...scenario... },
 *     "expected": { ...a subset of the result JSON... }    or
 *     "error": { "code": "SCOPE.KIND", "message": "exact message" } }
 * `expected` is matched as a subset (toMatchObject), so a case pins the figures it is
 * about without restating every explanation step; money is compared as exact strings.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { calc } from '../../src/cli/calc';
import { mechanisms } from '../../src/cli/mechanisms';
import { engineError } from '../support/engineErrors';

interface GoldenCase {
  readonly title: string;
  readonly source?: string;
  readonly input: unknown;
  readonly expected?: unknown;
  readonly error?: { readonly code: string; readonly message: string };
}

const root = __dirname;
const mechanismDirs = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());

describe.each(mechanismDirs)('golden files: %s', (mechanism) => {
  const files = readdirSync(join(root, mechanism)).filter((f) => f.endsWith('.json'));
  it.each(files)('%s', (file) => {
    const golden = JSON.parse(readFileSync(join(root, mechanism, file), 'utf8')) as GoldenCase;
    if (golden.error) {
      const error = engineError(() => calc(mechanism, golden.input));
      expect({ code: error.code, message: error.message }).toEqual(golden.error);
    } else {
      expect(calc(mechanism, golden.input)).toMatchObject(golden.expected as object);
    }
  });
});

it('has golden files for every mechanism the CLI knows, and no folder for one it does not', () => {
  // From the registry, not from the folders: a mechanism with no folder fails here.
  for (const mechanism of Object.keys(mechanisms)) {
    const dir = join(root, mechanism);
    const files = mechanismDirs.includes(mechanism)
      ? readdirSync(dir).filter((f) => f.endsWith('.json'))
      : [];
    expect({ mechanism, files: files.length > 0 }).toEqual({ mechanism, files: true });
  }
  expect(mechanismDirs.filter((dir) => !(dir in mechanisms))).toEqual([]);
});
