import type { Dec } from '../../engine/decimal';
import { parseAmount, parseFraction, type Parsed } from '../cells';
import type { Finding } from '../findings';
import { paramFinding, type ParamRecord, type ParamValue, type ScenarioParams } from '../params';

/**
 * Structured scenario parameters: a record of names to values, e.g. fixed shares
 * `{ "CCG": "50%", "Council": "50%" }` or overspend caps `{ "Council": 500000 }`.
 */

/** A parameter's value when it is a record (not a list or a single value). */
export function recordParam(raw: ScenarioParams, id: string): ParamRecord | undefined {
  const value: ParamValue | undefined = raw[id];
  if (value === null || value === undefined || typeof value !== 'object') return undefined;
  return Array.isArray(value) ? undefined : (value as ParamRecord);
}

/** A parameter's value when it is a list of records. */
export function listParam(raw: ScenarioParams, id: string): readonly ParamRecord[] | undefined {
  const value: ParamValue | undefined = raw[id];
  return Array.isArray(value) ? (value as readonly ParamRecord[]) : undefined;
}

type Reader = (value: string | number | null) => Parsed<Dec>;

function readRecord(
  record: ParamRecord,
  label: string,
  read: Reader,
  findings: Finding[],
): { readonly name: string; readonly value: Dec }[] {
  return Object.entries(record).flatMap(([name, raw]) => {
    const parsed = read(typeof raw === 'boolean' ? String(raw) : raw);
    if (parsed.ok) return [{ name, value: parsed.value }];
    findings.push(paramFinding(`${label}: ${name}`, parsed.problem));
    return [];
  });
}

/** A record of names to percentages (fixed shares), each read like a percentage cell. */
export function fractionRecord(
  record: ParamRecord,
  label: string,
  findings: Finding[],
): { readonly name: string; readonly value: Dec }[] {
  return readRecord(record, label, (v) => parseFraction(v), findings);
}

/** A record of names to amounts (caps), each read like an amount cell (0 or more). */
export function amountRecord(
  record: ParamRecord,
  label: string,
  findings: Finding[],
): { readonly name: string; readonly value: Dec }[] {
  return readRecord(record, label, (v) => parseAmount(v, { nonNegative: true }), findings);
}
