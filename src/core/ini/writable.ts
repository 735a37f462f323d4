/**
 * What the writer writes, and why the rest is refused: names, keys and values that the SDK would
 * read back as something else. The forms check the same, so a user sees the same message wherever
 * they type. Messages never quote a value: it may be a secret.
 */
import { quoted } from '../secrets';
import { commentOffset, isSdkName, refusedProfileName, sdkNameCharacters } from './syntax';

const keyPattern = /^[A-Za-z0-9_-]+$/;

export function checkProfileName(name: string): string | undefined {
  if (isSdkName(name) && name !== refusedProfileName) {
    return undefined;
  }
  if (name === '') {
    return 'Enter a profile name.';
  }
  if (/[\r\n]/.test(name)) {
    return 'A profile name cannot contain a line break.';
  }
  if (name.trim() !== name) {
    return 'A profile name cannot start or end with a space.';
  }
  if (/[[\]]/.test(name)) {
    return 'A profile name cannot contain [ or ]: they would end the section header.';
  }
  if (/\s/.test(name)) {
    return 'A profile name cannot contain spaces: the AWS SDK ignores such profiles.';
  }
  if (name === refusedProfileName) {
    return `The AWS SDK refuses the profile name ${refusedProfileName}.`;
  }
  const bad = [...name].find((character) => !isSdkName(character));
  return bad === undefined ? undefined : `A profile name cannot contain "${bad}": use ${sdkNameCharacters}.`;
}

/** How to name a section so that the SDK reads it, for messages about a name it does not. */
export const sdkNameHint = `a name of ${sdkNameCharacters}`;

export function checkSettingKey(key: string): string | undefined {
  if (key === '') {
    return 'Enter a setting name.';
  }
  if (!keyPattern.test(key)) {
    const shown = quoted(key);
    return `The setting name ${shown === key ? `"${key}"` : shown} can only contain letters, digits, _ and -.`;
  }
  return undefined;
}

export function checkSettingValue(key: string, value: string): string | undefined {
  if (/[\r\n]/.test(value)) {
    return `The value of ${key} cannot contain a line break.`;
  }
  if (value.trim() === '') {
    return `Enter a value for ${key}: an empty value would start a sub-section.`;
  }
  if (value.trim() !== value) {
    return `The value of ${key} cannot start or end with a space: the AWS SDK would drop it.`;
  }
  if (commentOffset(value) < value.length) {
    return `The value of ${key} cannot have # or ; at its start or after a space: the AWS SDK reads the rest as a comment.`;
  }
  return undefined;
}
