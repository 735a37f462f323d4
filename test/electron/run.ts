/**
 * `npm run test:electron`: the same integration tests in VS Code's desktop build, downloaded by
 * @vscode/test-electron. It needs internet access (a contributor's machine, a hosted CI); the
 * offline machines here use the code-server host (`npm run test:integration`) instead.
 */
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  for (const version of ['1.90.2', 'stable']) {
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
      launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { HOME: mkdtempSync(path.join(os.tmpdir(), 'aws-cm-vscode-')) },
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
