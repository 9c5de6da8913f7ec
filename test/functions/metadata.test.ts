/**
 * functions.json, as the build generates it from the JSDoc (the same generator that
 * CustomFunctionsMetadataPlugin runs): every function with its parameters, types,
 * dimensionality and descriptions. test/manifest/build.test.ts checks the built file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

const FUNCTIONS_DIR = join(__dirname, '..', '..', 'src', 'functions');

/** The modules that register functions, found as webpack.config.js finds them. */
const sources = readdirSync(FUNCTIONS_DIR)
  .filter((file) => file.endsWith('.ts'))
  .filter((file) =>
    /^\s*\*\s*@customfunction\b/m.test(readFileSync(join(FUNCTIONS_DIR, file), 'utf8')),
  )
  .sort();

interface Parameter {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
}
interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly Parameter[];
  readonly result: { readonly type?: string; readonly dimensionality?: string };
}

/** Each function's signature as Excel shows it: [range] for a matrix, ? for optional. */
const EXPECTED: Readonly<Record<string, { params: string; result: string }>> = {
  CAPITATION: {
    params: 'population[], annualRate[], uplift?, yearIndex?, efficiency?, weight[]?',
    result: 'number',
  },
  CAPITATIONSCHEDULE: {
    params: 'population[], annualRate[], years, uplift?, efficiency?, weight[]?, populationGrowth?',
    result: 'number[][]',
  },
  GAINSHARE: {
    params: 'expected, actual, bands[], partyNames[], lossBands[]?',
    result: 'number[][]',
  },
  GAINSHARECURVE: {
    params: 'expected, bands[], partyNames[], from, to, points, lossBands[]?',
    result: 'number[][]',
  },
  TIEREDSHARE: {
    params: 'expected, actual, retainedBand, splitBeyond, providerLossShare?',
    result: 'number[][]',
  },
  ACHIEVEMENT: {
    params: 'baseline, target, actual, direction?, scoring?, bands[]?',
    result: 'number',
  },
  P4P: {
    params: 'contractValue, atRiskRate, weights[], achievements[], appliedFraction?',
    result: 'number',
  },
  BCFP4P: { params: 'baseline, actual, ambition, unitCost', result: 'number' },
  POOLSHARE: { params: 'contributions[], partner', result: 'number' },
  MARGINALRATE: { params: 'price, baseline, actual, marginalRate?', result: 'number' },
};

const signature = (p: Parameter): string =>
  `${p.name}${p.dimensionality === 'matrix' ? '[]' : ''}${p.optional === true ? '?' : ''}`;

let functions: readonly FunctionMetadata[] = [];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(
    sources.map((file) => join(FUNCTIONS_DIR, file)),
  );
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
}, 60000);

describe('functions.json generated from the JSDoc', () => {
  it('lists exactly the BCF functions', () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(functions.every((f) => f.name === f.id)).toBe(true);
  });

  it.each(Object.entries(EXPECTED))('%s has its parameters, types and result', (id, expected) => {
    const fn = functions.find((f) => f.id === id);
    expect(fn?.parameters.map(signature).join(', ')).toBe(expected.params);
    // Arguments are taken as `any` so the function itself can name a bad value.
    expect(fn?.parameters.every((p) => p.type === 'any')).toBe(true);
    const result = `${fn?.result.type ?? 'any'}${fn?.result.dimensionality === 'matrix' ? '[][]' : ''}`;
    expect(result).toBe(expected.result);
  });

  it.each(Object.keys(EXPECTED))('%s describes itself and every parameter', (id) => {
    const fn = functions.find((f) => f.id === id);
    expect(fn?.description?.length ?? 0).toBeGreaterThan(40);
    for (const p of fn?.parameters ?? []) expect(p.description?.length ?? 0).toBeGreaterThan(10);
  });

  it('keeps optional parameters after the required ones', () => {
    for (const fn of functions) {
      const firstOptional = fn.parameters.findIndex((p) => p.optional === true);
      if (firstOptional >= 0) {
        expect(fn.parameters.slice(firstOptional).every((p) => p.optional === true)).toBe(true);
      }
    }
  });
});

describe('the function modules', () => {
  const entry = readFileSync(join(FUNCTIONS_DIR, 'functions.ts'), 'utf8');

  it.each(sources)('functions.ts loads %s, so its functions are associated at run time', (file) => {
    expect(entry).toContain(`import './${file.replace(/\.ts$/, '')}';`);
  });

  it.each(sources)('%s documents each function with @returns and an @example', (file) => {
    const text = readFileSync(join(FUNCTIONS_DIR, file), 'utf8');
    const blocks = text.split(/^\s*\*\s*@customfunction\b/m).slice(1);
    for (const block of blocks) {
      const doc = block.slice(0, block.indexOf('*/'));
      expect(doc).toMatch(/@returns \S/);
      expect(doc).toMatch(/@example =BCF\.[A-Z0-9]+\(/);
    }
  });
});
