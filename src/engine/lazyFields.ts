/**
 * Adds fields to a result that are worked out on first read (then kept), as ordinary
 * enumerable properties: anything that reads or serialises the result (the CLI, the
 * task pane, tests) sees plain values, while bulk runs over many contract rows that use
 * only the main figures skip the prose and the extra divisions. Each getter must read
 * only values that are already final, so the field is the same whenever it is read.
 */
export function withLazyFields<T extends object, L extends object>(
  result: T,
  lazy: { readonly [K in keyof L]: () => L[K] },
): T & Readonly<L> {
  for (const key of Object.keys(lazy) as (keyof L & string)[]) {
    let done = false;
    let value: L[typeof key] | undefined;
    Object.defineProperty(result, key, {
      enumerable: true,
      get: () => {
        if (!done) {
          value = lazy[key]();
          done = true;
        }
        return value;
      },
    });
  }
  return result as T & Readonly<L>;
}
