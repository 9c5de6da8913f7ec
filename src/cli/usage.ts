import type { Mechanism } from '../workbook/mechanism';
import { MECHANISM_LIST } from '../workbook/mechanisms/index';

/**
 * The `bcf` command's help text, printed by `bcf --help` and after a usage error; the
 * mechanisms are the registry's.
 *
 * @param mechanisms - the mechanisms to name (default the registry; a test gives its own).
 */
export function usage(mechanisms: readonly Mechanism[] = MECHANISM_LIST): string {
  const list = mechanisms.map((m) => `    ${m.id.padEnd(11)} ${m.title}`).join('\n');
  return `Usage:
  bcf calc <mechanism> <scenario.json|->
      Run one calculation on a JSON scenario; print the result as JSON.
  bcf params [mechanism] [--schema]
      The parameters a params file (--params) takes for each mechanism: type, bounds,
      default and help; --schema prints them as a JSON Schema.
  bcf run <workbook.xlsx> [--mechanism M] [--params params.json] [--map map.json]
          [--out results.xlsx] [--force] [--replace-user-sheets] [--scenario NAME]
          [--allow-loss] [--json] [--quiet]
      Read the input tables, run (every mechanism the workbook has tables for, or M),
      and write the result sheets and charts into a copy (default <workbook>-results.xlsx;
      .xlsm for a macro-enabled workbook; a template gives a workbook of its kind).
      --scenario NAME (with --mechanism) keeps the run as a named scenario with its own
      sheet "BCF NAME"; --force replaces a scenario of that name. A copy that would lack
      a part of the input (a rare whole rewrite) is not written; --allow-loss writes it
      anyway, naming each part it lacks.
  bcf compare <workbook.xlsx> NAME NAME... [--out comparison.xlsx] [--force] [--json]
      Run kept scenarios again and write a copy with them side by side (per party, the
      differences from the first, and their outturn curves on one chart).
  bcf check <workbook.xlsx> [--params params.json] [--map map.json] [--json]
      The BCF plan checks and every validation finding; exit 1 if a check fails.
  bcf template <out.xlsx> [--force] [--json]
      Write the planning template (the input tables with example rows).
  bcf consolidate <folder-or-files...> --out summary.xlsx [--map map.json] [--force] [--quiet]
          [--json]
      Validate many completed templates (one per Health and Wellbeing Board) and write
      a summary workbook: a row per file, totals, a chart and the findings.
  bcf demo
      Run every mechanism on the shipped example (assets/samples/bcf-example.xlsx)
      into demo-output/bcf-example-results.xlsx (npm run demo).

Exit codes: 0 done; 1 a plan check failed (check) or a file was skipped (consolidate);
2 invalid input, a bad file or a usage error (nothing written).
--map map.json: where each table kind is in workbooks laid out by their owners (README).
--datamap d.json (run, check, consolidate): recognise another fixed-layout return; official-style
  BCF planning returns are recognised by assets/datamaps/ (README).

Mechanisms (M):
${list}
`;
}

/** The help text over the registry's mechanisms. */
export const USAGE = usage();
