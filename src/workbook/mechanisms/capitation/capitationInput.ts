import type {
  CapitationInput,
  CapitationSegmentInput,
} from '../../../engine/capitation/capitation';
import { decOf, textOf } from '../../inputTable';
import type { Built } from '../../mechanism';
import { decParam, intParam, textParam, type TypedParams } from '../../params';
import type { InputTables } from '../../readInputs';
import { OriginRecorder } from '../rowsToInput';

const SEGMENT_FIELDS = {
  name: 'segment',
  population: 'population',
  annualRate: 'annualRate',
  weight: 'weight',
  uplift: 'uplift',
  efficiency: 'efficiency',
  populationGrowth: 'populationGrowth',
};

/**
 * Builds a capitation budget from the Population table (one segment a row; blank
 * per-segment changes take the parameters') and the parameters; with a tolerance band,
 * the Actual population column gives the actuals of plan year `actualYear` (default 1).
 */
export function buildCapitation(tables: InputTables, values: TypedParams): Built<CapitationInput> {
  const origins = new OriginRecorder();
  const table = tables.population;
  const rows = table?.rows ?? [];
  const segments = rows.map((row, i): CapitationSegmentInput => {
    if (table !== undefined) origins.addRow(`segments[${i}]`, table, row, SEGMENT_FIELDS);
    const optional = (id: string) => {
      const value = decOf(row, id);
      return value === undefined ? {} : { [id]: value };
    };
    return {
      name: textOf(row, 'segment') ?? '',
      population: decOf(row, 'population') ?? 0,
      annualRate: decOf(row, 'annualRate') ?? 0,
      ...optional('weight'),
      ...optional('uplift'),
      ...optional('efficiency'),
      ...optional('populationGrowth'),
    };
  });
  const band = decParam(values, 'toleranceBand');
  const yearIndex = (intParam(values, 'actualYear') ?? 1) - 1;
  const actualRows = rows.filter((r) => decOf(r, 'actualPopulation') !== undefined);
  const actuals = actualRows.map((row, i) => {
    if (table !== undefined)
      origins.add(`tolerance.actuals[${i}].population`, table, row, 'actualPopulation');
    return {
      segment: textOf(row, 'segment') ?? '',
      yearIndex,
      population: decOf(row, 'actualPopulation') ?? 0,
    };
  });
  const input: CapitationInput = {
    segments,
    years: intParam(values, 'years') ?? 1,
    uplift: decParam(values, 'uplift') ?? 0,
    efficiency: decParam(values, 'efficiency') ?? 0,
    populationGrowth: decParam(values, 'populationGrowth') ?? 0,
    ...(band === undefined
      ? {}
      : {
          tolerance: {
            band,
            basis: textParam(values, 'toleranceBasis') === 'full' ? 'full' : 'excess',
            actuals,
          },
        }),
  };
  return { input, origins: origins.map, findings: [] };
}
