/** Test helpers for files on disk: whether one exists, its mode, and a refusal with its reason. */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { FileError } from '../../../src/core/files/fileError';

type Reason = FileError['reason'];

/** Shaped like a secret access key, so a test sees whether it leaks. */
export const fakeSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** Awaits a rejection, checks it is a FileError with `reason`, and hands it back. */
export async function refusal(promise: Promise<unknown>, reason: Reason): Promise<FileError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== undefined, `expected a FileError with reason ${reason}, but nothing was thrown`);
  assert.ok(
    caught instanceof FileError,
    `expected a FileError, got ${caught instanceof Error ? `${caught.name}: ${caught.message}` : typeof caught}`,
  );
  assert.equal(caught.reason, reason, `unexpected reason; message: ${caught.message}`);
  return caught;
}

export async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.lstat(filePath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
    throw error;
  }
}

export async function modeOf(filePath: string): Promise<number> {
  return (await fs.stat(filePath)).mode & 0o777;
}

/** The names in a folder, sorted: what a write left behind. */
export async function listing(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).sort();
}

/** The pid of a process that has exited: what a killed writer's leftovers name. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 999_999;
}
