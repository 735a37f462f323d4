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
  if (profileNamePattern.test(name) && name !== '__proto__') {
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

/**
 * Access key IDs are 16 to 128 capital letters and digits (IAM's own limits); the ones people paste
 * are 20 long and start with AKIA (long-term) or ASIA (temporary, needs a session token).
 */
export function checkAccessKeyId(value: string): string | undefined {
  if (value === '') {
    return 'Enter the access key ID, for example AKIAIOSFODNN7EXAMPLE.';
  }
  if (/\s/.test(value)) {
    return 'An access key ID has no spaces or line breaks: copy it again without them.';
  }
  if (!/^[A-Z0-9]+$/.test(value)) {
    return 'An access key ID has capital letters and digits only: this looks like another value (a secret access key?).';
  }
  if (value.length < 16 || value.length > 128) {
    return `An access key ID is 16 to 128 characters long (usually 20); this one has ${value.length}.`;
  }
  return undefined;
}

export function isTemporaryAccessKeyId(value: string): boolean {
  return value.startsWith('ASIA');
}

/** Secret access keys are 40 characters of base64 in practice; any length is accepted but spaces are not. */
export function checkSecretAccessKey(value: string): string | undefined {
  if (value === '') {
    return 'Enter the secret access key that was shown with the access key ID.';
  }
  if (/\s/.test(value)) {
    return 'A secret access key has no spaces or line breaks: copy it again without them.';
  }
  if (/^A[KS]IA[A-Z0-9]{12,}$/.test(value)) {
    return 'This looks like an access key ID: enter the secret access key, the longer value shown beside it.';
  }
  return undefined;
}

export function checkSessionToken(value: string): string | undefined {
  if (value === '') {
    return 'Enter the session token that came with the temporary access key.';
  }
  if (/\s/.test(value)) {
    return 'A session token has no spaces or line breaks: copy it again without them.';
  }
  return undefined;
}
