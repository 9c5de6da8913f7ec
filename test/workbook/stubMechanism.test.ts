/**
 * Adding a mechanism is an engine function, a descriptor and one registry line: a stub
 * built from a descriptor, registered beside the real ones, is offered by the CLI (its
 * usage, `bcf params` help and schema, `bcf run`'s choice, `bcf calc`), by the pane's
 * catalogue and by the golden runner, with nothing else written for it (its form in the
 * task pane: test/taskpane/stubForm.test.tsx).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { calc } from '../../src/cli/calc';
import { calcMap } from '../../src/cli/mechanisms';
import { chooseMechanisms } from '../../src/cli/mechanismChoice';
import { paramsHelp, paramsSchema } from '../../src/cli/paramsHelp';
import { usage } from '../../src/cli/usage';
import type { TableInfo } from '../../src/ports/workbook';
import { mechanismCatalog } from '../../src/taskpane/mechanismCatalog';
import { MECHANISM_LIST } from '../../src/workbook/mechanisms/index';
import { checkGolden, goldenFiles, strayFolders } from '../support/goldenRunner';

import { stub } from '../support/stubMechanism';

const registry = [...MECHANISM_LIST, stub];

const incomeTable: TableInfo = {
  name: 'Income',
  sheet: 'Income',
  headers: ['Source of funding', 'Contributor', 'Income'],
  rowCount: 1,
  headerRow: 1,
  firstColumn: 1,
};

describe('a stub mechanism built from a descriptor', () => {
  it('is listed by the CLI usage after the registry’s own', () => {
    const text = usage(registry);
    expect(text.slice(text.indexOf('Mechanisms (M):'))).toBe(
      [
        'Mechanisms (M):',
        '    pool        Pooled fund',
        '    capitation  Capitation',
        '    gainshare   Gain/loss share',
        '    p4p         Pay for performance',
        '    bcf-p4p     BCF payment for performance',
        '    activity    Activity payments',
        '    envelope    Funding envelope',
        '    checks      BCF plan checks',
        '    stub        Stub share',
        '',
      ].join('\n'),
    );
  });

  it('has its parameters in the params help and the params-file schema', () => {
    expect(paramsHelp([stub])).toBe(
      [
        'stub: Stub share. An amount times a factor, to show what a descriptor gives.',
        '  factor: a whole number from 1 to 9 (times); default 2. How many times the amount.',
      ].join('\n'),
    );
    expect(paramsSchema(registry)).toMatchObject({
      properties: {
        stub: {
          title: 'Stub share',
          properties: {
            factor: {
              title: 'Factor',
              default: 2,
              anyOf: [{ type: 'integer', minimum: 1, maximum: 9 }, { type: 'string' }],
            },
          },
        },
      },
    });
  });

  it('is chosen by bcf run when asked for, or when the workbook has its table', () => {
    expect(chooseMechanisms('STUB', [], registry).map((m) => m.id)).toEqual(['stub']);
    expect(chooseMechanisms(undefined, [incomeTable], [stub]).map((m) => m.id)).toEqual(['stub']);
    expect(chooseMechanisms(undefined, [], [stub])).toEqual([]);
    expect(() => chooseMechanisms('stubb', [], [stub])).toThrow(
      'unknown mechanism "stubb"; use one of stub.',
    );
  });

  it('is run by bcf calc through its scenario function', () => {
    expect(calc('stub', { amount: '12.50', factor: 3 }, calcMap(registry))).toEqual({
      total: '37.50',
      steps: [{ rule: 'times', text: '£12.50 × 3.' }],
    });
  });

  it('is offered by the task pane’s catalogue under its one id', () => {
    expect(mechanismCatalog(registry)[registry.length - 1]).toEqual({
      id: 'stub',
      title: 'Stub share',
      summary: 'An amount times a factor, to show what a descriptor gives.',
    });
    expect(mechanismCatalog(registry).map((e) => e.id)).toEqual(registry.map((m) => m.id));
  });

  it('is run by the golden runner, which finds a mechanism without golden files', () => {
    const root = join(tmpdir(), `bcf-stub-golden-${process.pid}`);
    mkdirSync(join(root, 'stub'), { recursive: true });
    writeFileSync(
      join(root, 'stub', 'three-times.json'),
      JSON.stringify({
        title: 'three times',
        input: { amount: 10, factor: 3 },
        expected: { total: '30.00' },
      }),
    );
    writeFileSync(
      join(root, 'stub', 'error-negative.json'),
      JSON.stringify({
        title: 'negative',
        input: { amount: -1 },
        error: { code: 'STUB.NEGATIVE', message: 'amount must not be negative (got -1).' },
      }),
    );
    const found = goldenFiles(root, registry);
    expect(found.filter((g) => g.files.length === 0).map((g) => g.mechanism)).toEqual(
      MECHANISM_LIST.map((m) => m.id),
    );
    expect(found[found.length - 1]).toEqual({
      mechanism: 'stub',
      files: expect.arrayContaining(['three-times.json', 'error-negative.json']) as unknown,
    });
    checkGolden(root, registry, 'stub', 'three-times.json');
    checkGolden(root, registry, 'stub', 'error-negative.json');
    // The same case with the stub unregistered is a folder of no mechanism.
    expect(strayFolders(root, MECHANISM_LIST)).toEqual(['stub']);
    writeFileSync(
      join(root, 'stub', 'wrong.json'),
      JSON.stringify({ title: 'wrong', input: { amount: 10 }, expected: { total: '30.00' } }),
    );
    expect(() => checkGolden(root, registry, 'stub', 'wrong.json')).toThrow();
  });
});

it('names in the descriptors exactly the custom functions the add-in registers', () => {
  const dir = join(__dirname, '../../src/functions');
  const registered = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/@customfunction (\w+)/g)].map((m) => m[1]),
    );
  const named = MECHANISM_LIST.flatMap((m) => m.functions);
  expect([...named].sort()).toEqual([...registered].sort());
});
