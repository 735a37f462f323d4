/** `npm run test:reliability [-- --long]`: the reliability suites, bounded or with their full counts. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { root } from '../host/install';
const longRun = process.argv.includes('--long');
const child = spawn(path.join(root, 'node_modules', '.bin', 'mocha'), ['--config', '.mocharc.reliability.json'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...(longRun ? { RELIABILITY_LONG: '1' } : {}) },
});
child.once('close', (code) => {
  process.exitCode = code ?? 1;
});
