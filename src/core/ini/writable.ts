/**
 * What the writer writes, and why the rest is refused: names, keys and values that the SDK would
 * read back as something else, or that the AWS CLI would read otherwise than the SDK (see botocore). The forms check the same, so a user sees the same message wherever
 * they type. Messages never quote a value: it may be a secret.
 */
import * as l10n from '@vscode/l10n';
import { quoted } from '../secrets';
import { cliDefaultSection, pyStrip } from './botocore';
import { isInheritedName } from './builtIns';
import { commentOffset, isSdkName, refusedProfileName, sectionPrefixes } from './syntax';

const keyPattern = /^[A-Za-z0-9_-]+$/;

/** Half of a UTF-16 pair on its own: UTF-8 cannot hold it, so a write would turn it into U+FFFD. */
const loneSurrogate = /\p{Cs}/u;

/** Profiles named `sso-session.x` or `services.x` share the SDK's key for those sections of the config file. */
const sectionKeyPrefixes = sectionPrefixes.filter((prefix) => prefix !== 'profile').map((prefix) => `${prefix}.`);

export function checkProfileName(name: string): string | undefined {
  if (
    isSdkName(name) &&
    !isInheritedName(name) &&
    !sectionKeyPrefixes.some((prefix) => name.startsWith(prefix)) &&
    name !== cliDefaultSection
  ) {
    return undefined;
  }
  if (name === '') {
    return l10n.t('Enter a profile name.');
  }
  if (loneSurrogate.test(name)) {
    return l10n.t('A profile name cannot contain half of a character (a lone UTF-16 surrogate): the file cannot hold it.');
  }
  if (/[\r\n]/.test(name)) {
    return l10n.t('A profile name cannot contain a line break.');
  }
  if (name.trim() !== name) {
    return l10n.t('A profile name cannot start or end with a space.');
  }
  if (/[[\]]/.test(name)) {
    return l10n.t('A profile name cannot contain [ or ]: they would end the section header.');
  }
  if (/\s/.test(name)) {
    return l10n.t('A profile name cannot contain spaces: the AWS SDK ignores such profiles.');
  }
  if (name === refusedProfileName) {
    return l10n.t('The AWS SDK refuses the profile name {0}.', refusedProfileName);
  }
  if (isInheritedName(name)) {
    return l10n.t(
      'A profile cannot be named {0}: every JavaScript object has a property of that name, and the AWS SDK writes the settings of such a profile onto it instead of reading them.',
      name,
    );
  }
  if (name === cliDefaultSection) {
    return l10n.t(
      'A profile cannot be named {0}: the AWS CLI reads a [{0}] section as settings for every profile of the file.',
      cliDefaultSection,
    );
  }
  const prefix = sectionKeyPrefixes.find((candidate) => name.startsWith(candidate));
  if (prefix !== undefined) {
    return l10n.t(
      'A profile name cannot start with {0}: the AWS SDK files such a profile of the config file under the same name as a [{1} NAME] section.',
      prefix,
      prefix.slice(0, -1),
    );
  }
  const bad = [...name].find((character) => !isSdkName(character));
  return bad === undefined ? undefined : l10n.t('A profile name cannot contain "{0}": use letters, digits and - _ @ + . % : / only.', bad);
}

/** sso-session names follow the rules of profile names: the SDK files both the same way. */
export function checkSessionName(name: string): string | undefined {
  if (name === '') {
    return l10n.t('Enter an sso-session name: profiles name it with sso_session.');
  }
  const problem = checkProfileName(name);
  return problem === undefined ? undefined : l10n.t('An sso-session name follows the rules of a profile name. {0}', problem);
}

/** How to name a section so that the SDK reads it, for messages about a name it does not. */
export function sdkNameHint(): string {
  return l10n.t('a name of letters, digits and - _ @ + . % : / only');
}

/**
 * Why a profile already in the files cannot be edited here, or undefined: under a name the writer
 * would not write, a header written for it (`[profile my dev]`) would be dropped by the SDK, so it
 * is edited by hand or not at all.
 */
export function uneditableProfile(name: string): string | undefined {
  const problem = checkProfileName(name);
  if (problem === undefined) {
    return undefined;
  }
  // Escaped first, so that a line break or half a character shows as \n or \ud800.
  const escaped = JSON.stringify(name).slice(1, -1);
  const shown = quoted(escaped);
  return l10n.t('The profile {0} cannot be edited here. {1} Edit the file by hand.', shown === escaped ? `"${escaped}"` : shown, problem);
}

export function checkSettingKey(key: string): string | undefined {
  if (key === '') {
    return l10n.t('Enter a setting name.');
  }
  if (!keyPattern.test(key)) {
    const shown = quoted(key);
    return l10n.t('The setting name {0} can only contain letters, digits, _ and -.', shown === key ? `"${key}"` : shown);
  }
  if (isInheritedName(key)) {
    return l10n.t(
      'A setting cannot be named {0}: every JavaScript object has a property of that name, and the AWS SDK would store the setting over it (or drop it, for __proto__).',
      key,
    );
  }
  if (key !== key.toLowerCase()) {
    return l10n.t(
      'The setting name {0} cannot contain capital letters: the AWS CLI reads it as {1}, the AWS SDK as another setting.',
      key,
      key.toLowerCase(),
    );
  }
  return undefined;
}

export function checkSettingValue(key: string, value: string): string | undefined {
  if (/[\r\n]/.test(value)) {
    return l10n.t('The value of {0} cannot contain a line break.', key);
  }
  if (loneSurrogate.test(value)) {
    return l10n.t('The value of {0} cannot contain half of a character (a lone UTF-16 surrogate): the file cannot hold it.', key);
  }
  if (value.trim() === '') {
    return l10n.t('Enter a value for {0}: an empty value would start a sub-section.', key);
  }
  if (value.trim() !== value) {
    return l10n.t('The value of {0} cannot start or end with a space: the AWS SDK would drop it.', key);
  }
  if (pyStrip(value) !== value) {
    return l10n.t(
      'The value of {0} cannot start or end with a control character that the AWS CLI takes for a space: it would drop it.',
      key,
    );
  }
  if (commentOffset(value) < value.length) {
    return l10n.t('The value of {0} cannot have # or ; at its start or after a space: the AWS SDK reads the rest as a comment.', key);
  }
  return undefined;
}
