/**
 * Microsoft's schema for custom functions metadata, for validating functions.json: the
 * `extensionCustomFunctions` definition of the unified app manifest schema shipped with
 * `@microsoft/app-manifest` (the newest stable version it ships), checked with the same
 * validator that package uses (ajv-draft-04 with ajv-formats, resolved from the package).
 *
 * The unified manifest carries the same metadata (functions, parameters, result, options)
 * that the add-in-only manifest loads from functions.json, so one schema serves both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One schema violation, as "path message". */
export type SchemaError = string;

interface Validator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string; params?: unknown }[] | null;
}
interface AjvLike {
  compile(schema: object): Validator;
}

const appManifest = dirname(require.resolve('@microsoft/app-manifest/package.json'));
const fromAppManifest = createRequire(join(appManifest, 'package.json'));
const SCHEMAS = join(appManifest, 'build', 'json-schemas', 'teams');

/** The newest numbered (not preview) schema version shipped, e.g. "v1.30". */
export function newestSchemaVersion(): string {
  const versions = readdirSync(SCHEMAS).filter((name) => /^v\d+\.\d+$/.test(name));
  const number = (v: string): number[] => v.slice(1).split('.').map(Number);
  return versions.sort((a, b) => {
    const [am = 0, an = 0] = number(a);
    const [bm = 0, bn = 0] = number(b);
    return am - bm || an - bn;
  })[versions.length - 1] as string;
}

/** A validator of custom functions metadata against `extensionCustomFunctions`. */
export function customFunctionsValidator(
  version = newestSchemaVersion(),
): (metadata: unknown) => SchemaError[] {
  const path = join(SCHEMAS, version, 'MicrosoftTeams.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as {
    $schema: string;
    definitions: Record<string, unknown>;
  };
  const Ajv = (fromAppManifest('ajv-draft-04') as { default: new (o: object) => AjvLike }).default;
  const addFormats = (
    fromAppManifest('ajv-formats') as { default: (ajv: AjvLike, formats: string[]) => void }
  ).default;
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile({
    $schema: schema.$schema,
    definitions: schema.definitions,
    $ref: '#/definitions/extensionCustomFunctions',
  });
  return (metadata) =>
    validate(metadata)
      ? []
      : (validate.errors ?? []).map(
          (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params ?? {})}`,
        );
}
