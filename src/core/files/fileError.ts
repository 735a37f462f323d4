/** Why a file was left untouched or could not be read, in plain words, with a reason for code. */
import * as l10n from '@vscode/l10n';
import { errorMessage, KnownError } from '../errors';

export type FileErrorReason = 'changed' | 'busy' | 'readOnly' | 'notUtf8' | 'notAFile' | 'tooLarge' | 'io';

export class FileError extends KnownError<FileErrorReason> {
  override readonly name = 'FileError';

  constructor(
    message: string,
    readonly reason: FileErrorReason,
    readonly filePath: string,
    /** What is wrong with the file, without its path: "it is a named pipe (FIFO), not a file". */
    readonly why: string = message,
  ) {
    super(message);
  }
}

/** A failed file operation, with its error code in words. */
export function ioError(filePath: string, error: unknown): FileError {
  if (error instanceof FileError) {
    return error;
  }
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new FileError(l10n.t('{0} cannot be written: permission denied ({1}).', filePath, code), 'readOnly', filePath);
    case 'EISDIR':
      return new FileError(l10n.t('{0} is a folder, not a file.', filePath), 'notAFile', filePath);
    case 'ELOOP':
      return new FileError(l10n.t('{0} is a symbolic link that loops, so nothing was written.', filePath), 'notAFile', filePath);
    case 'ENXIO':
      return new FileError(l10n.t('{0} is a socket or a device, not a file.', filePath), 'notAFile', filePath);
    default:
      return new FileError(l10n.t('{0} could not be written: {1}', filePath, errorMessage(error)), 'io', filePath);
  }
}
