/**
 * What can be known of an `aws login` sign-in before the AWS SDK uses it, and the SDK's refusals
 * in plain words. The SDK refreshes the 15-minute credentials of a sign-in by itself, so whether a
 * sign-in has ended is only known by trying; a missing or broken token file is known at once.
 */
import { readFile } from 'node:fs/promises';
import * as l10n from '@vscode/l10n';
import { displayPath } from '../../files/paths';
import { quoted } from '../../secrets';
import { LoginNeeded } from '../errors';
import { loginCacheFolder, loginTokenFile } from './cachePaths';

/** The fields the SDK and the CLI both need in a token file. */
const requiredFields = ['accessToken', 'clientId', 'refreshToken', 'dpopKey'] as const;

/** Why the sign-in of a session in the SDK's cache folder cannot be used, or undefined when the SDK can try it. */
export function loginProblemOf(session: string, folder: string = loginCacheFolder()): Promise<LoginNeeded | undefined> {
  return loginTokenProblem(loginTokenFile(folder, session), session);
}

/** Why the token file of a sign-in cannot be used, or undefined when the SDK can try it. */
export async function loginTokenProblem(file: string, session: string): Promise<LoginNeeded | undefined> {
  let token: unknown;
  try {
    token = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return new LoginNeeded(
      missing
        ? l10n.t('There is no aws login sign-in for session {0} (no {1}).', quoted(session), displayPath(file))
        : l10n.t('The aws login sign-in in {0} cannot be read.', displayPath(file)),
    );
  }
  const record = typeof token === 'object' && token !== null ? (token as Record<string, unknown>) : {};
  const missing = requiredFields.filter((field) => !record[field]);
  return missing.length > 0
    ? new LoginNeeded(l10n.t('The aws login sign-in in {0} lacks {1}, so it cannot be used.', displayPath(file), missing.join(', ')))
    : undefined;
}

/**
 * The SDK's refusal of a sign-in (ended, revoked, a password changed) as a sign-in needed, with its
 * own words; undefined for anything else, such as AWS out of reach, which another try may mend.
 */
export function loginRefusal(error: unknown): LoginNeeded | undefined {
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown };
  if (name !== 'CredentialsProviderError' || typeof message !== 'string') {
    return undefined;
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|TimeoutError|NetworkingError/.test(message)) {
    return undefined;
  }
  if (/expired/i.test(message)) {
    return new LoginNeeded(l10n.t('The aws login sign-in has ended.'));
  }
  if (/password/i.test(message)) {
    return new LoginNeeded(l10n.t('The aws login sign-in ended because your password changed.'));
  }
  if (/permission/i.test(message)) {
    return new LoginNeeded(l10n.t('The aws login sign-in could not be renewed: the user may not call signin:CreateOAuth2Token.'));
  }
  return new LoginNeeded(l10n.t('The aws login sign-in could not be used.'));
}
