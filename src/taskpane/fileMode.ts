/**
 * The file mode for a plain browser: a .xlsx file opened with the .xlsx adapter, worked
 * on with the same operations as in Excel, then downloaded. The adapter is fetched only
 * when the user chooses a file.
 */
import type { FileMode } from './operations';

export function createFileMode(): FileMode {
  return {
    available: true,
    open: async (fileName, bytes) => {
      const { openFileSession } = await import(/* webpackChunkName: "file-mode" */ './fileSession');
      return openFileSession(fileName, bytes);
    },
  };
}
