/**
 * What a killed writer leaves behind, cleaned up before the next edit of its files and by the reads
 * that can find something (see readSharedFiles): an edit interrupted between two renames is
 * finished (see journal), and staged temporary files of processes that are gone are removed. (A
 * lock a killed writer left is taken over by the next edit.)
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { finishInterruptedEdit, journalPathOf, stagedFilesOf } from './journal';
import { withLocks } from './lock';
import { resolveLinks } from './links';
import { listFolder, removeStaleTemporaries } from './temporary';

/** The files behind their symbolic links, as edits write them; the journal goes beside the first. */
export async function editTargets(files: readonly string[]): Promise<string[]> {
  return Promise.all(files.map((file) => resolveLinks(file).catch(() => path.resolve(file))));
}

/**
 * Cleans up after killed writers of `files`; says whether that changed one of them (it finished an
 * edit). Never throws: a read must go on whatever it finds.
 */
export async function recoverFiles(files: readonly string[]): Promise<boolean> {
  try {
    const { targets, folders, listings } = await listedTargets(files);
    const journal = journalOf(targets);
    const interrupted = listings[folders.indexOf(path.dirname(journal))]?.includes(path.basename(journal)) ?? false;
    if (!interrupted) {
      // No journal, so no staged file to spare: a writer that starts one now is alive, and its files are spared as its own.
      await Promise.all(folders.map((folder, position) => removeStaleTemporaries(folder, new Set(), listings[position])));
      return false;
    }
    // Finishing an edit writes the files, so it takes their locks; there is seldom one to finish.
    return await withLocks(targets, async () => (await recoverHoldingLocks(targets)).length > 0, 0);
  } catch {
    // Another window is editing, and finishes its edit itself; or the folder cannot be written, and
    // the next edit tries again.
    return false;
  }
}

/**
 * The files' targets (see editTargets) and the names in each of their folders. One listing of each
 * folder says whether an edit was interrupted, what temporary files are left, and, from the type of
 * each entry, whether a file is a link: most are not, and then no file needs a stat of its own.
 */
async function listedTargets(files: readonly string[]): Promise<{ targets: string[]; folders: string[]; listings: string[][] }> {
  const resolved = files.map((file) => path.resolve(file));
  const folders = [...new Set(resolved.map((file) => path.dirname(file)))];
  const entries = await Promise.all(folders.map((folder) => fs.readdir(folder, { withFileTypes: true }).catch(() => undefined)));
  const unlinked = resolved.every((file) => {
    const listed = entries[folders.indexOf(path.dirname(file))];
    return listed !== undefined && !listed.some((entry) => entry.name === path.basename(file) && entry.isSymbolicLink());
  });
  if (unlinked) {
    return { targets: resolved, folders, listings: entries.map((listed) => (listed ?? []).map((entry) => entry.name)) };
  }
  const targets = await editTargets(files);
  const targetFolders = [...new Set(targets.map((target) => path.dirname(target)))];
  return { targets, folders: targetFolders, listings: await Promise.all(targetFolders.map(listFolder)) };
}

/**
 * Finishes an edit a killed writer left and removes its stale temporary files; call it holding the
 * files' locks. Gives the files it changed.
 */
export async function recoverHoldingLocks(targets: readonly string[]): Promise<readonly string[]> {
  const completed = await finishInterruptedEdit(journalOf(targets));
  await removeLeftovers(targets);
  return completed ?? [];
}

/** The journal of an edit of `targets` (see editTargets): beside the first. */
export function journalOf(targets: readonly string[]): string {
  return journalPathOf(targets[0] ?? '');
}

/** Removes stale temporary files beside `targets`, sparing those a pending journal names. */
async function removeLeftovers(targets: readonly string[]): Promise<void> {
  const spare = await stagedFilesOf(journalOf(targets));
  for (const folder of new Set(targets.map((target) => path.dirname(target)))) {
    await removeStaleTemporaries(folder, spare);
  }
}
