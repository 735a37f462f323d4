/**
 * Terminals opened after connecting get AWS_PROFILE (and AWS_REGION), so the AWS CLI there uses the
 * same profile, or its `NAME-mfa` profile once the MFA session is written there. Off with the
 * setting awsCredentialManager.terminal.setProfile.
 */
import * as vscode from 'vscode';
import { settingIds } from '../manifest';
import type { ConnectionService } from '../services/connectionService';
import type { MfaSessionProfiles } from '../services/mfaSessionProfiles';

const setting = settingIds.terminalSetProfile;

export function syncTerminalEnvironment(
  connection: ConnectionService,
  mfaProfiles: MfaSessionProfiles,
  collection: vscode.GlobalEnvironmentVariableCollection,
): vscode.Disposable {
  collection.persistent = false;
  collection.description = 'The AWS profile of the connection (AWS Credential Manager)';
  const apply = (): void => {
    collection.clear();
    const state = connection.state;
    if (state.kind !== 'connected' || !vscode.workspace.getConfiguration().get<boolean>(setting, true)) {
      return;
    }
    collection.replace('AWS_PROFILE', mfaProfiles.profileFor(state));
    collection.replace('AWS_REGION', state.region);
  };
  apply();
  return vscode.Disposable.from(
    connection.onDidChange(apply),
    mfaProfiles.onDidChange(apply),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(setting)) {
        apply();
      }
    }),
  );
}
