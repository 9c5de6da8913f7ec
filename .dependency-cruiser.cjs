/**
 * Layer rules, checked in CI (`npm run depcheck`):
 * - src/engine is pure: decimal.js and itself only.
 * - src/ports is pure TypeScript: itself only (no Office.js, ExcelTS, Node or engine).
 * - src/workbook (tables in, result sheets out) imports the engine and the ports only.
 * - src/adapters import the ports only (each adapter its own folder and the ports).
 * - src/functions (the =BCF.* wrappers) import the engine only.
 * - the task pane reaches an adapter only at its composition roots (officeOperations.ts,
 *   fileSession.ts); everything else in it gets operations through props and context.
 * - the edges (cli, taskpane, functions) are imported by nothing outside themselves.
 * - nothing in src imports test code.
 */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment:
        'src/engine imports decimal.js and itself only: no Office, React, Fluent, adapters or Node built-ins.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { pathNot: ['^src/engine/', '^node_modules/decimal\\.js/'] },
    },
    {
      name: 'no-office-globals-package-in-engine',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'ports-are-pure',
      comment: 'src/ports (interfaces, A1 addresses, the layout check) imports only itself.',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { pathNot: '^src/ports/' },
    },
    {
      name: 'workbook-imports-engine-and-ports',
      comment: 'src/workbook imports src/engine, src/ports and itself only: no adapter, no edge.',
      severity: 'error',
      from: { path: '^src/workbook/' },
      to: { path: '^src/', pathNot: '^src/(workbook|engine|ports)/' },
    },
    {
      name: 'adapters-import-ports',
      comment: 'An adapter imports src/ports and its own folder only.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/', pathNot: ['^src/ports/', '^src/adapters/$1/'] },
    },
    {
      name: 'functions-import-engine',
      comment: 'The custom functions are thin wrappers over the engine.',
      severity: 'error',
      from: { path: '^src/functions/' },
      to: { path: '^src/', pathNot: '^src/(functions|engine)/' },
    },
    {
      name: 'pane-reaches-adapters-at-its-roots',
      comment:
        'Only the composition roots build adapters; components receive operations as props or context.',
      severity: 'error',
      from: {
        path: '^src/taskpane/',
        pathNot: '^src/taskpane/(officeOperations|fileSession)\\.ts$',
      },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'cli-is-an-edge',
      comment: 'src/cli is an edge: nothing else in src imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'taskpane-is-an-edge',
      comment: 'src/taskpane is an edge: nothing else in src imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/taskpane/' },
      to: { path: '^src/taskpane/' },
    },
    {
      name: 'functions-is-an-edge',
      comment: 'src/functions is an edge: nothing else in src imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/functions/' },
      to: { path: '^src/functions/' },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
