/**
 * The BCF.* worksheet functions, registered with Excel in the shared runtime.
 *
 * Each function lives in a module of its own area, written as a thin wrapper: its JSDoc
 * (with `@customfunction`) is the registration that CustomFunctionsMetadataPlugin turns
 * into functions.json at build time, and the plugin's loader appends the
 * `CustomFunctions.associate` calls to each module. This entry only loads them.
 */
import './capitation';
import './gainLossShare';
import './payForPerformance';
import './marginalRate';
import './poolShare';
