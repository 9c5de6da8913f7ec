/**
 * Installs an in-memory Excel as the globals office.js would provide, for the browser
 * bundle: `Excel.run` (with or without options), `Excel.ErrorCodes`, and a minimal
 * `Office` with `onReady`, `HostType`, `context.requirements.isSetSupported` and
 * `context.document.settings` (the same store as `workbook.settings`).
 */
import { ErrorCode } from './errors';
import type { MemoryExcel } from './index';

interface MemoryOffice {
  readonly HostType: { readonly Excel: 'Excel' };
  readonly PlatformType: { readonly OfficeOnline: 'OfficeOnline' };
  onReady(
    callback?: (info: { host: 'Excel'; platform: 'OfficeOnline' }) => void,
  ): Promise<{ host: 'Excel'; platform: 'OfficeOnline' }>;
  readonly context: {
    readonly requirements: { isSetSupported(name: string, version?: string): boolean };
    readonly document: {
      readonly settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(callback?: (result: { status: 'succeeded' }) => void): void;
      };
    };
  };
}

function officeFor(excel: MemoryExcel): MemoryOffice {
  const info = { host: 'Excel', platform: 'OfficeOnline' } as const;
  const settings = excel.model.settings;
  return {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    onReady(callback) {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      requirements: { isSetSupported: (name, version) => excel.isSetSupported(name, version) },
      document: {
        settings: {
          get: (name) => settings.get(name) ?? null,
          set: (name, value) => {
            settings.set(name, value);
          },
          remove: (name) => {
            settings.delete(name);
          },
          saveAsync: (callback) => callback?.({ status: 'succeeded' }),
        },
      },
    },
  };
}

/**
 * Sets `Excel` and `Office` on a global object (globalThis by default) and returns a
 * function that puts back whatever was there before.
 */
export function installMemoryExcel(excel: MemoryExcel, target: object = globalThis): () => void {
  const slots = target as { Excel?: unknown; Office?: unknown };
  const previous = { Excel: slots.Excel, Office: slots.Office };
  // Excel.run(batch) and Excel.run(options, batch), as office.js takes them.
  const run = (first: unknown, batch?: unknown): Promise<unknown> =>
    typeof first === 'function'
      ? excel.run(first as Parameters<MemoryExcel['run']>[0])
      : excel.runWith(
          first as Parameters<MemoryExcel['runWith']>[0],
          batch as Parameters<MemoryExcel['runWith']>[1],
        );
  slots.Excel = { run, ErrorCodes: { ...ErrorCode } };
  slots.Office = officeFor(excel);
  return () => {
    slots.Excel = previous.Excel;
    slots.Office = previous.Office;
  };
}
