/**
 * Connecting with an IAM Identity Center profile: a fresh token (refreshed as the SDK would, and
 * written back for the AWS CLI), the role's credentials from the portal in the Identity Center's
 * region, then STS GetCallerIdentity. The SDK's `fromIni` is not used for these: it would ask the
 * portal in the profile's region, and write refreshed tokens readable by others.
 */
import { quoted } from '../../secrets';
import type { ResolvedConnection } from '../resolveConnection';
import { callerIdentity } from '../identity';
import { signInEnded } from './errors';
import { freshToken, type FreshTokenOptions } from './freshToken';
import { roleCredentials } from './portal';
import type { SignInTarget } from './sessions';

export interface SsoRoleRequest extends FreshTokenOptions {
  readonly home: string;
  readonly target: SignInTarget;
  readonly accountId: string;
  readonly roleName: string;
  /** The profile's region, for STS. */
  readonly region: string;
  readonly signal?: AbortSignal;
}

export type SsoConnect =
  | { readonly kind: 'connected'; readonly resolved: ResolvedConnection; readonly signInExpiresAt: Date; readonly refreshed: boolean }
  | { readonly kind: 'signIn'; readonly reason: string };

export async function connectSsoRole(request: SsoRoleRequest): Promise<SsoConnect> {
  const { home, target, accountId, roleName, region, endpointUrl, signal } = request;
  const fresh = await freshToken(home, target, request);
  if (fresh.kind === 'signIn') {
    return fresh;
  }
  const { token } = fresh;
  let credentials;
  try {
    credentials = await roleCredentials(token.accessToken, token.region ?? target.center.region, accountId, roleName, {
      endpointUrl,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signInEnded(error)) {
      return { kind: 'signIn', reason: `IAM Identity Center no longer accepts the sign-in for ${quoted(target.label)}.` };
    }
    throw error;
  }
  const identity = await callerIdentity(credentials, { region, endpointUrl, signal });
  return { kind: 'connected', resolved: { identity, credentials }, signInExpiresAt: token.expiresAt, refreshed: fresh.refreshed };
}
