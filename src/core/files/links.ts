/** Symbolic links, followed as a write must follow them: to the file they name, which must exist when a link names it. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
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
      // Most files are no link: asked with lstat, which answers that without an error (readlink's is slow to build).
      if (!(await fs.lstat(current)).isSymbolicLink()) {
        return current;
      }
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
        throw new FileError(
          l10n.t(
            '{0} cannot be written: it is a symbolic link to {1}, which does not exist. Create the file or fix the link.',
            filePath,
            current,
          ),
          'notAFile',
          filePath,
          l10n.t('it is a symbolic link to {0}, which does not exist', current),
        );
      }
      throw ioError(filePath, error);
    }
    current = path.resolve(path.dirname(current), link);
  }
  throw ioError(filePath, Object.assign(new Error('loop'), { code: 'ELOOP' }));
}
