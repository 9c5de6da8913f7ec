// Runs the `bcf` command in this process, as src/cli/bcf.cjs does (the built bundle when
// it is current, else the sources through tsx), and on exit writes its own resource use
// (CPU times, peak resident memory) as JSON to the file named by BCF_BENCH_USAGE, for the
// file benchmark. The command itself is unchanged.
const { writeFileSync } = require('fs');
require('../../src/cli/entry.cjs')
  .loadMain()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
    const usage = process.resourceUsage();
    writeFileSync(
      process.env.BCF_BENCH_USAGE,
      JSON.stringify({
        userMs: usage.userCPUTime / 1000,
        systemMs: usage.systemCPUTime / 1000,
        maxRssKb: usage.maxRSS,
      }),
    );
  });
