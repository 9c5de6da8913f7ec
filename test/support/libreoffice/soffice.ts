/**
 * Running LibreOffice Calc headless (`soffice`, Debian libreoffice-calc-nogui) as the
 * independent check that a written .xlsx is a sound workbook. Each run gets its own
 * profile (`-env:UserInstallation`), so parallel jest workers never share one, and the
 * profile tells Calc to recalculate every formula on load (its default for .xlsx is to
 * trust the values saved in the file, which would hide a wrong formula).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How long one soffice call may take (its start alone is 2-5 s). */
const SOFFICE_TIMEOUT_MS = 120_000;

/** Calc's settings for the run: recalculate formulas on load, always, in .xlsx and .ods. */
const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * CSV export of every sheet, one file each (`<name>-<sheet>.csv`): comma, double quote,
 * UTF-8 (76), from line 1, no column formats, language default, quoted fields as text
 * off, detect special numbers on, cell contents as stored rather than as shown (false),
 * formulas off, no space trimming, and sheet -1 = all sheets (LibreOffice 7.2 and later).
 */
export const CSV_ALL_SHEETS =
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Runs a command, resolving with stdout; rejects with its stderr on failure. */
export function run(
  command: string,
  args: readonly string[],
  timeout = SOFFICE_TIMEOUT_MS,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      { timeout, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/** The installed LibreOffice's version line, e.g. "LibreOffice 7.4.7.2 40(Build:2)". */
export async function libreOfficeVersion(): Promise<string> {
  return (await run('soffice', ['--version'])).trim();
}

/**
 * Converts files with one soffice call (several files per call: LibreOffice starts once).
 *
 * @param files - Absolute paths of the input files.
 * @param target - A --convert-to target: "pdf" or a filter string like {@link CSV_ALL_SHEETS}.
 * @param outDir - Where the converted files go.
 * @returns soffice's output (it names each file written).
 */
export async function convert(
  files: readonly string[],
  target: string,
  outDir: string,
): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'bcf-lo-profile-'));
  try {
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
    mkdirSync(outDir, { recursive: true });
    return await run('soffice', [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      target,
      '--outdir',
      outDir,
      ...files,
    ]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
