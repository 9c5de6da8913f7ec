/**
 * @jest-environment jsdom
 *
 * Sync counts and outcomes of the adapter's operations, over the in-memory Excel directly
 * and over Microsoft's office.js answered by it (test/support/office-js/memoryHost.ts):
 * both must take the same syncs and leave the same workbook. office.js also sends one
 * more request at the end of a run that wrote ranges, releasing the references it kept
 * (`_RemoveReference`); that is not a sync of the add-in's and is counted apart.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import type { ExcelRun } from '../../src/adapters/office/excelRun';
import { snapshotOf } from '../contract/officeHarness';
import {
  createMemoryExcel,
  type MemoryExcel,
  type MemoryWorkbookSeed,
} from '../support/memory-excel';
import { officeJsOverMemory } from '../support/office-js/memoryHost';
import { formulaCells, resultSheet } from './operations';

const HEADERS = ['Contract', 'Provider', 'Annual value'];

function contracts(rows: number): MemoryWorkbookSeed {
  const values = [
    HEADERS,
    ...Array.from({ length: rows }, (_, i) => [`C-${i}`, `Provider ${i % 37}`, 1000 + i * 1.25]),
  ];
  return {
    sheets: [{ name: 'Contracts', rows: { values } }],
    tables: [{ name: 'Contracts', sheet: 'Contracts', range: `A1:C${rows + 1}` }],
  };
}

const PLAN: MemoryWorkbookSeed = {
  sheets: [
    {
      name: 'Plan',
      cells: {
        A1: 'Scheme',
        ...Object.fromEntries(
          formulaCells(300).map((c) => [c.address, { formula: c.formula, value: c.value }]),
        ),
      },
    },
  ],
};

interface Scenario {
  readonly name: string;
  readonly seed: MemoryWorkbookSeed;
  /** Runs before counting starts (e.g. a first write). */
  readonly before?: (run: ExcelRun) => Promise<unknown>;
  run(run: ExcelRun): Promise<unknown>;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'read a 100-row table',
    seed: contracts(100),
    run: (run) => new OfficeWorkbook(run).readTables(['Contracts']),
  },
  {
    name: 'read a 50,000-row table',
    seed: contracts(50_000),
    run: (run) => new OfficeWorkbook(run).readTables(['Contracts']),
  },
  {
    name: 'write a new 100-row result sheet',
    seed: {},
    run: (run) => new OfficeWorkbook(run).writeSheets([resultSheet(100)]),
  },
  {
    name: 'write a new 50,000-row result sheet',
    seed: {},
    run: (run) => new OfficeWorkbook(run).writeSheets([resultSheet(50_000)]),
  },
  {
    name: 'rewrite its own sheet',
    seed: {},
    before: (run) => new OfficeWorkbook(run).writeSheets([resultSheet(100)]),
    run: (run) => new OfficeWorkbook(run).writeSheets([resultSheet(120)]),
  },
  {
    name: 'prepare for sharing, then restore, 300 formulas',
    seed: PLAN,
    run: async (run) => {
      const formulas = new OfficeWorkbook(run).formulas;
      const found = await formulas.findFormulas('BCF.');
      await formulas.setValues(found);
      await formulas.setFormulas(found);
      return found.length;
    },
  },
  {
    name: 'save and read settings',
    seed: {},
    run: async (run) => {
      const settings = new OfficeWorkbook(run).settings;
      await settings.set({ 'bcf.gainshare': '{"gate":0.02}' });
      return settings.get('bcf.gainshare');
    },
  },
];

async function counted(
  scenario: Scenario,
  runOf: (excel: MemoryExcel) => ExcelRun,
): Promise<{ syncs: number; result: unknown; excel: MemoryExcel }> {
  const excel = createMemoryExcel(scenario.seed);
  const run = runOf(excel);
  await scenario.before?.(run);
  excel.resetCounters();
  const result = await scenario.run(run);
  return { syncs: excel.syncCount, result, excel };
}

describe('sync counts: the in-memory Excel and the real office.js over it agree', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const fake = await counted(scenario, (excel) => excel.run);
    let host: ReturnType<typeof officeJsOverMemory> | undefined;
    const real = await counted(scenario, (excel) => {
      host = officeJsOverMemory(excel);
      return host.run;
    });
    const requests = host?.requests.length ?? 0;
    console.log(
      `${scenario.name}: ${fake.syncs} syncs in memory, ${real.syncs} through office.js (${requests} requests, and ${host?.releases.length ?? 0} releasing references)`,
    );
    expect(real.syncs).toBe(fake.syncs);
    expect(real.result).toEqual(fake.result);
    expect(snapshotOf(real.excel)).toEqual(snapshotOf(fake.excel));
  });
});

describe('the request office.js sends at the end of a run, releasing kept references', () => {
  it('stays small after prepare for sharing on 30,000 cells (the writes are untracked)', async () => {
    const cells = formulaCells(30_000);
    const excel = createMemoryExcel({
      sheets: [
        {
          name: 'Plan',
          cells: Object.fromEntries(
            cells.map((c) => [c.address, { formula: c.formula, value: c.value ?? '' }]),
          ),
        },
      ],
    });
    const host = officeJsOverMemory(excel);
    await new OfficeWorkbook(host.run).formulas.setValues(cells);
    // office.js sends the release before the run settles when its session resolves the
    // request URL, as this host's does.
    const release = host.releases.map((r) => r.bytes);
    console.log(
      `prepare for sharing, 30,000 cells: ${excel.syncCount} syncs, then release requests of ${release.join(', ') || 'none'} bytes`,
    );
    expect(release.reduce((a, b) => a + b, 0)).toBeLessThan(10_000);
  }, 120000);
});
