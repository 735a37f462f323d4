/**
 * The pathological files of test/reliability (issue 13's sizes) read from disk and validated, with
 * what the extension does next (the log lines, each profile's labels), each within a budget. Every
 * timed read sees bytes it has never seen. Alone: `npx tsc -p . && node out/test/bench/pathological.js`
 * (BENCH_RUNS, default 9).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SharedFilePaths } from '../../src/core/files/paths';
import { readSnapshot } from '../../src/core/validation/snapshot';
import { pathologicalCases, showSnapshot, type PathologicalCase } from '../reliability/pathologicalFiles';
import { median, table, type Row } from './measure';

interface PathologicalRow {
  readonly measure: string;
  readonly result: string;
  readonly caseName: string;
  /** The case's size, or how many characters its text should have. */
  readonly size: { readonly units: number } | { readonly characters: number };
  readonly budgetMs: number;
}

/** Below the size at which a read refuses a file (10 MB), so that the value is read and checked. */
const tenMegabytes = 9_999_000;

const benchRows: readonly PathologicalRow[] = [
  {
    measure: '1 MB of lines without =',
    result: 'lines1Mb',
    caseName: 'lines without = in a profile',
    size: { characters: 1_000_000 },
    budgetMs: 200,
  },
  {
    measure: 'a 10 MB value (region)',
    result: 'region10Mb',
    caseName: 'a long region value',
    size: { characters: tenMegabytes },
    budgetMs: 500,
  },
  {
    measure: 'a 10 MB value (secret)',
    result: 'secret10Mb',
    caseName: 'a long secret value',
    size: { characters: tenMegabytes },
    budgetMs: 500,
  },
  {
    measure: '100,000 lines without =',
    result: 'lines100000',
    caseName: 'lines without = in a profile',
    size: { units: 100_000 },
    budgetMs: 400,
  },
  {
    measure: '40,000 base64 lines under one profile',
    result: 'base64Lines40000',
    caseName: 'base64 lines under one profile',
    size: { units: 40_000 },
    budgetMs: 400,
  },
  {
    measure: '50,000 copies of one key in one section',
    result: 'sameKey50000',
    caseName: 'one key set again and again in one section',
    size: { units: 50_000 },
    budgetMs: 400,
  },
  {
    measure: '50,000 unknown keys in one section',
    result: 'unknownKeys50000',
    caseName: 'unknown keys in one section',
    size: { units: 50_000 },
    budgetMs: 1_000,
  },
  {
    measure: '10,000 sections of the same name',
    result: 'sameSection10000',
    caseName: 'sections of the same name',
    size: { units: 10_000 },
    budgetMs: 400,
  },
  { measure: 'a chain of 10,000 roles', result: 'roleChain10000', caseName: 'a chain of roles', size: { units: 10_000 }, budgetMs: 400 },
  { measure: 'a 100 KB key', result: 'key100Kb', caseName: 'a long key', size: { units: 100_000 }, budgetMs: 100 },
];

function textOf(found: PathologicalCase, size: PathologicalRow['size']): string {
  if ('units' in size) {
    return found.text(size.units);
  }
  // Cases grow linearly: two small ones tell how many units give the length asked for.
  const fixed = 2 * found.text(1_000).length - found.text(2_000).length;
  const perUnit = (found.text(1_000).length - fixed) / 1_000;
  return found.text(Math.max(1, Math.floor((size.characters - fixed) / perUnit)));
}

export async function measurePathological(
  folder: string,
  runs: number,
): Promise<{ rows: Row[]; results: Record<string, number | string | boolean> }> {
  const rows: Row[] = [];
  const results: Record<string, number> = {};
  const paths: SharedFilePaths = {
    config: path.join(folder, 'pathological-config'),
    credentials: path.join(folder, 'pathological-credentials'),
  };
  for (const row of benchRows) {
    const found = pathologicalCases.find((candidate) => candidate.name === row.caseName);
    if (!found) {
      throw new Error(`no pathological case named ${row.caseName}`);
    }
    const text = textOf(found, row.size);
    let round = 0;
    const write = (): void => {
      round++;
      writeFileSync(paths[found.role], `${text}\n# run ${round}\n`);
      writeFileSync(paths[found.role === 'config' ? 'credentials' : 'config'], '');
    };
    const ms = await median(runs, async () => showSnapshot(await readSnapshot(paths)), write);
    results[`pathological.${row.result}.ms`] = ms;
    const megabytes = (text.length / 1e6).toFixed(1);
    rows.push({
      measure: `read and validate ${row.measure} (${megabytes} MB)`,
      value: `${ms.toFixed(1)} ms`,
      budget: `<= ${row.budgetMs} ms`,
      pass: ms <= row.budgetMs,
    });
  }
  return { rows, results };
}

if (require.main === module) {
  void (async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-bench-'));
    try {
      const { rows } = await measurePathological(folder, Number(process.env['BENCH_RUNS'] ?? 9));
      console.log(table(rows));
      return rows.some((row) => row.pass === false) ? 1 : 0;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  })()
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.stack : error);
      return 1;
    })
    .then((code) => process.exit(code));
}
