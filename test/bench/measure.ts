/** Medians of repeated runs, and the table the benchmark prints. */
import { performance } from 'node:perf_hooks';

/** The median time of `work`, after three warm-up runs; `setup` runs before each, untimed. */
export async function median(runs: number, work: () => unknown, setup: () => unknown = () => undefined): Promise<number> {
  for (let warmUp = 0; warmUp < 3; warmUp++) {
    await setup();
    await work();
  }
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await setup();
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return medianOf(times);
}

/**
 * Medians of several contenders measured side by side: each round runs every contender once, in
 * turn, so a noisy moment of the machine weighs on all of them alike. Three warm-up rounds first,
 * so each is measured with its code optimised rather than while the JIT compiles it. Each round
 * starts with the next contender: rounds allocate alike, so a garbage collection tends to fall at
 * the same point of every round, and in a fixed order it charged one contender for all of them
 * (the read of 1,000 profiles measured 0.6x or 1.5x the SDK loader, depending on which).
 */
export async function sideBySide<K extends string>(
  runs: number,
  contenders: Readonly<Record<K, () => unknown>>,
  setup: () => unknown = () => undefined,
): Promise<Record<K, number>> {
  const names = Object.keys(contenders) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = -3; round < runs; round++) {
    const first = (round + 3) % names.length;
    for (const name of [...names.slice(first), ...names.slice(0, first)]) {
      await setup();
      const start = performance.now();
      await contenders[name]();
      if (round >= 0) {
        times[name].push(performance.now() - start);
      }
    }
  }
  return Object.fromEntries(names.map((name) => [name, medianOf(times[name])])) as Record<K, number>;
}

/** The middle value (the upper one of the two middles for an even count), NaN when there is none. */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
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
  return [
    line(['measure', 'value', 'budget']) + '  result',
    ...rows.map((row) => `${line([row.measure, row.value, row.budget])}  ${row.pass === undefined ? '' : row.pass ? 'PASS' : 'FAIL'}`),
  ].join('\n');
}
