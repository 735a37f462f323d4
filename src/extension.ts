import * as vscode from 'vscode';
import { sharedFilePaths } from './core/filePaths';
import { createApi, type AwsCredentialManagerApi } from './ui/api';
import { registerCommands } from './ui/commands';
import { ConnectionService } from './ui/connectionService';
import { ExplorerTree } from './ui/explorerView';
import { ProfileLog } from './ui/profileLog';
import { ProfilesTree } from './ui/profilesView';
import { ProfileService } from './ui/profileService';
import { SignInPanels } from './ui/signIn/signInPanel';
import { ConnectionStatusBar } from './ui/statusBar';
import { syncTerminalEnvironment } from './ui/terminalEnvironment';

export function activate(context: vscode.ExtensionContext): AwsCredentialManagerApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('AWS Credential Manager', { log: true });
  const profiles = new ProfileService(sharedFilePaths());
  const connection = new ConnectionService(profiles, context.globalState, log);
  const profileLog = new ProfileLog(log);
  const tree = new ProfilesTree(profiles);
  const explorer = new ExplorerTree(connection, context.globalState);
  const signIn = new SignInPanels(context.extensionUri, profiles, connection);
  context.subscriptions.push(
    log,
    profiles,
    connection,
    tree,
    explorer,
    signIn,
    new ConnectionStatusBar(connection),
    syncTerminalEnvironment(connection, context.environmentVariableCollection),
    profiles.onDidChange((validation) => profileLog.write(validation)),
    vscode.window.createTreeView('awsCredentialManager.profiles', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.window.createTreeView('awsCredentialManager.explorer', { treeDataProvider: explorer, showCollapseAll: true }),
    ...registerCommands({ profiles, connection, explorer, signIn, log }),
  );
  // Reading the files and restoring the connection happen after activation returns; the modules
  // that do it (and the AWS SDK) are loaded then.
  profiles
    .refresh()
    .then(() => connection.restore())
    .catch((error: unknown) => log.error(`The AWS shared files could not be read: ${String(error)}`));
  const api = createApi(profiles, connection);
  // The activation budget is checked by `npm run bench`, which reads this line from the log.
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms.`);
  return api;
}

export function deactivate(): void {}
