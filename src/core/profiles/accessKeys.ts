/**
 * The format of an access key ID, written once: 16 to 128 capital letters and digits (IAM's own
 * limits); the ones people paste are 20 long and start with AKIA (long-term) or ASIA (temporary,
 * valid only with the session token that came with it).
 */
export const accessKeyIdLength = { min: 16, max: 128 } as const;

const accessKeyIdCharacters = /^[A-Z0-9]+$/;

export const longTermPrefix = 'AKIA';
export const temporaryPrefix = 'ASIA';

export function isAccessKeyId(value: string): boolean {
  return hasAccessKeyIdCharacters(value) && value.length >= accessKeyIdLength.min && value.length <= accessKeyIdLength.max;
}

/** Capital letters and digits only, whatever the length. */
export function hasAccessKeyIdCharacters(value: string): boolean {
  return accessKeyIdCharacters.test(value);
}

export function isTemporaryAccessKeyId(value: string): boolean {
  return value.startsWith(temporaryPrefix);
}

export function isLongTermAccessKeyId(value: string): boolean {
  return value.startsWith(longTermPrefix);
}

/** What a pasted access key ID looks like: a known prefix and at least 12 more capitals and digits. */
export function looksLikeAccessKeyId(value: string): boolean {
  return (isLongTermAccessKeyId(value) || isTemporaryAccessKeyId(value)) && isAccessKeyId(value);
}
