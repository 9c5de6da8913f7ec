/**
 * The fake office.js the browser tests serve in place of Microsoft's CDN script: the
 * in-memory Excel (the same code the jest tests use) installed as the `Office`, `Excel`
 * and `CustomFunctions` globals, with Office.onReady reporting Excel.
 *
 * Set up by the test before the page loads (`page.addInitScript`), on
 * `window.bcfFakeConfig`: a seed workbook, the Office theme's body colour, and a delay
 * per sync so that a run takes long enough to be watched and cancelled.
 */
import {
  createMemoryExcel,
  installMemoryExcel,
  type MemoryWorkbookSeed,
} from '../../support/memory-excel';
import { inspect, type FakeWorkbookHandle } from './inspect';

export interface FakeOfficeConfig {
  readonly seed?: MemoryWorkbookSeed;
  /** Office.context.officeTheme.bodyBackgroundColor, e.g. "#262626" for Dark Grey. */
  readonly bodyBackgroundColor?: string;
  /** Milliseconds each context.sync() waits before it runs. */
  readonly syncDelayMs?: number;
}

interface FakeWindow {
  bcfFakeConfig?: FakeOfficeConfig;
  bcfFake?: FakeWorkbookHandle & { readonly associated: string[] };
  Excel?: { run: unknown };
  Office?: { context: Record<string, unknown> };
  CustomFunctions?: unknown;
}

const target = window as unknown as FakeWindow;
const config = target.bcfFakeConfig ?? {};
const excel = createMemoryExcel(config.seed);
installMemoryExcel(excel, window);

const delay = config.syncDelayMs ?? 0;
if (delay > 0 && target.Excel !== undefined) {
  type Batch = (context: Excel.RequestContext) => Promise<unknown>;
  // Excel.run(batch) and Excel.run(options, batch), as office.js takes them (the pane
  // passes { delayForCellEdit: true }).
  target.Excel.run = (first: Batch | { delayForCellEdit?: boolean }, second?: Batch) => {
    const batch = typeof first === 'function' ? first : second;
    const options = typeof first === 'function' ? {} : first;
    if (batch === undefined) throw new Error('Excel.run needs a batch function');
    return excel.runWith(options, (context) => {
      const sync = context.sync.bind(context);
      context.sync = <T>(passThroughValue?: T): Promise<T> =>
        new Promise((resolve) => setTimeout(resolve, delay)).then(() => sync(passThroughValue));
      return batch(context);
    });
  };
}

if (target.Office !== undefined) {
  target.Office.context.officeTheme = {
    bodyBackgroundColor: config.bodyBackgroundColor ?? '#FFFFFF',
  };
}

/** The custom functions runtime of the shared runtime: records what registers. */
const associated: string[] = [];
class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
target.CustomFunctions = {
  associate: (id: string) => {
    associated.push(id);
  },
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
};

target.bcfFake = { ...inspect(excel), associated };
