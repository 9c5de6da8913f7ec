import { EngineError, quote } from '../engine/errors';
import { cellFinding, type CellPlace, type Finding } from './findings';
import type { CellValue } from '../ports/workbook';

/**
 * Where the engine's input fields came from, so that an engine refusal (an
 * `EngineError` naming a field such as `gainBands[1].shares`) becomes a finding that
 * names the sheet, table, row and column.
 */
export type FieldOrigins = ReadonlyMap<string, CellPlace>;

/** The path without its last part: `a[1].b` → `a[1]` → `a` → ''. */
function parent(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

/** The cell a field (or, failing that, the nearest field containing it) came from. */
export function originOf(origins: FieldOrigins, field: string): CellPlace | undefined {
  for (let path = field; path !== ''; path = parent(path)) {
    const place = origins.get(path);
    if (place !== undefined) return place;
  }
  return undefined;
}

function asCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return quote(value);
}

/**
 * An engine refusal as a finding: code `ENGINE.<engine code>`, placed at the cell the
 * field came from when known, with the engine's message (which names the field and
 * the bad value).
 */
export function engineFinding(error: EngineError, origins: FieldOrigins): Finding {
  const code = `ENGINE.${error.code}`;
  const place = originOf(origins, error.field);
  if (place === undefined) return { code, message: error.message };
  return cellFinding(code, place, asCellValue(error.value), error.message);
}

/** Whether something thrown is the engine refusing its input. */
export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}
