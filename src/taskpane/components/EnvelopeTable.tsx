import type { ReactNode } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { EnvelopeYear } from '../operations';
import { figureText } from '../ukFormat';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  box: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    ...typographyStyles.caption1,
    borderCollapse: 'collapse',
    width: '100%',
    fontVariantNumeric: 'tabular-nums',
  },
  cell: {
    textAlign: 'end',
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInlineStart: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  year: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlockStart: tokens.spacingVerticalXS,
  },
});

const money = (value: string | undefined): string =>
  value === undefined ? '–' : figureText({ label: '', value, kind: 'money' });

/** Headroom with its sign spelled out: "+£27,700.00" or "−£9,783,207.80". */
export function headroomText(value: string | undefined): string {
  if (value === undefined) return '–';
  const text = money(value);
  return text.startsWith('−') || /^£0\.00$/.test(text) ? text : `+${text}`;
}

/** A funding envelope year by year: the envelope, planned spend and headroom (+) or shortfall (−). */
export function EnvelopeTable(props: { readonly years: readonly EnvelopeYear[] }): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const withPlan = props.years.some((y) => y.planned !== undefined);
  return (
    <div className={styles.box} tabIndex={0} role="region" aria-label="Envelope by year">
      <table className={styles.table}>
        <caption className={pane.hint}>
          {withPlan
            ? 'Headroom (+) is what the envelope leaves beyond the plan; a shortfall (−) is what the plan spends beyond it.'
            : 'No planned spend to compare: add a PlannedSpend table for headroom or shortfall.'}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              Envelope
            </th>
            {withPlan ? (
              <>
                <th scope="col" className={styles.cell}>
                  Planned
                </th>
                <th scope="col" className={styles.cell}>
                  Headroom (+) / shortfall (−)
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        {/* A year a row group, its name on a row of its own: three figures fit 320 px, four do not. */}
        {props.years.map((y) => (
          <tbody key={y.year}>
            <tr>
              <th scope="rowgroup" colSpan={withPlan ? 3 : 1} className={styles.year}>
                Year {y.year}
              </th>
            </tr>
            <tr>
              <td className={styles.cell}>{money(y.envelope)}</td>
              {withPlan ? (
                <>
                  <td className={styles.cell}>{money(y.planned)}</td>
                  <td className={styles.cell}>{headroomText(y.headroom)}</td>
                </>
              ) : null}
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
