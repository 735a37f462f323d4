/**
 * Temporary files for atomic replacement: beside their target (a rename is atomic only within a
 * file system), private from the first byte, created exclusively under a name no other writer can
 * pick, and removed on every failure. Those a killed process left behind are recognised by their
 * name and removed by the next cleanup of their folder (removeStaleTemporaries; see recoverFiles
 * for when one runs): a copy of a secret a killed write left is private, and lasts until then.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isRunning } from './processes';

export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

/** `.<target name>.<pid>.<16 hex digits>.tmp`; writers before this one used 12 hex digits. */
const temporaryPattern = /^\.(.+)\.(\d+)\.[0-9a-f]{12,16}\.tmp$/;

/** Left by a process that still runs, a temporary file is stale after this long (an edit takes milliseconds). */
const staleAfterMs = 60_000;

/**
 * Writes `bytes` to a new temporary file beside `target`, durably. It is private (0600, or `mode`
 * if stricter) from its first byte to its rename: a file meant to be more open gets its mode once
 * in place (see privateModeOf), so no copy of a secret is ever readable by others. Gives its path.
 */
export async function writeTemporary(target: string, bytes: Buffer, mode: number): Promise<string> {
  const file = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await fs.open(file, 'wx', privateModeOf(mode));
  try {
    // The umask cannot widen a mode, but it can narrow it: 0400 asked, 0400 given.
    await handle.chmod(privateModeOf(mode));
    await handle.writeFile(bytes);
    await handle.sync();
    return file;
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  } finally {
    await handle.close();
  }
}

/** The mode a temporary file for a file of `mode` is written with. */
export function privateModeOf(mode: number): number {
  return mode & privateFileMode;
}

/**
 * Removes the temporary files that writers of this folder's files left when they were killed; says
 * how many. `listing` is the folder's, when the caller has just read it.
 */
export async function removeStaleTemporaries(
  folder: string,
  spare: ReadonlySet<string> = new Set(),
  listing?: readonly string[],
): Promise<number> {
  const names = listing ?? (await listFolder(folder));
  let removed = 0;
  for (const name of names) {
    const match = temporaryPattern.exec(name);
    const file = path.join(folder, name);
    if (!match || spare.has(file)) {
      continue;
    }
    const pid = Number(match[2]);
    const stat = await fs.lstat(file).catch(() => undefined);
    const stale = stat?.isFile() && (pid === process.pid ? false : !isRunning(pid) || Date.now() - stat.mtimeMs > staleAfterMs);
    if (stale) {
      await fs.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/** The names in a folder, none when it cannot be listed. */
export async function listFolder(folder: string): Promise<string[]> {
  return fs.readdir(folder).catch(() => []);
}
