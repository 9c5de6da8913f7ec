import { percentText } from '../../../engine/decimal';
import type {
  OverspendCapInput,
  PartnerShareInput,
  PooledFundInput,
  SchemeCommissionInput,
  VarianceSharingRule,
} from '../../../engine/pooledFund/pooledFund';
import { FindingCode, type Finding } from '../../findings';
import { decOf, textOf, type InputRow, type InputTable } from '../../inputTable';
import type { Built } from '../../mechanism';
import { paramFinding, type ScenarioParams, type TypedParams } from '../../params';
import type { InputTables } from '../../readInputs';
import { OriginRecorder, rowFinding, unknownName } from '../rowsToInput';
import { amountRecord, fractionRecord, recordParam } from '../structuredParams';

/** Scheme names by ID and by name (any case), from the Schemes table. */
function schemeNames(schemes: InputTable | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of schemes?.rows ?? []) {
    const name = textOf(row, 'scheme');
    const id = textOf(row, 'schemeId');
    if (name === undefined) continue;
    names.set(name.toLowerCase(), name);
    if (id !== undefined) names.set(id.toLowerCase(), name);
  }
  return names;
}

function fixedShares(raw: ScenarioParams, findings: Finding[]): PartnerShareInput[] {
  const shares = recordParam(raw, 'fixedShares');
  if (shares === undefined) {
    findings.push(
      paramFinding(
        'Fixed shares',
        'the fixed rule needs each partner\'s share, e.g. { "CCG": "50%", "Council": "50%" }.',
      ),
    );
    return [];
  }
  return fractionRecord(shares, 'Fixed shares', findings).map((s) => ({
    partner: s.name,
    share: s.value,
  }));
}

function jointShares(
  table: InputTable,
  row: InputRow,
  partners: { nhs: string; la: string },
  findings: Finding[],
): PartnerShareInput[] | undefined {
  const nhs = decOf(row, 'nhsShare');
  const la = decOf(row, 'laShare');
  if (nhs === undefined || la === undefined) {
    const blank = nhs === undefined ? 'nhsShare' : 'laShare';
    const problem = 'the cell is blank; a joint scheme needs its % NHS and % LA.';
    findings.push(...rowFinding(FindingCode.BLANK, table, row, blank, problem));
    return undefined;
  }
  const total = nhs.plus(la);
  if (!total.equals(1)) {
    const problem = `% NHS ${percentText(nhs)} + % LA ${percentText(la)} = ${percentText(total)}, not 100%.`;
    findings.push(...rowFinding(FindingCode.SHARES_NOT_100, table, row, 'laShare', problem));
    return undefined;
  }
  return [
    { partner: partners.nhs, share: nhs },
    { partner: partners.la, share: la },
  ];
}

function commissionerTerms(
  schemes: InputTable | undefined,
  values: TypedParams,
  used: ReadonlySet<string>,
  findings: Finding[],
): SchemeCommissionInput[] {
  if (schemes === undefined) {
    const problem = 'the commissioner rule needs the Schemes table (commissioner, % NHS, % LA).';
    findings.push(paramFinding('Variance sharing rule', problem));
    return [];
  }
  const nhs = values.nhsPartner;
  const la = values.laPartner;
  const missing = 'the commissioner rule needs the partner that stands for this commissioner.';
  if (typeof nhs !== 'string') findings.push(paramFinding('NHS partner', missing));
  if (typeof la !== 'string') findings.push(paramFinding('LA partner', missing));
  if (typeof nhs !== 'string' || typeof la !== 'string') return [];
  return schemes.rows.flatMap((row): SchemeCommissionInput[] => {
    const scheme = textOf(row, 'scheme');
    const commissioner = textOf(row, 'commissioner');
    if (scheme === undefined || !used.has(scheme.toLowerCase())) return [];
    if (commissioner === 'NHS') return [{ scheme, commissioner: nhs }];
    if (commissioner === 'LA') return [{ scheme, commissioner: la }];
    const shares = jointShares(schemes, row, { nhs, la }, findings);
    return shares === undefined ? [] : [{ scheme, shares }];
  });
}

function overspendCaps(
  raw: ScenarioParams,
  values: TypedParams,
  findings: Finding[],
): OverspendCapInput[] | undefined {
  const caps = recordParam(raw, 'overspendCaps');
  if (caps === undefined) return undefined;
  const excessTo = values.excessTo;
  if (typeof excessTo !== 'string') {
    const problem = 'overspend caps need the partner that bears the excess.';
    findings.push(paramFinding('Excess over caps to', problem));
    return undefined;
  }
  return amountRecord(caps, 'Overspend cap', findings).map((c) => ({
    partner: c.name,
    cap: c.value,
    excessTo,
  }));
}

/**
 * Builds the pooled fund's input: contributions (schemes resolved to the Schemes table's
 * names by ID or name when that table is there), actual spend from the Schemes table's
 * Actual spend column (rows left blank are not listed), and the sharing terms from the
 * parameters (`rule`, `fixedShares`, `nhsPartner`/`laPartner`, `overspendCaps`/`excessTo`).
 */
export function buildPool(
  tables: InputTables,
  values: TypedParams,
  raw: ScenarioParams,
): Built<PooledFundInput> {
  const origins = new OriginRecorder();
  const findings: Finding[] = [];
  const { contributions: table, schemes } = tables;
  const names = schemeNames(schemes);
  const contributions = (table?.rows ?? []).map((row, i) => {
    const written = textOf(row, 'scheme') ?? '';
    const known = names.get(written.toLowerCase());
    if (table !== undefined) {
      if (schemes !== undefined && known === undefined && written !== '') {
        findings.push(
          ...unknownName(table, row, 'scheme', 'a Scheme ID or name in the Schemes table', []),
        );
      }
      origins.addRow(`contributions[${i}]`, table, row, {
        amount: 'amount',
        partner: 'partner',
        scheme: 'scheme',
      });
    }
    return {
      partner: textOf(row, 'partner') ?? '',
      scheme: known ?? written,
      amount: decOf(row, 'amount') ?? 0,
    };
  });
  const spent = (schemes?.rows ?? []).filter((r) => decOf(r, 'actual') !== undefined);
  const actualSpend = spent.map((row, i) => {
    if (schemes !== undefined) {
      origins.addRow(`actualSpend[${i}]`, schemes, row, { amount: 'actual', scheme: 'scheme' });
    }
    return { scheme: textOf(row, 'scheme') ?? '', amount: decOf(row, 'actual') ?? 0 };
  });
  const rule = (values.rule ?? 'proportional') as VarianceSharingRule;
  const used = new Set([...contributions, ...actualSpend].map((c) => c.scheme.toLowerCase()));
  const caps = overspendCaps(raw, values, findings);
  const input: PooledFundInput = {
    contributions,
    ...(actualSpend.length > 0 ? { actualSpend } : {}),
    sharing: {
      rule,
      ...(rule === 'fixed' ? { shares: fixedShares(raw, findings) } : {}),
      ...(rule === 'commissioner'
        ? { schemes: commissionerTerms(schemes, values, used, findings) }
        : {}),
      ...(caps === undefined ? {} : { caps }),
    },
    unbudgetedSpend: values.unbudgetedSpend === 'overspend' ? 'overspend' : 'error',
  };
  return { input, origins: origins.map, findings };
}
