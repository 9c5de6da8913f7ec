/**
 * Remembers what checking a few recent raw inputs gave, keyed by their content.
 *
 * Contract tables repeat the same terms on every row, and checking terms is much of the
 * work of a row, so a call whose raw terms hold the same data as a recent call's reuses
 * that call's checked terms. Each entry keeps its own copy of the data, never the
 * caller's objects, and a lookup compares value by value (keys in order, numbers with
 * `Object.is`, so −0 is not 0), so changing an input object after a call cannot make an
 * entry stale. Comparing is much cheaper than checking again or than writing the data out
 * as text to use as a key.
 *
 * Only plain data, as `JSON.parse` makes it, is remembered: strings, numbers, booleans,
 * null and undefined, in arrays and plain objects (own enumerable keys, as `JSON.stringify`
 * reads them). Anything else, such as a Decimal or a class instance, is checked every time.
 * Only successful checks are remembered: a check that throws is thrown again next time.
 */
export class RecentInputs<T> {
  private readonly entries: { readonly data: Copy; readonly checked: T }[] = [];

  /** @param size - how many different inputs to remember (the oldest is forgotten first). */
  constructor(private readonly size: number) {}

  /** What `check()` gives for `raw`, remembered when `raw` holds the same data as a recent input. */
  checked(raw: unknown, check: () => T): T {
    for (const entry of this.entries) {
      if (sameData(raw, entry.data)) return entry.checked;
    }
    const checked = check();
    const data = copyOf(raw);
    if (data !== NOT_PLAIN) {
      this.entries.unshift({ data, checked });
      if (this.entries.length > this.size) this.entries.pop();
    }
    return checked;
  }
}

type Primitive = string | number | boolean | bigint | null | undefined;
/** A copy of a plain object: its keys in order and their values. */
class ObjectCopy {
  constructor(
    readonly keys: readonly string[],
    readonly values: readonly Copy[],
  ) {}
}
type Copy = Primitive | readonly Copy[] | ObjectCopy;

const NOT_PLAIN = Symbol('not plain data');

const isPlainArray = (value: unknown): value is readonly unknown[] =>
  Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** A deep copy of plain data, or NOT_PLAIN if `value` holds anything else (or an array with holes). */
function copyOf(value: unknown): Copy | typeof NOT_PLAIN {
  if (typeof value === 'function' || typeof value === 'symbol') return NOT_PLAIN;
  if (typeof value !== 'object' || value === null) return value as Primitive;
  if (isPlainArray(value)) {
    const items: Copy[] = [];
    for (let i = 0; i < value.length; i += 1) {
      const item = i in value ? copyOf(value[i]) : NOT_PLAIN;
      if (item === NOT_PLAIN) return NOT_PLAIN;
      items.push(item);
    }
    return items;
  }
  if (!isPlainObject(value)) return NOT_PLAIN;
  const keys = Object.keys(value);
  const values: Copy[] = [];
  for (const key of keys) {
    const item = copyOf(value[key]);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    values.push(item);
  }
  return new ObjectCopy(keys, values);
}

/**
 * Whether `value` holds exactly the data of `copy`. Plain loops rather than `every` over
 * `Object.keys`: a worksheet formula per contract row compares its terms on every call.
 */
function sameData(value: unknown, copy: Copy): boolean {
  if (copy instanceof ObjectCopy) {
    return isPlainObject(value) && sameObject(value, copy);
  }
  if (Array.isArray(copy)) {
    if (!isPlainArray(value) || value.length !== copy.length) return false;
    for (let i = 0; i < copy.length; i += 1) {
      if (!(i in value) || !sameData(value[i], copy[i] as Copy)) return false;
    }
    return true;
  }
  return Object.is(value, copy);
}

/** Same keys in the same order, with the same data: what `Object.keys` would list, walked without making the list. */
function sameObject(value: Readonly<Record<string, unknown>>, copy: ObjectCopy): boolean {
  let i = 0;
  for (const key in value) {
    // Only own keys count (Object.keys lists no others); an inherited one is a difference.
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
    if (key !== copy.keys[i] || !sameData(value[key], copy.values[i])) return false;
    i += 1;
  }
  return i === copy.keys.length;
}
