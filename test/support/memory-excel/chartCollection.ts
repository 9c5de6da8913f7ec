/**
 * `Excel.ChartCollection` in memory: the charts of one sheet; `add` makes a chart over a
 * source range of that sheet.
 */
import { coreOf, spawn, type LoadSpec, type ScalarGetters } from './clientObject';
import { MemoryCollection } from './collection';
import { CORE, type Core } from './core';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { RangeModel } from './grid';
import { sameName, type ChartModel, type SheetModel } from './model';
import { aliveChart, chartProxy, type ChartRef, type MemoryChart } from './chart';

/** The charts of a sheet. */
export class MemoryChartCollection extends MemoryCollection<SheetModel, ChartRef, MemoryChart> {
  protected readonly scalars: ScalarGetters<SheetModel> = { count: (s) => s.charts.length };
  protected readonly itemTypeName = 'Chart';

  protected itemModels(sheet: SheetModel): readonly ChartRef[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }
  protected makeItem(core: Core<ChartRef>): MemoryChart {
    return chartProxy(core);
  }
  protected itemAlive(item: ChartRef): boolean {
    return aliveChart(item);
  }

  get items(): Excel.Chart[] {
    return this.loadedItems() as unknown as Excel.Chart[];
  }
  get count(): number {
    return this.get('count');
  }

  /** Adds a chart of a type over a source range on this sheet. */
  add(
    type: Excel.ChartType | string,
    sourceData: Excel.Range,
    seriesBy?: Excel.ChartSeriesBy | string,
  ): Excel.Chart {
    const location = 'ChartCollection.add';
    const owner = this[CORE];
    const chart = spawn(
      owner.queue,
      'Chart',
      location,
      () => {
        const sheet = owner.require(location);
        const source = coreOf<RangeModel>(sourceData).require(location);
        if (source.sheet !== sheet)
          officeError(ErrorCode.invalidArgument, location, 'The source is on another sheet.');
        const model: ChartModel = {
          id: owner.queue.model.nextId++,
          name: `Chart ${sheet.charts.length + 1}`,
          type: String(type),
          source: source.rect,
          seriesBy: String(seriesBy ?? 'Auto'),
          title: '',
          valueAxis: { numberFormat: 'General', title: '' },
          categoryAxis: { title: '' },
          deleted: false,
        };
        sheet.charts.push(model);
        return { sheet, chart: model };
      },
      chartProxy,
      aliveChart,
    );
    return chart as unknown as Excel.Chart;
  }

  getItem(name: string): Excel.Chart {
    return this.lookup('getItem', name, false);
  }

  getItemOrNullObject(name: string): Excel.Chart {
    return this.lookup('getItemOrNullObject', name, true);
  }

  load(spec?: LoadSpec): Excel.ChartCollection {
    this.queueLoad(spec);
    return this as unknown as Excel.ChartCollection;
  }

  private lookup(method: string, name: string, orNull: boolean): Excel.Chart {
    const location = `ChartCollection.${method}`;
    const owner = this[CORE];
    const chart = spawn(
      owner.queue,
      'Chart',
      location,
      () => {
        const sheet = owner.resolve();
        const found = sheet?.charts.find((c) => sameName(c.name, name));
        if (sheet && found) return { sheet, chart: found };
        return orNull ? null : officeError(ErrorCode.itemNotFound, location, name);
      },
      chartProxy,
      aliveChart,
    );
    return chart as unknown as Excel.Chart;
  }
}

/** Drift guard. */
export type ChartCollectionIsFaithful = FaithfulTo<Excel.ChartCollection, MemoryChartCollection>;
