/** @jest-environment jsdom */
import './domStubs';
import { fireEvent, render, screen } from '@testing-library/react';
import { descriptionOf } from './paneText';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import {
  CapFields,
  GateFields,
} from '../../src/taskpane/mechanisms/gainLossShare/GainLossTermsFields';
import { ParameterFields } from '../../src/taskpane/components/ParameterFields';
import type { FieldSpec } from '../../src/taskpane/forms/fields';
import { defaultGainLoss } from '../../src/taskpane/mechanisms/gainLossShare/gainLossForm';
import { SIMPLE_FORMS } from '../../src/taskpane/forms/mechanismForms';

const CONTRACT = {
  id: 'MSK1',
  parties: ['Circle', 'Bedfordshire CCG'],
  commissioner: 'Bedfordshire CCG',
  hasBands: false,
};

function allFields(fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.flatMap((f) => (f.kind === 'records' ? [f, ...allFields(f.fields)] : [f]));
}

/** Opens the InfoLabel beside the control named `name` and gives its text. */
function infoOf(name: string): string {
  const control = screen.getByRole('textbox', { name });
  const field = control.closest('.fui-Field');
  const button = field?.querySelector<HTMLButtonElement>('.fui-InfoLabel button, button');
  if (button === null || button === undefined) throw new Error(`no info button beside ${name}`);
  fireEvent.click(button);
  const id = button.getAttribute('aria-owns') ?? button.getAttribute('aria-controls');
  const popup = id === null ? null : document.getElementById(id);
  return (popup ?? document.querySelector('[role="note"]'))?.textContent ?? '';
}

describe('field help says what a field means', () => {
  it('no form hint is an example figure from a worked example', () => {
    const hints = Object.values(SIMPLE_FORMS).flatMap((form) =>
      allFields(form.fields).flatMap((f) => (f.hint === undefined ? [] : [f.hint])),
    );
    expect(hints.length).toBeGreaterThan(10);
    expect(hints.filter((h) => /Bedfordshire|B&NES|^E\.g\.|^\d|: \d/.test(h))).toEqual([]);
  });

  it('explains the gate and a cap behind an InfoLabel, keeping the fields’ names', () => {
    const form = defaultGainLoss([CONTRACT]);
    const props = {
      form: { ...form, gate: { ...form.gate, on: true }, caps: { ...form.caps, on: true } },
      parties: CONTRACT.parties,
      errors: {},
      disabled: false,
      onChange: () => undefined,
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <GateFields {...props} />
        <CapFields {...props} />
      </FluentProvider>,
    );
    expect(infoOf('Share only from (% of expected spend)')).toBe(
      'The gate: the saving (or overspend) must reach this share of expected spend before it is shared, and is then shared from the first pound; below it, all of it goes to the party named below.',
    );
    expect(
      descriptionOf(screen.getByRole('textbox', { name: 'Share only from (% of expected spend)' })),
    ).toBe('Below this share of expected spend, nothing is shared.');
    expect(infoOf('Most Circle bears of a loss (£)')).toBe(
      'A cap: the most this party receives of a gain or bears of a loss; what it cannot take goes to the party named below.',
    );
  });

  it('explains the tolerance, capitation and the plan checks’ minima', () => {
    const show = (fields: readonly FieldSpec[]) =>
      render(
        <FluentProvider theme={webLightTheme}>
          <ParameterFields
            fields={fields}
            values={{}}
            errors={{}}
            choices={{ names: [], contracts: [] }}
            disabled={false}
            onChange={() => undefined}
            onReplace={() => undefined}
          />
        </FluentProvider>,
      );
    const { unmount } = show(SIMPLE_FORMS.capitation.fields);
    expect(infoOf('Population tolerance (%)')).toMatch(
      /^The tolerance: how far the actual population/,
    );
    expect(infoOf('Annual uplift (%)')).toMatch(/^Capitation: a budget per person covered/);
    unmount();
    show(SIMPLE_FORMS.checks.fields);
    expect(infoOf('Minimum adult social care spend (£)')).toMatch(
      /^Published for each Health and Wellbeing Board with the BCF allocations/,
    );
  });
});
