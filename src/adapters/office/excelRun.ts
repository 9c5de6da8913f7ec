/**
 * The one thing the Office adapter needs from its host: a function with the contract of
 * `Excel.run(batch)`. In Excel the edge passes `Excel.run`; tests pass the in-memory
 * Excel's `run`, so the same adapter code runs against both.
 */

/** `Excel.run` in its batch form. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
