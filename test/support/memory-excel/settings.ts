/**
 * `Excel.SettingCollection` and `Excel.Setting` in memory: the add-in's key/value store
 * saved in the workbook. Values are kept as JSON, so what comes back is a copy.
 */
import { spawn, type LoadSpec, type ScalarGetters } from './clientObject';
import { MemoryClientObject } from './clientObject';
import { MemoryCollection } from './collection';
import { CORE, type Core } from './core';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { WorkbookModel } from './model';

/** A setting's key in its workbook. */
export interface SettingRef {
  readonly workbook: WorkbookModel;
  readonly key: string;
}

function alive(ref: SettingRef): boolean {
  return ref.workbook.settings.has(ref.key);
}

function stored(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** One setting. */
export class MemorySetting extends MemoryClientObject<SettingRef> {
  protected readonly scalars: ScalarGetters<SettingRef> = {
    key: (s) => s.key,
    value: (s) => stored(s.workbook.settings.get(s.key)),
  };
  get key(): string {
    return this.get('key');
  }
  get value(): unknown {
    return this.get('value');
  }
  set value(value: unknown) {
    this.setProperty('value', value, (ref, v) => {
      ref.workbook.settings.set(ref.key, stored(v));
    });
  }
  /** Removes the setting. */
  delete(): void {
    this.invoke('delete', [], (ref) => {
      ref.workbook.settings.delete(ref.key);
    });
  }
  load(spec?: LoadSpec): Excel.Setting {
    this.queueLoad(spec);
    return this as unknown as Excel.Setting;
  }
}

/** The workbook's settings. */
export class MemorySettingCollection extends MemoryCollection<
  WorkbookModel,
  SettingRef,
  MemorySetting
> {
  protected readonly scalars: ScalarGetters<WorkbookModel> = {};
  protected readonly itemTypeName = 'Setting';

  protected itemModels(workbook: WorkbookModel): readonly SettingRef[] {
    return [...workbook.settings.keys()].map((key) => ({ workbook, key }));
  }
  protected makeItem(core: Core<SettingRef>): MemorySetting {
    return new MemorySetting(core);
  }
  protected itemAlive(item: SettingRef): boolean {
    return alive(item);
  }

  get items(): Excel.Setting[] {
    return this.loadedItems() as unknown as Excel.Setting[];
  }

  /** Sets a setting, adding it or replacing its value. */
  add(key: string, value: string | number | boolean | Date | unknown[] | object): Excel.Setting {
    const location = 'SettingCollection.add';
    const owner = this[CORE];
    const setting = spawn(
      owner.queue,
      'Setting',
      location,
      () => {
        const workbook = owner.require(location);
        if (key === '') officeError(ErrorCode.invalidArgument, location, 'A setting needs a key.');
        workbook.settings.set(key, stored(value));
        return { workbook, key };
      },
      (core) => new MemorySetting(core),
      alive,
    );
    return setting as unknown as Excel.Setting;
  }

  getItem(key: string): Excel.Setting {
    return this.lookup('getItem', key, false);
  }

  getItemOrNullObject(key: string): Excel.Setting {
    return this.lookup('getItemOrNullObject', key, true);
  }

  load(spec?: LoadSpec): Excel.SettingCollection {
    this.queueLoad(spec);
    return this as unknown as Excel.SettingCollection;
  }

  private lookup(method: string, key: string, orNull: boolean): Excel.Setting {
    const location = `SettingCollection.${method}`;
    const owner = this[CORE];
    const setting = spawn(
      owner.queue,
      'Setting',
      location,
      () => {
        const workbook = owner.resolve();
        if (workbook?.settings.has(key)) return { workbook, key };
        return orNull ? null : officeError(ErrorCode.itemNotFound, location, key);
      },
      (core) => new MemorySetting(core),
      alive,
    );
    return setting as unknown as Excel.Setting;
  }
}

/** Drift guards. */
export type SettingIsFaithful = FaithfulTo<Excel.Setting, MemorySetting>;
export type SettingCollectionIsFaithful = FaithfulTo<
  Excel.SettingCollection,
  MemorySettingCollection
>;
