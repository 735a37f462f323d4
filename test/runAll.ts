/**
 * `npm test`: lint, the formatting check (Prettier), the package check, unit tests on Node, the
 * bounded reliability suites (fault injection, fuzzing, races), integration tests inside a real
 * VS Code, and UI tests in Chromium, in that order. Every step's output is shown as it runs; the
 * run ends with the plain line "N passed, N failed" over all tiers and fails if any step failed.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

interface Step {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Steps that are not test runners count as one test. */
  readonly countsTests: boolean;
}

const root = path.resolve(__dirname, '..', '..');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);
const quiet = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

const steps: Step[] = [
  { name: 'lint', command: bin('eslint'), args: ['.'], countsTests: false },
  { name: 'format', command: bin('prettier'), args: ['--check', '.'], countsTests: false },
  { name: 'package', command: 'npm', args: ['run', '--silent', 'test:package'], countsTests: false },
  { name: 'unit', command: bin('mocha'), args: [], countsTests: true },
  { name: 'reliability', command: bin('mocha'), args: ['--config', '.mocharc.reliability.json'], countsTests: true },
  {
    name: 'integration',
    command: process.execPath,
    args: [path.join(root, 'out', 'test', 'host', 'runIntegration.js'), 'newest'],
    countsTests: true,
  },
  {
    name: 'integration-oldest',
    command: process.execPath,
    args: [path.join(root, 'out', 'test', 'host', 'runIntegration.js'), 'oldest'],
    countsTests: true,
  },
  { name: 'e2e', command: bin('mocha'), args: ['--config', '.mocharc.e2e.json'], countsTests: true },
];

async function runStep(step: Step): Promise<{ passed: number; failed: number }> {
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const child = spawn(step.command, step.args, { cwd: root, env: { ...process.env, ...quiet }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  const code = await new Promise<number>((resolve) => child.once('close', (exitCode) => resolve(exitCode ?? 1)));
  const summary = [...output.matchAll(/^(?:[\w ()-]+: )?(\d+) passed, (\d+) failed/gm)].at(-1);
  if (!step.countsTests) {
    return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  }
  const passed = Number(summary?.[1] ?? 0);
  const failed = Number(summary?.[2] ?? 0);
  // A runner that crashed, or exited non-zero without saying why, counts as one failure.
  return { passed, failed: code !== 0 && failed === 0 ? 1 : failed };
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let passed = 0;
  let failed = 0;
  const lines: string[] = [];
  for (const step of steps.filter((candidate) => only.length === 0 || only.includes(candidate.name))) {
    const result = await runStep(step);
    passed += result.passed;
    failed += result.failed;
    lines.push(`${step.name}: ${result.passed} passed, ${result.failed} failed`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
