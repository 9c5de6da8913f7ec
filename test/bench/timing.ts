/** Small timing helpers shared by the benchmarks: best of a few runs, printed as a table. */
import { performance } from 'perf_hooks';

export interface Timing {
  readonly name: string;
  readonly ms: number;
}

/** Runs `work` once to warm up, then `runs` times, and returns the best time in ms. */
export function best(name: string, work: () => unknown, runs = 3): Timing {
  work();
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return { name, ms: fastest };
}

/** Prints rows of `name | ms | baseline ms | ratio` with aligned columns. */
export function printComparison(
  title: string,
  rows: readonly { name: string; subject: Timing; baseline: Timing; target: string }[],
): void {
  console.log(`\n${title}`);
  const header = ['workload', 'decimal engine', 'plain numbers', 'ratio', 'target'];
  const lines = rows.map((r) => [
    r.name,
    `${r.subject.ms.toFixed(1)} ms`,
    `${r.baseline.ms.toFixed(1)} ms`,
    `${(r.subject.ms / r.baseline.ms).toFixed(1)}×`,
    r.target,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  lines.forEach((l) => console.log(format(l)));
}
