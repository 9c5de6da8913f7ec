/**
 * What the pane shows of a run beyond its headline and steps: the result sheet's charts
 * (from the very blocks the sheet is laid out from, so the pane's chart matches the
 * sheet's), a funding envelope's years, plan checks that passed on a £0 minimum, and
 * what a gain/loss gate did.
 */
import { Dec, moneyText, percentText } from '../../engine/decimal';
import type { CellValue } from '../../ports/workbook';
import type { ResultBlock } from '../../workbook/results/layout';
import { MONEY, MONEY_AXIS, PERCENT } from '../../workbook/results/layout';
import type { ChartFigure, EnvelopeYear, PaneChart } from '../operations';
import { isRecord, money } from './curve';

const KINDS = {
  barClustered: 'bar',
  columnClustered: 'column',
  columnStacked: 'stacked',
  line: 'line',
} as const;

function figureOf(format: string | undefined): ChartFigure {
  if (format === MONEY || format === MONEY_AXIS) return 'money';
  if (format === PERCENT) return 'fraction';
  return 'number';
}

/**
 * A cell's figure as a decimal string. The sheet's cells hold numbers made from the
 * engine's decimals (results/cells.ts); every such figure (pence, up to 15 significant
 * digits) reads back exactly, and the pane only shows or plots it.
 */
function cellFigure(value: CellValue | undefined): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Dec(value).toString();
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      return new Dec(value).toString();
    } catch {
      return null;
    }
  }
  return null;
}

const cellText = (value: CellValue | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** The charts of a result sheet's blocks, in sheet order. */
export function chartsOf(blocks: readonly ResultBlock[] | undefined): PaneChart[] {
  return (blocks ?? []).flatMap((block): PaneChart[] => {
    if (block.kind !== 'table' || block.chart === undefined) return [];
    const { chart, columns, rows } = block;
    const categoryFigure = figureOf(columns[0]?.format);
    const numericCategories = chart.kind === 'line' && categoryFigure !== 'number';
    return [
      {
        kind: KINDS[chart.kind],
        title: chart.title,
        ...(chart.categoryAxisTitle === undefined
          ? {}
          : { categoryTitle: chart.categoryAxisTitle }),
        ...(chart.valueAxisTitle === undefined ? {} : { valueTitle: chart.valueAxisTitle }),
        ...(numericCategories ? { categoryFigure } : {}),
        categories: rows.map((r) =>
          numericCategories ? (cellFigure(r[0]) ?? '0') : cellText(r[0]),
        ),
        figure: figureOf(columns[chart.series[0] ?? 1]?.format ?? chart.valueAxisFormat),
        series: chart.series.map((i) => ({
          name: columns[i]?.header ?? '',
          values: rows.map((r) => cellFigure(r[i])),
        })),
      },
    ];
  });
}

/** A funding envelope's years, when the result is one. */
export function envelopeYearsOf(result: unknown): EnvelopeYear[] | undefined {
  if (!isRecord(result) || !Array.isArray(result.years) || !Dec.isDecimal(result.baseline)) {
    return undefined;
  }
  const years: EnvelopeYear[] = [];
  for (const y of result.years as unknown[]) {
    if (!isRecord(y) || typeof y.year !== 'number' || !Dec.isDecimal(y.envelope)) return undefined;
    years.push({
      year: y.year,
      envelope: money(y.envelope),
      ...(Dec.isDecimal(y.planned) ? { planned: money(y.planned) } : {}),
      ...(Dec.isDecimal(y.gap) ? { headroom: money(y.gap) } : {}),
    });
  }
  return years;
}

const MINIMUM_CHECKS = new Set(['social-care-minimum', 'nhs-out-of-hospital']);

/** The plan checks on a minimum that passed with the minimum £0: they would pass whatever the plan. */
export function zeroMinimaOf(result: unknown): string[] | undefined {
  if (!isRecord(result) || !Array.isArray(result.checks)) return undefined;
  const titles = (result.checks as unknown[]).flatMap((c): string[] =>
    isRecord(c) &&
    typeof c.id === 'string' &&
    MINIMUM_CHECKS.has(c.id) &&
    c.passed === true &&
    Dec.isDecimal(c.expected) &&
    c.expected.isZero() &&
    typeof c.title === 'string'
      ? [c.title]
      : [],
  );
  return titles.length === 0 ? undefined : titles;
}

/**
 * The variance's share of expected spend to two places of a percentage, rounded half up,
 * except where that would put it on the wrong side of the gate (3.2996% against a 3.3%
 * gate): then rounded towards the side it is on, so the sentence never contradicts itself.
 */
function gateRatio(fraction: Dec, gate: Dec, met: boolean): Dec {
  const rounded = fraction.toDecimalPlaces(4, Dec.ROUND_HALF_UP);
  if (!met && rounded.gte(gate)) return fraction.toDecimalPlaces(6, Dec.ROUND_DOWN);
  if (met && rounded.lt(gate)) return fraction.toDecimalPlaces(6, Dec.ROUND_UP);
  return rounded;
}

/**
 * What a gain/loss share's gate did, from the result and the gate asked for:
 * "Saving 2.9% is below the 3.3% gate: no sharing; all £250,000.00 goes to CCG." Undefined
 * without a gate, or when the gate did not apply to this direction.
 */
export function gateSentence(
  result: unknown,
  gate: { readonly fraction: string; readonly holder?: string } | undefined,
): string | undefined {
  if (gate === undefined || !isRecord(result) || typeof result.gateMet !== 'boolean') {
    return undefined;
  }
  const fraction = Dec.isDecimal(result.varianceFraction) ? result.varianceFraction : undefined;
  if (fraction === undefined) return undefined;
  const what = result.direction === 'loss' ? 'Overspend' : 'Saving';
  const threshold = percentText(new Dec(gate.fraction));
  const ratio = percentText(gateRatio(fraction, new Dec(gate.fraction), result.gateMet));
  if (result.gateMet) {
    return `${what} ${ratio} reaches the ${threshold} gate: shared from the first pound.`;
  }
  const variance = Dec.isDecimal(result.variance) ? result.variance.abs() : undefined;
  const whole =
    variance === undefined || gate.holder === undefined || gate.holder === ''
      ? ''
      : `; all ${moneyText(variance)} ${result.direction === 'loss' ? 'is borne by' : 'goes to'} ${gate.holder}`;
  return `${what} ${ratio} is below the ${threshold} gate: no sharing${whole}.`;
}
