/**
 * Runs inside the real VS Code extension host (loaded as extensionTestsPath). Mocha runs every
 * *.test.js beside this file and the result is written to the file named by AWS_CM_TEST_RESULT,
 * which the runner waits for: a run that crashes or hangs never writes it, and so fails.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface TestResult {
  readonly passed: readonly string[];
  readonly failed: readonly { readonly title: string; readonly error: string }[];
}

export async function run(): Promise<void> {
  const resultFile = process.env['AWS_CM_TEST_RESULT'];
  // mocha is an ES module; older extension hosts (Node 20 before 20.19) cannot require() one.
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, forbidOnly: true, forbidPending: true });
  for (const file of readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const passed: string[] = [];
  const failed: { title: string; error: string }[] = [];
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => passed.push(test.fullTitle()));
      runner.on('fail', (test, error: Error) => failed.push({ title: test.fullTitle(), error: error.stack ?? String(error) }));
    });
  } catch (error) {
    failed.push({ title: 'the integration test run', error: String(error) });
  }
  if (resultFile) {
    writeFileSync(resultFile, JSON.stringify({ passed, failed } satisfies TestResult));
  }
  if (failed.length > 0) {
    throw new Error(`${failed.length} integration tests failed`);
  }
}
