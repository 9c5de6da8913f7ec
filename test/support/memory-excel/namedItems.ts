/**
 * `Excel.NamedItemCollection` and `Excel.NamedItem` in memory: defined names scoped to the
 * workbook or to one sheet, referring to a range or holding a constant such as '="x"'.
 */
import { absoluteAddress, quoteSheetName } from './address';
import {
  coreOf,
  MemoryClientObject,
  spawn,
  type LoadSpec,
  type ScalarGetters,
} from './clientObject';
import { MemoryCollection } from './collection';
import { CORE, type Core } from './core';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { RangeModel } from './grid';
import { sameName, type NameModel } from './model';
import { constantOf, looksLikeCell, typeOf, validName } from './nameFormulas';

/** Whatever holds names: the workbook or a sheet. */
export interface NameOwner {
  names: NameModel[];
  deleted?: boolean;
}

/** A name and where it is kept. */
export interface NamedItemModel {
  readonly owner: NameOwner;
  readonly name: NameModel;
}

/** The request in which each name was added (for office-js issue 3878's behaviour). */
const addedIn = new WeakMap<NameModel, number>();

function alive(item: NamedItemModel): boolean {
  return !item.owner.deleted && item.owner.names.includes(item.name);
}

/** A defined name. */
export class MemoryNamedItem extends MemoryClientObject<NamedItemModel> {
  protected readonly scalars: ScalarGetters<NamedItemModel> = {
    name: (m) => m.name.name,
    formula: (m) => m.name.formula,
    value: (m) => constantOf(m.name.formula),
    type: (m) => typeOf(m.name.formula),
    visible: (m) => m.name.visible,
    comment: (m) => m.name.comment,
    scope: (m) => ('cells' in m.owner ? 'Worksheet' : 'Workbook'),
  };

  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(formula: string) {
    this.setProperty('formula', formula, (m, value) => {
      m.name.formula = value.startsWith('=') ? value : `=${value}`;
    });
  }
  get value(): unknown {
    return this.get('value');
  }
  get type(): Excel.NamedItem['type'] {
    return this.get('type');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(visible: boolean) {
    this.setProperty('visible', visible, (m, value) => {
      const queue = this[CORE].queue;
      const addedNow = addedIn.get(m.name) === queue.requestNumber;
      if (!value && addedNow && queue.behaviour.hidingNewNameIgnored) return;
      m.name.visible = value;
    });
  }
  get comment(): string {
    return this.get('comment');
  }
  set comment(comment: string) {
    this.setProperty('comment', comment, (m, value) => {
      m.name.comment = value;
    });
  }
  get scope(): Excel.NamedItemScope | 'Worksheet' | 'Workbook' {
    return this.get('scope');
  }

  /** Deletes the name. */
  delete(): void {
    this.invoke('delete', [], (m) => {
      m.owner.names = m.owner.names.filter((n) => n !== m.name);
    });
  }

  load(spec?: LoadSpec): Excel.NamedItem {
    this.queueLoad(spec);
    return this as unknown as Excel.NamedItem;
  }
}

/** The names of the workbook or of one sheet. */
export class MemoryNamedItemCollection extends MemoryCollection<
  NameOwner,
  NamedItemModel,
  MemoryNamedItem
> {
  protected readonly scalars: ScalarGetters<NameOwner> = {};
  protected readonly itemTypeName = 'NamedItem';

  protected itemModels(owner: NameOwner): readonly NamedItemModel[] {
    return [...owner.names.map((name) => ({ owner, name })), ...this.workbookNamesSeenFrom(owner)];
  }

  /**
   * Excel on the web lists (and finds) the workbook's names in a sheet's collection as
   * well (office-js issue 1011), behind the sheet's own names.
   */
  private workbookNamesSeenFrom(owner: NameOwner): NamedItemModel[] {
    const workbook = this[CORE].queue.model;
    if (!('cells' in owner) || !this[CORE].queue.behaviour.sheetNamesIncludeWorkbookNames)
      return [];
    return workbook.names.map((name) => ({ owner: workbook, name }));
  }
  protected makeItem(core: Core<NamedItemModel>): MemoryNamedItem {
    return new MemoryNamedItem(core);
  }
  protected itemAlive(item: NamedItemModel): boolean {
    return alive(item);
  }

  get items(): Excel.NamedItem[] {
    return this.loadedItems() as unknown as Excel.NamedItem[];
  }

  /** Adds a name referring to a range or to a formula/constant such as '="x"'. */
  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    const location = 'NamedItemCollection.add';
    const owner = this[CORE];
    const item = spawn(
      owner.queue,
      'NamedItem',
      location,
      () => {
        const model = owner.require(location);
        if (!validName.test(name) || looksLikeCell.test(name) || name.length > 255) {
          officeError(ErrorCode.invalidArgument, location, `Bad name: ${name}`);
        }
        if (model.names.some((n) => sameName(n.name, name))) {
          officeError(ErrorCode.itemAlreadyExists, location, name);
        }
        const formula =
          typeof reference === 'string' ? asFormula(reference) : rangeFormula(reference);
        const created: NameModel = { name, formula, visible: true, comment: comment ?? '' };
        model.names.push(created);
        addedIn.set(created, owner.queue.requestNumber);
        return { owner: model, name: created };
      },
      (core) => new MemoryNamedItem(core),
      alive,
    );
    return item as unknown as Excel.NamedItem;
  }

  getItem(name: string): Excel.NamedItem {
    return this.lookup('getItem', name, false);
  }

  getItemOrNullObject(name: string): Excel.NamedItem {
    return this.lookup('getItemOrNullObject', name, true);
  }

  load(spec?: LoadSpec): Excel.NamedItemCollection {
    this.queueLoad(spec);
    return this as unknown as Excel.NamedItemCollection;
  }

  private lookup(method: string, name: string, orNull: boolean): Excel.NamedItem {
    const location = `NamedItemCollection.${method}`;
    const owner = this[CORE];
    const item = spawn(
      owner.queue,
      'NamedItem',
      location,
      () => {
        const model = owner.resolve();
        const found = model
          ? this.itemModels(model).find((item) => sameName(item.name.name, name))
          : undefined;
        if (found) return found;
        return orNull ? null : officeError(ErrorCode.itemNotFound, location, name);
      },
      (core) => new MemoryNamedItem(core),
      alive,
    );
    return item as unknown as Excel.NamedItem;
  }
}

function asFormula(reference: string): string {
  return reference.startsWith('=') ? reference : `=${reference}`;
}

function rangeFormula(range: Excel.Range): string {
  const model = coreOf<RangeModel>(range).require('NamedItemCollection.add');
  return `=${quoteSheetName(model.sheet.name)}!${absoluteAddress(model.rect)}`;
}

/** Drift guards. */
export type NamedItemIsFaithful = FaithfulTo<Excel.NamedItem, MemoryNamedItem>;
export type NamedItemCollectionIsFaithful = FaithfulTo<
  Excel.NamedItemCollection,
  MemoryNamedItemCollection
>;
