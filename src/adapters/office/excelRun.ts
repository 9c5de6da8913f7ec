/**
 * What the Office adapter needs from its host: a function with the contract of
 * `Excel.run(batch)`, and the requirement-set check. In Excel the edge passes
 * `Excel.run`; tests pass the in-memory Excel's `run`, so the same adapter code runs
 * against both.
 */

/** `Excel.run` in its batch form. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Excel.run` in its options form, `Excel.run(options, batch)`. */
export type ExcelRunWithOptions = <T>(
  options: { readonly delayForCellEdit?: boolean },
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/**
 * The run the pane uses: each batch waits while the user is typing in a cell instead of
 * failing with InvalidOperationInCellEditMode (Excel.RunOptions.delayForCellEdit;
 * office.js sends the flag only where the host supports its "DelayForCellEdit" set, so
 * elsewhere the batch still fails and the adapter says to finish editing first).
 */
export function waitingOutCellEdit(run: ExcelRunWithOptions): ExcelRun {
  return (batch) => run({ delayForCellEdit: true }, batch);
}

/** `Office.context.requirements.isSetSupported`, as the adapter asks it. */
export type IsSetSupported = (name: string, version: string) => boolean;

/**
 * The host's requirement-set check: `Office.context.requirements.isSetSupported` where
 * office.js is loaded; outside Office (tests without a host) nothing newer than the
 * manifest's minimum is assumed.
 */
export const officeRequirements: IsSetSupported = (name, version) => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return typeof requirements?.isSetSupported === 'function'
    ? requirements.isSetSupported(name, version)
    : false;
};
