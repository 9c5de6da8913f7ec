import type { ReactNode } from 'react';
import {
  makeStaticStyles,
  FluentProvider,
  makeStyles,
  tokens,
  typographyStyles,
  type Theme,
} from '@fluentui/react-components';

/** The pane fills Excel's task-pane frame edge to edge. */
const useBodyStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  // The height is the main landmark's, not the provider's: Fluent gives the provider's
  // class to every portal (tooltips, the charts' callouts) too, and a full-height portal
  // would lie over the pane and take its clicks.
  main: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '640px',
    paddingInline: tokens.spacingHorizontalM,
    paddingBlockEnd: tokens.spacingVerticalXXL,
    overflowWrap: 'break-word',
  },
  title: {
    ...typographyStyles.subtitle1,
    margin: 0,
    paddingBlock: tokens.spacingVerticalM,
  },
});

/** The pane's frame: the theme, one heading and the main landmark. */
export function PaneShell(props: {
  readonly theme: Theme;
  readonly children: ReactNode;
}): ReactNode {
  useBodyStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={props.theme}>
      <main className={styles.main} aria-labelledby="pane-title">
        <h1 className={styles.title} id="pane-title">
          BCF finance
        </h1>
        {props.children}
      </main>
    </FluentProvider>
  );
}
