import { moneyText, sum, type Dec } from '../../../engine/decimal';
import type { GainLossBandInput } from '../../../engine/gainLossShare/gainLossShare';
import { FindingCode, type Finding } from '../../findings';
import { decOf, intOf, textOf, type InputRow, type InputTable } from '../../inputTable';
import { percent2 } from '../../results/cells';
import { OriginRecorder, rowFinding, sameName, unknownName } from '../rowsToInput';
import { sumsToOne } from '../weights';

/** Rows of one band of one direction, in table order. */
interface BandRows {
  readonly band: number;
  readonly rows: InputRow[];
}

function groupBands(rows: readonly InputRow[], direction: 'Gain' | 'Loss'): BandRows[] {
  const groups = new Map<number, InputRow[]>();
  for (const row of rows) {
    const dir = textOf(row, 'direction');
    const band = intOf(row, 'band');
    if (band === undefined || (dir !== direction && dir !== 'Both')) continue;
    groups.set(band, [...(groups.get(band) ?? []), row]);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([band, r]) => ({ band, rows: r }));
}

/** The band's one upper limit of a column, checking that its rows agree. */
function limit(
  table: InputTable,
  group: BandRows,
  columnId: string,
  findings: Finding[],
): { value?: Dec; row?: InputRow } {
  let found: { value: Dec; row: InputRow } | undefined;
  for (const row of group.rows) {
    const value = decOf(row, columnId);
    if (value === undefined) continue;
    if (found === undefined) found = { value, row };
    else if (!found.value.equals(value)) {
      const problem = `band ${group.band} already ends at ${columnId === 'upToFraction' ? percent2(found.value) : moneyText(found.value)} in row ${found.row.row}; give each band one upper limit.`;
      findings.push(...rowFinding(FindingCode.INCONSISTENT, table, row, columnId, problem));
    }
  }
  return found ?? {};
}

/**
 * One direction's bands from the RiskShareBands rows ("Both" rows count for gains and
 * losses): bands in number order, each with its upper limit and each party's share.
 * Checks that parties are known (`partyOf` says to what, in a finding) and each band's
 * shares make 100%.
 */
export function bandsOf(
  table: InputTable,
  rows: readonly InputRow[],
  direction: 'Gain' | 'Loss',
  parties: readonly string[],
  origins: OriginRecorder,
  findings: Finding[],
  partyOf = 'a party to this contract',
): GainLossBandInput[] {
  const field = direction === 'Gain' ? 'gainBands' : 'lossBands';
  return groupBands(rows, direction).map((group, b) => {
    const shares: Record<string, Dec> = {};
    for (const row of group.rows) {
      const party = textOf(row, 'party');
      const share = decOf(row, 'share');
      if (party === undefined || share === undefined) continue;
      const known = parties.find((p) => sameName(p, party));
      if (known === undefined) {
        findings.push(...unknownName(table, row, 'party', partyOf, parties));
        continue;
      }
      shares[known] = share;
      origins.add(`${field}[${b}].shares.${known}`, table, row, 'share');
    }
    const first = group.rows[0];
    const last = group.rows[group.rows.length - 1];
    if (first !== undefined) origins.add(`${field}[${b}]`, table, first, 'band');
    if (last !== undefined) origins.add(`${field}[${b}].shares`, table, last, 'share');
    const total = sum(Object.values(shares));
    if (last !== undefined && !sumsToOne(Object.values(shares))) {
      const problem = `${direction} band ${group.band} shares sum to ${percent2(total)}, not 100%.`;
      findings.push(...rowFinding(FindingCode.SHARES_NOT_100, table, last, 'share', problem));
    }
    const fraction = limit(table, group, 'upToFraction', findings);
    const amount = limit(table, group, 'upToAmount', findings);
    if (fraction.row !== undefined)
      origins.add(`${field}[${b}].upToFraction`, table, fraction.row, 'upToFraction');
    if (amount.row !== undefined)
      origins.add(`${field}[${b}].upToAmount`, table, amount.row, 'upToAmount');
    return {
      ...(fraction.value === undefined ? {} : { upToFraction: fraction.value }),
      ...(amount.value === undefined ? {} : { upToAmount: amount.value }),
      shares,
    };
  });
}
