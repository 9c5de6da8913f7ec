/**
 * The base of every proxy class, as `OfficeExtension.ClientObject` is in Office.js:
 * `load` queues a read, `isNullObject` is known only after a sync, setting a property
 * keeps the value locally and queues the write, and navigation properties (a range's
 * `format`, a table's `worksheet`) return child proxies.
 */
import { CORE, Core, jsonBytes, WIRE_BYTES, type ActionQueue, type Response } from './core';
import { ErrorCode, officeError } from './errors';
import { loadPaths, splitPath, type LoadSpec } from './loadPaths';

export { loadPaths, splitPath, type LoadSpec };

/** Runs a load at sync time (symbol-keyed so it is not a public member). */
export const LOAD_INTO = Symbol('loadInto');
/** Checks a load path when `load` is called (symbol-keyed likewise). */
export const CHECK_PATH = Symbol('checkPath');

/** What a navigation child offers its parent: loading and load-path checks. */
export interface Loadable {
  [LOAD_INTO](paths: readonly string[], response: Response): void;
  [CHECK_PATH](path: string): void;
}

/** How to read each loadable scalar property from the model. */
export type ScalarGetters<M> = Readonly<Record<string, (model: M) => unknown>>;

/** The base of all proxy classes. */
export abstract class MemoryClientObject<M> {
  readonly [CORE]: Core<M>;
  private readonly children = new Map<string, Loadable>();

  constructor(core: Core<M>) {
    this[CORE] = core;
  }

  /** The loadable scalar properties of this class. */
  protected abstract readonly scalars: ScalarGetters<M>;

  /** The request context this object belongs to. */
  get context(): Excel.RequestContext {
    return this[CORE].queue.context as Excel.RequestContext;
  }

  /** True for a null object from an `...OrNullObject` method; PropertyNotLoaded before a sync. */
  get isNullObject(): boolean {
    const isNull = this[CORE].isNull;
    if (isNull === undefined) {
      return officeError(ErrorCode.propertyNotLoaded, this[CORE].typeName, 'isNullObject');
    }
    return isNull;
  }

  /** A navigation property's child proxy (created once). Override to declare navigations. */
  protected navigation(_name: string): Loadable | undefined {
    return undefined;
  }

  /** The child proxy for a navigation property, created on first use. */
  protected child<C extends Loadable>(name: string, make: (parent: Core<M>) => C): C {
    let existing = this.children.get(name);
    if (!existing) {
      existing = make(this[CORE]);
      this.children.set(name, existing);
    }
    return existing as C;
  }

  /** Queues a load of the given properties, delivered at the next successful sync. */
  protected queueLoad(spec?: LoadSpec): void {
    const paths = loadPaths(spec);
    for (const path of paths) this[CHECK_PATH](path);
    this[CORE].enqueue(
      `${this[CORE].typeName}.load`,
      WIRE_BYTES.query + jsonBytes(paths),
      (response) => this[LOAD_INTO](paths, response),
    );
  }

  /** Sets a property: readable locally at once, applied to the workbook at sync. */
  protected setProperty<V>(name: string, value: V, apply: (model: M, value: V) => void): void {
    const location = `${this[CORE].typeName}.${name}`;
    this[CORE].loaded.set(name, value);
    this[CORE].enqueue(location, WIRE_BYTES.action + jsonBytes(value) + name.length, () =>
      apply(this[CORE].require(location), value),
    );
  }

  /** Queues a method call that changes the workbook. */
  protected invoke(method: string, args: readonly unknown[], apply: (model: M) => void): void {
    const location = `${this[CORE].typeName}.${method}`;
    const bytes = WIRE_BYTES.action + jsonBytes(args.filter(isPlainData)) + method.length;
    this[CORE].enqueue(location, bytes, () => apply(this[CORE].require(location)));
  }

  /** Reads a loaded (or locally set) property. */
  protected get<T>(name: string): T {
    return this[CORE].read<T>(name);
  }

  /** Loads paths at sync time into the response. */
  [LOAD_INTO](paths: readonly string[], response: Response): void {
    const model = this[CORE].resolve();
    if (model === null) return;
    for (const path of paths) this.loadPath(model, path, response);
  }

  /** Loads one path; collections override this to handle `items`. */
  protected loadPath(model: M, path: string, response: Response): void {
    const [head = '', rest] = splitPath(path);
    if (head === '*') {
      for (const name of Object.keys(this.scalars)) this.loadScalar(model, name, response);
      return;
    }
    const getter = this.scalars[head];
    if (getter) {
      this.loadScalar(model, head, response);
      return;
    }
    this.navigation(head)?.[LOAD_INTO]([rest ?? '*'], response);
  }

  /** Reads one scalar from the model now and delivers it with the response. */
  protected loadScalar(model: M, name: string, response: Response): void {
    const getter = this.scalars[name];
    if (!getter) return;
    const value = getter(model);
    const loaded = this[CORE].loaded;
    response.add(
      jsonBytes(value) + name.length,
      () => loaded.set(name, value),
      Array.isArray(value) ? () => loaded.set(name, null) : undefined,
    );
  }

  /** Refuses, when `load` is called, a property this fake does not model. */
  [CHECK_PATH](path: string): void {
    const [head = '', rest] = splitPath(path);
    if (head === '*' || (this.scalars[head] && rest === undefined)) return;
    const child = this.navigation(head);
    if (child) {
      child[CHECK_PATH](rest ?? '*');
      return;
    }
    throw new Error(
      `The memory Excel does not model ${this[CORE].typeName}.${head}: add it to the fake (checked against @types/office-js) before the add-in relies on it.`,
    );
  }
}

function isPlainData(value: unknown): boolean {
  return !(value instanceof MemoryClientObject);
}

/** The machinery of a proxy. */
export function coreOf<M>(proxy: unknown): Core<M> {
  if (!(proxy instanceof MemoryClientObject)) {
    throw new Error('The memory Excel was given an object that is not one of its proxies.');
  }
  return (proxy as MemoryClientObject<M>)[CORE];
}

/** The machinery of a navigation child: it resolves through its parent. */
export function childCore<P, C>(
  parent: Core<P>,
  typeName: string,
  map: (parent: P) => C | null,
  alive?: (model: C) => boolean,
): Core<C> {
  return new Core<C>(
    parent.queue,
    typeName,
    () => {
      const model = parent.resolve();
      return model === null ? null : map(model);
    },
    alive,
    parent as Core<unknown>,
  );
}

/**
 * Creates a proxy from a method call, queuing its instantiation as Office.js does; `args`
 * are the call's arguments as the request carries them.
 */
export function spawn<M, P>(
  queue: ActionQueue,
  typeName: string,
  location: string,
  resolver: () => M | null,
  make: (core: Core<M>) => P,
  alive?: (model: M) => boolean,
  args: readonly unknown[] = [],
): P {
  const core = new Core(queue, typeName, resolver, alive);
  const action = {
    location,
    requestBytes:
      WIRE_BYTES.object +
      location.length +
      jsonBytes(args) +
      (typeName === 'Range' ? WIRE_BYTES.range : 0),
    run: () => {
      core.resolve();
    },
  };
  if (typeName === 'Range') core.instantiation = action;
  queue.enqueue(action);
  return make(core);
}
