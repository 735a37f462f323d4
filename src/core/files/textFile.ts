/**
 * Reading the user's files, and replacing them safely: strict UTF-8 for a file about to be
 * rewritten, atomic replacement (a temporary file in the same folder, fsync, rename) through
 * symbolic links, modes kept, new files private, and no lost update when the file changed on disk
 * since it was read.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { errorMessage, KnownError } from '../errors';

export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

type FileErrorReason = 'changed' | 'readOnly' | 'notUtf8' | 'notAFile' | 'io';

/** A file left untouched, and why. */
export class FileError extends KnownError<FileErrorReason> {
  override readonly name = 'FileError';

  constructor(
    message: string,
    readonly reason: FileErrorReason,
    readonly filePath: string,
  ) {
    super(message);
  }
}

/** A file read to be shown and checked: its text, or why it could not be read; a missing file (or folder) is neither. */
export interface FileRead {
  readonly text: string | undefined;
  /** Why an existing file could not be read (permission denied, a folder, ...). */
  readonly readError: string | undefined;
}

/** Reads a file as the SDK does (bytes that are not UTF-8 become U+FFFD) and never throws. */
export async function readFileLeniently(filePath: string): Promise<FileRead> {
  try {
    return { text: await fs.readFile(filePath, 'utf8'), readError: undefined };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { text: undefined, readError: code === 'ENOENT' || code === 'ENOTDIR' ? undefined : describeReadError(code) };
  }
}

function describeReadError(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ELOOP':
      return 'it is a symbolic link that points to itself';
    default:
      return `it could not be read (${code ?? 'unknown error'})`;
  }
}

/** The text of a file to rewrite, or undefined when it does not exist. Refuses bytes that are not UTF-8, which a rewrite would lose. */
export async function readTextFile(filePath: string): Promise<string | undefined> {
  const bytes = await readBytes(filePath);
  if (bytes === undefined) {
    return undefined;
  }
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    throw new FileError(`${filePath} is not UTF-8 text, so it is left untouched. Save it as UTF-8 and try again.`, 'notUtf8', filePath);
  }
  return text;
}

/** A file checked for replacement: it holds the text it was read with and it is writable. */
export interface Replacement {
  readonly filePath: string;
  /** The file itself, behind any symbolic links. */
  readonly target: string;
  readonly before: string | undefined;
  readonly mode: number;
  readonly owner: { readonly uid: number; readonly gid: number } | undefined;
}

/**
 * Checks that a file can be replaced: it still holds `before` (undefined: it must not exist yet)
 * and it is not read-only. Check every file of an edit first, so a refusal writes none of them.
 */
export async function prepareReplacement(filePath: string, before: string | undefined): Promise<Replacement> {
  const target = await resolveLinks(filePath);
  await checkUnchanged(filePath, target, before);
  const stat = before === undefined ? undefined : await fs.stat(target);
  if (stat && (stat.mode & 0o222) === 0) {
    throw new FileError(
      `${filePath} is read-only, so nothing was written. Make it writable (chmod u+w) and try again.`,
      'readOnly',
      filePath,
    );
  }
  return { filePath, target, before, mode: stat ? stat.mode & 0o7777 : privateFileMode, owner: stat };
}

/** Writes a checked file atomically; a new file gets mode 0600 and new folders 0700. */
export async function commitReplacement(replacement: Replacement, after: string): Promise<void> {
  await checkUnchanged(replacement.filePath, replacement.target, replacement.before);
  if (replacement.before === undefined) {
    await fs.mkdir(path.dirname(replacement.target), { recursive: true, mode: privateFolderMode }).catch((error: unknown) => {
      throw ioError(replacement.filePath, error);
    });
  }
  await writeAtomically(replacement.target, Buffer.from(after, 'utf8'), replacement.mode, replacement.owner);
}

/** Replaces a file's text with `after`, provided it still holds `before` and is writable. */
export async function replaceTextFile(filePath: string, before: string | undefined, after: string): Promise<void> {
  await commitReplacement(await prepareReplacement(filePath, before), after);
}

async function checkUnchanged(filePath: string, target: string, before: string | undefined): Promise<void> {
  const current = await readBytes(target);
  const unchanged = current === undefined ? before === undefined : before !== undefined && current.equals(Buffer.from(before, 'utf8'));
  if (!unchanged) {
    throw new FileError(
      `${filePath} changed on disk since it was read, so nothing was written. Review the file and try again.`,
      'changed',
      filePath,
    );
  }
}

async function writeAtomically(
  target: string,
  bytes: Buffer,
  mode: number,
  owner: { uid: number; gid: number } | undefined,
): Promise<void> {
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      await handle.chmod(mode);
      if (owner && process.getuid?.() === 0) {
        await handle.chown(owner.uid, owner.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw ioError(target, error);
  }
  await syncFolder(folder);
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

/** Follows symbolic links to the file they name, even when that file does not exist yet. */
async function resolveLinks(filePath: string): Promise<string> {
  let current = path.resolve(filePath);
  for (let hops = 0; hops < 40; hops += 1) {
    let link: string;
    try {
      link = await fs.readlink(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EINVAL' || code === 'ENOENT' || code === 'UNKNOWN') {
        return current;
      }
      throw ioError(filePath, error);
    }
    current = path.resolve(path.dirname(current), link);
  }
  throw new FileError(`${filePath} is a symbolic link that loops, so nothing was written.`, 'io', filePath);
}

async function readBytes(filePath: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw ioError(filePath, error);
  }
}

function ioError(filePath: string, error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new FileError(`${filePath} cannot be written: permission denied (${code}).`, 'readOnly', filePath);
    case 'EISDIR':
      return new FileError(`${filePath} is a folder, not a file.`, 'notAFile', filePath);
    default:
      return new FileError(`${filePath} could not be written: ${errorMessage(error)}`, 'io', filePath);
  }
}
