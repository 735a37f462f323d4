/** Both shared files with one of them as the editor holds it: unsaved text is what the features read. */
import type { FileRole } from '../files/roles';
import { sharedFile, type SharedFiles } from '../profiles/read';

export function withDocumentText(files: SharedFiles, role: FileRole, text: string): SharedFiles {
  const file = files[role];
  if (file.text === text && file.readError === undefined) {
    return files;
  }
  return { ...files, [role]: sharedFile(role, file.path, { text, readError: undefined }) };
}
