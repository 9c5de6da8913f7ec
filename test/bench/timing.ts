/** Small timing helpers shared by the benchmarks: best of a few runs, printed as a table. */
import { performance } from 'perf_hooks';

export interface Timing {
  readonly name: string;
  /** Wall-clock time of the fastest run. */
  readonly ms: number;
  /**
   * CPU time (user + system) of the run with the least CPU time. On a machine shared with
   * other work this is the steadier figure: waiting for a core counts in wall time only.
   * It includes the garbage collector's helper threads, which the work itself causes.
   */
  readonly cpuMs: number;
}

/**
 * Runs `work` once to warm up, then at least `runs` times and until about half a second
 * has gone (so a quick workload is timed often enough for the JIT to settle and the best
 * run to mean something), and returns the best wall and CPU times in ms.
 */
export function best(name: string, work: () => unknown, runs = 3): Timing {
  work();
  let fastest = Number.POSITIVE_INFINITY;
  let leastCpu = Number.POSITIVE_INFINITY;
  const started = performance.now();
  for (let i = 0; i < runs || (performance.now() - started < 500 && i < 200); i += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    leastCpu = Math.min(leastCpu, (cpu.user + cpu.system) / 1000);
  }
  return { name, ms: fastest, cpuMs: leastCpu };
}

/** Prints rows of `name | wall ms | CPU ms | baseline | CPU ratio | target` with aligned columns. */
export function printComparison(
  title: string,
  rows: readonly { name: string; subject: Timing; baseline: Timing; target: string }[],
): void {
  console.log(`\n${title}`);
  const header = [
    'workload',
    'decimal engine (wall / CPU)',
    'plain numbers (wall / CPU)',
    'ratio (CPU)',
    'target',
  ];
  const pair = (t: Timing): string => `${t.ms.toFixed(1)} / ${t.cpuMs.toFixed(1)} ms`;
  const lines = rows.map((r) => [
    r.name,
    pair(r.subject),
    pair(r.baseline),
    // A baseline too quick for the CPU clock's resolution would give a meaningless ratio.
    r.baseline.cpuMs > 0 ? `${(r.subject.cpuMs / r.baseline.cpuMs).toFixed(1)}×` : 'n/a',
    r.target,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  lines.forEach((l) => console.log(format(l)));
}
