import { useState, type ReactNode } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { usePaneStyles } from './styles';

/** The clipboard as the pane uses it; absent where the host offers none. */
function clipboard(): Pick<Clipboard, 'writeText'> | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.clipboard;
}

/**
 * "How these were reached": the run's explanation, closed at first (the figures come
 * first), with a button that copies the steps as plain text, one a line.
 */
export function HowReached(props: { readonly steps: readonly string[] }): ReactNode {
  const pane = usePaneStyles();
  const [copied, setCopied] = useState('');
  const copy = async (): Promise<void> => {
    const target = clipboard();
    if (target === undefined) {
      setCopied('This host does not let the pane copy: select the steps and copy them.');
      return;
    }
    try {
      await target.writeText(props.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'));
      setCopied(`Copied ${props.steps.length} ${props.steps.length === 1 ? 'step' : 'steps'}.`);
    } catch {
      setCopied('The pane could not copy: select the steps and copy them.');
    }
  };
  return (
    <Accordion collapsible>
      <AccordionItem value="how">
        <AccordionHeader as="h3">How these were reached</AccordionHeader>
        <AccordionPanel>
          <div className={pane.stack}>
            <ol className={pane.list}>
              {props.steps.map((line, i) => (
                <li key={i} className={pane.text}>
                  {line}
                </li>
              ))}
            </ol>
            <div className={pane.row}>
              <Button size="small" icon={<CopyRegular />} onClick={() => void copy()}>
                Copy the steps
              </Button>
              <span className={pane.hint} role="status">
                {copied}
              </span>
            </div>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
