/**
 * An advisory lock per file, so that two VS Code windows (two extension hosts) editing the same
 * files take turns instead of both writing over what the other read. A lock is a file
 * `.<name>.lock` beside its target, created exclusively; one left by a killed process (its
 * process is gone, or it is older than any edit takes) is taken over. Other programs do not take
 * these locks: the changed-on-disk checks of `replace` guard against them.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { FileError } from './fileError';
import { privateFileMode } from './temporary';
import { isRunning } from './processes';

/** How long to wait for another window's edit (which takes milliseconds) before giving up. */
const patienceMs = 5_000;
/** A lock older than this belongs to a process that hangs or runs on another machine. */
const staleAfterMs = 30_000;

interface LockOwner {
  readonly pid: number;
  readonly host: string;
}

function lockPathOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.lock`);
}

/** Edits of this process waiting for each other, by lock set: they need no file to take turns. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `action` holding the locks of `targets`, taken in one order so two editors cannot deadlock;
 * waits `waitMs` at most for another window to finish. A file whose folder does not exist yet needs
 * no lock file (none is created for it): a second window creating it at the same moment is refused,
 * since a new file never replaces one that appeared meanwhile.
 */
export function withLocks<T>(targets: readonly string[], action: () => Promise<T>, waitMs = patienceMs): Promise<T> {
  const locks = [...new Set(targets.map(lockPathOf))].sort();
  const key = locks.join('\0');
  const run = (queues.get(key) ?? Promise.resolve()).then(
    () => holding(locks, action, waitMs),
    () => holding(locks, action, waitMs),
  );
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) {
      queues.delete(key);
    }
  });
  return run;
}

async function holding<T>(locks: readonly string[], action: () => Promise<T>, waitMs: number): Promise<T> {
  const held: string[] = [];
  try {
    for (const lock of locks) {
      if (await acquire(lock, waitMs)) {
        held.push(lock);
      }
    }
    return await action();
  } finally {
    for (const lock of held.reverse()) {
      await fs.rm(lock, { force: true });
    }
  }
}

/** Takes a lock; false when its folder does not exist or cannot hold one. */
async function acquire(lock: string, waitMs: number): Promise<boolean> {
  const started = Date.now();
  const owner: LockOwner = { pid: process.pid, host: os.hostname() };
  for (;;) {
    try {
      await fs.writeFile(lock, JSON.stringify(owner), { flag: 'wx', mode: privateFileMode });
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        // No folder yet, or one this process cannot write (the edit itself will say so).
        return false;
      }
    }
    if (await isStaleLock(lock)) {
      await fs.rm(lock, { force: true });
      continue;
    }
    if (Date.now() - started >= waitMs) {
      const target = path.join(path.dirname(lock), path.basename(lock).slice(1, -'.lock'.length));
      throw new FileError(
        l10n.t('{0} is being edited by another VS Code window, so nothing was written. Try again in a moment.', target),
        'busy',
        target,
        l10n.t('it is being edited by another VS Code window'),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}

/** Whether a lock was left by a process that no longer runs (a killed edit), or is too old to be live. */
async function isStaleLock(lock: string): Promise<boolean> {
  const [text, stat] = await Promise.all([fs.readFile(lock, 'utf8').catch(() => undefined), fs.stat(lock).catch(() => undefined)]);
  if (stat === undefined) {
    return false;
  }
  const age = Date.now() - stat.mtimeMs;
  const owner = parseOwner(text);
  if (owner === undefined) {
    // Created but not yet written, or written by a process killed in between.
    return age > 1_000;
  }
  return age > staleAfterMs || (owner.host === os.hostname() && owner.pid !== process.pid && !isRunning(owner.pid));
}

function parseOwner(text: string | undefined): LockOwner | undefined {
  try {
    const value = JSON.parse(text ?? '') as Partial<LockOwner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? { pid: value.pid, host: value.host } : undefined;
  } catch {
    return undefined;
  }
}
