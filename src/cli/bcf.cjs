#!/usr/bin/env node
// The `bcf` command: runs the built bundle when it is current, else the TypeScript
// sources through tsx, so no build step is ever needed (see entry.cjs).
// main answers every error itself; these are the last guards (bcf failing to load, or a
// fault outside main's promise), so that a user never sees a stack trace.
function fatal(error) {
  process.stderr.write(`bcf: failed (${String(error && error.message)}); nothing was written.\n`);
  if (process.env.BCF_DEBUG === '1') process.stderr.write(`${String(error && error.stack)}\n`);
  process.exit(2);
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
Promise.resolve()
  .then(() => require('./entry.cjs').loadMain().main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  }, fatal);
