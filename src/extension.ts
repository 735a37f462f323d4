import * as vscode from 'vscode';
import { sharedFilePaths } from './core/filePaths';
import { createApi, type AwsCredentialManagerApi } from './ui/api';
import { registerCommands } from './ui/commands';
import { ProfileLog } from './ui/profileLog';
import { ProfilesTree } from './ui/profilesView';
import { ProfileService } from './ui/profileService';

export function activate(context: vscode.ExtensionContext): AwsCredentialManagerApi {
  const log = vscode.window.createOutputChannel('AWS Credential Manager', { log: true });
  const profiles = new ProfileService(sharedFilePaths());
  const profileLog = new ProfileLog(log);
  const tree = new ProfilesTree(profiles);
  context.subscriptions.push(
    log,
    profiles,
    tree,
    profiles.onDidChange((validation) => profileLog.write(validation)),
    vscode.window.createTreeView('awsCredentialManager.profiles', { treeDataProvider: tree, showCollapseAll: true }),
    ...registerCommands(profiles, log),
  );
  // The first read happens after activation returns; its reader module is loaded then.
  profiles.refresh().catch((error: unknown) => log.error(`The AWS shared files could not be read: ${String(error)}`));
  return createApi(profiles);
}

export function deactivate(): void {}
