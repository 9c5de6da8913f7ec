/**
 * Adds fields to a result that are worked out on first read (then kept), as ordinary
 * enumerable properties: anything that reads or serialises the result (the CLI, the
 * task pane, tests) sees plain values, while bulk runs over many contract rows that use
 * only the main figures skip the prose and the extra divisions. Each getter must read
 * only values that are already final, so the field is the same whenever it is read.
 *
 * Shaped for bulk runs: every result shares one getter function per field name, and
 * keeps its own state under a hidden (symbol, non-enumerable) key. A getter made afresh
 * for each result (a closure) would give each result its own hidden class in V8, which
 * also keeps the result's inputs alive until a full garbage collection: several times
 * the cost of the whole calculation of a contract row.
 */
export function withLazyFields<T extends object, L extends object>(
  result: T,
  lazy: { readonly [K in keyof L]: () => L[K] },
): T & Readonly<L> {
  const state: LazyState = { make: lazy, done: {} };
  Object.defineProperty(result, LAZY, { value: state });
  for (const key of Object.keys(lazy)) Object.defineProperty(result, key, descriptorFor(key));
  return result as T & Readonly<L>;
}

const LAZY = Symbol('lazy fields');

interface LazyState {
  readonly make: Readonly<Record<string, () => unknown>>;
  /** The fields worked out so far. */
  readonly done: Record<string, unknown>;
}

/** The one getter of each field name, shared by every result that has the field. */
const descriptors = new Map<string, PropertyDescriptor>();

function descriptorFor(key: string): PropertyDescriptor {
  let descriptor = descriptors.get(key);
  if (descriptor === undefined) {
    descriptor = {
      enumerable: true,
      get(this: { readonly [LAZY]: LazyState }): unknown {
        const state = this[LAZY];
        if (!Object.prototype.hasOwnProperty.call(state.done, key)) {
          state.done[key] = state.make[key]?.();
        }
        return state.done[key];
      },
    };
    descriptors.set(key, descriptor);
  }
  return descriptor;
}
