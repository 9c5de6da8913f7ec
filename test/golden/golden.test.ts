/**
 * The golden files of every registered mechanism (test/support/goldenRunner.ts says what
 * a case file holds). The mechanisms come from the registry, not from the folders: a
 * mechanism with no folder fails here, and so does a folder of no mechanism.
 */
import { MECHANISM_LIST } from '../../src/workbook/mechanisms/index';
import { checkGolden, goldenFiles, strayFolders } from '../support/goldenRunner';

const root = __dirname;

describe.each(goldenFiles(root, MECHANISM_LIST))(
  'golden files: $mechanism',
  ({ mechanism, files }) => {
    it.each([...files])('%s', (file) => {
      checkGolden(root, MECHANISM_LIST, mechanism, file);
    });
  },
);

it('has golden files for every registered mechanism, and no folder for one it does not know', () => {
  expect(
    goldenFiles(root, MECHANISM_LIST).map(({ mechanism, files }) => ({
      mechanism,
      files: files.length > 0,
    })),
  ).toEqual(MECHANISM_LIST.map((m) => ({ mechanism: m.id, files: true })));
  expect(strayFolders(root, MECHANISM_LIST)).toEqual([]);
});
