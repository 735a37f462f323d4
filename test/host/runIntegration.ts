/**
 * Runs test/integration inside a real VS Code: starts the local AWS endpoint and code-server, opens
 * the workbench in Chromium with the extension under development and its tests, and waits for the
 * result file. A failing test, a crash or a timeout all fail the run.
 */
import * as path from 'node:path';
import { startAwsEndpoint } from '../fixtures/awsEndpoint';
import type { TestResult } from '../integration/index';
import { onCleanup, runCleanups } from './cleanup';
import { root, type CodeServerName } from './install';
import { NoResultError, runInHost } from './runInHost';

const timeoutMs = Number(process.env['INTEGRATION_TIMEOUT_MS'] ?? 180_000);

async function main(): Promise<number> {
  const build = (process.argv[2] ?? 'newest') as CodeServerName;
  const endpoint = await startAwsEndpoint();
  onCleanup(() => endpoint.close());
  let result: TestResult;
  try {
    const testsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
    result = (
      await runInHost({
        build,
        testsPath,
        timeoutMs,
        env: { AWS_ENDPOINT_URL: endpoint.url, AWS_CONFIG_FILE: '~/created-later/aws-config' },
      })
    ).result as TestResult;
  } catch (error) {
    if (!(error instanceof NoResultError)) {
      throw error;
    }
    process.stdout.write(`${error.message}\n0 passed, 1 failed\n`);
    return 1;
  }
  for (const title of result.passed) {
    process.stdout.write(`  ✔ ${title}\n`);
  }
  for (const { title, error } of result.failed) {
    process.stdout.write(`  ✘ ${title}\n${error.replace(/^/gm, '      ')}\n`);
  }
  process.stdout.write(`integration (code-server ${build}): ${result.passed.length} passed, ${result.failed.length} failed\n`);
  return result.failed.length > 0 || result.passed.length === 0 ? 1 : 0;
}

// Whatever hangs (an install, code-server, the browser), the run ends as a failure.
const watchdog = setTimeout(() => {
  process.stdout.write(`The integration run did not finish within ${(timeoutMs + 300_000) / 1000} s.\n0 passed, 1 failed\n`);
  void runCleanups().finally(() => process.exit(1));
}, timeoutMs + 300_000);
watchdog.unref();

void main()
  .catch((error: unknown) => {
    process.stdout.write(`${String(error instanceof Error ? error.stack : error)}\n0 passed, 1 failed\n`);
    return 1;
  })
  .then(async (code) => {
    await runCleanups();
    process.exit(code);
  });
