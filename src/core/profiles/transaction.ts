/**
 * Applies profile edits to the files on disk: both files are read and checked before either is
 * written, so a refused edit (changed on disk, read-only) changes nothing.
 */
import type { SharedFilePaths } from '../files/paths';
import type { FileRole } from '../files/roles';
import { prepareReplacement, commitReplacement, FileError, readTextFile } from '../files/textFile';
import { applyEdit, type FileTexts, type ProfileEdit } from './edits';

export const newFileHeaders: Readonly<Record<FileRole, string>> = {
  credentials: '# AWS shared credentials file: access keys, one [name] section per profile. Keep it private.\n\n',
  config: '# AWS shared config file: region, output and role settings, one [profile name] section per profile.\n\n',
};

export async function readFileTexts(paths: SharedFilePaths): Promise<FileTexts> {
  const [config, credentials] = await Promise.all([readTextFile(paths.config), readTextFile(paths.credentials)]);
  return { config, credentials };
}

export interface EditOutcome {
  /** The files that were written, credentials file first. */
  readonly written: readonly FileRole[];
  readonly texts: FileTexts;
}

/** Applies a profile edit (see applyEdit) to the files on disk, as editFiles does. */
export function applyEditToFiles(paths: SharedFilePaths, edit: ProfileEdit, expected?: FileTexts): Promise<EditOutcome> {
  return editFiles(paths, (texts) => applyEdit(texts, edit), expected);
}

/**
 * Reads both files, applies `change`, and writes what changed. With `expected` (the texts a form
 * was opened with), an outside change to either file refuses the edit instead of overwriting it.
 */
export async function editFiles(
  paths: SharedFilePaths,
  change: (texts: FileTexts) => FileTexts,
  expected?: FileTexts,
): Promise<EditOutcome> {
  const before = await readFileTexts(paths);
  const roles: FileRole[] = ['credentials', 'config'];
  for (const role of roles) {
    if (expected && expected[role] !== before[role]) {
      throw new FileError(
        `${paths[role]} changed on disk since it was opened, so nothing was written. Review the file and try again.`,
        'changed',
        paths[role],
      );
    }
  }
  const base: FileTexts = {
    config: before.config ?? newFileHeaders.config,
    credentials: before.credentials ?? newFileHeaders.credentials,
  };
  const after = change(base);
  const written = roles.filter((role) => after[role] !== undefined && after[role] !== base[role]);
  const checked = await Promise.all(
    written.map(async (role) => ({ role, replacement: await prepareReplacement(paths[role], before[role]) })),
  );
  for (const { role, replacement } of checked) {
    await commitReplacement(replacement, after[role] ?? '');
  }
  const kept = (role: FileRole): string | undefined => (written.includes(role) ? after[role] : before[role]);
  return { written, texts: { config: kept('config'), credentials: kept('credentials') } };
}

/** Creates the file with its header (0600, in a 0700 folder) when it does not exist; says whether it did. */
export async function createFileIfMissing(paths: SharedFilePaths, role: FileRole): Promise<boolean> {
  if ((await readTextFile(paths[role])) !== undefined) {
    return false;
  }
  const replacement = await prepareReplacement(paths[role], undefined);
  await commitReplacement(replacement, newFileHeaders[role]);
  return true;
}
