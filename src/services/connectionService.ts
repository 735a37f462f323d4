/**
 * Owns the connection: one state value (see connectionState), changed only here. Connects with
 * progress that can be cancelled, keeps role sessions until they expire, remembers the profiles
 * used, restores the last connection at start and connects again by itself when the connected
 * profile changes on disk. What it asks or tells the user goes through `ConnectionPrompts`.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import {
  failedState,
  needsUser,
  reusableCredentials,
  type Connection,
  type ConnectionState,
  type KeptSession,
} from '../core/aws/connectionState';
import { describeAwsError, SignInNeeded, type AwsProblem, type ErrorContext } from '../core/aws/errors';
import type { Identity } from '../core/aws/identity';
import type { ResolvedConnection } from '../core/aws/resolveConnection';
import type { NetworkRoute } from '../core/net/agents';
import { loginProblemOf, loginRefusal } from '../core/aws/login/loginToken';
import { signInTargetOf } from '../core/aws/sso/sessions';
import { errorMessage } from '../core/errors';
import { isInheritedName } from '../core/ini/builtIns';
import { mfaSessionOf } from '../core/profiles/mfaSession';
import { defaultRegion } from '../core/profiles/regions';
import { quoted, quotedValue } from '../core/secrets';
import type { Profile } from '../core/profiles/model';
import type { ProfileReport, ProfileSnapshot } from '../core/validation/snapshot';
import { settingIds } from '../manifest';
import type { GlobalState } from './globalState';
import type { Network } from './network';
import type { ProfileService } from './profileService';
import { loadAhead } from './loadAhead';
import type { SsoSessions } from './ssoSessions';

/** What the connection asks and tells the user; the UI implements it (see ui/prompts). */
export interface ConnectionPrompts {
  /** Runs an interactive connect with a notification that shows progress and can cancel it. */
  withProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** The current code of an MFA device; rejects with a cancellation when the user closes the box. */
  askMfaCode(profile: string, serial: string): Promise<string>;
  /** Tells the user why a connect failed; true when they ask to try again. */
  explainFailure(profile: string, problem: AwsProblem): Promise<boolean>;
}

interface Resolved {
  readonly resolved: ResolvedConnection;
  /** When the IAM Identity Center sign-in it used ends, and whether it renews. */
  readonly signIn: { readonly expiresAt: Date; readonly renews: boolean } | undefined;
  /** The route its calls took, which the connection's later calls take too. */
  readonly network: NetworkRoute;
}

type Usable =
  | { readonly report: ProfileReport; readonly problem?: undefined }
  | { readonly report: ProfileReport | undefined; readonly problem: AwsProblem };

/** The report of a profile, and why it cannot be used now: the files cannot be read, a built-in's name, missing, invalid. */
function usableReport(snapshot: ProfileSnapshot, name: string): Usable {
  const other = (message: string, report?: ProfileReport): Usable => ({ report, problem: { kind: 'other', message } });
  const [unreadable] = snapshot.unreadable;
  if (unreadable !== undefined) {
    return other(l10n.t('{0}, so the AWS SDK cannot read the profiles.', unreadable));
  }
  const builtIn = snapshot.reports.find((candidate) => isInheritedName(candidate.profile.name))?.profile.name;
  if (builtIn !== undefined) {
    // Reading such a section, the SDK writes its settings onto a JavaScript built-in of the whole extension host.
    return other(
      l10n.t(
        "The AWS files define the profile {0}, a name every JavaScript object has: the AWS SDK would write its settings onto a built-in of VS Code's extension host. Rename that profile, then connect.",
        builtIn,
      ),
    );
  }
  const report = snapshot.reports.find((candidate) => candidate.profile.name === name);
  if (!report) {
    return other(l10n.t('There is no profile named {0} in the AWS files.', quoted(name)));
  }
  if (report.status === 'invalid') {
    const reason = report.problems.find((problem) => problem.severity === 'error')?.message;
    return other(
      reason === undefined
        ? l10n.t('Profile {0} is not valid.', quoted(name))
        : l10n.t('Profile {0} is not valid: {1}.', quoted(name), reason),
      report,
    );
  }
  return { report };
}

function errorContextOf(profile: Profile): ErrorContext {
  return {
    withSessionToken: profile.kind === 'sessionKeys',
    webIdentityTokenFile: profile.kind === 'webIdentity' ? profile.tokenFile : undefined,
  };
}

/** The code a connect runs (but for IAM Identity Center roles): its chunk, and the AWS SDK code the chunks share. */
const connectCode = () => import('../core/aws/resolveConnection.js');
const warmConnectCode = () => connectCode().then(({ warmUpCallerIdentity }) => warmUpCallerIdentity());

/** How long a credential_process may run: some ask the person something (a password, a touch of a key). */
function processTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration().get<number>(settingIds.credentialProcessTimeout, 60);
  return Math.max(1, seconds) * 1000;
}

interface Current {
  readonly state: ConnectionState;
  /** Set exactly when the state is `connected`: the two are stored together, in `settle`. */
  readonly connection: Connection | undefined;
}

export class ConnectionService implements vscode.Disposable {
  private current: Current = { state: { kind: 'disconnected' }, connection: undefined };
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChange = this.changed.event;
  private readonly sessions = new Map<string, KeptSession>();
  /** The fingerprint of the profile the state is about, so an unrelated change does not connect again. */
  private stateFingerprint: string | undefined;
  private attempt = 0;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly profiles: ProfileService,
    private readonly sso: SsoSessions,
    private readonly globalState: GlobalState,
    private readonly prompts: ConnectionPrompts,
    private readonly log: vscode.LogOutputChannel,
    /** The route of every call of the extension to AWS. */
    readonly network: Network,
  ) {
    this.subscription = vscode.Disposable.from(
      profiles.onDidChange((snapshot) => {
        this.followChanges(snapshot).catch((error: unknown) =>
          log.error(`Following a change of the AWS files failed: ${errorMessage(error)}`),
        );
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('http')) {
          this.followNetworkSettings().catch((error: unknown) =>
            log.error(`Following a change of the proxy settings failed: ${errorMessage(error)}`),
          );
        }
      }),
    );
  }

  /** A connection's later calls (the Explorer, the console, key ages) take the proxy settings as they are now. */
  private async followNetworkSettings(): Promise<void> {
    const before = this.current;
    if (!before.connection) {
      return;
    }
    const network = await this.network.route(before.connection.state.profile);
    if (this.current === before && before.connection) {
      const connection = { ...before.connection, access: { ...before.connection.access, network } };
      this.current = { state: before.state, connection };
    }
  }

  get state(): ConnectionState {
    return this.current.state;
  }

  /** The connection made, with what its calls are signed with; undefined unless connected. */
  get connection(): Connection | undefined {
    return this.current.connection;
  }

  /** Restores the last connection, unless it would need the user (an MFA code, an SSO sign-in). */
  async restore(): Promise<void> {
    const last = this.globalState.get('connectedProfile');
    if (last === undefined) {
      return;
    }
    const exists = (await this.profiles.latest()).reports.some((report) => report.profile.name === last);
    if (exists) {
      await this.connect(last, { interactive: false });
    } else {
      this.log.info(`The last connection's profile ${quoted(last)} is no longer in the AWS files.`);
      await this.globalState.update('connectedProfile', undefined);
    }
  }

  /** When the user is about to connect: the first connect then waits for AWS, not for the SDK code to load. */
  prepareConnect(): void {
    loadAhead(this.log, warmConnectCode);
  }

  /**
   * Connects with a profile and returns the connection made, or undefined when it failed, was
   * cancelled or was overtaken by a newer connect. Interactive connects show progress, ask for MFA
   * codes and explain failures; the others (restore, reconnect) only set the state.
   */
  async connect(name: string, { interactive }: { interactive: boolean }): Promise<Connection | undefined> {
    const attempt = ++this.attempt;
    const snapshot = await this.profiles.latest();
    const usable = usableReport(snapshot, name);
    if (usable.report) {
      // Set for an invalid profile too: it is tried again when it changes, not on every change of the files.
      this.stateFingerprint = usable.report.profile.fingerprint;
    }
    if (usable.problem) {
      return this.fail(attempt, name, usable.problem, interactive);
    }
    const { profile } = usable.report;
    const reuse = reusableCredentials(this.sessions.get(name), profile, new Date());
    if (!interactive && needsUser(profile) && !reuse) {
      this.log.info(
        `Profile ${quoted(name)} needs an MFA code or a sign-in, so it is not connected at start: click the status bar to connect.`,
      );
      return this.settle(attempt, { kind: 'disconnected' });
    }
    this.settle(attempt, { kind: 'connecting', profile: name });
    const region = profile.region ?? defaultRegion;
    try {
      const work = (signal: AbortSignal): Promise<Resolved> => this.resolve(profile, snapshot, signal);
      const { resolved, signIn, network } = interactive
        ? await this.prompts.withProgress(vscode.l10n.t('Connecting to AWS with profile {0}...', quoted(name)), work)
        : await work(new AbortController().signal);
      if (attempt !== this.attempt) {
        return undefined;
      }
      const { identity, credentials } = resolved;
      // The memento holds the new values at once; storing them waits for a round trip to the
      // workbench (about 10 ms, measured by `npm run bench`), which the status bar need not wait for.
      const remembered = this.globalState.rememberConnection(name, identity.account);
      this.log.info(
        `Connected with profile ${quoted(name)}: account ${identity.account}, ${identity.arn}, region ${quotedValue('region', region)}.`,
      );
      const connection: Connection = {
        state: { kind: 'connected', profile: name, region, identity, expiration: credentials.expiration, ...(signIn ? { signIn } : {}) },
        access: { credentials, region, endpointUrl: profile.endpointUrl, network },
      };
      this.settle(attempt, connection.state, connection);
      await remembered;
      return connection;
    } catch (error) {
      const problem = describeAwsError(error, errorContextOf(profile));
      if (problem.kind === 'cancelled') {
        this.log.info(`Connecting with profile ${quoted(name)} was cancelled.`);
        return this.settle(attempt, { kind: 'disconnected' });
      }
      this.sessions.delete(name);
      return this.fail(attempt, name, problem, interactive);
    }
  }

  /**
   * Checks a profile as connect would (its credentials, then STS GetCallerIdentity) without
   * connecting: the state and the connection stay as they are. Asks for an MFA code when needed.
   */
  async test(name: string): Promise<{ readonly identity: Identity } | { readonly problem: AwsProblem }> {
    const snapshot = await this.profiles.latest();
    const usable = usableReport(snapshot, name);
    if (usable.problem) {
      return { problem: usable.problem };
    }
    const { profile } = usable.report;
    try {
      const { resolved } = await this.prompts.withProgress(vscode.l10n.t('Testing profile {0}...', quoted(name)), (signal) =>
        this.resolve(profile, snapshot, signal),
      );
      this.log.info(`Profile ${quoted(name)} works: account ${resolved.identity.account}, ${resolved.identity.arn}.`);
      return { identity: resolved.identity };
    } catch (error) {
      const problem = describeAwsError(error, errorContextOf(profile));
      if (problem.kind !== 'cancelled') {
        this.log.error(`Profile ${quoted(name)} does not work: ${problem.message}`);
      }
      return { problem };
    }
  }

  /** The credentials and identity of a profile, reusing a role session kept from before (and keeping a new one). */
  private async resolve(profile: Profile, snapshot: ProfileSnapshot, signal: AbortSignal): Promise<Resolved> {
    const { name } = profile;
    const reuse = reusableCredentials(this.sessions.get(name), profile, new Date());
    const region = profile.region ?? defaultRegion;
    const target = signInTargetOf(profile, snapshot.ssoSessions);
    const network = await this.network.route(name);
    let result: Resolved;
    if (target && profile.kind === 'sso' && profile.accountId !== undefined && profile.roleName !== undefined && !reuse) {
      const { accountId, roleName } = profile;
      const connected = await this.sso.connectRole({
        target,
        accountId,
        roleName,
        region,
        endpointUrl: profile.endpointUrl,
        network,
        signal,
      });
      if (connected.kind === 'signIn') {
        throw new SignInNeeded(connected.reason);
      }
      result = { resolved: connected.resolved, signIn: { expiresAt: connected.signInExpiresAt, renews: connected.renews }, network };
    } else {
      // The SDK would only say "please reauthenticate" of a sign-in that is missing or broken.
      const noSignIn = profile.kind === 'login' && !reuse ? await loginProblemOf(profile.loginSession) : undefined;
      if (noSignIn) {
        throw noSignIn;
      }
      const { resolveConnection } = await connectCode();
      const resolved = await resolveConnection({
        profile: name,
        paths: this.profiles.paths,
        region,
        endpointUrl: profile.endpointUrl,
        network,
        askMfaCode: (serial) => this.prompts.askMfaCode(name, serial),
        mfaSession: mfaSessionOf(profile),
        credentialProcess: profile.kind === 'process' ? { command: profile.command, timeoutMs: processTimeoutMs() } : undefined,
        reuse,
        signal,
      }).catch((error: unknown) => {
        throw (profile.kind === 'login' && loginRefusal(error)) || error;
      });
      result = { resolved, signIn: undefined, network };
    }
    if (result.resolved.credentials.expiration) {
      this.sessions.set(name, { fingerprint: profile.fingerprint, credentials: result.resolved.credentials });
    }
    return result;
  }

  /** Drops the role sessions kept for reuse: after a sign-out, a connect must ask AWS again. */
  forgetSessions(): void {
    this.sessions.clear();
  }

  async disconnect(): Promise<void> {
    const attempt = ++this.attempt;
    this.stateFingerprint = undefined;
    await this.globalState.update('connectedProfile', undefined);
    this.log.info('Disconnected.');
    this.settle(attempt, { kind: 'disconnected' });
  }

  /** When the connected profile changes on disk, connect again; when it is deleted, disconnect. */
  private async followChanges(snapshot: ProfileSnapshot): Promise<void> {
    const state = this.state;
    if (state.kind === 'disconnected' || state.kind === 'connecting') {
      return;
    }
    const profile = snapshot.reports.find((report) => report.profile.name === state.profile)?.profile;
    if (!profile) {
      this.log.info(`Profile ${quoted(state.profile)} was removed from the AWS files: disconnected.`);
      await this.disconnect();
      return;
    }
    if (profile.fingerprint !== this.stateFingerprint) {
      this.log.info(`Profile ${quoted(state.profile)} changed on disk: connecting again.`);
      this.stateFingerprint = profile.fingerprint;
      await this.connect(state.profile, { interactive: false });
    }
  }

  private fail(attempt: number, name: string, problem: AwsProblem, interactive: boolean): undefined {
    this.log.error(`Profile ${quoted(name)} could not connect: ${problem.message}`);
    this.settle(attempt, failedState(this.state, name, problem));
    if (interactive && attempt === this.attempt) {
      this.prompts
        .explainFailure(name, problem)
        .then(async (tryAgain) => {
          if (tryAgain) {
            await this.connect(name, { interactive: true });
          }
        })
        .catch((error: unknown) => this.log.error(`Connecting with profile ${quoted(name)} again failed: ${errorMessage(error)}`));
    }
    return undefined;
  }

  /** Sets the state of the newest attempt (an older one changes nothing) and tells subscribers. */
  private settle(attempt: number, state: ConnectionState, connection?: Connection): undefined {
    if (attempt === this.attempt) {
      this.current = { state, connection };
      this.changed.fire(state);
    }
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
