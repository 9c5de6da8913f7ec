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
 * Phasing choice was 353 px), so every field, select and input may shrink to the column.
 */
const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
  '.fui-Field': { minWidth: 0 },
  '.fui-Select': { maxWidth: '100%', minWidth: 0 },
  '.fui-Select__select': { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
  // Fluent's inputs have a minimum width (about 250 px) that would not fit at 200% zoom.
  '.fui-Input, .fui-SpinButton, .fui-Textarea, .fui-Combobox, .fui-Dropdown': {
    minWidth: 0,
    maxWidth: '100%',
  },
  '.fui-Input__input, .fui-SpinButton__input': { minWidth: 0 },
});

const useStyles = makeStyles({
  // Not on the provider: Fluent gives its classes to the portals' mount node too (tooltips,
  // chart callouts), which at 100vh high would lie over the whole pane and take its clicks.
  provider: {
    boxSizing: 'border-box',
  },
  main: {
    minHeight: '100vh',
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
