/** Medians of repeated runs, and the table the benchmark prints. */
import { performance } from 'node:perf_hooks';

/** The median time of `work`, after one warm-up run; `setup` runs before each, untimed. */
export async function median(runs: number, work: () => unknown, setup: () => unknown = () => undefined): Promise<number> {
  await setup();
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await setup();
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export interface Row {
  readonly measure: string;
  readonly value: string;
  readonly budget: string;
  readonly pass: boolean | undefined;
}

export function table(rows: readonly Row[]): string {
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => [row.measure, row.value, row.budget][column]?.length ?? 0), 8));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  return [line(['measure', 'value', 'budget']) + '  result', ...rows.map((row) => `${line([row.measure, row.value, row.budget])}  ${row.pass === undefined ? '' : row.pass ? 'PASS' : 'FAIL'}`)].join('\n');
}
