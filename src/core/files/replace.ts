/**
 * Replacing a file's text atomically and without lost updates: the new text goes to a private
 * temporary file beside the target (through symbolic links), which is renamed over it. The file
 * must still hold the text the edit was built from: checked when the edit is prepared, again right
 * before the rename, and once more after it, through a handle kept on the replaced file, so that
 * an outside write landing in between is noticed and its version put back instead of being lost.
 */
import { promises as fs, renameSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { FileError, ioError } from './fileError';
import { resolveLinks } from './links';
import { witnessRename, type RenameWitness } from './renameWitness';
import { openRegularFile, readSettledBytes, rememberOwnVersion } from './textFile';
import { privateFileMode, privateFolderMode, privateModeOf, writeTemporary } from './temporary';

/** A file checked for replacement: it holds the text it was read with and it is writable. */
export interface Replacement {
  readonly filePath: string;
  /** The file itself, behind any symbolic links. */
  readonly target: string;
  readonly before: string | undefined;
  /** `before` as the bytes on disk, encoded once for the checks that compare with them. */
  readonly beforeBytes: Buffer | undefined;
  readonly mode: number;
  readonly owner: { readonly uid: number; readonly gid: number } | undefined;
}

/** A replacement whose new text is written and synced to its temporary file, ready to be renamed into place. */
export interface StagedReplacement extends Replacement {
  /** The temporary file holding the new text. */
  readonly temporary: string;
  /** The file being replaced, kept open to see writes that reach it after the last check. */
  readonly replaced: fs.FileHandle | undefined;
}

/**
 * Checks that a file can be replaced: it still holds `before` (undefined: it must not exist yet)
 * and it is not read-only. Check every file of an edit first, so a refusal writes none of them.
 */
export async function prepareReplacement(filePath: string, before: string | undefined): Promise<Replacement> {
  const target = await resolveLinks(filePath);
  const current = await readSettledBytes(target);
  const beforeBytes = before === undefined ? undefined : Buffer.from(before, 'utf8');
  checkHolds(filePath, current?.bytes, beforeBytes);
  const stat = current?.stat;
  if (stat && (Number(stat.mode) & 0o222) === 0) {
    throw new FileError(
      l10n.t('{0} is read-only, so nothing was written. Make it writable (chmod u+w) and try again.', filePath),
      'readOnly',
      filePath,
    );
  }
  const owner = stat ? { uid: Number(stat.uid), gid: Number(stat.gid) } : undefined;
  return { filePath, target, before, beforeBytes, mode: stat ? Number(stat.mode) & 0o7777 : privateFileMode, owner };
}

/** Writes the new text beside the file, durably; nothing the SDK reads has changed yet. */
export async function stageReplacement(replacement: Replacement, after: string): Promise<StagedReplacement> {
  const { filePath, target, before, mode } = replacement;
  if (before === undefined) {
    await fs.mkdir(path.dirname(target), { recursive: true, mode: privateFolderMode }).catch((error: unknown) => {
      throw ioError(filePath, error);
    });
  }
  const replaced = before === undefined ? undefined : (await openRegularFile(target))?.handle;
  try {
    const temporary = await writeTemporary(target, Buffer.from(after, 'utf8'), mode);
    return { ...replacement, temporary, replaced };
  } catch (error) {
    await replaced?.close();
    throw ioError(filePath, error);
  }
}

/** The last check of the content before the renames: the file still holds `before`. */
export async function checkStaged(staged: StagedReplacement): Promise<void> {
  const { filePath, target, beforeBytes, replaced } = staged;
  checkHolds(filePath, replaced ? await readHandle(replaced) : (await readSettledBytes(target))?.bytes, beforeBytes);
}

/**
 * Puts the new text in place, then looks at the replaced file once more: an outside write that
 * reached it after the last check would be lost, so its version goes back in place and the edit
 * is refused. A new file is linked into place, which fails rather than overwrite a file created
 * meanwhile. Says whether the rename overwrote a file another program renamed onto the target in
 * the instant before it (see renameWitness): the edit is then in place, and that caller reports it.
 */
export async function commitStaged(staged: StagedReplacement): Promise<{ readonly overwrote: boolean }> {
  const { filePath, target, beforeBytes, temporary, replaced } = staged;
  let witness: RenameWitness | undefined;
  try {
    if (replaced === undefined) {
      await fs.link(temporary, target);
      await fs.rm(temporary, { force: true });
    } else {
      const opened = await replaced.stat({ bigint: true });
      witness = witnessRename(target, temporary);
      // Synchronous, back to back: another program's rename landing between this check that the
      // path still names the opened file and the rename would be overwritten; without a turn of
      // the event loop in between, that window is a few microseconds, and the witness sees it.
      const current = statSync(target, { bigint: true, throwIfNoEntry: false });
      if (current?.ino !== opened.ino || current.dev !== opened.dev) {
        throw changedError(filePath);
      }
      renameSync(temporary, target);
    }
  } catch (error) {
    witness?.close();
    throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? changedError(filePath) : ioError(filePath, error);
  }
  const overwritten = witness?.overwritten();
  await finishInPlace(staged);
  // Taken after the rename, which changes the file's ctime.
  await fs.stat(target, { bigint: true }).then(rememberOwnVersion, () => undefined);
  await syncFolder(path.dirname(target));
  if (replaced === undefined) {
    return { overwrote: false };
  }
  const outside = await readHandle(replaced);
  if (beforeBytes !== undefined && !outside.equals(beforeBytes)) {
    const restored = await writeTemporary(target, outside, staged.mode);
    await fs.rename(restored, target).catch(async (error: unknown) => {
      await fs.rm(restored, { force: true });
      throw ioError(filePath, error);
    });
    await finishInPlace(staged);
    throw new FileError(
      l10n.t(
        'Another program wrote {0} while it was being saved: its version was kept and this edit was not applied. Review the file and try again.',
        filePath,
      ),
      'changed',
      filePath,
    );
  }
  return { overwrote: (await overwritten) === true };
}

/** The refusal for a file whose new text is in place but overwrote a version another program renamed onto it at that moment. */
export function overwroteError(filePath: string): FileError {
  return new FileError(
    l10n.t(
      "Another program replaced {0} at the very moment this edit was saved: the edit is in the file, and the other program's version was overwritten. Check the file.",
      filePath,
    ),
    'changed',
    filePath,
  );
}

/** Gives a renamed file the mode (and, for root, the owner) of the file it replaced. */
async function finishInPlace({ target, mode, owner }: Replacement): Promise<void> {
  if (mode !== privateModeOf(mode)) {
    await fs.chmod(target, mode).catch(() => undefined);
  }
  if (owner && process.getuid?.() === 0) {
    await fs.chown(target, owner.uid, owner.gid).catch(() => undefined);
  }
}

/** Closes what a staged replacement holds and removes its temporary file if it was not renamed. */
export async function releaseStaged(staged: StagedReplacement): Promise<void> {
  await staged.replaced?.close().catch(() => undefined);
  await fs.rm(staged.temporary, { force: true });
}

/** Replaces one file's text with `after`, provided it still holds `before` and is writable. */
export async function replaceTextFile(filePath: string, before: string | undefined, after: string): Promise<void> {
  const staged = await stageReplacement(await prepareReplacement(filePath, before), after);
  let overwrote = false;
  try {
    await checkStaged(staged);
    ({ overwrote } = await commitStaged(staged));
  } finally {
    await releaseStaged(staged);
  }
  if (overwrote) {
    throw overwroteError(filePath);
  }
}

/** Removes a file this process created, provided it still holds `text`. */
export async function removeFile(filePath: string, text: string): Promise<void> {
  const target = await resolveLinks(filePath);
  checkHolds(filePath, (await readSettledBytes(target))?.bytes, Buffer.from(text, 'utf8'));
  await fs.rm(target);
}

function checkHolds(filePath: string, current: Buffer | undefined, expected: Buffer | undefined): void {
  const holds = current === undefined || expected === undefined ? current === expected : current.equals(expected);
  if (!holds) {
    throw changedError(filePath);
  }
}

function changedError(filePath: string): FileError {
  return new FileError(
    l10n.t('{0} changed on disk since it was read, so nothing was written. Review the file and try again.', filePath),
    'changed',
    filePath,
  );
}

/** The whole content of an open file, read by position (a handle's own position may be anywhere). */
async function readHandle(handle: fs.FileHandle): Promise<Buffer> {
  // One byte more than its size, to see whether it grew since.
  let buffer = Buffer.alloc((await handle.stat()).size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) {
      return buffer.subarray(0, length);
    }
    length += bytesRead;
  }
}

/** Makes the rename itself durable; some file systems refuse to open a folder, which is harmless. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort only.
  }
}
