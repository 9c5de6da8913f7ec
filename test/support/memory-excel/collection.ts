/**
 * The base of collection proxies (worksheets, tables, charts, names, settings): `items`
 * is available only after `load` and `sync`, and "items/name" or plain "name" loads a
 * property of every item.
 */
import { CHECK_PATH, LOAD_INTO, MemoryClientObject, splitPath } from './clientObject';
import { CORE, Core, type Response } from './core';
import { ErrorCode, officeError } from './errors';

/** A collection over a parent model `M` whose items are models `I`, shown as proxies `P`. */
export abstract class MemoryCollection<
  M,
  I,
  P extends MemoryClientObject<I>,
> extends MemoryClientObject<M> {
  /** The item models, in Excel's order, at sync time. */
  protected abstract itemModels(model: M): readonly I[];
  /** A proxy bound to an item model. */
  protected abstract makeItem(core: Core<I>): P;
  /** The item type's name, e.g. "Worksheet". */
  protected abstract readonly itemTypeName: string;
  /** Whether an item model still exists. */
  protected abstract itemAlive(item: I): boolean;

  /** The loaded items (PropertyNotLoaded before `load` + `sync`). */
  protected loadedItems(): P[] {
    return this.get<P[]>('items');
  }

  /** A proxy for an item model found at sync time (no instantiate action needed). */
  protected boundItem(item: I): P {
    const core = new Core<I>(
      this[CORE].queue,
      this.itemTypeName,
      () => item,
      (m) => this.itemAlive(m),
    );
    core.resolve();
    return this.makeItem(core);
  }

  /** Loads collection scalars, and builds the items once with every item path loaded. */
  override [LOAD_INTO](paths: readonly string[], response: Response): void {
    const model = this[CORE].resolve();
    if (model === null) return;
    const itemPaths: string[] = [];
    for (const path of paths) {
      const [head = '', rest] = splitPath(path);
      if (this.scalars[head] && rest === undefined) this.loadScalar(model, head, response);
      else itemPaths.push(head === 'items' ? (rest ?? '*') : path);
    }
    if (itemPaths.length === 0) return;
    const items = this.itemModels(model).map((item) => this.boundItem(item));
    for (const item of items) item[LOAD_INTO](itemPaths, response);
    response.add(2, () => this[CORE].loaded.set('items', items));
  }

  override [CHECK_PATH](path: string): void {
    const [head = '', rest] = splitPath(path);
    if (this.scalars[head] && rest === undefined) return;
    const itemPath = head === 'items' ? (rest ?? '*') : path;
    const probe = this.makeItem(
      new Core<I>(this[CORE].queue, this.itemTypeName, () =>
        officeError(ErrorCode.invalidOperation, this.itemTypeName),
      ),
    );
    probe[CHECK_PATH](itemPath);
  }
}
