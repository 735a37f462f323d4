/**
 * The child process of the kill suite: applies one profile edit to the files on disk, as the
 * extension does, and is killed by its parent at a random moment, or kills itself with SIGKILL
 * just before its Nth file operation (every boundary between two calls into the file system).
 *
 * argv: JSON of { paths, edit, killAt } (killAt 0: never). Prints `ready`, waits for a line on
 * stdin, edits, prints `done N` with the number of file operations it made.
 */
import * as fs from 'node:fs';
import type { SharedFilePaths } from '../../src/core/files/paths';
import type { ProfileEdit } from '../../src/core/profiles/edits';

interface Order {
  readonly paths: SharedFilePaths;
  readonly edit: ProfileEdit;
  readonly killAt: number;
}

let operations = 0;
let killAt = 0;

function counted<T extends object>(target: T, names: readonly string[]): void {
  for (const name of names) {
    const original = (target as Record<string, unknown>)[name];
    if (typeof original !== 'function') {
      continue;
    }
    (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]): unknown {
      operations++;
      if (operations === killAt) {
        process.kill(process.pid, 'SIGKILL');
      }
      return (original as (...parameters: unknown[]) => unknown).apply(this, args);
    };
  }
}

async function main(): Promise<void> {
  const order = JSON.parse(process.argv[2] ?? '{}') as Order;
  const probe = await fs.promises.open(__filename, 'r');
  const handlePrototype = Object.getPrototypeOf(probe) as object;
  await probe.close();
  counted(fs.promises, [
    'open',
    'rename',
    'link',
    'rm',
    'unlink',
    'writeFile',
    'readFile',
    'mkdir',
    'stat',
    'lstat',
    'readlink',
    'readdir',
    'chmod',
    'chown',
    'utimes',
  ]);
  counted(handlePrototype, ['read', 'write', 'writeFile', 'readFile', 'sync', 'chmod', 'chown', 'close', 'stat']);
  const { applyEditToFiles } = await import('../../src/core/profiles/transaction.js');
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  killAt = order.killAt;
  operations = 0;
  await applyEditToFiles(order.paths, order.edit);
  process.stdout.write(`done ${operations}\n`);
  process.exit(0);
}

void main();
