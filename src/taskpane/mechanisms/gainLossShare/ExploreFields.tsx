import type { ReactNode } from 'react';
import { Field, Select } from '@fluentui/react-components';
import type { ExploreForm } from './exploreForm';
import { fieldId } from '../../components/fieldId';
import { Optional, type TermsProps } from './GainLossTermsFields';
import { TextField } from '../../components/TextField';

/**
 * The gain/loss editor's outturn curve (from, to, points) and exposure simulation (draws,
 * spread, distribution, seed, loss threshold), each switched on by its own checkbox.
 */
export function ExploreFields(props: TermsProps): ReactNode {
  const { form, errors, disabled, onChange } = props;
  const { curve, simulation } = form.explore;
  const set = (explore: Partial<ExploreForm>): void =>
    onChange({ ...form, explore: { ...form.explore, ...explore } });
  const setCurve = (next: Partial<ExploreForm['curve']>): void =>
    set({ curve: { ...curve, ...next } });
  const setSimulation = (next: Partial<ExploreForm['simulation']>): void =>
    set({ simulation: { ...simulation, ...next } });
  return (
    <>
      <Optional
        label="Show an outturn curve"
        on={curve.on}
        disabled={disabled}
        onToggle={(on) => setCurve({ on })}
      >
        <TextField
          fieldKey="curve.from"
          label="Actual spend from (change on expected)"
          hint="E.g. -20 for 80% of expected spend."
          unit="percent"
          value={curve.from}
          error={errors['curve.from']}
          disabled={disabled}
          onChange={(from) => setCurve({ from })}
        />
        <TextField
          fieldKey="curve.to"
          label="Actual spend to (change on expected)"
          hint="E.g. 20 for 120% of expected spend."
          unit="percent"
          value={curve.to}
          error={errors['curve.to']}
          disabled={disabled}
          onChange={(to) => setCurve({ to })}
        />
        <TextField
          fieldKey="curve.points"
          label="Points on the curve"
          hint="Both ends included: 2 to 1,001."
          unit="whole"
          value={curve.points}
          error={errors['curve.points']}
          disabled={disabled}
          onChange={(points) => setCurve({ points })}
        />
      </Optional>
      <Optional
        label="Simulate the exposure"
        on={simulation.on}
        disabled={disabled}
        onToggle={(on) => setSimulation({ on })}
      >
        <TextField
          fieldKey="simulation.draws"
          label="Draws (random outturns)"
          hint="100 to 1,000,000."
          unit="whole"
          value={simulation.draws}
          error={errors['simulation.draws']}
          disabled={disabled}
          onChange={(draws) => setSimulation({ draws })}
        />
        <TextField
          fieldKey="simulation.cv"
          label="Spread of actual spend (coefficient of variation)"
          hint="One standard deviation as a percentage of expected, e.g. 5."
          unit="percent"
          value={simulation.cv}
          error={errors['simulation.cv']}
          disabled={disabled}
          onChange={(cv) => setSimulation({ cv })}
        />
        <Field label="Distribution">
          <Select
            id={fieldId('simulation.distribution')}
            value={simulation.distribution}
            disabled={disabled}
            onChange={(_, d) =>
              setSimulation({
                distribution: d.value === 'lognormal' ? 'lognormal' : 'normal',
              })
            }
          >
            <option value="normal">Normal</option>
            <option value="lognormal">Lognormal (overspends can run further)</option>
          </Select>
        </Field>
        <TextField
          fieldKey="simulation.seed"
          label="Seed"
          hint="The same seed gives the same figures on every machine."
          unit="whole"
          value={simulation.seed}
          error={errors['simulation.seed']}
          disabled={disabled}
          onChange={(seed) => setSimulation({ seed })}
        />
        <TextField
          fieldKey="simulation.lossThreshold"
          label="Loss threshold"
          hint="Also show the chance of a loss larger than this. Blank for none."
          unit="money"
          value={simulation.lossThreshold}
          error={errors['simulation.lossThreshold']}
          disabled={disabled}
          onChange={(lossThreshold) => setSimulation({ lossThreshold })}
        />
      </Optional>
    </>
  );
}
