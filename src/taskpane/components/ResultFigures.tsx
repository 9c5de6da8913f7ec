import { useId, useState, type ReactNode } from 'react';
import {
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { HeadlineFigure } from '../operations';
import { MONEY_UNITS, figureInUnits, moneyValueOf, figureText, type MoneyUnits } from '../ukFormat';
import { usePaneStyles } from './styles';

// At 200% zoom the pane is about 160 CSS px wide: a label and a figure side by side no
// longer fit, so each figure goes under its label.
const NARROW = '@media (max-width: 240px)';

const useStyles = makeStyles({
  units: { flexWrap: 'wrap' },
  row: { [NARROW]: { display: 'block' } },
  table: {
    ...typographyStyles.body1,
    borderCollapse: 'collapse',
    width: '100%',
    fontVariantNumeric: 'tabular-nums',
  },
  label: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInlineEnd: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    [NARROW]: { display: 'block', borderBottom: 'none', paddingBlockEnd: 0 },
  },
  value: {
    textAlign: 'end',
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    [NARROW]: { display: 'block', textAlign: 'start' },
  },
});

const isMoney = (f: HeadlineFigure): boolean => moneyValueOf(figureText(f)) !== undefined;

/** What the units switch says about rounding, for the chosen units. */
export function unitsNote(units: MoneyUnits): string {
  if (units === 'pounds') return 'Exact to the penny, as on the sheet.';
  const unit = MONEY_UNITS[units];
  return `In ${units} of pounds, rounded to ${unit.places} decimal ${unit.places === 1 ? 'place' : 'places'} (halves away from zero); the sheet stays exact to the penny.`;
}

/**
 * A run's headline figures as a compact table, with a switch to show the money in
 * pounds, thousands or millions (for board papers). Display only: the figures are
 * scaled by exact decimal division and rounded as {@link unitsNote} says.
 */
export function ResultFigures(props: {
  readonly title: string;
  readonly headline: readonly HeadlineFigure[];
}): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const [units, setUnits] = useState<MoneyUnits>('pounds');
  const noteId = useId();
  const money = props.headline.some(isMoney);
  return (
    <div className={pane.stack}>
      {money ? (
        <RadioGroup
          className={styles.units}
          layout="horizontal"
          aria-label="Show amounts in"
          aria-describedby={noteId}
          value={units}
          onChange={(_, d) => setUnits(d.value as MoneyUnits)}
        >
          {(Object.keys(MONEY_UNITS) as MoneyUnits[]).map((u) => (
            <Radio key={u} value={u} label={MONEY_UNITS[u].label} />
          ))}
        </RadioGroup>
      ) : null}
      <table className={styles.table} aria-label={`${props.title} figures`}>
        <tbody>
          {props.headline.map((figure) => (
            <tr key={figure.label} className={styles.row}>
              <th scope="row" className={styles.label}>
                {figure.label}
              </th>
              <td className={styles.value}>{figureInUnits(figure, units)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {money ? (
        <p className={pane.hint} id={noteId}>
          {unitsNote(units)}
        </p>
      ) : null}
    </div>
  );
}
