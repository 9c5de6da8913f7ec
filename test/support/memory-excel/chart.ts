/**
 * `Excel.Chart` and the parts of it the add-in sets, in memory: type, title, position,
 * and the value and category axes' number format and titles. Charts are not drawn.
 */
import { parseAddress, rectAddress } from './address';
import {
  childCore,
  coreOf,
  MemoryClientObject,
  type LoadSpec,
  type ScalarGetters,
  type Loadable,
} from './clientObject';
import type { Core } from './core';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { RangeModel } from './grid';
import type { SheetModel } from './model';
import { aliveChart, MemoryChartAxes, MemoryChartTitle, type ChartRef } from './chartParts';

export { aliveChart, type ChartRef } from './chartParts';

/** A chart. */
export class MemoryChart extends MemoryClientObject<ChartRef> {
  protected readonly scalars: ScalarGetters<ChartRef> = {
    name: (c) => c.chart.name,
    id: (c) => `{chart-${c.chart.id}}`,
    chartType: (c) => c.chart.type,
  };
  protected override navigation(name: string): Loadable | undefined {
    if (name === 'title') return this.title as unknown as Loadable;
    if (name === 'axes') return this.axes as unknown as Loadable;
    return undefined;
  }
  get name(): string {
    return this.get('name');
  }
  set name(name: string) {
    this.setProperty('name', name, (ref, value) => {
      ref.chart.name = value;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get chartType(): Excel.Chart['chartType'] {
    return this.get('chartType');
  }
  set chartType(type: Excel.Chart['chartType']) {
    this.setProperty('chartType', type, (ref, value) => {
      ref.chart.type = String(value);
    });
  }
  get title(): Excel.ChartTitle {
    const title = this.child(
      'title',
      (parent) => new MemoryChartTitle(childCore(parent, 'ChartTitle', (c) => c, aliveChart)),
    );
    return title as unknown as Excel.ChartTitle;
  }
  get axes(): Excel.ChartAxes {
    const axes = this.child(
      'axes',
      (parent) => new MemoryChartAxes(childCore(parent, 'ChartAxes', (c) => c, aliveChart)),
    );
    return axes as unknown as Excel.ChartAxes;
  }

  /** Places the chart over the cells from startCell to endCell. */
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this.invoke('setPosition', [startCell, endCell], (ref) => {
      const from = cellText(ref.sheet, startCell);
      ref.chart.position =
        endCell === undefined ? { from } : { from, to: cellText(ref.sheet, endCell) };
    });
  }

  /** Deletes the chart. */
  delete(): void {
    this.invoke('delete', [], (ref) => {
      ref.chart.deleted = true;
      ref.sheet.charts = ref.sheet.charts.filter((c) => c !== ref.chart);
    });
  }

  load(spec?: LoadSpec): Excel.Chart {
    this.queueLoad(spec);
    return this as unknown as Excel.Chart;
  }
}

function cellText(sheet: SheetModel, cell: Excel.Range | string): string {
  if (typeof cell !== 'string')
    return rectAddress(coreOf<RangeModel>(cell).require('Chart.setPosition').rect);
  const parsed = parseAddress(cell);
  if (!parsed || (parsed.sheet !== undefined && parsed.sheet !== sheet.name)) {
    return officeError(ErrorCode.invalidArgument, 'Chart.setPosition', cell);
  }
  return rectAddress(parsed.rect);
}

/** A chart proxy over a chart binding. */
export function chartProxy(core: Core<ChartRef>): MemoryChart {
  return new MemoryChart(core);
}

/** Drift guards. */
export type ChartIsFaithful = FaithfulTo<Excel.Chart, MemoryChart>;
