/** Symbolic links, followed as a write must follow them: to the file they name, which must exist when a link names it. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FileError, ioError } from './fileError';

/**
 * Follows symbolic links to the file they name. A link to a missing file is refused: writing would
 * silently create its target (and folders) somewhere the user may not expect.
 */
export async function resolveLinks(filePath: string): Promise<string> {
  let current = path.resolve(filePath);
  for (let hops = 0; hops < 40; hops += 1) {
    let link: string;
    try {
      link = await fs.readlink(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EINVAL' || code === 'UNKNOWN') {
        return current;
      }
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        if (hops === 0) {
          return current;
        }
        const why = `it is a symbolic link to ${current}, which does not exist`;
        throw new FileError(`${filePath} cannot be written: ${why}. Create the file or fix the link.`, 'notAFile', filePath, why);
      }
      throw ioError(filePath, error);
    }
    current = path.resolve(path.dirname(current), link);
  }
  throw ioError(filePath, Object.assign(new Error('loop'), { code: 'ELOOP' }));
}
