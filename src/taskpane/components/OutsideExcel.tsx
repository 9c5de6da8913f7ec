import { useEffect, useState, type ChangeEvent, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { errorText } from '../errorText';
import type { FileMode, FileSession } from '../operations';
import { OperationsProvider } from '../operationsContext';
import { Section } from './Section';
import { usePaneStyles } from './styles';
import { Workflow } from './Workflow';

function completedName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')} (completed).xlsx`;
}

/** Saves the session's workbook through a download link. */
function DownloadButton(props: { readonly session: FileSession }): ReactNode {
  const [error, setError] = useState<string | undefined>(undefined);
  const styles = usePaneStyles();
  const download = async (): Promise<void> => {
    try {
      const blob = await props.session.save();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = completedName(props.session.fileName);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void download()}>
          Download the completed workbook
        </Button>
      </div>
      {error === undefined ? null : (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The page opened in a plain browser (Office reported no host): says so, and offers the
 * file mode: choose a .xlsx file, work on it as in Excel, download the result.
 */
export function OutsideExcel(props: {
  readonly fileMode: FileMode;
  readonly onInteractive?: () => void;
}): ReactNode {
  const styles = usePaneStyles();
  const [session, setSession] = useState<FileSession | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [opening, setOpening] = useState(false);
  // Each opened file gets a fresh workflow, even when it has the same name.
  const [opened, setOpened] = useState(0);
  const { fileMode, onInteractive } = props;

  useEffect(() => {
    if (session === undefined) onInteractive?.();
  }, [session, onInteractive]);

  const choose = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    if (file === undefined || !fileMode.available) return;
    setOpening(true);
    setError(undefined);
    try {
      setSession(await fileMode.open(file.name, await file.arrayBuffer()));
      setOpened((n) => n + 1);
    } catch (e) {
      setError(`Could not open ${file.name}: ${errorText(e)}`);
    } finally {
      setOpening(false);
    }
  };

  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Not running in Excel.</MessageBarTitle> This page is open in a web
          browser, outside Excel. To use the add-in on a workbook in Excel, add it to Excel (see the
          README). Here you can work on a saved .xlsx file instead.
        </MessageBarBody>
      </MessageBar>
      <Section id="file" title="Work on a file">
        {fileMode.available ? (
          <>
            <label className={styles.text} htmlFor="xlsx-file">
              Choose a workbook (.xlsx)
            </label>
            <input
              id="xlsx-file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={opening}
              onChange={(e) => void choose(e)}
            />
            {opening ? <p className={styles.hint}>Opening…</p> : null}
            {error === undefined ? null : (
              <p className={styles.error} role="alert">
                {error}
              </p>
            )}
            {session === undefined ? null : (
              <>
                <p className={styles.text}>Working on {session.fileName}.</p>
                <DownloadButton session={session} />
              </>
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
          <Workflow />
        </OperationsProvider>
      )}
    </>
  );
}
