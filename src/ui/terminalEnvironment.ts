/**
 * Terminals opened after connecting get AWS_PROFILE (and AWS_REGION), so the AWS CLI there uses the
 * same profile, or its `NAME-mfa` profile once the MFA session is written there. Off with the
 * setting awsCredentialManager.terminal.setProfile. A terminal with the credentials themselves is
 * created without them (see withoutProfile).
 */
import * as vscode from 'vscode';
import { settingIds } from '../manifest';
import type { ConnectionService } from '../services/connectionService';
import type { MfaSessionProfiles } from '../services/mfaSessionProfiles';

const setting = settingIds.terminalSetProfile;

export class TerminalEnvironment implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable;
  private held = 0;

  constructor(
    private readonly connection: ConnectionService,
    private readonly mfaProfiles: MfaSessionProfiles,
    private readonly collection: vscode.GlobalEnvironmentVariableCollection,
  ) {
    collection.persistent = false;
    collection.description = vscode.l10n.t('The AWS profile of the connection (AWS Credential Manager)');
    this.apply();
    this.subscriptions = vscode.Disposable.from(
      connection.onDidChange(() => this.apply()),
      mfaProfiles.onDidChange(() => this.apply()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(setting)) {
          this.apply();
        }
      }),
    );
  }

  /**
   * Creates a terminal while the collection is empty, and fills it again once its process runs.
   * `strictEnv` keeps collections out of a local terminal, but VS Code does not pass it on to a
   * remote one (code-server, Remote - SSH), whose server would add AWS_PROFILE beside the keys.
   */
  async withoutProfile(create: () => vscode.Terminal): Promise<vscode.Terminal> {
    this.held++;
    this.collection.clear();
    try {
      const terminal = create();
      await terminal.processId;
      return terminal;
    } finally {
      this.held--;
      this.apply();
    }
  }

  private apply(): void {
    this.collection.clear();
    const state = this.connection.state;
    if (this.held > 0 || state.kind !== 'connected' || !vscode.workspace.getConfiguration().get<boolean>(setting, true)) {
      return;
    }
    this.collection.replace('AWS_PROFILE', this.mfaProfiles.profileFor(state));
    this.collection.replace('AWS_REGION', state.region);
  }

  dispose(): void {
    this.subscriptions.dispose();
  }
}
