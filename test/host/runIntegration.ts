/**
 * Runs test/integration inside a real VS Code: starts the local AWS endpoint and code-server, opens
 * the workbench in Chromium with the extension under development and its tests, and waits for the
 * result file. A failing test, a crash or a timeout all fail the run.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startAwsEndpoint } from '../fixtures/awsEndpoint';
import type { TestResult } from '../integration/index';
import { launchBrowser } from './browser';
import { onCleanup, runCleanups } from './cleanup';
import { startCodeServer, workbenchUrl } from './codeServer';
import { root, type CodeServerName } from './install';

const timeoutMs = Number(process.env['INTEGRATION_TIMEOUT_MS'] ?? 180_000);

async function main(): Promise<number> {
  const build = (process.argv[2] ?? 'newest') as CodeServerName;
  const resultFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'aws-cm-result-')), 'result.json');
  const endpoint = await startAwsEndpoint();
  onCleanup(() => endpoint.close());
  const server = await startCodeServer({ build, env: { AWS_CM_TEST_RESULT: resultFile, AWS_ENDPOINT_URL: endpoint.url, AWS_CONFIG_FILE: '~/created-later/aws-config' } });
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const browserConsole: string[] = [];
  page.on('console', (message) => browserConsole.push(message.text()));
  await page.goto(workbenchUrl(server, { extensionPath: root, testsPath: path.join(root, 'out', 'test', 'integration', 'index.js') }), { timeout: 60_000 });
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(resultFile) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!existsSync(resultFile)) {
    process.stdout.write(`The integration tests wrote no result within ${timeoutMs / 1000} s.\nBrowser console:\n${browserConsole.slice(-40).join('\n')}\ncode-server log:\n${readFileSync(server.logFile, 'utf8').split('\n').slice(-40).join('\n')}\n`);
    process.stdout.write('0 passed, 1 failed\n');
    return 1;
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as TestResult;
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
