/**
 * Both shared files with one of them as the editor holds it: unsaved text is what the editor
 * features read. A file that is neither of the user's shared files (a `.aws/config` in a project)
 * is read alone, beside an empty other file.
 */
import type { FileRole } from '../files/roles';
import { sharedFile, type SharedFile, type SharedFiles } from '../profiles/read';

const otherRole = (role: FileRole): FileRole => (role === 'config' ? 'credentials' : 'config');

/** `previous`: the document's file a keystroke ago, from which its scan is made again (see rescan). */
export function documentFiles(
  files: SharedFiles | undefined,
  role: FileRole,
  path: string,
  text: string,
  previous?: SharedFile,
): SharedFiles {
  const file = files?.[role];
  const near = previous?.path === path ? previous : file;
  if (files && file?.path === path) {
    if (file.text === text && file.readError === undefined) {
      return files;
    }
    return { ...files, [role]: sharedFile(role, path, { text, readError: undefined }, near) };
  }
  const other = otherRole(role);
  const alone = {
    [role]: sharedFile(role, path, { text, readError: undefined }, near),
    [other]: sharedFile(other, '', { text: undefined, readError: undefined }),
  };
  return alone as unknown as SharedFiles;
}
