/**
 * Profile-level edits of the two files, as pure functions of their texts. Keys go where the AWS
 * CLI puts them: access keys in the credentials file under [NAME], everything else in the config
 * file under [profile NAME] ([default] stays bare). A key that already lives in a file is edited
 * there, and in both files when both set it: which file wins depends on the key (the SDK's
 * credential providers merge the credentials file over the config file, its client settings
 * prefer the config file, except `region`), so only the same value in both reads as asked. What
 * every edit checks is in editChecks; the IAM Identity Center edit is in ssoEdit.
 */
import * as l10n from '@vscode/l10n';
import { fileRoles, type FileRole } from '../files/roles';
import { appendSection, removeKey, removeSections, renameSections, replaceValue, setKey, type SectionSelector } from '../ini/edit';
import { scanIni } from '../ini/scan';
import { hiddenDefaults, profileSections } from '../ini/sections';
import { profileHeader, sectionTarget, setsKey } from '../ini/syntax';
import { uneditableProfile } from '../ini/writable';
import { credentialFileKeys } from './knownKeys';
import {
  checkChanges,
  checkName,
  checkTakesEffect,
  isDefined,
  ProfileEditError,
  withText,
  type FileTexts,
  type SettingChanges,
} from './editChecks';
import { addSsoProfiles } from './ssoEdit';
import type { SsoProfileSettings, SsoSessionSettings } from './ssoProfiles';

export function homeFileOf(key: string): FileRole {
  return credentialFileKeys.has(key) ? 'credentials' : 'config';
}

function selectProfile(role: FileRole, name: string): SectionSelector {
  return (scan) => profileSections(role, scan, name);
}

/** A profile already in the files, under a name the writer would not write (see uneditableProfile). */
function checkExistingName(name: string): void {
  const problem = uneditableProfile(name);
  if (problem) {
    throw new ProfileEditError(problem, 'invalidName');
  }
}

/** Adds a profile that does not exist yet; its settings are split between the two files. */
export function addProfile(texts: FileTexts, name: string, settings: Readonly<Record<string, string>>): FileTexts {
  checkName(name);
  checkChanges(settings);
  if (Object.keys(settings).length === 0) {
    throw new ProfileEditError(l10n.t('A new profile needs a setting: the AWS SDK does not see a section without one.'), 'invalidSetting');
  }
  if (isDefined(texts, name)) {
    throw new ProfileEditError(l10n.t('A profile named {0} already exists.', name), 'exists');
  }
  let result = texts;
  for (const role of ['credentials', 'config'] as const) {
    const own = Object.entries(settings)
      .filter(([key]) => homeFileOf(key) === role)
      .map(([key, value]) => ({ key, value }));
    if (own.length > 0) {
      result = withText(result, role, appendSection(result[role] ?? '', profileHeader(role, name), own));
    }
  }
  return checkTakesEffect(texts, result);
}

/** Sets and removes keys of an existing profile. */
export function changeSettings(texts: FileTexts, name: string, changes: SettingChanges): FileTexts {
  checkExistingName(name);
  checkChanges(changes);
  if (!isDefined(texts, name)) {
    throw new ProfileEditError(l10n.t('There is no profile named {0}.', name), 'missing');
  }
  let result = texts;
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) {
      for (const role of fileRoles) {
        result = withText(
          result,
          role,
          mapDefined(result[role], (text) => removeKey(text, selectProfile(role, name), key)),
        );
      }
      continue;
    }
    const holders = fileRoles.filter((candidate) => holdsKey(result[candidate], candidate, name, key));
    for (const role of holders.length > 0 ? holders : [homeFileOf(key)]) {
      result = withText(result, role, setKey(result[role] ?? '', selectProfile(role, name), key, value, profileHeader(role, name)));
    }
  }
  checkDefaultStaysHidden(texts, result, changes);
  return checkTakesEffect(texts, result, name);
}

/**
 * Removing the last setting of `[profile default]` would let the SDK read a `[default]` it hides
 * now, so the default profile would change whole: that is a delete of the profile, not a change.
 */
function checkDefaultStaysHidden(before: FileTexts, after: FileTexts, changes: SettingChanges): void {
  const [hidden] = hiddenDefaults('config', scanIni(before.config ?? ''));
  if (hidden && hiddenDefaults('config', scanIni(after.config ?? '')).length === 0) {
    // The keys as a list of values: "region", "region and output", "region and output and sso_session".
    const removed = Object.keys(changes)
      .filter((key) => changes[key] === null)
      .reduce((list, key) => (list === '' ? key : l10n.t('{0} and {1}', list, key)), '');
    throw new ProfileEditError(
      l10n.t(
        'Removing {0} would leave [profile default] without settings, so the AWS SDK would read [default] (line {1} of the config file) for the default profile instead. Delete the profile default to use [default], or edit the file by hand.',
        removed,
        hidden.index + 1,
      ),
      'revealsDefault',
    );
  }
}

/** Removes a profile from both files, with the comment lines directly above each of its headers. */
export function deleteProfile(texts: FileTexts, name: string): FileTexts {
  checkExistingName(name);
  if (!isDefined(texts, name)) {
    throw new ProfileEditError(l10n.t('There is no profile named {0}.', name), 'missing');
  }
  let result = texts;
  for (const role of fileRoles) {
    result = withText(
      result,
      role,
      mapDefined(result[role], (text) => removeSections(text, selectProfile(role, name))),
    );
  }
  return checkTakesEffect(texts, result, name);
}

/** Renames a profile in both files and repoints every source_profile that named it. */
export function renameProfile(texts: FileTexts, from: string, to: string): FileTexts {
  checkExistingName(from);
  checkName(to);
  if (!isDefined(texts, from)) {
    throw new ProfileEditError(l10n.t('There is no profile named {0}.', from), 'missing');
  }
  if (isDefined(texts, to)) {
    throw new ProfileEditError(l10n.t('A profile named {0} already exists.', to), 'exists');
  }
  let result = texts;
  for (const role of fileRoles) {
    result = withText(
      result,
      role,
      mapDefined(result[role], (text) => {
        const renamed = renameSections(text, selectProfile(role, from), profileHeader(role, to));
        return replaceValue(
          renamed,
          (scan) => scan.sections.filter((section) => sectionTarget(role, section)?.kind === 'profile'),
          'source_profile',
          from,
          to,
        );
      }),
    );
  }
  return checkTakesEffect(texts, result, from);
}

function holdsKey(text: string | undefined, role: FileRole, name: string, key: string): boolean {
  return profileSections(role, scanIni(text ?? ''), name).some((section) => section.entries.some((entry) => setsKey(entry, key)));
}

function mapDefined(text: string | undefined, edit: (text: string) => string): string | undefined {
  return text === undefined ? undefined : edit(text);
}

/** An edit as data, so the code that applies it loads with the reader (the readAndEdit chunk of esbuild.mjs). */
export type ProfileEdit =
  | { readonly kind: 'add'; readonly name: string; readonly settings: Readonly<Record<string, string>> }
  | { readonly kind: 'change'; readonly name: string; readonly changes: SettingChanges }
  | { readonly kind: 'delete'; readonly name: string }
  | { readonly kind: 'rename'; readonly from: string; readonly to: string }
  | { readonly kind: 'addSso'; readonly session: SsoSessionSettings; readonly profiles: readonly SsoProfileSettings[] };

export function applyEdit(texts: FileTexts, edit: ProfileEdit): FileTexts {
  switch (edit.kind) {
    case 'add':
      return addProfile(texts, edit.name, edit.settings);
    case 'change':
      return changeSettings(texts, edit.name, edit.changes);
    case 'delete':
      return deleteProfile(texts, edit.name);
    case 'rename':
      return renameProfile(texts, edit.from, edit.to);
    case 'addSso':
      return addSsoProfiles(texts, edit.session, edit.profiles);
  }
}
