import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { errorCode, errorText } from '../errorText';
import type { FileMode, FileSession } from '../operations';
import { OperationsProvider } from '../operationsContext';
import { Section } from './Section';
import { ErrorDetails, StatusMessage, type PaneMessage } from './StatusMessage';
import { usePaneStyles } from './styles';
import { Workflow } from './Workflow';

const useStyles = makeStyles({
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  input: { display: 'none' },
});

function completedName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')} (completed).xlsx`;
}

/** Saves the session's workbook through a download link, then says so where it was pressed. */
function DownloadButton(props: { readonly session: FileSession }): ReactNode {
  const [message, setMessage] = useState<PaneMessage | undefined>(undefined);
  const styles = usePaneStyles();
  const download = async (): Promise<void> => {
    const name = completedName(props.session.fileName);
    try {
      const blob = await props.session.save();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage({
        intent: 'success',
        title: 'Downloaded.',
        text: `The workbook with the results is saved as “${name}” where your browser keeps downloads. The file you chose is unchanged.`,
      });
    } catch (e) {
      const code = errorCode(e);
      setMessage({
        intent: 'error',
        title: 'Could not download the workbook.',
        text: errorText(e),
        ...(code === undefined ? {} : { code }),
      });
    }
  };
  return (
    <div className={styles.stack}>
      <StatusMessage message={message} onDismiss={() => setMessage(undefined)} />
      <div className={styles.row}>
        <Button icon={<ArrowDownload20Regular />} onClick={() => void download()}>
          Download the completed workbook
        </Button>
      </div>
    </div>
  );
}

/**
 * The page opened in a plain browser (Office reported no host): says so, and offers the
 * file mode: drop or choose a .xlsx file, work on it as in Excel, download the result.
 */
export function OutsideExcel(props: {
  readonly fileMode: FileMode;
  readonly onInteractive?: () => void;
}): ReactNode {
  const styles = usePaneStyles();
  const own = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [session, setSession] = useState<FileSession | undefined>(undefined);
  const [error, setError] = useState<{ text: string; code?: string } | undefined>(undefined);
  const [opening, setOpening] = useState(false);
  const [over, setOver] = useState(false);
  // Each opened file gets a fresh workflow, even when it has the same name.
  const [opened, setOpened] = useState(0);
  const { fileMode, onInteractive } = props;

  useEffect(() => {
    if (session === undefined) onInteractive?.();
  }, [session, onInteractive]);

  const openFile = async (file: File | undefined): Promise<void> => {
    if (file === undefined || !fileMode.available) return;
    setOpening(true);
    setError(undefined);
    try {
      setSession(await fileMode.open(file.name, await file.arrayBuffer()));
      setOpened((n) => n + 1);
    } catch (e) {
      const code = errorCode(e);
      setError({
        text: `Could not open ${file.name}: ${errorText(e)}`,
        ...(code === undefined ? {} : { code }),
      });
    } finally {
      setOpening(false);
    }
  };

  const drop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setOver(false);
    void openFile(event.dataTransfer.files[0]);
  };

  return (
    <>
      {session === undefined ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not running in Excel.</MessageBarTitle> This page is open in a web
            browser. To work on a workbook open in Excel, add the add-in to Excel (Home, then
            Add-ins) and open it from the ribbon. Here you can work on a saved .xlsx file instead:
            open it below, run the calculations, then download the completed workbook. The file
            stays on this computer.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Section
        id="file"
        title={session === undefined ? 'Work on a file' : `Working on ${session.fileName}`}
      >
        {fileMode.available ? (
          <>
            <div
              className={mergeClasses(own.drop, over && own.over)}
              onDragOver={(e) => {
                e.preventDefault();
                setOver(true);
              }}
              onDragLeave={() => setOver(false)}
              onDrop={drop}
              data-drop-zone=""
            >
              <p className={styles.text}>
                {session === undefined
                  ? 'Drop a workbook (.xlsx) here, or choose one.'
                  : 'Drop another workbook here, or choose one, to work on it instead.'}
              </p>
              <input
                ref={input}
                id="xlsx-file"
                className={own.input}
                type="file"
                aria-label="Choose a workbook (.xlsx)"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                disabled={opening}
                onChange={(e) => void openFile(e.target.files?.[0])}
              />
              <Button
                appearance={session === undefined ? 'primary' : 'secondary'}
                icon={<ArrowUpload20Regular />}
                disabled={opening}
                onClick={() => input.current?.click()}
              >
                Choose a workbook
              </Button>
            </div>
            {opening ? <p className={styles.hint}>Opening…</p> : null}
            {error === undefined ? null : (
              <div className={styles.stack}>
                <p className={styles.error} role="alert">
                  {error.text}
                </p>
                <ErrorDetails code={error.code} />
              </div>
            )}
            {session === undefined ? null : (
              <p className={styles.text}>Working on {session.fileName}.</p>
            )}
          </>
        ) : (
          <p className={styles.text} role="status">
            The file mode is unavailable: {fileMode.reason}
          </p>
        )}
      </Section>
      {session === undefined ? null : (
        <OperationsProvider key={opened} operations={session}>
          <Workflow fileActions={<DownloadButton session={session} />} />
        </OperationsProvider>
      )}
    </>
  );
}
