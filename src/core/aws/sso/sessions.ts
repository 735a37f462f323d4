/**
 * Which IAM Identity Center sign-in a profile uses: its `[sso-session]` (whose tokens refresh), or,
 * for a legacy profile, the start URL and region written in the profile itself (whose tokens the
 * SDK never refreshes). The token cache file and the sign-in both follow from it.
 */
import type { Profile } from '../../profiles/model';
import { defaultScopes, type SsoSessionSection } from '../../profiles/ssoProfiles';
import type { IdentityCenter, SignInFlow } from './oidc';
import type { TokenOwner } from './cachePaths';
import type { CachedToken } from './tokenCache';
import { canRefresh, isExpired } from './tokenLifetime';

/** A sign-in: whose token it is, where it signs in, and whether its token can be refreshed. */
export interface SignInTarget {
  readonly owner: TokenOwner;
  /** How the sign-in is named to people: the session's name, or the start URL. */
  readonly label: string;
  readonly center: IdentityCenter;
  readonly refreshes: boolean;
}

/** One key per cache file: two targets with the same key share a token. */
export function ownerKey(owner: TokenOwner): string {
  return 'session' in owner ? `session:${owner.session}` : `legacy:${owner.legacyStartUrl}`;
}

export function sessionTarget(session: SsoSessionSection): SignInTarget | undefined {
  const { name, startUrl, region, scopes } = session;
  if (startUrl === undefined || region === undefined) {
    return undefined;
  }
  return { owner: { session: name }, label: name, center: { startUrl, region, scopes }, refreshes: true };
}

/** The sign-ins of the sessions that have a start URL and a region. */
export function sessionTargets(sessions: readonly SsoSessionSection[]): SignInTarget[] {
  return sessions.flatMap((session) => sessionTarget(session) ?? []);
}

/** The sign-in an SSO profile uses, or undefined for another kind or one whose settings are incomplete. */
export function signInTargetOf(profile: Profile, sessions: readonly SsoSessionSection[]): SignInTarget | undefined {
  if (profile.kind !== 'sso') {
    return undefined;
  }
  if (profile.ssoSession !== undefined) {
    const session = sessions.find((candidate) => candidate.name === profile.ssoSession);
    return session && sessionTarget(session);
  }
  const startUrl = profile.settings.get('sso_start_url');
  const region = profile.settings.get('sso_region');
  if (startUrl === undefined || region === undefined) {
    return undefined;
  }
  return {
    owner: { legacyStartUrl: startUrl },
    label: startUrl,
    center: { startUrl, region, scopes: defaultScopes },
    refreshes: false,
  };
}

/** What a view says of a sign-in, from its cache file alone (no call). */
export type TokenStatus =
  | { readonly kind: 'signedIn'; readonly expiresAt: Date; readonly refreshes: boolean }
  | { readonly kind: 'expired'; readonly expiredAt: Date }
  | { readonly kind: 'notSignedIn' };

export function tokenStatus(cached: CachedToken | undefined, target: SignInTarget, now: Date): TokenStatus {
  if (!cached) {
    return { kind: 'notSignedIn' };
  }
  const { token } = cached;
  const refreshes = target.refreshes && canRefresh(token, now);
  if (isExpired(token, now) && !refreshes) {
    return { kind: 'expired', expiredAt: token.expiresAt };
  }
  return { kind: 'signedIn', expiresAt: token.expiresAt, refreshes };
}

export type FlowSetting = 'auto' | SignInFlow;

/** A hand-edited setting may hold anything. */
export function isFlowSetting(value: string): value is FlowSetting {
  return value === 'auto' || value === 'deviceCode' || value === 'authorizationCode';
}

/**
 * The authorization code flow needs the browser and the extension host on one machine (the
 * redirect goes to 127.0.0.1 of the host); in a remote window or VS Code in a browser the device
 * code flow works wherever the browser is.
 */
export function chooseFlow(setting: FlowSetting, host: { readonly remote: boolean; readonly web: boolean }): SignInFlow {
  if (setting !== 'auto') {
    return setting;
  }
  return host.remote || host.web ? 'deviceCode' : 'authorizationCode';
}
