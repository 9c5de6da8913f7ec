import type { ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
import type { FormErrors } from '../forms/fields';
import { bandKey, type BandRow } from '../forms/gainLossForm';
import { TextField } from './TextField';
import { usePaneStyles } from './styles';

interface Props {
  readonly side: 'gain' | 'loss';
  readonly bands: readonly BandRow[];
  readonly bandLimits: 'fraction' | 'amount';
  readonly parties: readonly string[];
  readonly errors: FormErrors;
  readonly disabled: boolean;
  readonly onChange: (bands: readonly BandRow[]) => void;
}

const SIDE = { gain: 'Gain', loss: 'Loss' } as const;

function bandTitle(props: Props, index: number): string {
  const name = `${SIDE[props.side]} band ${index + 1}`;
  if (props.bands.length === 1) return `${name}: all of a ${props.side}`;
  if (index === props.bands.length - 1) return `${name}: the rest`;
  return name;
}

/**
 * Bands of a gain or a loss, each a stacked group (the pane is narrow): where it ends
 * (all but the last, which is open-ended) and every party's share.
 */
export function BandEditor(props: Props): ReactNode {
  const styles = usePaneStyles();
  const { bands, side, errors, disabled } = props;
  const update = (index: number, band: BandRow): void =>
    props.onChange(bands.map((b, i) => (i === index ? band : b)));
  const add = (): void => {
    const last = bands[bands.length - 1];
    const shares = last?.shares ?? {};
    // The open last band gets a limit to fill in; the new band copies its shares.
    props.onChange([...bands.slice(0, -1), { upTo: '', shares }, { upTo: '', shares }]);
  };
  const remove = (index: number): void => {
    const next = bands.filter((_, i) => i !== index);
    props.onChange(next.map((b, i) => (i === next.length - 1 ? { ...b, upTo: '' } : b)));
  };
  const unit = props.bandLimits === 'fraction' ? 'percent' : 'money';
  const limitLabel =
    props.bandLimits === 'fraction' ? 'Ends at (% of expected spend)' : 'Ends at (£ of variance)';
  return (
    <div className={styles.stack}>
      {bands.map((band, i) => (
        <fieldset key={i} className={styles.group}>
          <legend className={styles.legend}>{bandTitle(props, i)}</legend>
          {i < bands.length - 1 ? (
            <TextField
              fieldKey={bandKey(side, i, 'upTo')}
              label={limitLabel}
              unit={unit}
              value={band.upTo}
              error={errors[bandKey(side, i, 'upTo')]}
              disabled={disabled}
              onChange={(upTo) => update(i, { ...band, upTo })}
            />
          ) : null}
          {props.parties.map((party) => (
            <TextField
              key={party}
              fieldKey={bandKey(side, i, `share.${party}`)}
              label={`${party} share (%)`}
              unit="percent"
              value={band.shares[party] ?? ''}
              error={errors[bandKey(side, i, `share.${party}`)]}
              disabled={disabled}
              onChange={(v) => update(i, { ...band, shares: { ...band.shares, [party]: v } })}
            />
          ))}
          {errors[bandKey(side, i, 'shares')] === undefined ? null : (
            <p className={styles.error} role="alert">
              {errors[bandKey(side, i, 'shares')]}
            </p>
          )}
          {bands.length > 1 ? (
            <div className={styles.row}>
              <Button size="small" disabled={disabled} onClick={() => remove(i)}>
                Remove {SIDE[side].toLowerCase()} band {i + 1}
              </Button>
            </div>
          ) : null}
        </fieldset>
      ))}
      <div className={styles.row}>
        <Button size="small" disabled={disabled} onClick={add}>
          Add a {side} band
        </Button>
      </div>
    </div>
  );
}
