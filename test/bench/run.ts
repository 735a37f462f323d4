/**
 * npm run bench: profiles and edits at scale on Node, pathological files (pathological), IAM Identity
 * Center's 500 accounts listed and its clients kept out of the activation bundle (ssoListing), then
 * activation, connect and the Connect quick pick in the real VS Code host (hostBench). Each figure
 * is a median of several runs, comparisons are measured side by side in the same run. Prints a
 * table with PASS or FAIL per budget and writes bench/results.json; exits 1 when a budget fails.
 */
import { loadSharedConfigFiles } from '@smithy/core/config';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ini from 'ini';
import type { SharedFilePaths } from '../../src/core/files/paths';
import { applyEditToFiles } from '../../src/core/profiles/transaction';
import { readSnapshot } from '../../src/core/validation/snapshot';
import { chunkReport } from './chunks';
import { generateProfiles } from './generateProfiles';
import { measureHost } from './hostBench';
import { measurePathological } from './pathological';
import { measureSsoListing } from './ssoListing';
import { measureEditor } from './editor';
import { liveHeapBytes } from './inHost/moduleCache';
import { median, sideBySide, table, type Row } from './measure';

const root = path.resolve(__dirname, '..', '..', '..');
const runs = Number(process.env['BENCH_RUNS'] ?? 9);

function writeFiles(folder: string, count: number): SharedFilePaths {
  const texts = generateProfiles(count);
  const paths = { config: path.join(folder, `config-${count}`), credentials: path.join(folder, `credentials-${count}`) };
  writeFileSync(paths.config, texts.config);
  writeFileSync(paths.credentials, texts.credentials);
  return paths;
}

/** The heap what `read` gives keeps alive (held in `held` while the heap is measured). */
async function heapKeptBy(read: () => Promise<unknown>): Promise<number> {
  const held: unknown[] = [];
  const before = liveHeapBytes();
  held.push(await read());
  const bytes = liveHeapBytes() - before;
  return held.length > 0 ? bytes : 0;
}

/** One read of `count` profiles by the extension's reader, the SDK loader and `ini.parse`, side by side. */
async function compareReads(folder: string, count: number): Promise<{ ours: number; sdk: number; iniParse: number }> {
  const paths = writeFiles(folder, count);
  const texts = generateProfiles(count);
  // Each timed read sees bytes it has never seen: nothing read before can be reused.
  let round = 0;
  const touch = (): void => {
    round++;
    writeFileSync(paths.config, `${texts.config}\n# run ${round}\n`);
    writeFileSync(paths.credentials, `${texts.credentials}\n# run ${round}\n`);
  };
  return sideBySide(
    // Small files take a few milliseconds: more rounds for a steady median.
    count < 10_000 ? runs * 5 : runs,
    {
      ours: () => readSnapshot(paths),
      sdk: () => loadSharedConfigFiles({ configFilepath: paths.config, filepath: paths.credentials, ignoreCache: true }),
      iniParse: () => [ini.parse(texts.config), ini.parse(texts.credentials)],
    },
    touch,
  );
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-bench-'));
  const rows: Row[] = [];
  const results: Record<string, number | string | boolean> = {};
  try {
    for (const count of [100, 1_000, 10_000]) {
      const { ours, sdk, iniParse } = await compareReads(folder, count);
      Object.assign(results, {
        [`load.${count}.ms`]: ours,
        [`sdkLoader.${count}.ms`]: sdk,
        [`ini.${count}.ms`]: iniParse,
        [`load.${count}.ratio`]: ours / sdk,
      });
      rows.push(
        { measure: `load and validate ${count} profiles`, value: `${ours.toFixed(1)} ms`, budget: '', pass: undefined },
        { measure: `  SDK loader alone / ini.parse`, value: `${sdk.toFixed(1)} / ${iniParse.toFixed(1)} ms`, budget: '', pass: undefined },
        { measure: `  ratio to the SDK loader`, value: `${(ours / sdk).toFixed(2)}x`, budget: '<= 1.0x', pass: ours / sdk <= 1 },
      );
    }
    // The first 100-profile reads of a process run the reader before V8 has optimised it, which takes
    // it some 25 reads (the SDK's regular expressions are native code from the first): shown, without a budget.
    const warm = await compareReads(folder, 100);
    results['load.100.warm.ratio'] = warm.ours / warm.sdk;
    rows.push({
      measure: '  100 again, after the 1,000 and 10,000 (code warm)',
      value: `${warm.ours.toFixed(2)} / ${warm.sdk.toFixed(2)} ms: ${(warm.ours / warm.sdk).toFixed(2)}x`,
      budget: '',
      pass: undefined,
    });
    // The scan keeps the last few texts it scanned (scanIni); they are now the small files of the run just
    // before, so the read below is not credited with evicting earlier 10,000-profile scans from it.
    const paths = writeFiles(folder, 10_000);
    const keptOurs = await heapKeptBy(() => readSnapshot(paths));
    const keptSdk = await heapKeptBy(() =>
      loadSharedConfigFiles({ configFilepath: paths.config, filepath: paths.credentials, ignoreCache: true }),
    );
    results['load.10000.keptBytes'] = keptOurs;
    results['sdkLoader.10000.keptBytes'] = keptSdk;
    rows.push({
      measure: 'heap one read of 10,000 profiles keeps: ours / SDK loader',
      value: `${(keptOurs / 2 ** 20).toFixed(1)} / ${(keptSdk / 2 ** 20).toFixed(1)} MB`,
      budget: '',
      pass: undefined,
    });
    // As in the extension: the files were read (and scanned) before the user edits them.
    const readFirst = (): Promise<unknown> => readSnapshot(paths);
    const keys = { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    let added = false;
    const add = await median(
      runs,
      async () => {
        await applyEditToFiles(
          paths,
          added ? { kind: 'delete', name: 'bench-added' } : { kind: 'add', name: 'bench-added', settings: keys },
        );
        added = !added;
      },
      readFirst,
    );
    let round = 0;
    // Each round writes a different value, so every run really writes the file.
    const update = await median(
      runs,
      () => applyEditToFiles(paths, { kind: 'change', name: 'team-05000', changes: { region: `eu-west-${(round++ % 3) + 1}` } }),
      readFirst,
    );
    results['edit.addOrDelete.10000.ms'] = add;
    results['edit.update.10000.ms'] = update;
    rows.push(
      { measure: 'add or delete one profile (10,000)', value: `${add.toFixed(1)} ms`, budget: '<= 30 ms', pass: add <= 30 },
      { measure: 'update one profile (10,000)', value: `${update.toFixed(1)} ms`, budget: '<= 30 ms', pass: update <= 30 },
    );
    const pathological = await measurePathological(folder, runs);
    rows.push(...pathological.rows);
    Object.assign(results, pathological.results);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const sso = await measureSsoListing(runs);
  rows.push(...sso.rows);
  Object.assign(results, sso.results);
  // After the SSO listing, whose activation row makes the production build the editor's row reads.
  const editor = await measureEditor(runs);
  rows.push(...editor.rows);
  Object.assign(results, editor.results);
  const host = await measureHost(runs);
  rows.push(...host.rows);
  Object.assign(results, host.results);
  const machine = `Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()}`;
  console.log(table(rows));
  console.log(`\nfiles and edits: median of ${runs} runs each (x5 below 10,000 profiles), after 3 warm-up runs; ${machine}`);
  console.log(String(host.results['host.note']));
  // The production build the host part measured.
  console.log(`\nbundles of the production build, each with the 10 modules that take most of it:\n${chunkReport()}`);
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench', 'results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine, results, rows }, null, 2)}\n`,
  );
  if (rows.some((row) => row.pass === false)) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
