/** @jest-environment jsdom */
/**
 * The stub mechanism (test/support/stubMechanism.ts), registered from its descriptor
 * alone, has a working form in the task pane: its fields rendered from the descriptor,
 * its parameters from the form, the form back from its saved parameters, and a run of
 * those parameters over the in-memory Excel.
 */
import './domStubs';
import { fireEvent, render, screen } from '@testing-library/react';
import { descriptionOf } from './paneText';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { OfficeWorkbook } from '../../src/adapters/office/index';
import { ParameterFields } from '../../src/taskpane/components/ParameterFields';
import { descriptorForm } from '../../src/taskpane/forms/descriptorForm';
import { checkForm, type FormValues } from '../../src/taskpane/forms/fields';
import { restoredFormValues } from '../../src/taskpane/forms/restoreSimple';
import type { RegisteredMechanism } from '../../src/workbook/mechanisms/index';
import type { ScenarioParams } from '../../src/workbook/params';
import { calculateRun, type Calculated } from '../../src/workbook/run';
import { createMemoryExcel } from '../support/memory-excel';
import { stub } from '../support/stubMechanism';

const NONE = { names: [], contracts: [] };
const form = descriptorForm(stub);

/** The form as the pane shows it, keeping what is typed; `sent` gets its parameters. */
function StubForm(props: { readonly sent: (params: ScenarioParams | undefined) => void }) {
  const [values, setValues] = useState<FormValues>(form.defaults(NONE));
  const errors = checkForm(form.fields, values, NONE);
  return (
    <FluentProvider theme={webLightTheme}>
      <ParameterFields
        fields={form.fields}
        values={values}
        errors={errors}
        choices={NONE}
        disabled={false}
        onChange={(key, value) => {
          const next = { ...values, [key]: value };
          setValues(next);
          const ok = Object.keys(checkForm(form.fields, next, NONE)).length === 0;
          props.sent(ok ? form.toParams(next, NONE) : undefined);
        }}
        onReplace={setValues}
      />
    </FluentProvider>
  );
}

describe('the stub mechanism’s form, built from its descriptor', () => {
  it('has one whole-number field from 1 to 9 with the descriptor’s label, hint and default', () => {
    expect(form.fields).toEqual([
      {
        key: 'factor',
        label: 'Factor',
        kind: 'whole',
        min: 1,
        max: 9,
        hint: 'How many times the amount is counted.',
      },
    ]);
    expect(form.names).toBeUndefined();
    expect(form.defaults(NONE)).toEqual({ factor: '2' });
    expect(form.toParams(form.defaults(NONE), NONE)).toEqual({ factor: 2 });
  });

  it('renders the field in the pane, refuses 12 and sends 3 as a number', () => {
    const sent: (ScenarioParams | undefined)[] = [];
    render(<StubForm sent={(p) => sent.push(p)} />);
    const box = screen.getByRole('textbox', { name: 'Factor' });
    expect((box as HTMLInputElement).value).toBe('2');
    expect(descriptionOf(box)).toBe('How many times the amount is counted.');
    fireEvent.change(box, { target: { value: '12' } });
    expect(checkForm(form.fields, { factor: '12' }, NONE)).toEqual({
      factor: expect.stringMatching(/9/) as unknown,
    });
    fireEvent.change(box, { target: { value: '3' } });
    expect(sent).toEqual([undefined, { factor: 3 }]);
  });

  it('restores the form from the parameters a run saved, keeping the default for one it cannot show', () => {
    expect(restoredFormValues(form, { factor: 3 }, NONE)).toEqual({ factor: '3' });
    expect(restoredFormValues(form, { factor: '7' }, NONE)).toEqual({ factor: '7' });
    expect(restoredFormValues(form, { factor: 12 }, NONE)).toEqual({ factor: '2' });
    expect(restoredFormValues(form, {}, NONE)).toBeUndefined();
  });

  it('runs the form’s parameters over the in-memory Excel: £10.00 × 3', async () => {
    const excel = createMemoryExcel({
      sheets: [
        {
          name: 'Income',
          rows: {
            values: [
              ['Source of funding', 'Contributor', 'Income'],
              ['Minimum NHS contribution', 'B&NES CCG', 12000000],
            ],
          },
        },
      ],
      tables: [{ name: 'Income', sheet: 'Income', range: 'A1:C2' }],
    });
    const params = form.toParams({ factor: '3' }, NONE);
    const run: Calculated | undefined = await calculateRun(
      new OfficeWorkbook(excel.run),
      stub as unknown as RegisteredMechanism,
      params,
      {},
    );
    expect(run?.ok === true && run.computed.headline).toEqual([{ label: 'Total', text: '£30.00' }]);
  });
});
