/**
 * Types for ExcelTS's zip module. The package exports it at runtime as
 * `@cj-tech-master/excelts/archive`, but its `typesVersions` map only lists it as
 * "zip", so TypeScript (node10 resolution) cannot find the types by the runtime name.
 */
declare module '@cj-tech-master/excelts/archive' {
  export * from '@cj-tech-master/excelts/dist/types/modules/archive/index';
}
