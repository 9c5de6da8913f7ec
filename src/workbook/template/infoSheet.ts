import type { SheetWrite } from '../../ports/workbook';
import { timestampText } from '../results/layout';
import { TEMPLATE_INFO_TABLE, TEMPLATE_VERSION, VERSION_LABEL } from './version';

/** The template's own sheet: what it is, how to use it, and its format version (a table). */
export const TEMPLATE_INFO_SHEET = 'BCF Template';

const GUIDE = [
  'A BCF planning template made by the BCF finance add-in.',
  'Fill in the yellow cells of the input sheets (each holds an Excel table; add rows by typing below it).',
  'Run a mechanism from the task pane: its results go to a sheet of its own ("BCF Results - ..."), never into these tables.',
  'The Checks sheet shows each BCF plan check as pass or fail with its figures; run the plan checks again after editing.',
];

/** The "BCF Template" sheet, with the version in the `BCF_TemplateInfo` table. */
export function infoSheet(now: Date): SheetWrite {
  const values = [
    ['BCF planning template', null],
    ...GUIDE.map((line) => [line, null]),
    [null, null],
    ['Item', 'Value'],
    [VERSION_LABEL, TEMPLATE_VERSION],
    ['Made by', 'BCF finance add-in'],
    ['Created', timestampText(now)],
  ];
  const header = GUIDE.length + 3;
  return {
    sheet: TEMPLATE_INFO_SHEET,
    values,
    numberFormats: values.map((row, i) => row.map(() => (i === header ? '0' : '@'))),
    boldRows: [1, header],
    columnWidths: [60, 28],
    tables: [{ name: TEMPLATE_INFO_TABLE, range: `A${header}:B${header + 3}` }],
    charts: [],
  };
}
