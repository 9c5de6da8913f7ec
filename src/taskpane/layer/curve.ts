/** A gain/loss share's outturn curve for the pane: its engine figures as decimal strings. */
import { Dec } from '../../engine/decimal';
import type { OutturnCurve } from '../operations';

export interface PartyAmount {
  readonly party: string;
  readonly amount: Dec;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function partyAmounts(value: unknown): PartyAmount[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ok = value.every(
    (p: unknown) => isRecord(p) && typeof p.party === 'string' && Dec.isDecimal(p.amount),
  );
  return ok ? (value as PartyAmount[]) : undefined;
}

/** A money figure as the pane's interface carries it: pounds to the penny. */
export const money = (value: Dec): string => value.toFixed(2);

/** The outturn curve of a gain/loss share's result, when it has one. */
export function curveOf(result: unknown): OutturnCurve | undefined {
  if (!isRecord(result) || !Array.isArray(result.curve)) return undefined;
  const parties = partyAmounts(result.parties)?.map((p) => p.party);
  if (parties === undefined || parties.length === 0) return undefined;
  const points: OutturnCurve['points'][number][] = [];
  for (const point of result.curve as unknown[]) {
    if (!isRecord(point) || !Dec.isDecimal(point.actual) || !Dec.isDecimal(point.variance)) {
      return undefined;
    }
    const amounts = partyAmounts(point.parties);
    if (amounts === undefined) return undefined;
    points.push({
      actual: money(point.actual),
      variance: money(point.variance),
      amounts: parties.map((party) => {
        const found = amounts.find((a) => a.party === party);
        return found === undefined ? '0.00' : money(found.amount);
      }),
    });
  }
  return { parties, points };
}
