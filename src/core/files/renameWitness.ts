/**
 * Sees whether another program renamed a file onto a target in the moments before this process's
 * own rename onto it, which that rename then overwrote unseen: the one outside write the checks
 * before a rename cannot catch (see replace). inotify reports the renames of a folder in the order
 * they happened, so a rename onto the target reported before the move of our temporary file came
 * first. Linux only: elsewhere the watch's events may be coalesced or unordered, and the answer is
 * "cannot tell", as it is when the watch fails or its events do not come.
 */
import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';

export interface RenameWitness {
  /** After the rename: true when another rename onto the target came first, undefined when it cannot tell. */
  overwritten(): Promise<boolean | undefined>;
  /** Stops watching, when the rename did not happen. */
  close(): void;
}

const cannotTell: RenameWitness = { overwritten: () => Promise.resolve(undefined), close: () => undefined };

/** Waits this long at most for the watch to report the rename it saw happen. */
const reportWithinMs = 1_000;

/** Starts watching the target's folder; call it right before the rename of `temporary` onto `target`. */
export function witnessRename(target: string, temporary: string): RenameWitness {
  if (process.platform !== 'linux') {
    return cannotTell;
  }
  let watcher: FSWatcher;
  try {
    watcher = watch(path.dirname(target), { persistent: false });
  } catch {
    return cannotTell;
  }
  const targetName = path.basename(target);
  const temporaryName = path.basename(temporary);
  let renamedOntoTarget = false;
  let finish: (answer: boolean | undefined) => void = () => undefined;
  const answer = new Promise<boolean | undefined>((resolve) => {
    const timer = setTimeout(() => finish(undefined), reportWithinMs);
    finish = (value) => {
      clearTimeout(timer);
      watcher.close();
      resolve(value);
    };
  });
  watcher.on('change', (type, name) => {
    if (name === temporaryName) {
      finish(renamedOntoTarget);
    } else if (name === targetName && type === 'rename') {
      renamedOntoTarget = true;
    }
  });
  watcher.on('error', () => finish(undefined));
  return { overwritten: () => answer, close: () => finish(undefined) };
}
