/**
 * Owns the connection: one state value (see connectionState), changed only here. Connects with
 * progress that can be cancelled, asks for MFA codes, keeps role sessions until they expire,
 * remembers the most recently used profiles, restores the last connection at start and
 * reconnects by itself when the connected profile changes on disk.
 */
import * as vscode from 'vscode';
import { describeAwsError, type AwsProblem } from '../core/aws/errors';
import type { TemporaryCredentials } from '../core/aws/resolveConnection';
import type { ConnectionState } from '../core/aws/connectionState';
import type { Profile } from '../core/profiles/model';
import type { ProfileSnapshot } from '../core/validation/snapshot';
import type { ProfileService } from './profileService';

const recentKey = 'awsCredentialManager.recentProfiles';
const lastKey = 'awsCredentialManager.connectedProfile';
const accountsKey = 'awsCredentialManager.accounts';
const reuseMarginMs = 5 * 60_000;

class MfaCancelled extends Error {
  override readonly name = 'AbortError';
}

export interface ResourceAccess {
  readonly credentials: TemporaryCredentials;
  readonly region: string;
  readonly endpointUrl: string | undefined;
}

export class ConnectionService implements vscode.Disposable {
  private current: ConnectionState = { kind: 'disconnected' };
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChange = this.changed.event;
  private readonly sessions = new Map<string, { fingerprint: string; credentials: TemporaryCredentials }>();
  private stateFingerprint: string | undefined;
  /** What the Explorer signs its calls with; kept in memory only, never logged or exported. */
  private connectedAccess: ResourceAccess | undefined;
  private attempt = 0;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly profiles: ProfileService,
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = profiles.onDidChange((snapshot) => {
      this.followChanges(snapshot).catch((error: unknown) => log.error(`Following a change of the AWS files failed: ${String(error)}`));
    });
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** The credentials, region and endpoint of the connection, for calls the Explorer makes. */
  access(): ResourceAccess | undefined {
    return this.current.kind === 'connected' ? this.connectedAccess : undefined;
  }

  /** Profile names, most recently connected first. */
  recentProfiles(): readonly string[] {
    return this.memento.get<string[]>(recentKey, []);
  }

  /** The account each profile connected to last, by profile name. */
  knownAccounts(): Readonly<Record<string, string>> {
    return this.memento.get<Record<string, string>>(accountsKey, {});
  }

  /** Restores the last connection, unless it would need the user (an MFA code, an SSO sign-in). */
  async restore(): Promise<void> {
    const last = this.memento.get<string>(lastKey);
    if (last === undefined) {
      return;
    }
    const exists = (await this.profiles.latest()).reports.some((report) => report.profile.name === last);
    if (exists) {
      await this.connect(last, { interactive: false });
    } else {
      this.log.info(`The last connection's profile ${last} is no longer in the AWS files.`);
      await this.memento.update(lastKey, undefined);
    }
  }

  /**
   * Connects with a profile. Interactive connects show progress, ask for MFA codes and explain
   * failures in a notification; the others (restore, reconnect) only set the state.
   */
  async connect(name: string, { interactive }: { interactive: boolean }): Promise<ConnectionState> {
    const attempt = ++this.attempt;
    const report = (await this.profiles.latest()).reports.find((candidate) => candidate.profile.name === name);
    if (!report) {
      return this.fail(attempt, name, { kind: 'other', message: `There is no profile named ${name} in the AWS files.` }, interactive);
    }
    // What the state is about, so an unrelated change to the files does not connect again.
    this.stateFingerprint = report.profile.fingerprint;
    if (report.status === 'invalid') {
      const reason = report.problems.find((problem) => problem.severity === 'error')?.message ?? 'it is not valid';
      return this.fail(attempt, name, { kind: 'other', message: `Profile ${name} is not valid: ${reason}.` }, interactive);
    }
    const { profile } = report;
    if (!interactive && needsUser(profile) && !this.reusable(profile)) {
      this.log.info(`Profile ${name} needs an MFA code or a sign-in, so it is not connected at start: click the status bar to connect.`);
      return this.setState(attempt, { kind: 'disconnected' });
    }
    this.setState(attempt, { kind: 'connecting', profile: name });
    const region = profile.region ?? 'us-east-1';
    try {
      const connected = await this.withProgress(interactive, name, async (signal) => {
        const { connectProfile } = await import('../core/aws/resolveConnection.js');
        return connectProfile({
          profile: name,
          paths: this.profiles.paths,
          region,
          endpointUrl: profile.endpointUrl,
          askMfaCode: (serial) => askMfaCode(name, serial),
          reuse: this.reusable(profile),
          signal,
        });
      });
      if (connected.credentials.expiration) {
        this.sessions.set(name, { fingerprint: profile.fingerprint, credentials: connected.credentials });
      }
      if (attempt !== this.attempt) {
        return this.current;
      }
      this.connectedAccess = { credentials: connected.credentials, region, endpointUrl: profile.endpointUrl };
      // The memento holds the new values at once; storing them waits for a round trip to the
      // workbench (about 10 ms, measured by `npm run bench`), which the status bar need not wait for.
      const remembered = this.remember(name, connected.identity.account);
      this.log.info(`Connected with profile ${name}: account ${connected.identity.account}, ${connected.identity.arn}, region ${region}.`);
      const state = this.setState(attempt, {
        kind: 'connected',
        profile: name,
        region,
        identity: connected.identity,
        expiration: connected.credentials.expiration,
      });
      await remembered;
      return state;
    } catch (error) {
      const problem = describeAwsError(error, { withSessionToken: profile.kind === 'sessionKeys' });
      if (problem.kind === 'cancelled') {
        this.log.info(`Connecting with profile ${name} was cancelled.`);
        return this.setState(attempt, { kind: 'disconnected' });
      }
      this.sessions.delete(name);
      return this.fail(attempt, name, problem, interactive);
    }
  }

  async disconnect(): Promise<void> {
    this.attempt++;
    this.stateFingerprint = undefined;
    await this.memento.update(lastKey, undefined);
    this.log.info('Disconnected.');
    this.setState(this.attempt, { kind: 'disconnected' });
  }

  private reusable(profile: Profile): TemporaryCredentials | undefined {
    const session = this.sessions.get(profile.name);
    const expiration = session?.credentials.expiration;
    if (!session || session.fingerprint !== profile.fingerprint || !expiration || expiration.getTime() - Date.now() < reuseMarginMs) {
      return undefined;
    }
    return session.credentials;
  }

  /** When the connected profile changes on disk, connect again; when it is deleted, disconnect. */
  private async followChanges(snapshot: ProfileSnapshot): Promise<void> {
    const state = this.current;
    if (state.kind === 'disconnected' || state.kind === 'connecting') {
      return;
    }
    const profile = snapshot.reports.find((report) => report.profile.name === state.profile)?.profile;
    if (!profile) {
      this.log.info(`Profile ${state.profile} was removed from the AWS files: disconnected.`);
      await this.disconnect();
      return;
    }
    if (profile.fingerprint !== this.stateFingerprint) {
      this.log.info(`Profile ${state.profile} changed on disk: connecting again.`);
      this.stateFingerprint = profile.fingerprint;
      await this.connect(state.profile, { interactive: false });
    }
  }

  private async remember(name: string, account: string): Promise<void> {
    const recent = [name, ...this.recentProfiles().filter((entry) => entry !== name)].slice(0, 50);
    const accounts = { ...this.memento.get<Record<string, string>>(accountsKey, {}), [name]: account };
    await Promise.all([
      this.memento.update(recentKey, recent),
      this.memento.update(lastKey, name),
      this.memento.update(accountsKey, accounts),
    ]);
  }

  private fail(attempt: number, name: string, problem: AwsProblem, interactive: boolean): ConnectionState {
    this.log.error(`Profile ${name} could not connect: ${problem.message}`);
    const wasConnected = this.current.kind === 'connected' && this.current.profile === name;
    const expired = problem.kind === 'expiredToken' || (wasConnected && problem.kind === 'unknownKey');
    const state = this.setState(
      attempt,
      expired ? { kind: 'expired', profile: name, problem } : { kind: 'failed', profile: name, problem },
    );
    if (interactive && attempt === this.attempt) {
      void this.explain(name, problem);
    }
    return state;
  }

  private async explain(name: string, problem: AwsProblem): Promise<void> {
    const editable = ['expiredToken', 'unknownKey', 'wrongSecret', 'other'].includes(problem.kind);
    const actions = editable ? ['Edit Credentials', 'Show Logs'] : ['Try Again', 'Show Logs'];
    const answer = await vscode.window.showErrorMessage(`Profile ${name} could not connect: ${problem.message}`, ...actions);
    if (answer === 'Edit Credentials') {
      await vscode.commands.executeCommand('awsCredentialManager.editCredentials');
    } else if (answer === 'Show Logs') {
      this.log.show();
    } else if (answer === 'Try Again') {
      await this.connect(name, { interactive: true });
    }
  }

  private setState(attempt: number, state: ConnectionState): ConnectionState {
    if (attempt === this.attempt) {
      if (state.kind !== 'connected') {
        this.connectedAccess = undefined;
      }
      this.current = state;
      this.changed.fire(state);
    }
    return this.current;
  }

  private async withProgress<T>(interactive: boolean, name: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (!interactive) {
      return work(controller.signal);
    }
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Connecting to AWS with profile ${name}...`, cancellable: true },
      async (_progress, token) => {
        const listener = token.onCancellationRequested(() => controller.abort());
        try {
          return await work(controller.signal);
        } finally {
          listener.dispose();
        }
      },
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function needsUser(profile: Profile): boolean {
  return profile.mfaSerial !== undefined || profile.kind === 'sso' || profile.kind === 'login';
}

async function askMfaCode(profile: string, serial: string): Promise<string> {
  const code = await vscode.window.showInputBox({
    title: `MFA Code for Profile ${profile}`,
    prompt: `Enter the current code of the MFA device ${serial}.`,
    placeHolder: '123456',
    ignoreFocusOut: true,
    validateInput: (value) => (/^\d{6}$/.test(value.trim()) ? undefined : 'An MFA code is 6 digits.'),
  });
  if (code === undefined) {
    throw new MfaCancelled('Cancelled.');
  }
  return code.trim();
}
