/**
 * Layer rules, checked in CI (`npm run depcheck`):
 * - src/engine is pure: decimal.js and itself only.
 * - src/ports is pure TypeScript: itself only (no Office.js, ExcelTS, Node or engine).
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
