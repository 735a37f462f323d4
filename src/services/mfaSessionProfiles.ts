/**
 * With the setting awsCredentialManager.mfa.writeSessionProfile, each new MFA session of an IAM
 * user's keys is written to the `NAME-mfa` profile (through the profile service, so the write is
 * atomic and the credentials file stays private), and terminals are pointed at that profile.
 */
import * as vscode from 'vscode';
import type { ConnectedState } from '../core/aws/connectionState';
import { mfaProfileEdit, mfaProfileName, mfaSessionOf } from '../core/profiles/mfaSession';
import { errorMessage } from '../core/errors';
import { quoted } from '../core/secrets';
import { settingIds } from '../manifest';
import type { ConnectionService } from './connectionService';
import type { ProfileService } from './profileService';

export class MfaSessionProfiles implements vscode.Disposable {
  /** The access key ID of the session last written, by the `NAME-mfa` profile it was written to. */
  private readonly written = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a session profile was written or the setting changed, so the terminals can follow. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: ConnectionService,
    private readonly profiles: ProfileService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const configuration = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settingIds.mfaWriteSessionProfile)) {
        this.changed.fire();
      }
    });
    const connections = connection.onDidChange((state) => {
      if (state.kind !== 'connected') {
        return;
      }
      // One write at a time: a second connect reusing the session must see the profile the first wrote.
      this.writes = this.writes
        .then(() => this.writeSession(state))
        .catch((error: unknown) => {
          const [profile, reason] = [quoted(mfaProfileName(state.profile)), errorMessage(error)];
          log.error(`The MFA session could not be written to profile ${profile} for the AWS CLI: ${reason}`);
          void vscode.window.showWarningMessage(
            vscode.l10n.t('AWS: The MFA session could not be written to profile {0} for the AWS CLI: {1}', profile, reason),
          );
        });
    });
    this.subscription = vscode.Disposable.from(configuration, connections);
  }

  /** The profile a terminal should use for the connection: its `NAME-mfa` profile once written with the current session. */
  profileFor(state: ConnectedState): string {
    const name = mfaProfileName(state.profile);
    const current = this.connection.connection?.access.credentials.accessKeyId;
    return current !== undefined && this.written.get(name) === current && writesSessions() ? name : state.profile;
  }

  private async writeSession(state: ConnectedState): Promise<void> {
    const credentials = this.connection.connection?.access.credentials;
    if (!credentials || !writesSessions()) {
      return;
    }
    const snapshot = await this.profiles.latest();
    const profile = snapshot.reports.find((report) => report.profile.name === state.profile)?.profile;
    const name = mfaProfileName(state.profile);
    if (!profile || !mfaSessionOf(profile) || this.written.get(name) === credentials.accessKeyId) {
      return;
    }
    const existing = snapshot.reports.find((report) => report.profile.name === name)?.profile;
    const { accessKeyId, secretAccessKey, sessionToken } = credentials;
    const outcome = mfaProfileEdit(existing, name, { accessKeyId, secretAccessKey, sessionToken, region: profile.region });
    if ('refused' in outcome) {
      this.log.warn(outcome.refused);
      void vscode.window.showWarningMessage(vscode.l10n.t('AWS: the MFA session was not written for the AWS CLI. {0}', outcome.refused));
      return;
    }
    await this.profiles.edit(outcome.edit);
    this.written.set(name, credentials.accessKeyId);
    this.log.info(
      `Wrote the MFA session of profile ${quoted(state.profile)} to profile ${quoted(name)}, for the AWS CLI in terminals (until it expires).`,
    );
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function writesSessions(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(settingIds.mfaWriteSessionProfile, false);
}
