/**
 * The datamaps the pane recognises official-style returns by: those shipped in
 * assets/datamaps/, bundled with the pane (it cannot read folders), the same files
 * `bcf check`, `bcf run` and `bcf consolidate` read. A new shipped datamap is one more
 * import here; test/taskpane/datamapPane.test.ts checks this list against the folder.
 */
import planningReturn from '../../../assets/datamaps/bcf-planning-return.json';
import { parseDatamap, type Datamap } from '../../workbook/datamap';

function checked(json: unknown): Datamap {
  const read = parseDatamap(json);
  // A shipped file is the project's own: a bad one is a build fault the tests catch.
  if (!read.ok) throw new Error(`a shipped datamap cannot be read: ${read.problem}`);
  return read.datamap;
}

/** The shipped datamaps, in file-name order (as the command line tries them). */
export const SHIPPED_DATAMAPS: readonly Datamap[] = [checked(planningReturn)];

/** How the pane tells the user to read a return whose version no datamap knows. */
export const UNKNOWN_VERSION_FIX =
  'fix the workbook, or map its ranges with “Use the selection as…”';
