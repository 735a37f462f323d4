/**
 * Pathological files (pathologicalFiles.ts) through the reader, the validator and what shows their
 * findings: each case read at a size and at twice that size in a child process (pathologicalWork.ts),
 * which counts the work instead of timing it. Work that doubles with the input is linear; a
 * quadratic spot quadruples it. Each case must also stay within a fixed budget per line and per
 * character (a did-you-mean matrix is linear in a value's length, but a thousand cells per
 * character), and within a heap of 512 MB. Bounded runs read each case at an eighth of the size
 * of issue 13, --long at the full size. Times are in test/bench (pathological.ts).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathologicalCases, type PathologicalCase } from './pathologicalFiles';
import type { Work } from './pathologicalWork';
import { long, report } from './scale';

/** Twice the input, at most this much more work: linear work gives 2, quadratic work 4. */
const doublingLimit = 2.5;
/** What the allocation sampler may add to a small figure by chance. */
const allocationNoise = 1 << 20;
const blocksPerCharacter = 2;
const blocksPerLine = 10_000;
const blocksFixed = 100_000;
const bytesPerCharacter = 100;
const bytesPerLine = 10_000;
const bytesFixed = 16 << 20;
const heapLimitMb = 512;

function measure(found: PathologicalCase, sizes: readonly number[]): Work[] {
  const child = spawnSync(
    process.execPath,
    ['--no-opt', `--max-old-space-size=${heapLimitMb}`, path.join(__dirname, 'pathologicalWork.js'), found.name, ...sizes.map(String)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  assert.equal(child.status, 0, `${found.name}: the child ended with ${child.status ?? child.signal}: ${child.stderr.slice(-2_000)}`);
  return child.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Work);
}

describe('pathological files: linear work and bounded memory through the reader and the validator', () => {
  const figures = { cases: 0, 'largest doubling (blocks)': 0, 'largest doubling (bytes allocated)': 0 };
  after(() => report('pathological', figures));

  for (const found of pathologicalCases) {
    it(`${found.name}: twice the input is at most ${doublingLimit} times the work, within a fixed budget`, () => {
      const size = long ? found.size : Math.max(1, Math.round(found.size / 8));
      const [single, double] = measure(found, [size, 2 * size]);
      assert.ok(single && double, `${found.name}: no figures`);
      for (const work of [single, double]) {
        const budget = `${found.name} at ${work.size}: ${JSON.stringify(work)}`;
        // Every line passes through the scan at least once: fewer blocks would mean nothing was counted.
        assert.ok(work.blocks >= work.lines, `${budget}: the block count saw nothing`);
        assert.ok(
          work.blocks <= blocksPerCharacter * work.characters + blocksPerLine * work.lines + blocksFixed,
          `${budget}: more than ${blocksPerCharacter} blocks per character and ${blocksPerLine} per line`,
        );
        assert.ok(
          work.allocated <= bytesPerCharacter * work.characters + bytesPerLine * work.lines + bytesFixed,
          `${budget}: more than ${bytesPerCharacter} bytes per character and ${bytesPerLine} per line allocated`,
        );
      }
      const blocksRatio = double.blocks / single.blocks;
      const bytesRatio = double.allocated / (single.allocated + allocationNoise);
      figures.cases++;
      figures['largest doubling (blocks)'] = Math.max(figures['largest doubling (blocks)'], Number(blocksRatio.toFixed(2)));
      figures['largest doubling (bytes allocated)'] = Math.max(
        figures['largest doubling (bytes allocated)'],
        Number(bytesRatio.toFixed(2)),
      );
      assert.ok(blocksRatio <= doublingLimit, `${found.name}: ${single.blocks} blocks at ${size}, ${double.blocks} at ${2 * size}`);
      assert.ok(
        bytesRatio <= doublingLimit,
        `${found.name}: ${single.allocated} bytes allocated at ${size}, ${double.allocated} at ${2 * size}`,
      );
    });
  }
});
