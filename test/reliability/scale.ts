/**
 * How much each reliability suite does: a bounded run in `npm test` (a few minutes in all), the
 * full counts with `npm run test:reliability -- --long`. Every suite draws from one seed, printed
 * first, so a failure replays with `RELIABILITY_SEED=N`.
 */
export const long = process.env.RELIABILITY_LONG === '1';

export const seed = process.env.RELIABILITY_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.RELIABILITY_SEED);

/** What this run does: `bounded` in `npm test`, `full` with --long. */
export function runs<T>(bounded: T, full: T): T {
  return long ? full : bounded;
}

/** A small deterministic generator (mulberry32), so a seed replays a run exactly. */
export function random(from: number = seed): () => number {
  let state = from >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** One line of figures for the README and the closing note, e.g. `kill: 1000 runs, 0 mixed`. */
export function report(suite: string, figures: Readonly<Record<string, number>>): void {
  const text = Object.entries(figures)
    .map(([name, value]) => `${value} ${name}`)
    .join(', ');
  console.log(`      [${suite}] seed ${seed}${long ? ' (long)' : ''}: ${text}`);
}
