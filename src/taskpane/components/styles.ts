/** Layout shared by the pane's sections: one column, made for a 320 px wide pane. */
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const usePaneStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    ...typographyStyles.subtitle2,
    margin: 0,
  },
  subheading: {
    ...typographyStyles.body1Strong,
    margin: 0,
  },
  text: {
    ...typographyStyles.body1,
    margin: 0,
  },
  hint: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
    margin: 0,
  },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  plainList: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: {
    ...typographyStyles.body1Strong,
    paddingInline: tokens.spacingHorizontalXS,
  },
  details: {
    ...typographyStyles.caption1,
    marginBlockStart: tokens.spacingVerticalXS,
    '& > summary': { cursor: 'pointer' },
  },
  error: {
    ...typographyStyles.caption1,
    color: tokens.colorPaletteRedForeground1,
    margin: 0,
  },
});
