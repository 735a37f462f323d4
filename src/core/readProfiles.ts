import type { SharedFilePaths } from './filePaths';
import { loadSharedFiles } from './sharedFiles';
import { validate, type Validation } from './validate';

/** Everything the extension knows of the user's profiles, read fresh from disk. */
export async function readProfiles(paths: SharedFilePaths): Promise<Validation> {
  return validate(await loadSharedFiles(paths));
}
