/**
 * Signing out of one IAM Identity Center sign-in: the portal's Logout ends it at AWS, then its
 * token file (and no other sign-in's) is deleted. The file goes even when AWS cannot be told: a
 * person who signs out expects the token gone from the machine.
 */
import { logout, type PortalOptions } from './portal';
import type { SignInTarget } from './sessions';
import { withLocks } from '../../files/lock';
import { tokenFile } from './cachePaths';
import { readToken, removeToken } from './tokenCache';
import { isExpired } from './tokenLifetime';

export interface SignOutOutcome {
  /** False when there was no sign-in to end. */
  readonly signedOut: boolean;
  /** Why AWS was not told, when it was not. */
  readonly logoutError?: unknown;
}

export async function signOut(home: string, target: SignInTarget, options: PortalOptions): Promise<SignOutOutcome> {
  // Under the cache file's lock: a refresh in another window must not write the token back after it is gone.
  return withLocks([tokenFile(home, target.owner)], () => signOutHoldingLock(home, target, options), 40_000);
}

async function signOutHoldingLock(home: string, target: SignInTarget, options: PortalOptions): Promise<SignOutOutcome> {
  const cached = await readToken(home, target.owner);
  if (!cached) {
    return { signedOut: false };
  }
  let logoutError: unknown;
  if (!isExpired(cached.token, new Date())) {
    try {
      await logout(cached.token.accessToken, target.center.region, options);
    } catch (error) {
      logoutError = error;
    }
  }
  await removeToken(cached);
  return logoutError === undefined ? { signedOut: true } : { signedOut: true, logoutError };
}
