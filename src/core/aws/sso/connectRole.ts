/**
 * Connecting with an IAM Identity Center profile: a fresh token (refreshed as the SDK would, and
 * written back for the AWS CLI), the role's credentials from the portal in the Identity Center's
 * region, then STS GetCallerIdentity. The SDK's `fromIni` is not used for these: it would ask the
 * portal in the profile's region, and write refreshed tokens readable by others.
 */
import type { NetworkRoute } from '../../net/agents';
import type { ResolvedConnection } from '../resolveConnection';
import { callerIdentity } from '../identity';
import { signInEnded, signInEndedReason } from './errors';
import { freshToken } from './freshToken';
import { canRefresh } from './tokenLifetime';
import { roleCredentials } from './portal';
import type { SignInTarget } from './sessions';

export interface SsoRoleRequest {
  readonly home: string;
  readonly target: SignInTarget;
  readonly accountId: string;
  readonly roleName: string;
  /** The profile's region and `endpoint_url`, for STS. */
  readonly region: string;
  readonly endpointUrl?: string | undefined;
  /** Where the OIDC and portal calls go, when not where the environment says (AWS_ENDPOINT_URL...) or AWS. */
  readonly ssoEndpointUrl?: string | undefined;
  readonly network: NetworkRoute;
  readonly signal?: AbortSignal;
  readonly onRefreshFailed?: (error: unknown) => void;
  readonly onWriteFailed?: (error: unknown) => void;
}

export type SsoConnect =
  | {
      readonly kind: 'connected';
      readonly resolved: ResolvedConnection;
      readonly signInExpiresAt: Date;
      /** Whether the next connects can renew the token (see tokenLifetime.canRefresh). */
      readonly renews: boolean;
      readonly refreshed: boolean;
    }
  | { readonly kind: 'signIn'; readonly reason: string };

export async function connectSsoRole(request: SsoRoleRequest): Promise<SsoConnect> {
  const { home, target, accountId, roleName, region, endpointUrl, ssoEndpointUrl, network, signal } = request;
  const calls = { endpointUrl: ssoEndpointUrl, network, ...(signal ? { signal } : {}) };
  const fresh = await freshToken(home, target, {
    ...calls,
    ...(request.onRefreshFailed ? { onRefreshFailed: request.onRefreshFailed } : {}),
    ...(request.onWriteFailed ? { onWriteFailed: request.onWriteFailed } : {}),
  });
  if (fresh.kind === 'signIn') {
    return fresh;
  }
  const { token } = fresh;
  let credentials;
  try {
    credentials = await roleCredentials(token.accessToken, target.center.region, accountId, roleName, calls);
  } catch (error) {
    if (signInEnded(error)) {
      return { kind: 'signIn', reason: signInEndedReason(target.label) };
    }
    throw error;
  }
  const identity = await callerIdentity(credentials, { region, endpointUrl, network, signal });
  return {
    kind: 'connected',
    resolved: { identity, credentials },
    signInExpiresAt: token.expiresAt,
    renews: target.refreshes && canRefresh(token, new Date()),
    refreshed: fresh.refreshed,
  };
}
