// Finds the `bcf` command's code: the bundle `npm run build:cli` makes (dist/cli/bcf.js)
// when it is newer than every source it could have been built from, otherwise the
// TypeScript sources through tsx. The bundle starts several times faster; the sources are
// never stale. BCF_FROM_SOURCE=1 forces the sources.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'bcf.js');
/** Besides src/, what a build depends on: the packages installed and the build settings. */
const BUILD_INPUTS = ['package-lock.json', 'tsconfig.json', 'webpack.config.js'];

/** The latest modification time (ms) of any file under `dir`. */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestUnder(full) : fs.statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** Whether the bundle exists and nothing it was built from has changed since. */
function bundleIsCurrent() {
  if (process.env.BCF_FROM_SOURCE === '1') return false;
  let built;
  try {
    built = fs.statSync(BUNDLE).mtimeMs;
  } catch {
    return false;
  }
  const inputs = BUILD_INPUTS.map((file) => fs.statSync(path.join(ROOT, file)).mtimeMs);
  return Math.max(newestUnder(path.join(ROOT, 'src')), ...inputs) <= built;
}

/** The module exporting `main(args)`. */
function loadMain() {
  if (bundleIsCurrent()) return require(BUNDLE);
  require('tsx/cjs');
  return require('./main.ts');
}

module.exports = { loadMain, bundleIsCurrent, BUNDLE };
