/**
 * The file benchmark times `bcf run` against LibreOffice computing the same gain shares
 * from plain formulas (test/bench/fileBenchData.ts). That comparison means something only
 * if both compute the same figures, so here a few hundred of the benchmark's contracts
 * go through both, and every provider and CCG amount must agree to the penny: Calc,
 * recalculating the formulas itself, is an independent check of the engine's band split
 * and largest-remainder rounding.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import {
  contractSpends,
  writeContractsWorkbook,
  writeFormulaWorkbook,
} from '../bench/fileBenchData';
import { sameFigures } from '../bench/sameFigures';
import { convert } from '../support/libreoffice';
import { bcf, scratchDir } from './support/bcf';

const CONTRACTS = 400;

it(`bcf run and LibreOffice's plain formulas give the same gain share on all ${CONTRACTS} contracts`, async () => {
  const dir = scratchDir('bcf-same-as-calc-');
  const spends = contractSpends(CONTRACTS);
  const [contracts, formulas, results] = ['contracts', 'formulas', 'results'].map((name) =>
    join(dir, `${name}.xlsx`),
  ) as [string, string, string];
  await Promise.all([
    writeContractsWorkbook(contracts, spends),
    writeFormulaWorkbook(formulas, spends),
  ]);
  const params = join(dir, 'params.json');
  writeFileSync(params, JSON.stringify({ gainshare: {} }));
  const [run] = await Promise.all([
    bcf(['run', contracts, '--mechanism', 'gainshare', '--params', params, '--out', results]),
    convert([formulas], 'csv', dir),
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(await sameFigures(join(dir, 'formulas.csv'), results)).toEqual({
    agree: CONTRACTS,
    total: CONTRACTS,
  });
}, 180_000);
