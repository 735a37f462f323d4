/**
 * Profile-level edits of the two files, as pure functions of their texts. Keys go where the AWS
 * CLI puts them: access keys in the credentials file under [NAME], everything else in the config
 * file under [profile NAME] ([default] stays bare). A key that already lives in a file is edited
 * there, and in both files when both set it: which file wins depends on the key (the SDK's
 * credential providers merge the credentials file over the config file, its client settings
 * prefer the config file, except `region`), so only the same value in both reads as asked.
 */
import type { FileRole } from '../files/roles';
import {
  appendSection,
  appendSections,
  removeKey,
  removeSections,
  renameSections,
  replaceValue,
  setKey,
  type NewSection,
  type SectionSelector,
} from '../ini/edit';
import { scanIni } from '../ini/scan';
import { hiddenDefaults, profileSections, sectionIndexOf } from '../ini/sections';
import { KnownError } from '../errors';
import { profileHeader, sectionTarget, setsKey } from '../ini/syntax';
import { checkProfileName, checkSessionName, checkSettingKey, checkSettingValue, uneditableProfile } from '../ini/writable';
import { quotedValue } from '../secrets';
import { credentialFileKeys } from './knownKeys';
import { sameStartUrl } from './ssoNames';
import { sharedFile } from './read';
import { defaultScopes, sessionSections, type SsoProfileSettings, type SsoSessionSection, type SsoSessionSettings } from './ssoProfiles';

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

function checkSession(name: string): void {
  const problem = checkSessionName(name);
  if (problem) {
    throw new ProfileEditError(problem, 'invalidName');
  }
}

/** A profile already in the files, under a name the writer would not write (see uneditableProfile). */
function checkExistingName(name: string): void {
  const problem = uneditableProfile(name);
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

/**
 * The SDK reads nothing from a file its parser refuses (a `[__proto__]` section, ...), so an edit
 * of it, or of a profile written in it, would report success and change nothing the SDK uses:
 * refused until the file is mended. (No edit makes a file refused: the names and keys it writes
 * are checked, and it writes none into a section it does not own.)
 */
function checkTakesEffect(before: FileTexts, after: FileTexts, ...names: string[]): FileTexts {
  for (const role of roles) {
    const scan = scanIni(before[role] ?? '');
    const touched = (): boolean => after[role] !== before[role] || names.some((name) => sectionIndexOf(role, scan).profile.has(name));
    if (scan.sdkRejection !== undefined && touched()) {
      throw new ProfileEditError(
        `The AWS SDK reads nothing from the ${role} file (${scan.sdkRejection}), so the edit would not take effect. Mend that first.`,
        'fileRefused',
      );
    }
  }
  return after;
}

function withText(texts: FileTexts, role: FileRole, text: string | undefined): FileTexts {
  return role === 'config' ? { ...texts, config: text } : { ...texts, credentials: text };
}

/** Adds a profile that does not exist yet; its settings are split between the two files. */
export function addProfile(texts: FileTexts, name: string, settings: Readonly<Record<string, string>>): FileTexts {
  checkName(name);
  checkChanges(settings);
  if (Object.keys(settings).length === 0) {
    throw new ProfileEditError('A new profile needs a setting: the AWS SDK does not see a section without one.', 'invalidSetting');
  }
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
  return checkTakesEffect(texts, result);
}

/**
 * Adds IAM Identity Center profiles to the config file in one edit, as `aws configure sso` writes
 * them: `[sso-session NAME]` (unless a session of that name has the same start URL and region
 * already: it is used as it is), then one `[profile NAME]` per profile, appended in order.
 * Refused, with nothing written: a session of that name with another start URL or region, a
 * profile name that is taken (in either file) or given twice, and any name or value the SDK would
 * misread.
 */
export function addSsoProfiles(texts: FileTexts, session: SsoSessionSettings, profiles: readonly SsoProfileSettings[]): FileTexts {
  checkSession(session.name);
  const scopes = session.scopes ?? defaultScopes;
  if (scopes.length === 0 || scopes.some((scope) => scope === '' || /[,\s]/.test(scope))) {
    throw new ProfileEditError('Give at least one registration scope, each without commas or spaces.', 'invalidSetting');
  }
  const sessionSettings = { sso_start_url: session.startUrl, sso_region: session.region, sso_registration_scopes: scopes.join(',') };
  checkChanges(sessionSettings);
  const given = new Set<string>();
  const sections = profiles.map(({ name, accountId, roleName, region }) => {
    checkName(name);
    const settings = {
      sso_session: session.name,
      sso_account_id: accountId,
      sso_role_name: roleName,
      ...(region === undefined ? {} : { region }),
    };
    checkChanges(settings);
    if (isDefined(texts, name) || given.has(name)) {
      throw new ProfileEditError(`A profile named ${name} ${given.has(name) ? 'is in the list twice' : 'already exists'}.`, 'exists');
    }
    given.add(name);
    return newSection(profileHeader('config', name), settings);
  });
  const existing = sessionSections(sharedFile('config', '', { text: texts.config ?? '', readError: undefined })).find(
    (candidate) => candidate.name === session.name,
  );
  const added = existing ? sections : [newSection(`[sso-session ${session.name}]`, sessionSettings), ...sections];
  const after = added.length === 0 ? texts : withText(texts, 'config', appendSections(texts.config ?? '', added));
  checkTakesEffect(texts, after);
  if (existing) {
    checkSameSession(session, existing);
  }
  return after;
}

function newSection(header: string, settings: Readonly<Record<string, string>>): NewSection {
  return { header, settings: Object.entries(settings).map(([key, value]) => ({ key, value })) };
}

/** An sso-session that exists is used only when the SDK reads the start URL and region asked for from it. */
function checkSameSession(session: SsoSessionSettings, { startUrl, region }: SsoSessionSection): void {
  const differences: string[] = [];
  if (startUrl === undefined || !sameStartUrl(startUrl, session.startUrl)) {
    differences.push(startUrl === undefined ? 'no sso_start_url' : `the start URL ${quotedValue('sso_start_url', startUrl)}`);
  }
  if (region !== session.region) {
    differences.push(region === undefined ? 'no sso_region' : `the region ${quotedValue('sso_region', region)}`);
  }
  if (differences.length > 0) {
    throw new ProfileEditError(
      `An sso-session named ${session.name} already exists with ${differences.join(' and ')}: choose another session name, or sign in with that session.`,
      'exists',
    );
  }
}

/** Sets and removes keys of an existing profile. */
export function changeSettings(texts: FileTexts, name: string, changes: SettingChanges): FileTexts {
  checkExistingName(name);
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
    const holders = roles.filter((candidate) => holdsKey(result[candidate], candidate, name, key));
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
    const removed = Object.keys(changes).filter((key) => changes[key] === null);
    throw new ProfileEditError(
      `Removing ${removed.join(' and ')} would leave [profile default] without settings, so the AWS SDK would read ` +
        `[default] (line ${hidden.index + 1} of the config file) for the default profile instead. ` +
        'Delete the profile default to use [default], or edit the file by hand.',
      'revealsDefault',
    );
  }
}

/** Removes a profile from both files, with the comment lines directly above each of its headers. */
export function deleteProfile(texts: FileTexts, name: string): FileTexts {
  checkExistingName(name);
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
  return checkTakesEffect(texts, result, name);
}

/** Renames a profile in both files and repoints every source_profile that named it. */
export function renameProfile(texts: FileTexts, from: string, to: string): FileTexts {
  checkExistingName(from);
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
