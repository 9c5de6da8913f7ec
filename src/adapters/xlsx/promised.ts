/**
 * The ports are asynchronous (Office.js is); the .xlsx adapter works in memory. This runs
 * synchronous work as a promise, so its errors arrive as rejections, as Office's do.
 */
export function promised<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}
