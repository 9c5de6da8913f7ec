#!/usr/bin/env node
// The `bcf` command: runs the built bundle when it is current, else the TypeScript
// sources through tsx, so no build step is ever needed (see entry.cjs).
require('./entry.cjs')
  .loadMain()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
