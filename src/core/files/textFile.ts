/**
 * Reading the user's files without ever hanging the host or exhausting its memory: anything but a
 * regular file (a FIFO, a device, a socket) is refused by its type before a byte is read, a file
 * above maxFileBytes is refused, and a file about to be rewritten is read strictly: UTF-8 only, and
 * not while another program may still be writing it.
 */
import { constants, promises as fs, type BigIntStats } from 'node:fs';
import * as l10n from '@vscode/l10n';
import { FileError } from './fileError';

export const maxFileBytes = 10 * 1024 * 1024;

/** A file modified more recently than this may be half-written by a program that writes in chunks. */
const settleMs = 100;
const readAttempts = 25;

/** A file read to be shown and checked: its text, or why it could not be read; a missing file (or folder) is neither. */
export interface FileRead {
  readonly text: string | undefined;
  /** Why an existing file could not be read (permission denied, a folder, ...). */
  readonly readError: string | undefined;
  /** The device and inode of the file read: a replacement (a rename over it) changes them, a write in place does not. */
  readonly identity?: string | undefined;
}

/** A file's bytes and the version of the file they are (its stat after the read). */
export interface FileBytes {
  readonly bytes: Buffer;
  readonly stat: BigIntStats;
}

/** Reads a file as the SDK does (bytes that are not UTF-8 become U+FFFD) and never throws. */
export async function readFileLeniently(filePath: string): Promise<FileRead> {
  try {
    // No second stat: a read to show the files does not ask whether a writer was busy meanwhile.
    const read = await withRegularFile(filePath, async (handle, stat) => ({
      bytes: await readOpened(handle, stat),
      identity: `${stat.dev}:${stat.ino}`,
    }));
    return { text: read?.bytes.toString('utf8'), readError: undefined, identity: read?.identity };
  } catch (error) {
    return { text: undefined, readError: error instanceof FileError ? error.why : readFailure(filePath, error).why };
  }
}

/** The text of a file to rewrite, or undefined when it does not exist. Refuses bytes that are not UTF-8, which a rewrite would lose. */
export async function readTextFile(filePath: string): Promise<string | undefined> {
  const read = await readSettledBytes(filePath);
  if (read === undefined) {
    return undefined;
  }
  const text = read.bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(read.bytes)) {
    throw new FileError(
      l10n.t('{0} is not UTF-8 text, so it is left untouched. Save it as UTF-8 and try again.', filePath),
      'notUtf8',
      filePath,
    );
  }
  return text;
}

/**
 * A file's bytes once no other program is writing it: the same version (size, times, inode)
 * before and after the read, and not modified in the last moments unless this process wrote it.
 */
export async function readSettledBytes(filePath: string): Promise<FileBytes | undefined> {
  for (let attempt = 0; attempt < readAttempts; attempt++) {
    const read = await readOnce(filePath);
    if (read === undefined) {
      return undefined;
    }
    const wait = settlingMs(read.stat);
    if (read.stable && wait === 0) {
      return read;
    }
    await delay(read.stable ? wait : 10);
  }
  throw new FileError(
    l10n.t('{0} is being written by another program, so it was left untouched. Try again in a moment.', filePath),
    'busy',
    filePath,
    l10n.t('it is being written by another program'),
  );
}

/**
 * Waits until a file has been quiet long enough that no program is part-way through writing it
 * (see readSettledBytes), for reads that show the files: a file caught between an editor's
 * truncate and its write would show every profile gone for a moment. Gives up after a few seconds.
 */
export async function waitUntilSettled(filePath: string): Promise<void> {
  for (let attempt = 0; attempt < readAttempts; attempt++) {
    const stat = await fs.stat(filePath, { bigint: true }).catch(() => undefined);
    const wait = stat?.isFile() ? settlingMs(stat) : 0;
    if (wait === 0) {
      return;
    }
    await delay(wait);
  }
}

/** How long until a file of this version has been quiet for settleMs; 0 when it has, or when this process wrote it. */
function settlingMs(stat: BigIntStats): number {
  const age = Date.now() - Number(stat.mtimeNs) / 1e6;
  return ownVersions.has(versionOf(stat)) || age < 0 || age >= settleMs ? 0 : settleMs - age;
}

/** Opens a file to read without blocking (opening a FIFO would wait for a writer) and refuses anything but a regular file. */
export async function openRegularFile(filePath: string): Promise<{ handle: fs.FileHandle; stat: BigIntStats } | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      await refuseDanglingLink(filePath);
      return undefined;
    }
    const { message, why } = readFailure(filePath, error);
    const reason = code === 'ENXIO' || code === 'ELOOP' || code === 'EISDIR' ? 'notAFile' : 'io';
    throw new FileError(message, reason, filePath, why);
  }
  try {
    const stat = await handle.stat({ bigint: true });
    refuseUnusable(filePath, stat);
    return { handle, stat };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Versions of files this process wrote itself: they need not settle before being read. */
const ownVersions = new Set<string>();

/** Remembers a file version this process just wrote (see readSettledBytes). */
export function rememberOwnVersion(stat: BigIntStats): void {
  ownVersions.add(versionOf(stat));
  if (ownVersions.size > 32) {
    ownVersions.delete(ownVersions.values().next().value as string);
  }
}

/** Size, modification and change times and inode: a write by anyone changes at least one. */
export function versionOf(stat: BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

function readOnce(filePath: string): Promise<(FileBytes & { readonly stable: boolean }) | undefined> {
  return withRegularFile(filePath, async (handle, before) => {
    const bytes = await readOpened(handle, before);
    const stat = await handle.stat({ bigint: true });
    return { bytes, stat, stable: versionOf(before) === versionOf(stat) && BigInt(bytes.length) === stat.size };
  });
}

/**
 * `use` of a regular file opened as openRegularFile opens it, closed after; undefined when the file
 * does not exist. The close is not awaited: what `use` read is in hand, and each round trip to the
 * thread pool costs more than reading 100 profiles.
 */
async function withRegularFile<T>(filePath: string, use: (handle: fs.FileHandle, stat: BigIntStats) => Promise<T>): Promise<T | undefined> {
  const opened = await openRegularFile(filePath);
  if (opened === undefined) {
    return undefined;
  }
  try {
    return await use(opened.handle, opened.stat);
  } finally {
    opened.handle.close().catch(() => undefined);
  }
}

/**
 * The bytes of an opened file of the size `stat` gives, in one read where the file has not grown
 * since: a read that returns less than it asked for has reached the end of a regular file.
 */
async function readOpened(handle: fs.FileHandle, stat: BigIntStats): Promise<Buffer> {
  let buffer = Buffer.allocUnsafe(Number(stat.size) + 1);
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    length += bytesRead;
    if (length < buffer.length) {
      return buffer.subarray(0, length);
    }
    const larger = Buffer.allocUnsafe(buffer.length * 2);
    buffer.copy(larger);
    buffer = larger;
  }
}

/** Why a file cannot be used, alone ("it is a folder, not a file", see FileError.why) and as the whole message. */
interface Failure {
  readonly why: string;
  readonly message: string;
}

function refuseUnusable(filePath: string, stat: BigIntStats): void {
  const failure = unusable(filePath, stat);
  if (failure !== undefined) {
    throw new FileError(failure.message, stat.isFile() ? 'tooLarge' : 'notAFile', filePath, failure.why);
  }
}

function unusable(filePath: string, stat: BigIntStats): Failure | undefined {
  if (stat.isFile()) {
    if (stat.size <= maxFileBytes) {
      return undefined;
    }
    const size = (Number(stat.size) / 2 ** 20).toFixed(1);
    const limit = maxFileBytes / 2 ** 20;
    return {
      why: l10n.t('it is {0} MB, more than the {1} MB an AWS shared file can sensibly hold', size, limit),
      message: l10n.t(
        '{0} cannot be used: it is {1} MB, more than the {2} MB an AWS shared file can sensibly hold.',
        filePath,
        size,
        limit,
      ),
    };
  }
  if (stat.isDirectory()) {
    return { why: l10n.t('it is a folder, not a file'), message: l10n.t('{0} cannot be used: it is a folder, not a file.', filePath) };
  }
  if (stat.isFIFO()) {
    return {
      why: l10n.t('it is a named pipe (FIFO), not a file'),
      message: l10n.t('{0} cannot be used: it is a named pipe (FIFO), not a file.', filePath),
    };
  }
  return stat.isSocket()
    ? { why: l10n.t('it is a socket, not a file'), message: l10n.t('{0} cannot be used: it is a socket, not a file.', filePath) }
    : { why: l10n.t('it is a device, not a file'), message: l10n.t('{0} cannot be used: it is a device, not a file.', filePath) };
}

/** A missing file is fine, a symbolic link to a missing file is a mistake worth naming. */
async function refuseDanglingLink(filePath: string): Promise<void> {
  const target = await fs.readlink(filePath).catch(() => undefined);
  if (target !== undefined) {
    throw new FileError(
      l10n.t('{0} cannot be used: it is a symbolic link to {1}, which does not exist.', filePath, target),
      'notAFile',
      filePath,
      l10n.t('it is a symbolic link to {0}, which does not exist', target),
    );
  }
}

function readFailure(filePath: string, error: unknown): Failure {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { why: l10n.t('permission denied'), message: l10n.t('{0} cannot be read: permission denied.', filePath) };
    case 'EISDIR':
      return { why: l10n.t('it is a folder, not a file'), message: l10n.t('{0} cannot be read: it is a folder, not a file.', filePath) };
    case 'ELOOP':
      return {
        why: l10n.t('it is a symbolic link that points to itself'),
        message: l10n.t('{0} cannot be read: it is a symbolic link that points to itself.', filePath),
      };
    case 'ENXIO':
      return {
        why: l10n.t('it is a socket or a device, not a file'),
        message: l10n.t('{0} cannot be read: it is a socket or a device, not a file.', filePath),
      };
    case undefined:
      return {
        why: l10n.t('it could not be read (unknown error)'),
        message: l10n.t('{0} cannot be read: it could not be read (unknown error).', filePath),
      };
    default:
      return {
        why: l10n.t('it could not be read ({0})', code),
        message: l10n.t('{0} cannot be read: it could not be read ({1}).', filePath, code),
      };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(1, ms)));
}
