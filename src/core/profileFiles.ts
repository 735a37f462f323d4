/**
 * The profile service's reader and writer, loaded together on first use and nowhere else: one
 * module instance, so an edit reuses the scans of the read before it (see scanIni), and activation
 * loads neither the parser nor the editor.
 */
import type { SharedFilePaths } from './filePaths';
import { applyEdit, type FileTexts, type ProfileEdit } from './profileEdits';
import { editProfiles, type EditOutcome } from './profileStore';

export { readProfiles } from './readProfiles';
export { createFileIfMissing } from './profileStore';

export function editProfileFiles(paths: SharedFilePaths, edit: ProfileEdit, expected?: FileTexts): Promise<EditOutcome> {
  return editProfiles(paths, (texts) => applyEdit(texts, edit), expected);
}
