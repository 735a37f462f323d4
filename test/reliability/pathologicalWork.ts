/**
 * The child process of pathological.test.ts: reads and checks one pathological case at each size
 * given and prints, one JSON line per size, the work it took, counted rather than timed:
 * - blocks: how many blocks of the extension's code ran, from V8's block coverage; started before
 *   any of that code is compiled, and exact because the child runs with --no-opt;
 * - allocated: the bytes allocated meanwhile, from V8's sampling heap profiler, objects already
 *   collected included (copies made inside built-ins, which no block count sees).
 * Usage: node --no-opt pathologicalWork.js CASE SIZE...
 */
import { Session } from 'node:inspector/promises';

export interface Work {
  readonly size: number;
  readonly characters: number;
  readonly lines: number;
  readonly blocks: number;
  readonly allocated: number;
}

interface SampledNode {
  readonly selfSize: number;
  readonly children: readonly SampledNode[];
}

const sampledBytes = (node: SampledNode): number => node.children.reduce((total, child) => total + sampledBytes(child), node.selfSize);

function lineCount(text: string): number {
  let count = 1;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
    count++;
  }
  return count;
}

const sampling = { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };

/** Makes sure the profiler counts what was collected too (an older V8 ignores the options): 64 MB of garbage must show. */
async function checkSampling(session: Session): Promise<void> {
  await session.post('HeapProfiler.startSampling', sampling);
  let kept: number[] = [];
  for (let round = 0; round < 64 * 1024; round++) {
    kept = new Array<number>(128).fill(round);
  }
  const { profile } = await session.post('HeapProfiler.stopSampling');
  if (kept.length !== 128 || sampledBytes(profile.head) < 32 * 2 ** 20) {
    throw new Error(`the heap profiler saw ${sampledBytes(profile.head)} bytes of 64 MB of garbage: it cannot count allocations here`);
  }
}

async function main(): Promise<void> {
  const [name, ...sizes] = process.argv.slice(2);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  await session.post('HeapProfiler.enable');
  await checkSampling(session);
  // Imported only now, so that every function of the extension is compiled with block counters.
  const { pathologicalCases, caseFiles, showSnapshot } = await import('./pathologicalFiles.js');
  const { snapshotOf } = await import('../../src/core/validation/snapshot.js');
  const found = pathologicalCases.find((candidate) => candidate.name === name);
  if (!found) {
    throw new Error(`no case named ${name}`);
  }
  const readAndCheck = (text: string): number => showSnapshot(snapshotOf(caseFiles(found.role, text)));
  // Once small, so that what runs only the first time is not counted.
  readAndCheck(found.text(Math.max(1, Math.round(found.size / 1_000))));
  for (const size of sizes.map(Number)) {
    const text = found.text(size);
    await session.post('Profiler.takePreciseCoverage');
    await session.post('HeapProfiler.startSampling', sampling);
    readAndCheck(text);
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const { result } = await session.post('Profiler.takePreciseCoverage');
    let blocks = 0;
    for (const script of result) {
      if (script.url.includes('/src/core/')) {
        for (const range of script.functions.flatMap((fn) => fn.ranges)) {
          blocks += range.count;
        }
      }
    }
    const work: Work = {
      size,
      characters: text.length,
      lines: lineCount(text),
      blocks,
      allocated: sampledBytes(profile.head),
    };
    console.log(JSON.stringify(work));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
