/** The settings, formulas and selection part of the workbook contract. */
import { contracts, sheetOf } from './contractFixtures';
import type { ContractSubject } from './subject';
import type { WorkbookSeed } from './seed';

/** Registers the settings, formulas and select tests. */
export function describeSettingsAndFormulasContract(
  make: (seed: WorkbookSeed) => Promise<ContractSubject>,
): void {
  describe('settings', () => {
    it('round-trips settings, replacing values and giving undefined for a missing key', async () => {
      const { workbook } = await make(contracts);
      await workbook.settings.set({
        'bcf.lastRun': '{"mechanism":"gainshare"}',
        'bcf.note': '=not a formula',
      });
      await workbook.settings.set({ 'bcf.note': 'second' });
      expect(await workbook.settings.get('bcf.lastRun')).toBe('{"mechanism":"gainshare"}');
      expect(await workbook.settings.get('bcf.note')).toBe('second');
      expect(await workbook.settings.get('bcf.missing')).toBeUndefined();
    });

    it('keeps settings on the very hidden BCF_Settings sheet, as text, so they travel between Excel and files', async () => {
      const subject = await make(contracts);
      await subject.workbook.settings.set({ 'bcf.a': '=1+1', 'bcf.b': '0012' });
      await subject.workbook.settings.set({ 'bcf.a': 'changed' });
      const sheet = sheetOf(await subject.inspect(), 'BCF_Settings');
      expect(sheet.hidden).toBe(true);
      expect(sheet.ownedByAddin).toBe(true);
      expect([sheet.cells.A1?.value, sheet.cells.B1?.value, sheet.cells.A2?.value]).toEqual([
        'bcf.a',
        'changed',
        'bcf.b',
      ]);
      expect(sheet.cells.B2?.value).toBe('0012');
      expect(await subject.workbook.settings.get('bcf.b')).toBe('0012');
    });
  });

  describe('formulas', () => {
    const withFormulas: WorkbookSeed = {
      sheets: [
        {
          name: 'Model',
          rows: [['Share', 'Label', 'Total']],
          formulas: [
            { address: 'A2', formula: '=BCF.GAINSHARE(Inputs!B2:B5,0.5)', value: 1250.5 },
            { address: 'B2', formula: '=BCF.LABEL("=x")', value: '=x' },
            { address: 'C2', formula: '=SUM(A2:A2)', value: 1250.5 },
            { address: 'C3', formula: '=CONCAT("BCF.GAINSHARE(",1)', value: 'BCF.GAINSHARE(1' },
          ],
        },
      ],
    };

    it('finds only formulas that call the prefixed functions, with their values', async () => {
      const { workbook } = await make(withFormulas);
      expect(await workbook.formulas.findFormulas('BCF.')).toEqual([
        {
          sheet: 'Model',
          address: 'A2',
          formula: '=BCF.GAINSHARE(Inputs!B2:B5,0.5)',
          value: 1250.5,
        },
        { sheet: 'Model', address: 'B2', formula: '=BCF.LABEL("=x")', value: '=x' },
      ]);
    });

    it('replaces them with their values (text stays text) and puts them back', async () => {
      const subject = await make(withFormulas);
      const found = await subject.workbook.formulas.findFormulas('BCF.');
      await subject.workbook.formulas.setValues(found);
      let cells = sheetOf(await subject.inspect(), 'Model').cells;
      expect([cells.A2?.value, cells.A2?.formula, cells.B2?.value, cells.B2?.formula]).toEqual([
        1250.5,
        undefined,
        '=x',
        undefined,
      ]);
      expect(await subject.workbook.formulas.findFormulas('BCF.')).toEqual([]);
      await subject.workbook.formulas.setFormulas(found);
      cells = sheetOf(await subject.inspect(), 'Model').cells;
      expect([cells.A2?.formula, cells.B2?.formula, cells.C2?.formula]).toEqual([
        '=BCF.GAINSHARE(Inputs!B2:B5,0.5)',
        '=BCF.LABEL("=x")',
        '=SUM(A2:A2)',
      ]);
    });
  });

  describe('select', () => {
    it('accepts a cell on an existing sheet', async () => {
      const { workbook } = await make(contracts);
      await expect(workbook.select('Inputs', 'C4')).resolves.toBeUndefined();
    });
  });
}
