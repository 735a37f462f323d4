/**
 * When an IAM Identity Center token is used as it is, refreshed, or given up on: the rules of the
 * AWS SDK's `fromSso`, so that this extension and the SDK (and the AWS CLI) agree.
 */
import type { SsoToken } from './tokenCache';

/** A token with this little left is refreshed before use, as the SDK does. */
export const refreshMarginMs = 5 * 60_000;

export type TokenUse =
  /** Use it as it is. */
  | 'use'
  /** Refresh it first (it may still be used until it expires if the refresh fails). */
  | 'refresh'
  /** It cannot be refreshed and ends soon or has ended: sign in again (while it lasts it still works). */
  | 'signIn';

export function tokenUse(token: SsoToken, now: Date): TokenUse {
  if (token.expiresAt.getTime() - now.getTime() > refreshMarginMs) {
    return 'use';
  }
  return canRefresh(token, now) ? 'refresh' : 'signIn';
}

/** A refresh needs the client's registration (still valid: the CLI checks, the SDK does not) and a refresh token. */
export function canRefresh(token: SsoToken, now: Date): boolean {
  const registrationValid = token.registrationExpiresAt === undefined || token.registrationExpiresAt.getTime() > now.getTime();
  return token.refreshToken !== undefined && token.clientId !== undefined && token.clientSecret !== undefined && registrationValid;
}

export function isExpired(token: SsoToken, now: Date): boolean {
  return token.expiresAt.getTime() <= now.getTime();
}

/** The token after a refresh: the old fields, with the new access token, expiry and refresh token (none: dropped). */
export function refreshedToken(
  token: SsoToken,
  answer: { readonly accessToken: string; readonly expiresInSeconds: number; readonly refreshToken: string | undefined },
  now: Date,
): SsoToken {
  return {
    ...token,
    accessToken: answer.accessToken,
    expiresAt: new Date(now.getTime() + answer.expiresInSeconds * 1000),
    refreshToken: answer.refreshToken,
  };
}
