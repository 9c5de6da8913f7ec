/**
 * Findings as the command line shows them: each on its own line, the message as the
 * workbook layer wrote it (it names sheet, table, row, column and cell, as in Excel),
 * followed by its code in brackets for scripts and support.
 */
import type { Finding } from '../workbook/findings';
import { oneLine } from './report';

/** One finding as a line: `  Contributions!C3 (...): "tbc" is not an amount. [INPUT.NOT_AN_AMOUNT]`. */
export function findingLine(finding: Finding): string {
  return `  ${oneLine(finding.message)} [${finding.code}]`;
}

/** "1 finding" / "3 findings". */
export function findingsCount(count: number): string {
  return `${count} finding${count === 1 ? '' : 's'}`;
}

/** A finding as JSON: its code, place fields where known, and message. */
export function findingJson(finding: Finding): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = { code: finding.code };
  for (const key of ['sheet', 'table', 'row', 'column', 'address', 'value', 'parameter'] as const) {
    const value = finding[key];
    if (value !== undefined) out[key] = value;
  }
  out.message = finding.message;
  return out;
}

/**
 * Findings grouped by the mechanism that found them, each shown once: two mechanisms
 * reading the same table find the same bad cell, and the user needs to hear of it once
 * (under the first). Groups left with nothing new are dropped.
 */
export function uniqueFindings(
  groups: readonly { readonly title: string; readonly findings: readonly Finding[] }[],
): { readonly title: string; readonly findings: readonly Finding[] }[] {
  const seen = new Set<string>();
  return groups.flatMap((group) => {
    const fresh = group.findings.filter((f) => {
      const key = `${f.code}\u0000${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return fresh.length === 0 ? [] : [{ title: group.title, findings: fresh }];
  });
}

/**
 * How to give the scenario parameters that findings name, for the command line (which
 * has no task pane to type them into): a `--params` file in the shape it takes, e.g.
 * `{"checks": {"socialCareMinimum": "…"}}`. Undefined when no finding names a parameter.
 */
export function paramsHint(
  runs: readonly {
    readonly mechanism: { readonly id: string };
    readonly findings: readonly Finding[];
  }[],
): string | undefined {
  const wanted: Record<string, Record<string, string>> = {};
  for (const run of runs) {
    for (const finding of run.findings) {
      if (finding.parameter === undefined) continue;
      wanted[run.mechanism.id] = { ...wanted[run.mechanism.id], [finding.parameter]: '…' };
    }
  }
  if (Object.keys(wanted).length === 0) return undefined;
  return `Give the parameters in a JSON file with --params <file.json>, e.g. ${JSON.stringify(wanted)}.`;
}
