#!/usr/bin/env node
// The `bcf` command: runs the TypeScript entry point through tsx, so no build step is needed.
require('tsx/cjs');
require('./main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
