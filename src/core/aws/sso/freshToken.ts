/**
 * A token to call the portal with: the cached one while it has more than 5 minutes left, else
 * refreshed with its refresh token and written back where the AWS CLI reads it, else the word that
 * the person must sign in again. Two windows refreshing at once take turns (the cache file's lock),
 * and the second uses what the first wrote.
 */
import * as l10n from '@vscode/l10n';
import { withLocks } from '../../files/lock';
import { quoted } from '../../secrets';
import { signInEnded } from './errors';
import { refreshAccessToken, type OidcOptions } from './oidc';
import type { SignInTarget } from './sessions';
import { tokenFile } from './cachePaths';
import { readToken, writeToken, type CachedToken, type SsoToken } from './tokenCache';
import { isExpired, tokenUse } from './tokenLifetime';

/** Longer than a refresh can take (two attempts of 15 s). */
const refreshLockWaitMs = 40_000;

export type FreshToken =
  { readonly kind: 'token'; readonly token: SsoToken; readonly refreshed: boolean } | { readonly kind: 'signIn'; readonly reason: string };

export interface FreshTokenOptions extends OidcOptions {
  readonly now?: () => Date;
  /** Told when a refresh fails but the old token still serves, for the log. */
  readonly onRefreshFailed?: (error: unknown) => void;
  /** Told when a refreshed token could not be written back to its cache file, for the log. */
  readonly onWriteFailed?: (error: unknown) => void;
}

export async function freshToken(home: string, target: SignInTarget, options: FreshTokenOptions): Promise<FreshToken> {
  const now = options.now ?? (() => new Date());
  const cached = await readToken(home, target.owner);
  if (cached && tokenUse(cached.token, now()) === 'use') {
    return { kind: 'token', token: cached.token, refreshed: false };
  }
  // A refresh is a call to AWS, longer than an edit: a second window waits for it rather than give up.
  return withLocks(
    [tokenFile(home, target.owner)],
    async () => {
      // Read again under the lock: another window may have refreshed it meanwhile.
      const current = await readToken(home, target.owner);
      return renew(home, target, current, options, now);
    },
    refreshLockWaitMs,
  );
}

async function renew(
  home: string,
  target: SignInTarget,
  cached: CachedToken | undefined,
  options: FreshTokenOptions,
  now: () => Date,
): Promise<FreshToken> {
  const name = quoted(target.label);
  if (!cached) {
    return { kind: 'signIn', reason: l10n.t('You are not signed in to IAM Identity Center for {0}.', name) };
  }
  const { token } = cached;
  const use = tokenUse(token, now());
  if (use === 'use') {
    return { kind: 'token', token, refreshed: false };
  }
  const stillValid = !isExpired(token, now());
  if (use === 'signIn' || !target.refreshes) {
    return stillValid
      ? { kind: 'token', token, refreshed: false }
      : { kind: 'signIn', reason: l10n.t('The IAM Identity Center sign-in for {0} has expired.', name) };
  }
  let refreshed: SsoToken;
  try {
    // Against sso_region, as the SDK refreshes: a token file may name another region.
    refreshed = await refreshAccessToken(token, target.center.region, options);
  } catch (error) {
    options.onRefreshFailed?.(error);
    if (stillValid) {
      return { kind: 'token', token, refreshed: false };
    }
    if (signInEnded(error)) {
      return { kind: 'signIn', reason: l10n.t('The IAM Identity Center session for {0} has ended.', name) };
    }
    // No network, say: signing in again would not help, trying again later may.
    throw error;
  }
  try {
    await writeToken(home, target.owner, refreshed, cached);
  } catch (error) {
    // AWS replaced the refresh token already: the new token serves this connect even if the file keeps the old one.
    options.onWriteFailed?.(error);
  }
  return { kind: 'token', token: refreshed, refreshed: true };
}
