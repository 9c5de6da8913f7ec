/**
 * The parts of Excel the in-memory Excel models for issue 12: dynamic-array spills,
 * worksheet and workbook protection, cell-edit mode, Excel on the web's names, and
 * structured references that break when their table is deleted.
 */
import { createMemoryExcel, MemoryExcelError } from '../support/memory-excel';

const gainshare = {
  sheets: [
    {
      name: 'Shares',
      cells: {
        B2: {
          formula: '=BCF.TIEREDSHARE(25175000,23000000,5%,50%)',
          spill: [[1716875, 458125]],
        },
        D2: '=A1',
      },
    },
  ],
};

async function failure(promise: Promise<unknown>): Promise<MemoryExcelError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof MemoryExcelError))
    throw new Error(`expected a RichApi.Error, got ${String(error)}`);
  return error;
}

describe('in-memory Excel: dynamic arrays', () => {
  it('gives the formula at the anchor and the value (no formula) in the cells it spills into', async () => {
    const excel = createMemoryExcel(gainshare);
    const { formulas, values, spill, parent } = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Shares');
      const block = sheet.getRange('B2:C2').load('formulas, values');
      const spillRange = sheet.getRange('B2').getSpillingToRangeOrNullObject().load('address');
      const child = sheet.getRange('C2').getSpillingToRangeOrNullObject();
      await context.sync();
      return {
        formulas: block.formulas,
        values: block.values,
        spill: spillRange.address,
        parent: child.isNullObject,
      };
    });
    expect(formulas).toEqual([['=BCF.TIEREDSHARE(25175000,23000000,5%,50%)', 458125]]);
    expect(values).toEqual([[1716875, 458125]]);
    expect(spill).toBe('Shares!B2:C2');
    expect(parent).toBe(true);
  });

  it('removes the spill when a value is written at the anchor, and blocks it (#SPILL!) when one is written into it', async () => {
    const excel = createMemoryExcel(gainshare);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Shares').getRange('C2').values = [[1]];
      await context.sync();
    });
    expect(excel.cell('Shares', 'B2')).toMatchObject({ value: '#SPILL!', error: true });
    const again = createMemoryExcel(gainshare);
    await again.run(async (context) => {
      context.workbook.worksheets.getItem('Shares').getRange('B2').values = [[7]];
      await context.sync();
    });
    expect(again.values('Shares', 'B2:C2')).toEqual([[7, '']]);
  });

  it('raises ApiNotFound at the call on a host without ExcelApi 1.12, as office.js does', async () => {
    const excel = createMemoryExcel(gainshare, { behaviour: { excelApi: '1.11' } });
    const error = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets
          .getItem('Shares')
          .getRange('B2')
          .getSpillingToRangeOrNullObject();
        await context.sync();
      }),
    );
    expect(error.code).toBe('ApiNotFound');
    expect(error.message).toBe(
      'The method or property Range.getSpillingToRangeOrNullObject is part of the ExcelApi 1.12 requirement set, which is not available in your version of Excel.',
    );
    expect(excel.isSetSupported('ExcelApi', '1.11')).toBe(true);
    expect(excel.isSetSupported('ExcelApi', '1.12')).toBe(false);
  });
});

describe('in-memory Excel: protection', () => {
  it('refuses a write to a locked cell of a protected sheet with AccessDenied, and allows an unlocked one', async () => {
    const excel = createMemoryExcel({
      sheets: [
        { name: 'Plan', protected: true, cells: { A1: 1, B1: { value: 2, locked: false } } },
      ],
    });
    const error = await failure(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Plan');
        sheet.getRange('B1').values = [[3]];
        sheet.getRange('A1').values = [[4]];
        await context.sync();
      }),
    );
    expect(error.code).toBe('AccessDenied');
    expect(error.debugInfo.errorLocation).toBe('Range.values');
    expect(excel.values('Plan', 'A1:B1')).toEqual([[1, 3]]);
    const state = await excel.run(async (context) => {
      const protection = context.workbook.worksheets.getItem('Plan').protection.load('protected');
      await context.sync();
      protection.unprotect();
      context.workbook.worksheets.getItem('Plan').getRange('A1').values = [[4]];
      await context.sync();
      return protection.protected;
    });
    expect(state).toBe(true);
    expect(excel.values('Plan', 'A1')).toEqual([[4]]);
  });

  it('refuses to add a sheet to a workbook whose structure is protected', async () => {
    const excel = createMemoryExcel({ structureProtected: true });
    const error = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.add('Results');
        await context.sync();
      }),
    );
    expect(error.code).toBe('AccessDenied');
    expect(excel.sheet('Results')).toBeUndefined();
  });
});

describe('in-memory Excel: cell-edit mode', () => {
  it('refuses every request while the user types in a cell, with office.js message, and runs nothing', async () => {
    const excel = createMemoryExcel();
    excel.setCellEditMode(true);
    const error = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidOperationInCellEditMode');
    expect(error.message).toBe(
      'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
    );
    expect(excel.cell('Sheet1', 'A1')).toBeUndefined();
  });
});

describe('in-memory Excel: names as Excel on the web gives them', () => {
  const seed = {
    sheets: [{ name: 'Mine' }],
    names: [{ name: 'BCF_OWNER', formula: '="bcf"' }],
  };

  it("lists and finds the workbook's names in a sheet's names (office-js issue 1011), scoped to the workbook", async () => {
    const excel = createMemoryExcel(seed, { behaviour: { sheetNamesIncludeWorkbookNames: true } });
    const { found, scope, listed } = await excel.run(async (context) => {
      const names = context.workbook.worksheets.getItem('Mine').names;
      const mark = names.getItemOrNullObject('BCF_OWNER').load('scope');
      names.load('items/name');
      await context.sync();
      return {
        found: !mark.isNullObject,
        scope: mark.scope,
        listed: names.items.map((n) => n.name),
      };
    });
    expect({ found, scope, listed }).toEqual({
      found: true,
      scope: 'Workbook',
      listed: ['BCF_OWNER'],
    });
    const desktop = createMemoryExcel(seed);
    const onDesktop = await desktop.run(async (context) => {
      const mark = context.workbook.worksheets
        .getItem('Mine')
        .names.getItemOrNullObject('BCF_OWNER');
      await context.sync();
      return mark.isNullObject;
    });
    expect(onDesktop).toBe(true);
  });

  it('ignores visible = false set in the request that adds the name (office-js issue 3878), not in a later one', async () => {
    const excel = createMemoryExcel({}, { behaviour: { hidingNewNameIgnored: true } });
    await excel.run(async (context) => {
      const name = context.workbook.worksheets.getItem('Sheet1').names.add('Mark', '="x"');
      name.visible = false;
      await context.sync();
      expect(excel.sheet('Sheet1')?.names[0]?.visible).toBe(true);
      name.visible = false;
      await context.sync();
    });
    expect(excel.sheet('Sheet1')?.names[0]?.visible).toBe(false);
  });
});

describe('in-memory Excel: structured references', () => {
  const seed = {
    sheets: [
      {
        name: 'Pool',
        rows: {
          values: [
            ['Partner', 'Amount'],
            ['CCG', 10],
            ['LA', 20],
          ],
        },
      },
      {
        name: 'Mine',
        cells: {
          A1: { formula: '=SUM(Partners[Amount])', value: 30 },
          A2: { formula: '="Partners[Amount]"&COUNT(Partners[[#Data],[Amount]])', value: 'x' },
        },
      },
    ],
    tables: [{ name: 'Partners', sheet: 'Pool', range: 'A1:B3' }],
  };

  it('turns formulas referring to a deleted table into #REF!', async () => {
    const excel = createMemoryExcel(seed);
    await excel.run(async (context) => {
      context.workbook.tables.getItem('Partners').delete();
      await context.sync();
    });
    expect(excel.cell('Mine', 'A1')).toMatchObject({ formula: '=SUM(#REF!)', value: '#REF!' });
    expect(excel.cell('Mine', 'A2')?.formula).toBe('="Partners[Amount]"&COUNT(#REF!)');
  });

  it('keeps them through Table.resize (ExcelApi 1.13), which keeps the header row', async () => {
    const excel = createMemoryExcel(seed);
    await excel.run(async (context) => {
      context.workbook.tables.getItem('Partners').resize('Pool!A1:B5');
      await context.sync();
    });
    expect(excel.table('Partners')?.rect).toEqual({ top: 0, left: 0, bottom: 4, right: 1 });
    expect(excel.cell('Mine', 'A1')?.formula).toBe('=SUM(Partners[Amount])');
    const moved = failure(
      excel.run(async (context) => {
        context.workbook.tables.getItem('Partners').resize('Pool!A2:B5');
        await context.sync();
      }),
    );
    expect((await moved).code).toBe('InvalidArgument');
  });
});
