/**
 * Requirement sets: every Excel API member src/ uses (found with the TypeScript compiler,
 * its set read from the `[Api set: …]` tags of @types/office-js) must be covered by a set
 * the manifest declares, in the base manifest and in VersionOverrides, unless the code
 * asks `isSetSupported` first (test/support/apiSets.ts says what counts as a guard).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import {
  compareVersions,
  excelApiUses,
  programOver,
  undeclaredUses,
  type ApiSet,
  type ApiUse,
} from '../support/apiSets';
import { Manifest, REPO } from '../support/manifest';

const ROOT = join(REPO);
const manifest = new Manifest(readFileSync(join(REPO, 'manifest.xml'), 'utf8'));

/** The sets of the base manifest (`base`) or of VersionOverrides (`overrides`). */
function declaredSets(where: 'base' | 'overrides'): ApiSet[] {
  return manifest
    .all('Set')
    .filter((set) => (where === 'overrides') === (set.closest('VersionOverrides') !== null))
    .map((set) => ({
      name: set.getAttribute('Name') ?? '',
      version:
        set.getAttribute('MinVersion') ??
        set.parentElement?.getAttribute('DefaultMinVersion') ??
        '1.1',
    }));
}

function sourceFiles(): string[] {
  return ts.sys
    .readDirectory(join(REPO, 'src'), ['.ts', '.tsx'])
    .filter((file) => !file.endsWith('.d.ts'));
}

/** Synthetic sources for the tests of the check itself, compiled with src/ in one program. */
const SYNTHETIC = join(ts.sys.resolvePath(ROOT), 'test', 'manifest', '__synthetic__');
const synthetic = new Map<string, string>();
function addSynthetic(text: string): string {
  const name = `${SYNTHETIC}${synthetic.size}.ts`;
  synthetic.set(name, text);
  return name;
}

let uses: ApiUse[] = [];
let allUses: ApiUse[] = [];
beforeAll(() => {
  allUses = excelApiUses(programOver(ROOT, sourceFiles(), synthetic), ts.sys.resolvePath(ROOT));
  uses = allUses.filter((use) => use.at.startsWith('src/'));
});

function highest(sets: readonly ApiSet[], name: string): string {
  return sets
    .filter((set) => set.name === name)
    .map((set) => set.version)
    .reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), '1.1');
}

describe('the Excel API members src/ uses', () => {
  it('are found, each with its requirement set (printed)', () => {
    const members = new Map<string, ApiUse>();
    for (const use of uses) members.set(use.member, use);
    const lines = [...members.values()]
      .sort(
        (a, b) => compareVersions(b.set.version, a.set.version) || a.member.localeCompare(b.member),
      )
      .map(
        (u) =>
          `${u.set.name} ${u.set.version}  ${u.member}${u.guardedBy ? ' (guarded)' : ''}  ${u.at}`,
      );
    console.log(`Excel API members used by src/ (${members.size}):\n${lines.join('\n')}`);
    expect(members.get('Excel.Range.values')?.set).toEqual({ name: 'ExcelApi', version: '1.1' });
    expect(members.get('Excel.DataValidation.rule')?.set).toEqual({
      name: 'ExcelApi',
      version: '1.8',
    });
  });

  it('need no set the manifest does not declare, unless guarded by isSetSupported', () => {
    for (const where of ['base', 'overrides'] as const) {
      const missing = undeclaredUses(uses, declaredSets(where)).map(
        (u) => `${u.member} needs ${u.set.name} ${u.set.version} (${u.at})`,
      );
      expect({ where, missing }).toEqual({ where, missing: [] });
    }
  });

  it('need ExcelApi 1.8 unguarded, which is what the manifest declares (no more)', () => {
    const unguarded = uses.filter((u) => !u.guardedBy).map((u) => u.set);
    expect(highest(unguarded, 'ExcelApi')).toBe('1.8');
    expect(highest(declaredSets('base'), 'ExcelApi')).toBe('1.8');
  });

  it('the manifest declares the runtimes the add-in needs, in both places', () => {
    for (const where of ['base', 'overrides'] as const) {
      expect(declaredSets(where)).toEqual(
        expect.arrayContaining([
          { name: 'ExcelApi', version: '1.8' },
          { name: 'SharedRuntime', version: '1.1' },
          { name: 'CustomFunctionsRuntime', version: '1.2' },
        ]),
      );
    }
  });
});

const isSetSupported = (name: string, version: string): string =>
  `Office.context.requirements.isSetSupported('${name}', '${version}')`;
const UNGUARDED = addSynthetic(
  `export function f(r: Excel.Range) { return r.getSpillingToRangeOrNullObject(); }`,
);
const LITERAL = addSynthetic(
  `export function f(r: Excel.Range) { r.dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } }; }`,
);
const GUARDED_BODIES: (readonly [string, string])[] = [
  ['an if', `if (${isSetSupported('ExcelApi', '1.12')}) r.getSpillingToRangeOrNullObject();`],
  [
    'a const',
    `const spills = ${isSetSupported('ExcelApi', '1.12')}; if (spills) r.getSpillingToRangeOrNullObject();`,
  ],
  [
    'an early return',
    `if (!${isSetSupported('ExcelApi', '1.13')}) return; r.getSpillingToRangeOrNullObject();`,
  ],
  [
    'an injected check',
    `const supports: IsSetSupported = () => true; return supports('ExcelApi', '1.12') && r.getSpillingToRangeOrNullObject();`,
  ],
  [
    'a parameter every caller passes a guard for',
    `function probe(s: Excel.Range, canSpill: boolean) { if (!canSpill) return; s.getSpillingToRangeOrNullObject(); }\n const canSpill = ${isSetSupported('ExcelApi', '1.12')}; probe(r, canSpill); probe(r, spillsSupported());`,
  ],
  [
    'a function that asks',
    `return spillsSupported() ? r.getSpillingToRangeOrNullObject() : undefined;`,
  ],
];
const GUARDED = GUARDED_BODIES.map(([kind, body]) => [
  kind,
  addSynthetic(
    `type IsSetSupported = (name: string, version: string) => boolean;\nfunction spillsSupported(): boolean { return ${isSetSupported('ExcelApi', '1.12')}; }\nexport function f(r: Excel.Range) { ${body} }`,
  ),
]);
const UNGUARDED_CALLER = addSynthetic(
  `function probe(r: Excel.Range, canSpill: boolean) { if (!canSpill) return; r.getSpillingToRangeOrNullObject(); }\nexport function f(r: Excel.Range) { probe(r, ${isSetSupported('ExcelApi', '1.12')}); probe(r, true); }`,
);
const NOTED = addSynthetic(
  `export function f(r: Excel.Range, resize: boolean) {\n  // Guarded by isSetSupported('ExcelApi', '1.13') in ../../src/adapters/office/writeSheets.ts: resize only where it holds.\n  if (resize) r.worksheet.tables.getItem('T').resize('A1:B3');\n}`,
);
const NOTED_WRONGLY = addSynthetic(
  `export function f(r: Excel.Range, resize: boolean) {\n  // Guarded by isSetSupported('ExcelApi', '1.13') in ../../src/adapters/office/payload.ts: that file asks nothing.\n  if (resize) r.worksheet.tables.getItem('T').resize('A1:B3');\n}`,
);
const WRONG_GUARDS = [
  ['ExcelApi', '1.11'],
  ['WordApi', '1.12'],
].map(([name = '', version = '']) =>
  addSynthetic(
    `export function f(r: Excel.Range) { if (${isSetSupported(name, version)}) r.getSpillingToRangeOrNullObject(); }`,
  ),
);

describe('the check itself', () => {
  const missing = (file: string, declared = '1.8'): string[] =>
    undeclaredUses(
      allUses.filter((use) => file.endsWith(use.at.replace(/:\d+$/, ''))),
      [{ name: 'ExcelApi', version: declared }],
    ).map((u) => `${u.member} ${u.set.version}`);

  it('fails on a member newer than the manifest declares, used unguarded', () => {
    expect(missing(UNGUARDED)).toEqual(['Excel.Range.getSpillingToRangeOrNullObject 1.12']);
  });

  it('fails on sets reached through an object literal (a drop-down rule, 1.8) when 1.7 is declared', () => {
    expect(missing(LITERAL, '1.7')).toEqual([
      'Excel.DataValidation.rule 1.8',
      'Excel.Range.dataValidation 1.8',
      'Excel.DataValidationRule.list 1.8',
    ]);
  });

  it.each(GUARDED)('accepts a use guarded by %s', (_kind, file) => {
    expect(missing(file)).toEqual([]);
  });

  it('does not accept a parameter that one caller passes without a guard', () => {
    expect(missing(UNGUARDED_CALLER)).toEqual(['Excel.Range.getSpillingToRangeOrNullObject 1.12']);
  });

  it('accepts a use whose comment names the file making the check, and not when that file makes none', () => {
    expect(missing(NOTED)).toEqual([]);
    expect(missing(NOTED_WRONGLY)).toEqual(['Excel.Table.resize 1.13']);
  });

  it('does not accept a guard for an older version or another set', () => {
    for (const file of WRONG_GUARDS)
      expect(missing(file)).toEqual(['Excel.Range.getSpillingToRangeOrNullObject 1.12']);
  });
});
