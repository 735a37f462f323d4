/**
 * Applies profile edits to the files on disk, one editor at a time (a lock per file, shared by
 * every VS Code window), as one change: both files are read and checked before either is
 * written, so a refused edit (changed on disk, read-only) changes nothing, and an edit of both
 * files is journalled, so one killed between the two renames is finished at the next read (which
 * sees a file replaced) or edit.
 *
 * The credentials file is renamed first. It holds what lets a profile in, so the one state a crash
 * could show before the journal is finished is a profile whose new keys exist before the config
 * names it, or whose keys are gone while its config remains: a profile without credentials (an
 * error), never one that signs in with somebody else's.
 */
import * as l10n from '@vscode/l10n';
import type { SharedFilePaths } from '../files/paths';
import { renameOrder, type FileRole } from '../files/roles';
import { FileError } from '../files/fileError';
import { digestOf, removeJournal, writeJournal } from '../files/journal';
import { withLocks } from '../files/lock';
import { editTargets, journalOf, recoverHoldingLocks } from '../files/recovery';
import {
  checkStaged,
  commitStaged,
  overwroteError,
  prepareReplacement,
  releaseStaged,
  removeFile,
  replaceTextFile,
  stageReplacement,
  type StagedReplacement,
} from '../files/replace';
import { readTextFile } from '../files/textFile';
import { applyEdit, type ProfileEdit } from './edits';
import { type FileTexts } from './editChecks';

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
export function editFiles(paths: SharedFilePaths, change: (texts: FileTexts) => FileTexts, expected?: FileTexts): Promise<EditOutcome> {
  return underLocks(paths, async (journal) => {
    const before = await readFileTexts(paths);
    for (const role of renameOrder) {
      if (expected && expected[role] !== before[role]) {
        throw new FileError(
          l10n.t('{0} changed on disk since it was opened, so nothing was written. Review the file and try again.', paths[role]),
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
    const written = renameOrder.filter((role) => after[role] !== undefined && after[role] !== base[role]);
    await replaceFiles(
      written.map((role) => ({ filePath: paths[role], before: before[role], after: after[role] ?? '' })),
      journal,
    );
    const kept = (role: FileRole): string | undefined => (written.includes(role) ? after[role] : before[role]);
    return { written, texts: { config: kept('config'), credentials: kept('credentials') } };
  });
}

/** Creates the file with its header (0600, in a 0700 folder) when it does not exist; says whether it did. */
export function createFileIfMissing(paths: SharedFilePaths, role: FileRole): Promise<boolean> {
  return underLocks(paths, async (journal) => {
    if ((await readTextFile(paths[role])) !== undefined) {
      return false;
    }
    await replaceFiles([{ filePath: paths[role], before: undefined, after: newFileHeaders[role] }], journal);
    return true;
  });
}

/** Runs an edit holding both files' locks, after finishing whatever a killed edit left. */
async function underLocks<T>(paths: SharedFilePaths, edit: (journal: string) => Promise<T>): Promise<T> {
  const targets = await editTargets(renameOrder.map((role) => paths[role]));
  return withLocks(targets, async () => {
    await recoverHoldingLocks(targets);
    return edit(journalOf(targets));
  });
}

interface FileChange {
  readonly filePath: string;
  readonly before: string | undefined;
  readonly after: string;
}

/**
 * Checks every file, stages every new text, journals a change of more than one file, then renames
 * in order. A rename refused part-way (another program wrote the second file at that moment) puts
 * the files already renamed back as they were, so the edit is applied whole or not at all.
 */
async function replaceFiles(changes: readonly FileChange[], journal: string): Promise<void> {
  const prepared = await Promise.all(changes.map(({ filePath, before }) => prepareReplacement(filePath, before)));
  const staged: StagedReplacement[] = [];
  const journalled = changes.length > 1;
  const committed: FileChange[] = [];
  const overwritten: string[] = [];
  try {
    for (const [position, replacement] of prepared.entries()) {
      staged.push(await stageReplacement(replacement, changes[position]?.after ?? ''));
    }
    for (const file of staged) {
      await checkStaged(file);
    }
    if (journalled) {
      await writeJournal(
        journal,
        staged.map((file, position) => ({
          target: file.target,
          staged: file.temporary,
          before: digestOf(file.before),
          after: digestOf(changes[position]?.after) ?? '',
        })),
      );
    }
    for (const [position, file] of staged.entries()) {
      if ((await commitStaged(file)).overwrote) {
        overwritten.push(file.filePath);
      }
      committed.push(changes[position] as FileChange);
    }
  } catch (error) {
    for (const change of committed.reverse()) {
      await undoChange(change);
    }
    throw error;
  } finally {
    for (const file of staged) {
      await releaseStaged(file);
    }
    if (journalled) {
      await removeJournal(journal);
    }
  }
  // The edit is whole; what it overwrote at that instant is said once every file is in place.
  const [first] = overwritten;
  if (first !== undefined) {
    throw overwroteError(first);
  }
}

async function undoChange({ filePath, before, after }: FileChange): Promise<void> {
  await (before === undefined ? removeFile(filePath, after) : replaceTextFile(filePath, after, before)).catch(() => undefined);
}
