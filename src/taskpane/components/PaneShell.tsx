import type { ReactNode } from 'react';
import {
  makeStaticStyles,
  FluentProvider,
  makeStyles,
  tokens,
  type Theme,
} from '@fluentui/react-components';

/**
 * The pane fills Excel's task-pane frame edge to edge. Drop-downs never grow past the
 * pane: a native select is as wide as its longest option (the Pay for performance
 * Phasing choice was 353 px), so every field and select may shrink to the column.
 */
const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
  '.fui-Field': { minWidth: 0 },
  '.fui-Select': { maxWidth: '100%', minWidth: 0 },
  '.fui-Select__select': { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
});

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  main: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '640px',
    // 16 px at each side, as the add-in design guidance asks for a narrow pane.
    paddingInline: tokens.spacingHorizontalL,
    overflowWrap: 'break-word',
  },
});

/**
 * The pane's frame: the theme and the main landmark. No heading with the add-in's name:
 * the task pane's title bar already shows it.
 */
export function PaneShell(props: {
  readonly theme: Theme;
  readonly children: ReactNode;
}): ReactNode {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={props.theme} className={styles.provider}>
      <main className={styles.main} aria-label="BCF finance">
        {props.children}
      </main>
    </FluentProvider>
  );
}
