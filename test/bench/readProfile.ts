/**
 * Where a read of 10,000 profiles spends its time and its memory, beside the SDK loader's: a CPU
 * profile (self time by function, the garbage collector included) and a sampling heap profile that
 * counts collected objects too (bytes allocated by function). For finding what to change, not a
 * budget: `npm run bench:read` (BENCH_RUNS reads, default 20).
 */
import { loadSharedConfigFiles } from '@smithy/core/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSnapshot } from '../../src/core/validation/snapshot';
import { generateProfiles } from './generateProfiles';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize?: number;
  readonly children?: readonly (ProfileNode | number)[];
}

const runs = Number(process.env['BENCH_RUNS'] ?? 20);
const shown = 15;

const place = ({ callFrame: { functionName, url, lineNumber } }: ProfileNode): string =>
  `${functionName || '(anonymous)'} ${url.split(/[\\/]/).slice(-2).join('/')}:${lineNumber + 1}`;

function top(totals: ReadonlyMap<string, number>, unit: (value: number) => string): string {
  const all = [...totals.values()].reduce((sum, value) => sum + value, 0);
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, shown)
    .map(([name, value]) => `  ${unit(value).padStart(10)} ${((100 * value) / all).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
}

async function profile(name: string, read: () => Promise<unknown>, touch: () => void): Promise<void> {
  const session = new Session();
  session.connect();
  for (let warmUp = 0; warmUp < 3; warmUp++) {
    touch();
    await read();
  }
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await session.post('Profiler.start');
  for (let run = 0; run < runs; run++) {
    touch();
    await read();
  }
  const { profile: cpu } = await session.post('Profiler.stop');
  const { profile: heap } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  const self = new Map<string, number>();
  const byId = new Map(cpu.nodes.map((node) => [node.id, node as ProfileNode]));
  cpu.samples?.forEach((id, sample) => {
    const node = byId.get(id);
    if (node) {
      self.set(place(node), (self.get(place(node)) ?? 0) + (cpu.timeDeltas?.[sample] ?? 0));
    }
  });
  const allocated = new Map<string, number>();
  const walk = (node: ProfileNode): void => {
    allocated.set(place(node), (allocated.get(place(node)) ?? 0) + (node.selfSize ?? 0));
    for (const child of node.children ?? []) {
      if (typeof child !== 'number') {
        walk(child);
      }
    }
  };
  walk(heap.head as unknown as ProfileNode);
  const bytes = [...allocated.values()].reduce((sum, value) => sum + value, 0);
  console.log(`\n${name}: about ${(bytes / runs / 2 ** 20).toFixed(1)} MB allocated per read (sampled), ${runs} reads`);
  console.log(`self time per read:\n${top(self, (us) => `${(us / 1000 / runs).toFixed(2)} ms`)}`);
  console.log(`allocated per read:\n${top(allocated, (size) => `${(size / runs / 2 ** 20).toFixed(2)} MB`)}`);
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-read-profile-'));
  try {
    const texts = generateProfiles(10_000);
    const paths = { config: path.join(folder, 'config'), credentials: path.join(folder, 'credentials') };
    let round = 0;
    // Each read sees bytes it has never seen, as in the benchmark.
    const touch = (): void => {
      round++;
      writeFileSync(paths.config, `${texts.config}\n# run ${round}\n`);
      writeFileSync(paths.credentials, `${texts.credentials}\n# run ${round}\n`);
    };
    await profile('load and validate 10,000 profiles', () => readSnapshot(paths), touch);
    await profile(
      'the SDK loader alone',
      () => loadSharedConfigFiles({ configFilepath: paths.config, filepath: paths.credentials, ignoreCache: true }),
      touch,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
