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

/**
 * The narrowest chart box (CSS px) the chart library lays out. Measured in Chromium with
 * the pane at 160, 200, 240, 270 and 320 px (chart boxes 32 px narrower: 128, 168, 208,
 * 238, 288): in the 128 px box the y-axis labels ran over the first bar and the last bar
 * was drawn past the box's right edge; from 168 px up axes, bars and (wrapped) category
 * names fit. Below this width the figure shows its table instead. 200% zoom of a 320 px
 * pane (128) is below it; Excel on Mac's default 270 px pane (238) and Windows' 320 px
 * (288) are above.
 */
export const MIN_CHART_WIDTH = 160;

/** Whether a chart box this wide (CSS px) is too narrow for the chart to be drawn in it. */
export const tooNarrowForChart = (width: number): boolean => width < MIN_CHART_WIDTH;

/** The line a too-narrow figure shows where its chart would be. */
export const NARROW_CHART_TEXT = 'The chart needs a wider pane: its figures are in this table.';
