/**
 * Terminals opened after connecting get AWS_PROFILE (and AWS_REGION), so the AWS CLI there uses the
 * same profile. Off with the setting awsCredentialManager.terminal.setProfile.
 */
import * as vscode from 'vscode';
import { settingIds } from '../manifest';
import type { ConnectionService } from '../services/connectionService';

const setting = settingIds.terminalSetProfile;

export function syncTerminalEnvironment(
  connection: ConnectionService,
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
    collection.replace('AWS_PROFILE', state.profile);
    collection.replace('AWS_REGION', state.region);
  };
  apply();
  return vscode.Disposable.from(
    connection.onDidChange(apply),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(setting)) {
        apply();
      }
    }),
  );
}
