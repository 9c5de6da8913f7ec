/**
 * The parts of a chart the add-in sets, in memory: its title, its axes, and their number
 * format and titles.
 */
import {
  childCore,
  MemoryClientObject,
  type LoadSpec,
  type Loadable,
  type ScalarGetters,
} from './clientObject';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { ChartModel, SheetModel } from './model';

/** A chart and the sheet it sits on. */
export interface ChartRef {
  readonly sheet: SheetModel;
  readonly chart: ChartModel;
}

/** Whether a chart still exists. */
export function aliveChart(ref: ChartRef): boolean {
  return !ref.chart.deleted && !ref.sheet.deleted;
}

/** A chart's title. */
export class MemoryChartTitle extends MemoryClientObject<ChartRef> {
  protected readonly scalars: ScalarGetters<ChartRef> = { text: (c) => c.chart.title };
  get text(): string {
    return this.get('text');
  }
  set text(text: string) {
    this.setProperty('text', text, (ref, value) => {
      ref.chart.title = value;
    });
  }
  load(spec?: LoadSpec): Excel.ChartTitle {
    this.queueLoad(spec);
    return this as unknown as Excel.ChartTitle;
  }
}

type AxisKey = 'valueAxis' | 'categoryAxis';
interface AxisRef {
  readonly ref: ChartRef;
  readonly axis: AxisKey;
}

/** An axis title. */
export class MemoryChartAxisTitle extends MemoryClientObject<AxisRef> {
  protected readonly scalars: ScalarGetters<AxisRef> = { text: (a) => a.ref.chart[a.axis].title };
  get text(): string {
    return this.get('text');
  }
  set text(text: string) {
    this.setProperty('text', text, (a, value) => {
      a.ref.chart[a.axis].title = value;
    });
  }
  load(spec?: LoadSpec): Excel.ChartAxisTitle {
    this.queueLoad(spec);
    return this as unknown as Excel.ChartAxisTitle;
  }
}

/** One axis. The category axis's number format is kept but not used by the add-in. */
export class MemoryChartAxis extends MemoryClientObject<AxisRef> {
  protected readonly scalars: ScalarGetters<AxisRef> = {
    numberFormat: (a) => (a.axis === 'valueAxis' ? a.ref.chart.valueAxis.numberFormat : 'General'),
  };
  protected override navigation(name: string): Loadable | undefined {
    return name === 'title' ? (this.title as unknown as Loadable) : undefined;
  }
  get numberFormat(): string {
    return this.get('numberFormat');
  }
  set numberFormat(format: string) {
    this.setProperty('numberFormat', format, (a, value) => {
      if (a.axis !== 'valueAxis') officeError(ErrorCode.invalidOperation, 'ChartAxis.numberFormat');
      a.ref.chart.valueAxis.numberFormat = value;
    });
  }
  get title(): Excel.ChartAxisTitle {
    const title = this.child(
      'title',
      (parent) => new MemoryChartAxisTitle(childCore(parent, 'ChartAxisTitle', (a) => a)),
    );
    return title as unknown as Excel.ChartAxisTitle;
  }
  load(spec?: LoadSpec): Excel.ChartAxis {
    this.queueLoad(spec);
    return this as unknown as Excel.ChartAxis;
  }
}

/** A chart's axes. */
export class MemoryChartAxes extends MemoryClientObject<ChartRef> {
  protected readonly scalars: ScalarGetters<ChartRef> = {};
  protected override navigation(name: string): Loadable | undefined {
    if (name === 'valueAxis') return this.valueAxis as unknown as Loadable;
    if (name === 'categoryAxis') return this.categoryAxis as unknown as Loadable;
    return undefined;
  }
  get valueAxis(): Excel.ChartAxis {
    return this.axis('valueAxis');
  }
  get categoryAxis(): Excel.ChartAxis {
    return this.axis('categoryAxis');
  }
  load(spec?: LoadSpec): Excel.ChartAxes {
    this.queueLoad(spec);
    return this as unknown as Excel.ChartAxes;
  }
  private axis(axis: AxisKey): Excel.ChartAxis {
    const made = this.child(
      axis,
      (parent) => new MemoryChartAxis(childCore(parent, 'ChartAxis', (ref) => ({ ref, axis }))),
    );
    return made as unknown as Excel.ChartAxis;
  }
}

/** Drift guards. */
export type ChartTitleIsFaithful = FaithfulTo<Excel.ChartTitle, MemoryChartTitle>;
export type ChartAxesIsFaithful = FaithfulTo<Excel.ChartAxes, MemoryChartAxes>;
export type ChartAxisIsFaithful = FaithfulTo<Excel.ChartAxis, MemoryChartAxis>;
export type ChartAxisTitleIsFaithful = FaithfulTo<Excel.ChartAxisTitle, MemoryChartAxisTitle>;
