/**
 * Completed planning templates for the consolidation benchmark: the template as `bcf
 * template` makes it, with each Health and Wellbeing Board's Income (4 rows) and
 * Schemes (40 rows) filled in, scaled per board, every tenth board's iBCF underspent
 * (so a check fails), and the plan-check minima saved as the task pane saves them.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { CellValue, SheetWrite } from '../../src/ports/workbook';
import { newWorkbook } from '../../src/cli/newWorkbook';
import { rangeAddress } from '../../src/ports/a1';
import { paramsKey } from '../../src/workbook/settingsStore';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';
import { planningTemplate, TEMPLATE_VERSION } from '../../src/workbook/template';
import { TEMPLATE_HEADER_ROW } from '../../src/workbook/template/inputSheets';
import { TEMPLATE_VERSION_KEY } from '../../src/workbook/template/version';
import { balancedPlan, type Plan } from '../cli/support/plans';

/** Each scheme line of the base plan is split into this many schemes. */
const SPLIT = 8;

/** The template's input sheet with its one table's body replaced by `rows`. */
function filled(sheet: SheetWrite, rows: readonly (readonly CellValue[])[]): SheetWrite {
  const width = sheet.values[0]?.length ?? 0;
  const head = sheet.values.slice(0, TEMPLATE_HEADER_ROW);
  const bodyFormat = sheet.numberFormats[TEMPLATE_HEADER_ROW] ?? [];
  const body = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
  const last = TEMPLATE_HEADER_ROW + rows.length;
  const columns = rows[0]?.length ?? 1;
  const retarget = (range: string): string => range.replace(/(\d+)$/, String(last));
  return {
    ...sheet,
    values: [...head, ...body],
    numberFormats: [
      ...sheet.numberFormats.slice(0, TEMPLATE_HEADER_ROW),
      ...body.map(() => [...bodyFormat]),
    ],
    tables: sheet.tables.map((t) => ({
      ...t,
      range: rangeAddress(TEMPLATE_HEADER_ROW, 1, last, columns),
    })),
    inputRanges: (sheet.inputRanges ?? []).map(retarget),
    validations: (sheet.validations ?? []).map((v) => ({ ...v, range: retarget(v.range) })),
  };
}

/** Splits each scheme line into SPLIT schemes of equal amounts (exact: amounts are whole hundreds). */
function splitSchemes(plan: Plan): CellValue[][] {
  return plan.schemes.flatMap((row) =>
    Array.from({ length: SPLIT }, (_, part) => {
      const out = [...row];
      out[0] = `${String(row[0])}.${part + 1}`;
      out[1] = `${String(row[1])} ${part + 1}`;
      out[9] = Number(row[9]) / SPLIT;
      return out;
    }),
  );
}

/** One board's completed template as .xlsx bytes. */
async function boardTemplate(index: number): Promise<Uint8Array> {
  const plan = balancedPlan(100 + index, index % 10 === 9 ? { ibcfShortfall: 8 * 1_000 } : {});
  const sheets = planningTemplate(new Date('2025-04-01T09:00:00Z')).map((s) => {
    if (s.sheet === TABLE_KINDS.income.sheet) return filled(s, plan.income);
    if (s.sheet === TABLE_KINDS.schemes.sheet) return filled(s, splitSchemes(plan));
    return s;
  });
  const workbook = newWorkbook();
  await workbook.writeSheets(sheets);
  await workbook.settings.set({
    [TEMPLATE_VERSION_KEY]: String(TEMPLATE_VERSION),
    [paramsKey('checks')]: JSON.stringify({
      socialCareMinimum: plan.socialCareMinimum,
      nhsOutOfHospitalMinimum: plan.nhsOutOfHospitalMinimum,
    }),
  });
  return workbook.save();
}

/** Writes `count` completed templates, hwb-001.xlsx, hwb-002.xlsx, ..., into `dir`. */
export async function writeTemplates(dir: string, count: number): Promise<void> {
  const { writeFileSync } = await import('fs');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `hwb-${String(i + 1).padStart(3, '0')}.xlsx`), await boardTemplate(i));
  }
}
