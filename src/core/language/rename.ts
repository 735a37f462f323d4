/**
 * Rename of a profile from the editor (F2 on its name in a header or in a source_profile value):
 * exactly the edit of the Rename Profile... command (renameProfile), as small text edits of each
 * file, so the editor's undo restores exactly what it changed.
 */
import type { FileRole } from '../files/roles';
import { renameProfile } from '../profiles/edits';
import type { SharedFiles } from '../profiles/read';
import { definitionsOf, nameAt, type NameAt } from './references';
import { textChanges, type Position, type Range, type TextEdit } from './text';

export interface RenameStart {
  /** The name under the cursor, which the new name replaces. */
  readonly range: Range;
  /** The profile's name as the SDK reads it (`profile.dev` for `[profile dev]` in the credentials file). */
  readonly placeholder: string;
}

/** On a profile's name that renames the profile, that name; undefined elsewhere. */
export function prepareRename(files: SharedFiles, role: FileRole, position: Position): RenameStart | undefined {
  const target = renamedProfileAt(files, role, position);
  return target && { range: target.range, placeholder: target.name };
}

/**
 * The edits of both files that rename the profile at `position` to `newName` (none when
 * prepareRename finds nothing there), made against the texts in `files`. Throws the edit's
 * ProfileEditError, with its message, for a name the writer refuses or one already taken.
 */
export function renameEdits(files: SharedFiles, role: FileRole, position: Position, newName: string): Record<FileRole, TextEdit[]> {
  const target = renamedProfileAt(files, role, position);
  if (!target) {
    return { config: [], credentials: [] };
  }
  const renamed = renameProfile({ config: files.config.text, credentials: files.credentials.text }, target.name, newName);
  const edits = (fileRole: FileRole): TextEdit[] => {
    const { text, scan } = files[fileRole];
    return textChanges(text ?? '', scan, renamed[fileRole] ?? '');
  };
  return { config: edits('config'), credentials: edits('credentials') };
}

/**
 * A profile name that the rename would change: a source_profile value naming a profile that
 * exists, or a header the SDK reads for it (not a `[default]` that `[profile default]` hides,
 * which the rename would leave as it is).
 */
function renamedProfileAt(files: SharedFiles, role: FileRole, position: Position): NameAt | undefined {
  const target = nameAt(files, role, position);
  if (target?.kind !== 'profile') {
    return undefined;
  }
  const definitions = definitionsOf(files, target);
  const isRenamed = target.section
    ? definitions.some((place) => place.role === role && place.range.start.line === target.range.start.line)
    : definitions.length > 0;
  return isRenamed ? target : undefined;
}
