/**
 * The file mode for a plain browser: a .xlsx file opened with the xlsx adapter, worked
 * on with the same operations as in Excel, then downloaded.
 */
import type { FileMode } from './operations';

export function createFileMode(): FileMode {
  return {
    available: false,
    reason: 'the .xlsx file adapter is not part of this build yet.',
  };
}
