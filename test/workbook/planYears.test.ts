/**
 * A plan's years are bounded alike in the pane and the workbook layer: at most
 * PLAN_YEARS_LIMIT (25). Before, the workbook layer (and so `bcf run --params`) took any
 * count, while the pane refused more than 25.
 */
import { MECHANISMS } from '../../src/workbook/mechanisms/index';
import { readParams } from '../../src/workbook/params';

describe('plan years', () => {
  it.each([
    ['capitation', 'years', 'Years'],
    ['capitation', 'actualYear', 'Year of actual population'],
    ['activity', 'years', 'Years'],
    ['envelope', 'years', 'Plan years'],
  ] as const)('%s %s: 25 is read, 26 is a finding', (mechanism, id, label) => {
    const { params } = MECHANISMS[mechanism];
    expect(readParams(params, { [id]: 25 }).values[id]).toBe(25);
    expect(readParams(params, { [id]: 26 }).findings).toEqual([
      {
        code: 'PARAMETER.INVALID',
        parameter: id,
        message: `Scenario parameter "${label}": 26 is more than 25.`,
      },
    ]);
  });
});
