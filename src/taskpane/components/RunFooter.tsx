import type { ReactNode } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Play20Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  // Fixed to the bottom of the pane, so Run is on screen however long the form; the
  // panel keeps room for it at its end (see `RUN_FOOTER_ROOM`).
  footer: {
    position: 'fixed',
    insetInline: 0,
    bottom: 0,
    zIndex: 2,
    boxSizing: 'border-box',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  button: { maxWidth: '100%', minWidth: 0 },
  room: { height: '64px', flexShrink: 0 },
});

/** The room a panel leaves at its end so the footer never covers its last line. */
export function RunFooterRoom(): ReactNode {
  return <div className={useStyles().room} aria-hidden />;
}

/** The sticky footer of the calculation screens: Run the chosen calculation. */
export function RunFooter(props: {
  /** The calculation's title; undefined until one is chosen. */
  readonly title: string | undefined;
  readonly disabled: boolean;
  /** The id of the text saying why it cannot run, when that is why it is disabled. */
  readonly blockedBy?: string;
  readonly onRun: () => void;
}): ReactNode {
  const styles = useStyles();
  return (
    <div className={styles.footer} role="region" aria-label="Run">
      <Button
        appearance="primary"
        className={styles.button}
        icon={<Play20Regular />}
        disabled={props.disabled || props.title === undefined}
        aria-describedby={props.blockedBy}
        onClick={props.onRun}
      >
        {props.title === undefined ? 'Run (choose a calculation)' : `Run ${props.title}`}
      </Button>
    </div>
  );
}
