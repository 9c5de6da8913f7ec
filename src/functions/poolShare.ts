import { pooledFund, type ContributionInput } from '../engine/pooledFund/pooledFund';
import {
  ArgumentError,
  NotApplicable,
  amountIn,
  isBlank,
  rows,
  text,
  type ExcelArgument,
} from './coerce';
import { excelCall, type FieldLabels } from './excelErrors';

/** The contributions with, for each, the row of the range it came from (1-based). */
interface Contributions {
  readonly lines: readonly ContributionInput[];
  readonly rangeRows: readonly number[];
  readonly columns: number;
}

/** Contribution lines from a range: partner first, amount last, an optional scheme between. */
function contributionsIn(value: ExcelArgument): Contributions {
  const lines: ContributionInput[] = [];
  const rangeRows: number[] = [];
  const table = rows('contributions', value);
  const columns = table[0]?.length ?? 0;
  if (columns < 2) {
    throw new ArgumentError(
      'contributions needs two columns (partner, amount) or three (partner, scheme, amount).',
      'contributions',
      value,
    );
  }
  table.forEach((row, r) => {
    if (row.every((cell) => isBlank(cell.value))) return;
    const [partner, ...rest] = row;
    const amount = rest[rest.length - 1];
    const scheme = columns > 2 ? row[1] : undefined;
    if (partner === undefined || amount === undefined) return;
    lines.push({
      partner: partner.value as string,
      scheme: scheme === undefined || isBlank(scheme.value) ? 'Pool' : (scheme.value as string),
      amount: amountIn(amount),
    });
    rangeRows.push(r + 1);
  });
  return { lines, rangeRows, columns };
}

/** Names engine fields like `contributions[2].amount` by their cell in the range. */
function contributionLabels({ rangeRows, columns }: Contributions): FieldLabels {
  const column = { partner: 1, scheme: 2, amount: columns } as const;
  return (field) => {
    const match = /^contributions\[(\d+)\]\.(partner|scheme|amount)$/.exec(field);
    if (match === null) return undefined;
    const row = rangeRows[Number(match[1])];
    const key = match[2] as keyof typeof column;
    return `contributions (row ${row}, column ${column[key]} of its range)`;
  };
}

/**
 * A partner's share of a pooled fund: its contributions over the whole pool, from 0 to 1 (exact, not rounded).
 * @customfunction POOLSHARE
 * @param contributions Contributions table: partner and amount columns, or partner, scheme and amount. Blank rows are skipped.
 * @param partner The partner whose share you want, as named in the table.
 * @returns The partner's share of the pool (format the cell as a percentage).
 * @example =BCF.POOLSHARE(A2:B3, "CCG") with CCG 28,348 and Council 40,888 gives 0.4094 (40.94%), Bath & North East Somerset OBC 2015.
 */
export function POOLSHARE(contributions: unknown[][], partner: unknown): number {
  const table = excelCall(() => contributionsIn(contributions));
  return excelCall(() => {
    const wanted = text('partner', partner);
    const result = pooledFund({ contributions: table.lines });
    const found = result.partners.find((p) => p.partner.toLowerCase() === wanted.toLowerCase());
    if (found === undefined) {
      throw new NotApplicable(
        `partner "${wanted}" has no contributions in the table (partners: ${result.partners.map((p) => p.partner).join(', ')}).`,
      );
    }
    return found.contributionShare.toNumber();
  }, contributionLabels(table));
}
