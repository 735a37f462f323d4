import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { createApi, type AwsCredentialManagerApi } from './api';
import { errorMessage } from './core/errors';
import { sharedFilePaths } from './core/files/paths';
import { viewIds } from './manifest';
import { ConnectionService } from './services/connectionService';
import { ExplorerRegions } from './services/explorerRegions';
import { GlobalState } from './services/globalState';
import { KeyAges } from './services/keyAges';
import { LoginSessions } from './services/loginSessions';
import { MfaSessionProfiles } from './services/mfaSessionProfiles';
import { Network } from './services/network';
import { ProfileService } from './services/profileService';
import { SsoSessions } from './services/ssoSessions';
import { AddConnectionPanel } from './ui/addConnection/panel';
import { registerCommands } from './ui/commands';
import { followContextKeys } from './ui/contextKeys';
import { registerLanguageFeatures } from './ui/language';
import { ProfileLog } from './ui/profileLog';
import { connectionPrompts } from './ui/prompts';
import { ConnectionStatusBar } from './ui/statusBar';
import { TerminalEnvironment } from './ui/terminalEnvironment';
import { ExplorerTree } from './ui/views/explorerView';
import { prepareConnectWhenShown, ProfilesTree } from './ui/views/profilesView';
import { openWalkthroughOnFirstActivation } from './ui/walkthrough';

export function activate(context: vscode.ExtensionContext): AwsCredentialManagerApi {
  const started = performance.now();
  // The texts core builds (status bar, profile descriptions, checks, problems) read the bundle the host and the panel read.
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
  const log = vscode.window.createOutputChannel('AWS Credential Manager', { log: true });
  const profiles = new ProfileService(sharedFilePaths());
  const globalState = new GlobalState(context.globalState);
  const network = new Network(profiles);
  const sso = new SsoSessions(log, network);
  const connection = new ConnectionService(profiles, sso, globalState, connectionPrompts(log), log, network);
  const mfaProfiles = new MfaSessionProfiles(connection, profiles, log);
  const profileLog = new ProfileLog(log);
  const keyAges = new KeyAges(connection, profiles, log);
  const tree = new ProfilesTree(profiles, sso, keyAges);
  const profilesView = vscode.window.createTreeView(viewIds.profiles, { treeDataProvider: tree, showCollapseAll: true });
  const explorerRegions = new ExplorerRegions(log);
  const explorer = new ExplorerTree(connection, explorerRegions, profiles, sso);
  const addConnection = new AddConnectionPanel(context.extensionUri, profiles, connection, sso, log);
  const terminals = new TerminalEnvironment(connection, mfaProfiles, context.environmentVariableCollection);
  context.subscriptions.push(
    log,
    profiles,
    sso,
    connection,
    mfaProfiles,
    new LoginSessions(profiles, connection, log),
    keyAges,
    tree,
    explorerRegions,
    explorer,
    addConnection,
    new ConnectionStatusBar(connection),
    followContextKeys(connection, profiles),
    terminals,
    sso.followSignIns(profiles),
    profiles.onDidChange((snapshot) => profileLog.write(snapshot)),
    profilesView,
    keyAges.followView(profilesView),
    prepareConnectWhenShown(profilesView, profiles, connection),
    vscode.window.createTreeView(viewIds.explorer, { treeDataProvider: explorer, showCollapseAll: true }),
    ...registerCommands({ profiles, connection, sso, globalState, explorer, explorerRegions, addConnection, terminals, log }),
    ...registerLanguageFeatures(profiles, log),
  );
  // Reading the files and restoring the connection happen after activation returns; the modules
  // that do it (and the AWS SDK) are loaded then.
  profiles
    .latest()
    .then(() => connection.restore())
    .catch((error: unknown) => log.error(`The AWS shared files could not be read: ${errorMessage(error)}`));
  explorerRegions.adoptStored(globalState).catch((error: unknown) => log.error(`The AWS Explorer's regions: ${errorMessage(error)}`));
  void openWalkthroughOnFirstActivation(globalState, profiles, log);
  const api = createApi(profiles, connection);
  // The activation budget is checked by `npm run bench`, which reads this line from the log.
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms.`);
  return api;
}

export function deactivate(): void {}
