/**
 * What every profile edit works on and checks, written once for the edits of edits.ts and
 * ssoEdit.ts: the two texts, the refusal with its reason, names and settings the writer would not
 * write, and edits of a file the SDK reads nothing from.
 */
import * as l10n from '@vscode/l10n';
import { fileRoles, type FileRole } from '../files/roles';
import { KnownError } from '../errors';
import { scanIni } from '../ini/scan';
import { sectionIndexOf } from '../ini/sections';
import { checkProfileName, checkSettingKey, checkSettingValue } from '../ini/writable';

export interface FileTexts {
  /** undefined: the file does not exist. */
  readonly config: string | undefined;
  readonly credentials: string | undefined;
}

type ProfileEditReason = 'invalidName' | 'invalidSetting' | 'exists' | 'missing' | 'revealsDefault' | 'fileRefused';

/**
 * A profile edit refused before any text changed: a name or value the SDK would misread, a name
 * taken or missing, an edit that would let a hidden `[default]` take over, or one of a file the
 * SDK reads nothing from.
 */
export class ProfileEditError extends KnownError<ProfileEditReason> {
  override readonly name = 'ProfileEditError';

  constructor(
    message: string,
    readonly reason: ProfileEditReason,
  ) {
    super(message);
  }
}

/** A new value for each key; `null` removes the key. */
export type SettingChanges = Readonly<Record<string, string | null>>;

/** Whether the profile has a section in either file. */
export function isDefined(texts: FileTexts, name: string): boolean {
  return fileRoles.some((role) => sectionIndexOf(role, scanIni(texts[role] ?? '')).profile.has(name));
}

export function checkName(name: string): void {
  const problem = checkProfileName(name);
  if (problem) {
    throw new ProfileEditError(problem, 'invalidName');
  }
}

export function checkChanges(changes: SettingChanges): void {
  for (const [key, value] of Object.entries(changes)) {
    const problem = checkSettingKey(key) ?? (value === null ? undefined : checkSettingValue(key, value));
    if (problem) {
      throw new ProfileEditError(problem, 'invalidSetting');
    }
  }
}

/**
 * The SDK reads nothing from a file its parser refuses (a `[__proto__]` section, ...), so an edit
 * of it, or of a profile written in it, would report success and change nothing the SDK uses:
 * refused until the file is mended. (No edit makes a file refused: the names and keys it writes
 * are checked, and it writes none into a section it does not own.)
 */
export function checkTakesEffect(before: FileTexts, after: FileTexts, ...names: string[]): FileTexts {
  for (const role of fileRoles) {
    const scan = scanIni(before[role] ?? '');
    const touched = (): boolean => after[role] !== before[role] || names.some((name) => sectionIndexOf(role, scan).profile.has(name));
    if (scan.sdkRejection !== undefined && touched()) {
      throw new ProfileEditError(
        role === 'config'
          ? l10n.t(
              'The AWS SDK reads nothing from the config file ({0}), so the edit would not take effect. Mend that first.',
              scan.sdkRejection,
            )
          : l10n.t(
              'The AWS SDK reads nothing from the credentials file ({0}), so the edit would not take effect. Mend that first.',
              scan.sdkRejection,
            ),
        'fileRefused',
      );
    }
  }
  return after;
}

export function withText(texts: FileTexts, role: FileRole, text: string | undefined): FileTexts {
  return role === 'config' ? { ...texts, config: text } : { ...texts, credentials: text };
}
