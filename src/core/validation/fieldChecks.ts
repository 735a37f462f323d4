/**
 * The checks that the forms run on pasted keys as the user types (Create Credentials Profile and
 * Add a New Connection), each message saying what to do. Messages never quote a value: it may be
 * a secret. Names and values the writer refuses are checked by `ini/writable`.
 */
import * as l10n from '@vscode/l10n';
import { accessKeyIdLength, hasAccessKeyIdCharacters, looksLikeAccessKeyId, temporaryPrefix } from '../profiles/accessKeys';
import { isRegionCode } from '../profiles/regions';

/** What every pasted value must be: not empty, and with no white space from the copy. */
function checkPasted(value: string, whenEmpty: string, whenSpaced: string): string | undefined {
  if (value === '') {
    return whenEmpty;
  }
  return /\s/.test(value) ? whenSpaced : undefined;
}

export function checkAccessKeyId(value: string): string | undefined {
  const pasted = checkPasted(
    value,
    l10n.t('Enter the access key ID, for example AKIAIOSFODNN7EXAMPLE.'),
    l10n.t('An access key ID has no spaces or line breaks: copy it again without them.'),
  );
  if (pasted) {
    return pasted;
  }
  if (!hasAccessKeyIdCharacters(value)) {
    return l10n.t('An access key ID has capital letters and digits only: this looks like another value (a secret access key?).');
  }
  const { min, max } = accessKeyIdLength;
  if (value.length < min || value.length > max) {
    return l10n.t('An access key ID is {0} to {1} characters long (usually 20); this one has {2}.', min, max, value.length);
  }
  return undefined;
}

/** Secret access keys are 40 characters of base64 in practice; any length is accepted but spaces are not. */
export function checkSecretAccessKey(value: string): string | undefined {
  const pasted = checkPasted(
    value,
    l10n.t('Enter the secret access key that was shown with the access key ID.'),
    l10n.t('A secret access key has no spaces or line breaks: copy it again without them.'),
  );
  if (pasted) {
    return pasted;
  }
  return looksLikeAccessKeyId(value)
    ? l10n.t('This looks like an access key ID: enter the secret access key, the longer value shown beside it.')
    : undefined;
}

/** What a form says when it asks for the session token of a temporary key. */
export function sessionTokenHint(): string {
  return l10n.t('Access key IDs that start with {0} are temporary: enter the session token that came with them.', temporaryPrefix);
}

export function checkSessionToken(value: string): string | undefined {
  return checkPasted(
    value,
    l10n.t('Enter the session token that came with the temporary access key.'),
    l10n.t('A session token has no spaces or line breaks: copy it again without them.'),
  );
}

/** The AWS access portal URL of an Identity Center, as its console shows it (https://d-xxxxxxxxxx.awsapps.com/start). */
export function checkStartUrl(value: string): string | undefined {
  if (value === '') {
    return l10n.t('Enter the start URL of your AWS access portal, for example https://d-9067c1a2b3.awsapps.com/start.');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return l10n.t('The start URL is a web address, for example https://d-9067c1a2b3.awsapps.com/start.');
  }
  if (url.protocol !== 'https:') {
    return l10n.t('The start URL begins with https://.');
  }
  return url.username || url.password ? l10n.t('The start URL has no user name or password in it.') : undefined;
}

export function checkSsoRegion(value: string): string | undefined {
  if (value === '') {
    return l10n.t('Choose the region of your IAM Identity Center (shown in its console, Settings).');
  }
  return isRegionCode(value) ? undefined : l10n.t('A region looks like us-east-1.');
}
