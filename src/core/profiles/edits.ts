/**
 * Profile-level edits of the two files, as pure functions of their texts. Keys go where the AWS
 * CLI puts them: access keys in the credentials file under [NAME], everything else in the config
 * file under [profile NAME] ([default] stays bare). A key that already lives in one file is
 * edited there, so the SDK's merge (credentials file wins) gives the value asked for.
 */
import type { FileRole } from '../files/roles';
import { appendSection, removeKey, removeSections, renameSections, replaceValue, setKey, type SectionSelector } from '../ini/edit';
import { scanIni } from '../ini/scan';
import { profileSections, sectionIndexOf } from '../ini/sections';
import { KnownError } from '../errors';
import { profileHeader, sectionTarget, setsKey } from '../ini/syntax';
import { checkProfileName, checkSettingKey, checkSettingValue } from '../ini/writable';
import { credentialFileKeys } from './knownKeys';

export interface FileTexts {
  /** undefined: the file does not exist. */
  readonly config: string | undefined;
  readonly credentials: string | undefined;
}

type ProfileEditReason = 'invalidName' | 'invalidSetting' | 'exists' | 'missing';

/** A profile edit refused before any text changed: a name or value the SDK would misread, or a name taken or missing. */
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

const roles: readonly FileRole[] = ['config', 'credentials'];

export function homeFileOf(key: string): FileRole {
  return credentialFileKeys.has(key) ? 'credentials' : 'config';
}

function selectProfile(role: FileRole, name: string): SectionSelector {
  return (scan) => profileSections(role, scan, name);
}

/** Whether the profile has a section in either file. */
export function isDefined(texts: FileTexts, name: string): boolean {
  return roles.some((role) => sectionIndexOf(role, scanIni(texts[role] ?? '')).profile.has(name));
}

function checkName(name: string): void {
  const problem = checkProfileName(name);
  if (problem) {
    throw new ProfileEditError(problem, 'invalidName');
  }
}

function checkChanges(changes: SettingChanges): void {
  for (const [key, value] of Object.entries(changes)) {
    const problem = checkSettingKey(key) ?? (value === null ? undefined : checkSettingValue(key, value));
    if (problem) {
      throw new ProfileEditError(problem, 'invalidSetting');
    }
  }
}

function withText(texts: FileTexts, role: FileRole, text: string | undefined): FileTexts {
  return role === 'config' ? { ...texts, config: text } : { ...texts, credentials: text };
}

/** Adds a profile that does not exist yet; its settings are split between the two files. */
export function addProfile(texts: FileTexts, name: string, settings: Readonly<Record<string, string>>): FileTexts {
  checkName(name);
  checkChanges(settings);
  if (isDefined(texts, name)) {
    throw new ProfileEditError(`A profile named ${name} already exists.`, 'exists');
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
  return result;
}

/** Sets and removes keys of an existing profile. */
export function changeSettings(texts: FileTexts, name: string, changes: SettingChanges): FileTexts {
  checkChanges(changes);
  if (!isDefined(texts, name)) {
    throw new ProfileEditError(`There is no profile named ${name}.`, 'missing');
  }
  let result = texts;
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) {
      for (const role of roles) {
        result = withText(
          result,
          role,
          mapDefined(result[role], (text) => removeKey(text, selectProfile(role, name), key)),
        );
      }
      continue;
    }
    const role = roles.find((candidate) => holdsKey(result[candidate], candidate, name, key)) ?? homeFileOf(key);
    result = withText(result, role, setKey(result[role] ?? '', selectProfile(role, name), key, value, profileHeader(role, name)));
  }
  return result;
}

/** Removes a profile from both files, with the comment lines directly above each of its headers. */
export function deleteProfile(texts: FileTexts, name: string): FileTexts {
  if (!isDefined(texts, name)) {
    throw new ProfileEditError(`There is no profile named ${name}.`, 'missing');
  }
  let result = texts;
  for (const role of roles) {
    result = withText(
      result,
      role,
      mapDefined(result[role], (text) => removeSections(text, selectProfile(role, name))),
    );
  }
  return result;
}

/** Renames a profile in both files and repoints every source_profile that named it. */
export function renameProfile(texts: FileTexts, from: string, to: string): FileTexts {
  checkName(to);
  if (!isDefined(texts, from)) {
    throw new ProfileEditError(`There is no profile named ${from}.`, 'missing');
  }
  if (isDefined(texts, to)) {
    throw new ProfileEditError(`A profile named ${to} already exists.`, 'exists');
  }
  let result = texts;
  for (const role of roles) {
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
  return result;
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
  | { readonly kind: 'rename'; readonly from: string; readonly to: string };

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
  }
}
