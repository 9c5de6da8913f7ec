import type { ReactNode } from 'react';
import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { FormErrors } from '../../forms/fields';
import { bandKey, type BandRow } from './gainLossForm';
import { fieldId } from '../../components/fieldId';
import { usePaneStyles } from '../../components/styles';

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

const useStyles = makeStyles({
  // Each band is a row of the same columns: up to | each party's % | remove.
  row: {
    display: 'grid',
    columnGap: tokens.spacingHorizontalXS,
    alignItems: 'center',
    minWidth: 0,
  },
  head: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  input: { minWidth: 0, width: '100%' },
  rest: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  spacer: { width: '24px' },
});

function bandTitle(props: Props, index: number): string {
  const name = `${SIDE[props.side]} band ${index + 1}`;
  if (props.bands.length === 1) return `${name}: all of a ${props.side}`;
  if (index === props.bands.length - 1) return `${name}: the rest`;
  return name;
}

/** The messages of one band, under its row. */
function bandErrors(props: Props, index: number): string[] {
  const keys = [
    bandKey(props.side, index, 'upTo'),
    ...props.parties.map((p) => bandKey(props.side, index, `share.${p}`)),
    bandKey(props.side, index, 'shares'),
  ];
  return keys.flatMap((k) => {
    const message = props.errors[k];
    return message === undefined ? [] : [message];
  });
}

/**
 * The bands of a gain or a loss as a grid, one row a band: where it ends (the last band
 * takes the rest) and each party's share. Each row is a named group and each box is
 * named for what it holds, so a screen reader hears "Gain band 1, Circle share (%)".
 */
export function BandEditor(props: Props): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const { bands, side, errors, disabled, parties } = props;
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
  const fraction = props.bandLimits === 'fraction';
  const limitLabel = fraction ? 'Ends at (% of expected spend)' : 'Ends at (£ of variance)';
  const columns = {
    gridTemplateColumns: `minmax(0, 1.2fr) repeat(${parties.length}, minmax(0, 1fr)) 24px`,
  };
  return (
    <div className={pane.stack}>
      <div className={styles.row} style={columns} aria-hidden="true">
        <span className={styles.head}>{fraction ? 'Up to (%)' : 'Up to (£)'}</span>
        {parties.map((p) => (
          <span key={p} className={styles.head}>
            {p} %
          </span>
        ))}
        <span className={styles.spacer} />
      </div>
      {bands.map((band, i) => {
        const messages = bandErrors(props, i);
        const errorId = `${fieldId(bandKey(side, i, 'errors'))}`;
        const invalid = (part: string): boolean => errors[bandKey(side, i, part)] !== undefined;
        return (
          <div key={i} role="group" aria-label={bandTitle(props, i)} className={pane.stack}>
            <div className={styles.row} style={columns}>
              {i < bands.length - 1 ? (
                <Input
                  id={fieldId(bandKey(side, i, 'upTo'))}
                  className={styles.input}
                  size="small"
                  aria-label={limitLabel}
                  aria-invalid={invalid('upTo') || undefined}
                  aria-describedby={messages.length > 0 ? errorId : undefined}
                  inputMode="decimal"
                  value={band.upTo}
                  disabled={disabled}
                  onChange={(_, d) => update(i, { ...band, upTo: d.value })}
                />
              ) : (
                <span className={styles.rest}>{i === 0 ? 'all' : 'the rest'}</span>
              )}
              {parties.map((party) => (
                <Input
                  key={party}
                  id={fieldId(bandKey(side, i, `share.${party}`))}
                  className={styles.input}
                  size="small"
                  aria-label={`${party} share (%)`}
                  aria-invalid={invalid(`share.${party}`) || invalid('shares') || undefined}
                  aria-describedby={messages.length > 0 ? errorId : undefined}
                  inputMode="decimal"
                  value={band.shares[party] ?? ''}
                  disabled={disabled}
                  onChange={(_, d) =>
                    update(i, { ...band, shares: { ...band.shares, [party]: d.value } })
                  }
                />
              ))}
              {bands.length > 1 ? (
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={`Remove ${side} band ${i + 1}`}
                  disabled={disabled}
                  onClick={() => remove(i)}
                />
              ) : (
                <span className={styles.spacer} />
              )}
            </div>
            {messages.length === 0 ? null : (
              <p className={pane.error} id={errorId} role="alert">
                {messages.join(' ')}
              </p>
            )}
          </div>
        );
      })}
      <div className={pane.row}>
        <Button size="small" disabled={disabled} onClick={add}>
          Add a {side} band
        </Button>
      </div>
    </div>
  );
}
