/** Why a file was left untouched or could not be read, in plain words, with a reason for code. */
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
      return new FileError(`${filePath} cannot be written: permission denied (${code}).`, 'readOnly', filePath);
    case 'EISDIR':
      return new FileError(`${filePath} is a folder, not a file.`, 'notAFile', filePath);
    case 'ELOOP':
      return new FileError(`${filePath} is a symbolic link that loops, so nothing was written.`, 'notAFile', filePath);
    case 'ENXIO':
      return new FileError(`${filePath} is a socket or a device, not a file.`, 'notAFile', filePath);
    default:
      return new FileError(`${filePath} could not be written: ${errorMessage(error)}`, 'io', filePath);
  }
}
