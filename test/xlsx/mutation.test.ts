/**
 * The seeded mutation test: zip-level mutants (zipMutants.ts) of the shipped sample and
 * of the planning template `bcf template` writes, each run as `bcf run --mechanism pool`
 * does it (through the library: open, run, save), a few through the real command. Every
 * mutant either runs, with every part of its input in the output as it was stored
 * (except the parts a run rewrites, see REWRITTEN), or is refused with an XlsxError whose
 * message is one line naming the file. Never another exception, never a part lost.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openXlsx, XlsxError } from '../../src/adapters/xlsx';
import { chooseMechanisms } from '../../src/cli/mechanismChoice';
import { newWorkbook } from '../../src/cli/newWorkbook';
import { silentProgress } from '../../src/cli/progress';
import { runAll } from '../../src/cli/runCommand';
import { entryData, readZip, type ZipEntry } from '../../src/adapters/xlsx/zipPackage';
import { newPlanningTemplate } from '../../src/workbook/template';
import { bcf, ROOT, scratchDir } from '../cli/support/bcf';
import { mutants, type Mutant } from './zipMutants';

/**
 * The parts a run rewrites (graft.ts): the workbook part (its `<sheets>` and names), its
 * relationships, the styles (the result sheets' styles appended), the content types
 * (the new parts'), and docProps/app.xml (its sheet titles dropped). Besides these, a
 * run replaces the add-in's settings sheet (its part goes): see REPLACED.
 */
const REWRITTEN = new Set([
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  '[Content_Types].xml',
  'docProps/app.xml',
]);

/**
 * The part of the add-in's hidden settings sheet ("BCF_Settings"), which a run replaces
 * (it saves the run's parameters there); it has no parts of its own besides the sheet.
 */
const REPLACED: Readonly<Record<'sample' | 'template', readonly string[]>> = {
  sample: ['xl/worksheets/sheet12.xml'],
  template: ['xl/worksheets/sheet13.xml'],
};

const NAME = 'mutant.xlsx';
const MUTANTS_PER_FILE = 150;

type Outcome =
  | { readonly kind: 'refused'; readonly error: XlsxError }
  | { readonly kind: 'findings'; readonly first: string }
  | { readonly kind: 'ran'; readonly lost: readonly string[] }
  | { readonly kind: 'crashed'; readonly error: unknown };

/** The same part: the same stored bytes, or (stored otherwise) the same content. */
function samePart(before: ZipEntry, after: ZipEntry | undefined): boolean {
  if (after === undefined) return false;
  if (Buffer.from(before.raw).equals(Buffer.from(after.raw)) && before.crc === after.crc) {
    return before.method === after.method && before.size === after.size;
  }
  try {
    return Buffer.from(entryData(before)).equals(Buffer.from(entryData(after)));
  } catch {
    return false; // an input part that does not inflate must come through as stored
  }
}

/** The input parts missing from the output, or not as they were (but those `replaced`). */
async function lostParts(
  input: Uint8Array,
  output: Uint8Array,
  replaced: readonly string[],
): Promise<string[]> {
  const before = await readZip(input);
  const after = await readZip(output);
  const expected = (name: string): boolean => REWRITTEN.has(name) || replaced.includes(name);
  return [...before.values()]
    .filter((entry) => !expected(entry.name) && !samePart(entry, after.get(entry.name)))
    .map((entry) => entry.name)
    .concat([...REWRITTEN].filter((name) => before.has(name) && !after.has(name)));
}

/**
 * `bcf run --mechanism pool` on bytes, through the library: the output, the refusal, or
 * the first input finding (the command then lists them and exits 2, writing nothing).
 */
async function runPool(bytes: Uint8Array): Promise<Uint8Array | XlsxError | string> {
  try {
    const workbook = await openXlsx(bytes, NAME);
    const mechanisms = chooseMechanisms('pool', await workbook.listTables());
    const runs = await runAll(workbook, mechanisms, { now: new Date(), progress: silentProgress });
    const findings = runs.flatMap((r) => r.findings);
    if (findings.length > 0) return findings[0]?.message ?? '';
    return await workbook.save();
  } catch (error) {
    if (error instanceof XlsxError) return error;
    throw error;
  }
}

async function outcome(mutant: Mutant, replaced: readonly string[]): Promise<Outcome> {
  try {
    const result = await runPool(mutant.bytes);
    if (result instanceof XlsxError) return { kind: 'refused', error: result };
    if (typeof result === 'string') return { kind: 'findings', first: result };
    return { kind: 'ran', lost: await lostParts(mutant.bytes, result, replaced) };
  } catch (error) {
    return { kind: 'crashed', error };
  }
}

async function templateBytes(): Promise<Uint8Array> {
  const workbook = newWorkbook();
  await newPlanningTemplate(workbook, { now: new Date(Date.UTC(2025, 3, 1)) });
  return workbook.save();
}

describe('seeded zip mutants of the sample and the template', () => {
  jest.setTimeout(120_000);

  it('each runs keeping every part, or is refused with a one-line XlsxError; none crashes', async () => {
    const sample = new Uint8Array(readFileSync(join(ROOT, 'assets/samples/bcf-example.xlsx')));
    const template = await templateBytes();
    // The unmutated files run, and lose nothing but the settings sheet replaced.
    for (const [original, replaced] of [
      [sample, REPLACED.sample],
      [template, REPLACED.template],
    ] as const) {
      const output = await runPool(original);
      if (!(output instanceof Uint8Array))
        throw new Error(`the original is refused: ${String(output)}`);
      expect(await lostParts(original, output, [])).toEqual(replaced);
      expect(await lostParts(original, output, replaced)).toEqual([]);
    }
    const all = [
      ...(await mutants(sample, MUTANTS_PER_FILE, 20251202)).map((m) => ({
        mutant: m,
        replaced: REPLACED.sample,
      })),
      ...(await mutants(template, MUTANTS_PER_FILE, 4410)).map((m) => ({
        mutant: m,
        replaced: REPLACED.template,
      })),
    ];
    const byKind = new Map<string, { refused: number; ran: number }>();
    const crashes: string[] = [];
    const losses: string[] = [];
    const badMessages: string[] = [];
    let refused = 0;
    let ran = 0;
    for (const { mutant, replaced } of all) {
      const result = await outcome(mutant, replaced);
      const counts = byKind.get(mutant.kind) ?? { refused: 0, ran: 0 };
      byKind.set(mutant.kind, counts);
      if (result.kind === 'crashed') {
        crashes.push(`${mutant.kind} (${mutant.what}): ${String(result.error)}`);
      } else if (result.kind === 'findings') {
        // Input findings (a stored cell changed but still valid zip): listed, nothing written.
        refused += 1;
        counts.refused += 1;
      } else if (result.kind === 'refused') {
        refused += 1;
        counts.refused += 1;
        const message = result.error.message;
        if (/[\r\n]/.test(message) || !message.includes(NAME)) {
          badMessages.push(`${mutant.kind} (${mutant.what}): ${message}`);
        }
      } else {
        ran += 1;
        counts.ran += 1;
        if (result.lost.length > 0) {
          losses.push(`${mutant.kind} (${mutant.what}): lost ${result.lost.join(', ')}`);
        }
      }
    }
    const kinds = [...byKind].map(([kind, c]) => `${kind} ${c.refused}/${c.ran}`).join(', ');
    process.stdout.write(
      `mutation: ${all.length} mutants, ${refused} refused, ${ran} ran with every part kept, ` +
        `${crashes.length} crashes, ${losses.length} losses (refused/ran by kind: ${kinds})\n`,
    );
    expect(crashes).toEqual([]);
    expect(losses).toEqual([]);
    expect(badMessages).toEqual([]);
    expect(refused + ran).toBe(all.length);
    // Every kind of mutant was made, and both outcomes happen.
    expect([...byKind.keys()].sort()).toEqual([
      'bit flips',
      'entry deleted',
      'huge size',
      'offset past end',
      'reordered',
      'size lies',
      'truncated',
      'zip64 repack',
    ]);
    expect(byKind.get('reordered')?.refused).toBe(0);
    expect(byKind.get('offset past end')?.ran).toBe(0);
    expect(ran).toBeGreaterThan(0);
  });

  it('through the real command: a damaged file is one line and exit 2, a repacked one runs', async () => {
    const dir = scratchDir('bcf-mutants-');
    const sample = new Uint8Array(readFileSync(join(ROOT, 'assets/samples/bcf-example.xlsx')));
    const made = await mutants(sample, 12, 7);
    const pickKind = (kind: string): Mutant => {
      const found = made.find((m) => m.kind === kind);
      if (!found) throw new Error(`no ${kind} mutant`);
      return found;
    };
    for (const kind of ['offset past end', 'truncated']) {
      const file = join(dir, `${kind.replace(/ /g, '-')}.xlsx`);
      writeFileSync(file, pickKind(kind).bytes);
      const run = await bcf(['run', file, '--mechanism', 'pool']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(
          `^bcf run: XLSX\\.DAMAGED: ${file.replace(/[.\\/-]/g, '\\$&')} is damaged or incompletely downloaded \\([^\\n]+\\); [^\\n]+\\n$`,
        ),
      );
      expect(run.stdout).toBe('');
    }
    const file = join(dir, 'reordered.xlsx');
    writeFileSync(file, pickKind('reordered').bytes);
    const run = await bcf(['run', file, '--mechanism', 'pool']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const out = join(dir, 'reordered-results.xlsx');
    expect(
      await lostParts(pickKind('reordered').bytes, readFileSync(out), REPLACED.sample),
    ).toEqual([]);
  });
});
