import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/**
 * The look every chart in the pane shares (the outturn curve, the result sheet's charts):
 * a figure with the chart above its table of exact figures, the table scrolling inside
 * the pane rather than widening it.
 */
export const useChartTableStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tableBox: { overflowX: 'auto', maxWidth: '100%' },
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
  first: { textAlign: 'start' },
});
