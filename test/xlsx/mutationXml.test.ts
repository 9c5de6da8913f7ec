/**
 * A seeded mutation test of the package's XML (the zip-level mutants are in
 * mutation.test.ts): over the shipped sample (assets/samples/bcf-example.xlsx) and the
 * planning template, mutants with every SpreadsheetML and package part prefixed
 * (`<x:c>`), with empty text results in formula cells, with malformed XML injected into
 * a random part, and without [Content_Types].xml or the workbook's relationships. Each
 * runs every mechanism the workbook has tables for, as `bcf run` does, and saves. Every
 * mutant must either be written with every original part kept (byte for byte, but for
 * the parts a graft edits and those it replaces on purpose) or be refused with a typed
 * error (XlsxError, or findings); never another exception, never a lost part. The counts
 * are printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openXlsx, XlsxError } from '../../src/adapters/xlsx';
import { readParts, writeParts, type Parts } from '../../src/adapters/xlsx/zipParts';
import { chooseMechanisms } from '../../src/cli/mechanismChoice';
import { stepsProgress } from '../../src/cli/progress';
import { runAll } from '../../src/cli/runCommand';
import { newWorkbook } from '../../src/cli/newWorkbook';
import { WorkbookError } from '../../src/workbook/errors';
import { newPlanningTemplate } from '../../src/workbook/template';
import { prefixPart } from './producerParts';

jest.setTimeout(600_000);

const SEED = 20261202;
const PER_KIND = 6;
const NOW = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));
/** Parts a graft edits. */
const REWRITTEN = new Set([
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  '[Content_Types].xml',
  'docProps/app.xml',
]);
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A deterministic pseudo-random sequence in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

type Mutant = { readonly name: string; readonly parts: Parts; readonly damaged?: string };
type Mutator = (parts: Parts, next: () => number) => Mutant;

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

function xmlParts(parts: Parts): string[] {
  return [...parts.keys()].filter((name) => /\.(xml|rels)$/.test(name));
}

function edit(parts: Parts, name: string, change: (xml: string) => string): Parts {
  const copy: Parts = new Map(parts);
  copy.set(name, encoder.encode(change(decoder.decode(parts.get(name)))));
  return copy;
}

const MUTATORS: Readonly<Record<string, Mutator>> = {
  prefixed: (parts, next) => {
    const prefix = pick(['x', 'ss', 'main', 's1'], next);
    const copy: Parts = new Map(parts);
    for (const name of xmlParts(parts)) {
      if (next() < 0.8)
        copy.set(name, encoder.encode(prefixPart(decoder.decode(parts.get(name)), prefix)));
    }
    return { name: `prefixed ${prefix}:`, parts: copy };
  },
  emptyText: (parts, next) => {
    const sheets = [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const sheet = pick(sheets, next);
    let count = 0;
    const mutated = edit(parts, sheet, (xml) =>
      xml.replace(
        /<c r="([A-Z]+\d+)"([^>]*)>(<v>[^<]*<\/v>)<\/c>/g,
        (whole, ref: string, attrs: string) => {
          if (next() > 0.15) return whole;
          count += 1;
          const style = /\ss="\d+"/.exec(attrs)?.[0] ?? '';
          return `<c r="${ref}"${style} t="str"><f>IF(TRUE,"","x")</f>${next() < 0.5 ? '<v></v>' : '<v/>'}</c>`;
        },
      ),
    );
    return { name: `empty text results in ${count} cells of ${sheet}`, parts: mutated };
  },
  malformed: (parts, next) => {
    const part = pick(xmlParts(parts), next);
    const xml = decoder.decode(parts.get(part));
    const at = Math.floor(next() * xml.length);
    const [how, change] = pick<[string, (x: string) => string]>(
      [
        ['cut short', (x) => x.slice(0, at)],
        ['a stray <', (x) => `${x.slice(0, at)}<${x.slice(at)}`],
        ['an unknown entity', (x) => `${x.slice(0, at)}&bogus;${x.slice(at)}`],
        ['text after the root', (x) => `${x}\ntrailing`],
        ['an unmatched close tag', (x) => `${x.slice(0, at)}</nope>${x.slice(at)}`],
      ],
      next,
    );
    return { name: `${part} ${how} at ${at}`, parts: edit(parts, part, change), damaged: part };
  },
  missing: (parts, next) => {
    const part = pick(
      ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml'],
      next,
    );
    const copy: Parts = new Map(parts);
    copy.delete(part);
    return { name: `without ${part}`, parts: copy };
  },
};

type Outcome = 'written' | 'refused';

/**
 * Runs every mechanism with tables, as bcf run does, and saves: also after findings
 * (which bcf run would report without writing), so that every mutant's parts are
 * compared whatever its tables hold.
 */
async function runAndSave(
  bytes: Uint8Array,
): Promise<{ outcome: Outcome; findings: boolean; output?: Uint8Array }> {
  try {
    const workbook = await openXlsx(bytes, 'mutant.xlsx');
    const mechanisms = chooseMechanisms(undefined, await workbook.listTables());
    const runs = await runAll(workbook, mechanisms, {
      now: NOW,
      progress: stepsProgress('run', mechanisms.length, true),
    });
    const findings = mechanisms.length === 0 || runs.some((run) => run.findings.length > 0);
    return { outcome: 'written', findings, output: await workbook.save() };
  } catch (error) {
    if (error instanceof XlsxError || error instanceof WorkbookError) {
      return { outcome: 'refused', findings: false };
    }
    throw error;
  }
}

/** The input's parts the output lacks, or has changed, but for those a graft edits or drops. */
function lostParts(input: Parts, output: Parts, dropped: ReadonlySet<string>): string[] {
  return [...input]
    .filter(([name]) => !REWRITTEN.has(name) && !dropped.has(name))
    .filter(([name, data]) => !Buffer.from(data).equals(Buffer.from(output.get(name) ?? [])))
    .map(([name]) => name);
}

async function templateBytes(): Promise<Uint8Array> {
  const workbook = newWorkbook();
  await newPlanningTemplate(workbook, { now: NOW });
  return workbook.save();
}

describe('seeded mutants of the XML parts of the sample and the template', () => {
  it('are each written with every original part kept, or refused with a typed error', async () => {
    const bases: [string, Uint8Array][] = [
      [
        'sample',
        new Uint8Array(readFileSync(join(__dirname, '../../assets/samples/bcf-example.xlsx'))),
      ],
      ['template', await templateBytes()],
    ];
    const next = random(SEED);
    const counts: Record<string, Record<Outcome | 'findings', number>> = {};
    const failures: string[] = [];
    for (const [base, bytes] of bases) {
      const parts = await readParts(bytes);
      // What a run over the unmutated file drops on purpose (the add-in's own sheets it replaces).
      const clean = await runAndSave(bytes);
      const cleanOut = clean.output === undefined ? new Map() : await readParts(clean.output);
      const dropped = new Set([...parts.keys()].filter((name) => !cleanOut.has(name)));
      for (const [kind, mutate] of Object.entries(MUTATORS)) {
        for (let i = 0; i < PER_KIND; i++) {
          const mutant = mutate(parts, next);
          const label = `${base}: ${mutant.name}`;
          let result: Awaited<ReturnType<typeof runAndSave>>;
          try {
            result = await runAndSave(await writeParts(mutant.parts));
          } catch (error) {
            failures.push(
              `${label}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
            );
            continue;
          }
          const tally = (counts[kind] ??= { written: 0, refused: 0, findings: 0 });
          tally[result.outcome] += 1;
          if (result.findings) tally.findings += 1;
          // A damaged part the save edits was read: it must have been refused.
          if (
            result.output !== undefined &&
            mutant.damaged !== undefined &&
            REWRITTEN.has(mutant.damaged)
          ) {
            failures.push(`${label}: written, though the damaged part was read and rewritten`);
          }
          if (result.output !== undefined) {
            const lost = lostParts(mutant.parts, await readParts(result.output), dropped);
            if (lost.length > 0) failures.push(`${label}: lost ${lost.join(', ')}`);
            await (await openXlsx(result.output)).listTables(); // the output opens again
          }
        }
      }
    }
    const lines = Object.entries(counts).map(
      ([kind, c]) =>
        `${kind}: ${c.written} written with every part kept (${c.findings} of them with findings), ${c.refused} refused (XlsxError)`,
    );
    console.log(
      `XML mutation test (seed ${SEED}, ${PER_KIND} per kind per base):\n${lines.join('\n')}`,
    );
    expect(failures).toEqual([]);
    // Each kind was exercised, and prefixed packages are written, not refused.
    expect(counts.prefixed?.written).toBe(2 * PER_KIND);
    expect(counts.missing?.refused).toBe(2 * PER_KIND);
  });
});
