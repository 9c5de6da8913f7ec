import { createMemoryExcel, ErrorCode } from '../support/memory-excel';

describe('memory Excel workbook objects', () => {
  it('adds a table over a range, making header texts as Excel does (blank → ColumnN, duplicates numbered)', async () => {
    const excel = createMemoryExcel({
      sheets: [
        {
          name: 'Data',
          rows: {
            values: [
              ['Scheme', '', 'Scheme', 2024],
              ['A', 1, 2, 3],
            ],
          },
        },
      ],
    });
    const read = await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem('Data').tables.add('A1:D2', true);
      table.name = 'Schemes';
      const header = table.getHeaderRowRange().load('values');
      const body = table.getDataBodyRange().load('values, address');
      table.rows.load('count');
      await context.sync();
      return {
        header: header.values,
        body: body.values,
        address: body.address,
        rows: table.rows.count,
      };
    });
    expect(read).toEqual({
      header: [['Scheme', 'Column2', 'Scheme2', '2024']],
      body: [['A', 1, 2, 3]],
      address: 'Data!A2:D2',
      rows: 1,
    });
    expect(excel.table('Schemes')?.sheet.name).toBe('Data');
  });

  it('lists tables with their worksheet names in one sync', async () => {
    const excel = createMemoryExcel({
      sheets: [
        { name: 'Two', rows: { values: [['h'], [1]] } },
        { name: 'One', rows: { values: [['h'], [1]] } },
      ],
      tables: [
        { name: 'Later', sheet: 'One', range: 'A1:A2' },
        { name: 'Earlier', sheet: 'Two', range: 'A1:A2' },
      ],
    });
    const listed = await excel.run(async (context) => {
      const tables = context.workbook.tables.load('items/name, items/worksheet/name');
      await context.sync();
      return tables.items.map((t) => `${t.worksheet.name}:${t.name}`);
    });
    expect(listed).toEqual(['Two:Earlier', 'One:Later']);
    expect(excel.syncCount).toBe(1);
  });

  it('refuses a table overlapping another and a duplicate sheet name', async () => {
    const excel = createMemoryExcel({
      tables: [],
      sheets: [{ name: 'S', rows: { values: [['h'], [1]] } }],
    });
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        sheet.tables.add('A1:A2', true);
        sheet.tables.add('A1:A2', true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCode.invalidOperation });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add('s');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCode.itemAlreadyExists });
  });

  it('adds a chart with title, position and value axis format', async () => {
    const excel = createMemoryExcel({
      sheets: [
        {
          name: 'Chart',
          rows: {
            values: [
              ['', 'Budget'],
              ['Q1', 10],
            ],
          },
        },
      ],
    });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Chart');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:B2'), 'Columns');
      chart.title.text = 'Budget by quarter';
      chart.setPosition('D2', 'K18');
      chart.axes.valueAxis.numberFormat = '£#,##0';
      chart.axes.valueAxis.title.text = '£';
      await context.sync();
    });
    expect(excel.sheet('Chart')?.charts[0]).toMatchObject({
      type: 'ColumnClustered',
      title: 'Budget by quarter',
      position: { from: 'D2', to: 'K18' },
      source: { top: 0, left: 0, bottom: 1, right: 1 },
      seriesBy: 'Columns',
      valueAxis: { numberFormat: '£#,##0', title: '£' },
    });
  });

  it('stores settings as JSON copies and finds them with getItemOrNullObject', async () => {
    const excel = createMemoryExcel({ settings: { existing: 'yes' } });
    const read = await excel.run(async (context) => {
      context.workbook.settings.add('bcf.mechanism', 'gainshare');
      const added = context.workbook.settings.getItemOrNullObject('bcf.mechanism').load('value');
      const missing = context.workbook.settings.getItemOrNullObject('nope').load('value');
      await context.sync();
      const value: unknown = added.isNullObject ? undefined : added.value;
      return [value, missing.isNullObject];
    });
    expect(read).toEqual(['gainshare', true]);
    expect(excel.model.settings.get('existing')).toBe('yes');
  });

  it('sets fills, bold, column widths, number formats and list validation', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:B2').format.fill.color = '#FFFF00';
      sheet.getRange('A1:C1').format.font.bold = true;
      sheet.getRange('B:B').format.columnWidth = 80;
      sheet.getRange('A2').numberFormat = [['£#,##0.00']];
      sheet.getRange('A2:A5').dataValidation.rule = {
        list: { inCellDropDown: true, source: 'NHS,Council' },
      };
      await context.sync();
    });
    const sheet = excel.sheet('Sheet1');
    expect(excel.cell('Sheet1', 'B2')).toMatchObject({ fill: '#FFFF00', numberFormat: 'General' });
    expect(excel.cell('Sheet1', 'C1')?.bold).toBe(true);
    expect(excel.cell('Sheet1', 'A2')).toMatchObject({
      numberFormat: '£#,##0.00',
      fill: '#FFFF00',
    });
    expect(sheet?.columnWidths.get(1)).toBe(80);
    expect(sheet?.validations).toEqual([
      {
        rect: { top: 1, left: 0, bottom: 4, right: 0 },
        source: 'NHS,Council',
        inCellDropDown: true,
      },
    ]);
  });

  it('takes a list source "=range" of one column or row, on its own sheet or another that exists', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Plan' }, { name: 'BCF Lists' }] });
    await excel.run(async (context) => {
      const plan = context.workbook.worksheets.getItem('Plan');
      plan.getRange('A2:A5').dataValidation.rule = {
        list: { inCellDropDown: true, source: "='BCF Lists'!$A$2:$A$17" },
      };
      plan.getRange('B2').dataValidation.rule = {
        list: { inCellDropDown: true, source: '=$D$1:$F$1' },
      };
      await context.sync();
    });
    expect(excel.sheet('Plan')?.validations.map((v) => v.source)).toEqual([
      "='BCF Lists'!$A$2:$A$17",
      '=$D$1:$F$1',
    ]);
  });

  it.each(["='No such sheet'!$A$2:$A$5", "='BCF Lists'!$A$2:$B$5", '=A1:B2'])(
    'refuses the list source %p (no such sheet, or not one row or column), as Excel does',
    async (source) => {
      const excel = createMemoryExcel({ sheets: [{ name: 'Plan' }, { name: 'BCF Lists' }] });
      await expect(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem('Plan').getRange('C2').dataValidation.rule = {
            list: { inCellDropDown: true, source },
          };
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: ErrorCode.invalidArgument });
      expect(excel.sheet('Plan')?.validations).toEqual([]);
    },
  );

  it('hides and deletes sheets, but keeps at least one visible sheet', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Only' }, { name: 'Records' }] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Records').visibility = 'Hidden';
      await context.sync();
    });
    expect(excel.sheet('Records')?.visibility).toBe('Hidden');
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Only').delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCode.invalidOperation });
  });

  it('selects a range, making its sheet active', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'A' }, { name: 'B' }] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('B').getRange('C3:D4').select();
      await context.sync();
    });
    expect(excel.model.activeSheet?.name).toBe('B');
    expect(excel.model.selection?.rect).toEqual({ top: 2, left: 2, bottom: 3, right: 3 });
  });

  it('finds the used range, or a null object on an empty sheet', async () => {
    const excel = createMemoryExcel({
      sheets: [{ name: 'Full', cells: { B2: 1, D5: 'x' } }, { name: 'Empty' }],
    });
    const read = await excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Full').getUsedRange().load('address');
      const none = context.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject();
      await context.sync();
      return [used.address, none.isNullObject];
    });
    expect(read).toEqual(['Full!B2:D5', true]);
  });
});
