#!/usr/bin/env node
// The `bcf` command: runs the built bundle when it is current, else the TypeScript
// sources through tsx, so no build step is ever needed (see entry.cjs).
Promise.resolve()
  .then(() => require('./entry.cjs').loadMain().main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      // main answers every error itself; this is the last guard (bcf failing to load).
      process.stderr.write(`bcf: cannot start (${String(error && error.message)}).\n`);
      if (process.env.BCF_DEBUG === '1') process.stderr.write(`${String(error && error.stack)}\n`);
      process.exitCode = 2;
    },
  );
