/**
 * What the writer accepts, and why the rest is refused. Shared by every form that asks for a
 * profile name or a setting, so a user sees the same message wherever they type. Messages never
 * quote a value: it may be a secret.
 */

/** The characters the SDK accepts in `[profile NAME]` headers. */
const profileNamePattern = /^[\w\-@+.%:/]+$/;
const keyPattern = /^[A-Za-z0-9_-]+$/;
const cutByTheSdk = /(^|\s)[#;]/;

export function checkProfileName(name: string): string | undefined {
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
  if (name === '__proto__') {
    return 'The AWS SDK refuses the profile name __proto__.';
  }
  const bad = [...name].find((character) => !profileNamePattern.test(character));
  if (bad !== undefined) {
    return `A profile name cannot contain "${bad}": use letters, digits and - _ @ + . % : / only.`;
  }
  return undefined;
}

export function checkSettingKey(key: string): string | undefined {
  if (key === '') {
    return 'Enter a setting name.';
  }
  if (!keyPattern.test(key)) {
    return `The setting name "${key.replace(/[\r\n]/g, ' ')}" can only contain letters, digits, _ and -.`;
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
  if (cutByTheSdk.test(value)) {
    return `The value of ${key} cannot have # or ; at its start or after a space: the AWS SDK reads the rest as a comment.`;
  }
  return undefined;
}
