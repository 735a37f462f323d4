/**
 * Every command the extension contributes, bound to the services it needs, behind one error
 * boundary (see failures): what failed is logged and shown, masked.
 */
import * as vscode from 'vscode';
import { commandId, type CommandName } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';
import type { ExplorerRegions } from '../../services/explorerRegions';
import type { GlobalState } from '../../services/globalState';
import type { ProfileService } from '../../services/profileService';
import type { SsoSessions } from '../../services/ssoSessions';
import type { AddConnectionPanel } from '../addConnection/panel';
import { reportFailure } from '../failures';
import { openAtLine } from '../sharedFileEditors';
import type { TerminalEnvironment } from '../terminalEnvironment';
import type { ConsoleTarget, ExplorerTree } from '../views/explorerView';
import type { ProfileNode } from '../views/profilesView';
import { signInWithAwsLogin } from './awsLogin';
import { connectToAws, showCurrentIdentity } from './connect';
import { createCredentialsProfile } from './createProfile';
import { editCredentials } from './editCredentials';
import { exportCredentials, openCredentialsTerminal } from './exportCredentials';
import { openConsole } from './openConsole';
import { addSsoProfiles, connectSsoRole, signIn, signOut } from './identityCenter';
import { copyExportLine, deleteProfileWithConfirmation, editProfile, renameProfileByInput } from './profileActions';
import { showOrHideRegions } from './regions';
import { rotateAccessKeyOf } from './rotateAccessKey';
import { testProfile } from './testProfile';
import { toggleSecretMasking } from '../language/secretMasks';

export interface Services {
  readonly profiles: ProfileService;
  readonly connection: ConnectionService;
  readonly sso: SsoSessions;
  readonly globalState: GlobalState;
  readonly explorer: ExplorerTree;
  readonly explorerRegions: ExplorerRegions;
  readonly addConnection: AddConnectionPanel;
  readonly terminals: TerminalEnvironment;
  readonly log: vscode.LogOutputChannel;
}

type Handler = (...args: never[]) => unknown;

export function registerCommands(services: Services): vscode.Disposable[] {
  const { profiles, connection, globalState, explorer, explorerRegions, addConnection, log } = services;
  // Every command of the manifest, and no other: the type makes a missing one a compile error.
  const handlers: Record<CommandName, Handler> = {
    showLogs: () => log.show(),
    createCredentialsProfile: () => createCredentialsProfile(profiles, connection),
    connect: () => connectToAws(profiles, connection, globalState),
    addConnection: () => addConnection.show(),
    // From the Profiles view (a node), or from a keybinding or another extension (a profile name).
    connectProfile: (target: ProfileNode | string) =>
      connection.connect(typeof target === 'string' ? target : target.report.profile.name, { interactive: true }),
    disconnect: () => connection.disconnect(),
    showCurrentIdentity: () => showCurrentIdentity(connection),
    showOrHideRegions: () => showOrHideRegions(explorerRegions, connection),
    refreshExplorer: () => explorer.refresh(),
    editCredentials: () => editCredentials(profiles),
    refreshProfiles: () => profiles.reload(),
    openFileAtLine: (file: string, line: number) => openAtLine(file, line),
    editProfile: (node: ProfileNode) => editProfile(node),
    renameProfile: (node: ProfileNode) => renameProfileByInput(profiles, node),
    deleteProfile: (node: ProfileNode) => deleteProfileWithConfirmation(profiles, node),
    copyProfileExport: (node: ProfileNode) => copyExportLine(node),
    signIn: (profile?: string) => signIn(services, profile),
    signOut: () => signOut(services),
    addSsoProfiles: () => addSsoProfiles(services),
    // From a role of the AWS Explorer.
    connectSsoRole: (session: string, accountId: string, accountName: string, roleName: string) =>
      connectSsoRole(services, session, { accountId, accountName, roleName }),
    // From the CodeLens above a profile's header.
    testProfile: (name: string) => testProfile(connection, name),
    toggleSecretMasking: () => toggleSecretMasking(),
    // From a failed connection's notification or tooltip (a profile name), or the palette.
    awsLogin: (profile?: string) => signInWithAwsLogin(profiles, connection, profile),
    // From the palette (a pick), the Profiles view (a node), or a profile name.
    rotateAccessKey: (target?: ProfileNode | string) => rotateAccessKeyOf(profiles, connection, log, target),
    // From the palette or the status bar (the region's console), or a node of the AWS Explorer (its page).
    openConsole: (target?: ConsoleTarget) => openConsole(connection, log, target),
    exportCredentials: () => exportCredentials(connection),
    openCredentialsTerminal: () => openCredentialsTerminal(connection, services.terminals),
  };
  return Object.entries(handlers).map(([name, run]) =>
    // A command returns nothing to its caller: what `connect` makes holds credentials.
    vscode.commands.registerCommand(commandId(name as CommandName), async (...args: never[]) => {
      try {
        await run(...args);
      } catch (error) {
        reportFailure(log, name as CommandName, error);
      }
    }),
  );
}
