/**
 * The connection as one state value (what it is, never what it signs with), and the decisions of
 * the connection service that need no VS Code: which state a failure leads to, what the user is
 * offered, which profiles wait for the user, and when a role session is reused.
 */
import type { Profile } from '../profiles/model';
import type { ResourceAccess, TemporaryCredentials } from './clients';
import type { AwsProblem } from './errors';
import type { Identity } from './identity';

export type ConnectionState =
  | { readonly kind: 'disconnected' }
  | { readonly kind: 'connecting'; readonly profile: string }
  | {
      readonly kind: 'connected';
      readonly profile: string;
      readonly region: string;
      readonly identity: Identity;
      readonly expiration: Date | undefined;
      /** For an IAM Identity Center profile: when its sign-in's token ends, and whether it renews itself until then. */
      readonly signIn?: { readonly expiresAt: Date; readonly renews: boolean };
    }
  /** Connected once, then the credentials expired or AWS rejected them. */
  | { readonly kind: 'expired'; readonly profile: string; readonly problem: AwsProblem }
  | { readonly kind: 'failed'; readonly profile: string; readonly problem: AwsProblem };

export type ConnectedState = Extract<ConnectionState, { readonly kind: 'connected' }>;

/** A connection made: its state, and what its calls are signed with (never part of the state). */
export interface Connection {
  readonly state: ConnectedState;
  readonly access: ResourceAccess;
}

/**
 * The state after a failed connect: `expired` when the credentials stopped working (an expired
 * token, or keys AWS no longer knows for the profile that was connected), else `failed`.
 */
export function failedState(current: ConnectionState, profile: string, problem: AwsProblem): ConnectionState {
  const wasConnected = current.kind === 'connected' && current.profile === profile;
  const signInEnded = problem.kind === 'signIn' || problem.kind === 'login';
  const expired = problem.kind === 'expiredToken' || signInEnded || (wasConnected && problem.kind === 'unknownKey');
  return { kind: expired ? 'expired' : 'failed', profile, problem };
}

export type FailureAction = 'editCredentials' | 'tryAgain' | 'signInAgain' | 'awsLogin' | 'proxySettings' | 'showLogs';

/**
 * What a failure notification offers: a new sign-in when IAM Identity Center's or `aws login`'s has ended, the files
 * when the keys are wrong (or a CA bundle is needed), the proxy settings when the proxy failed, another try when AWS
 * could not be reached.
 */
export function failureActions(problem: AwsProblem): readonly FailureAction[] {
  if (problem.kind === 'signIn') {
    return ['signInAgain', 'showLogs'];
  }
  if (problem.kind === 'login') {
    return ['awsLogin', 'showLogs'];
  }
  if (problem.kind === 'proxy') {
    return ['proxySettings', 'tryAgain', 'showLogs'];
  }
  if (problem.kind === 'certificate') {
    // A CA bundle is named in the config file (ca_bundle) or the environment.
    return ['editCredentials', 'tryAgain', 'showLogs'];
  }
  const keysAreWrong = ['expiredToken', 'unknownKey', 'wrongSecret', 'other'].includes(problem.kind);
  return keysAreWrong ? ['editCredentials', 'showLogs'] : ['tryAgain', 'showLogs'];
}

/**
 * Profiles that ask the user something on connect (an MFA code, a sign-in in the browser): never
 * connected at start. An `aws login` profile asks nothing: the SDK renews its sign-in by itself,
 * and one that has none fails at once, saying so.
 */
export function needsUser(profile: Profile): boolean {
  return profile.mfaSerial !== undefined || profile.kind === 'sso';
}

/** A role session kept from an earlier connect: reused while its profile is unchanged and it is valid for 5 more minutes. */
export interface KeptSession {
  readonly fingerprint: string;
  readonly credentials: TemporaryCredentials;
}

const reuseMarginMs = 5 * 60_000;

export function reusableCredentials(session: KeptSession | undefined, profile: Profile, now: Date): TemporaryCredentials | undefined {
  const expiration = session?.credentials.expiration;
  if (!session || session.fingerprint !== profile.fingerprint || !expiration || expiration.getTime() - now.getTime() < reuseMarginMs) {
    return undefined;
  }
  return session.credentials;
}
