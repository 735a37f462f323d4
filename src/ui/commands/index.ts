/** Every command the extension contributes, bound to the services it needs. */
import * as vscode from 'vscode';
import { withoutSecrets } from '../../core/aws/errors';
import type { ConnectionService } from '../../services/connectionService';
import type { ExplorerTree } from '../views/explorerView';
import type { ProfileNode } from '../views/profilesView';
import type { ProfileService } from '../../services/profileService';
import type { AddConnectionPanel } from '../addConnection/panel';
import { openAtLine } from '../sharedFileEditors';
import { connectToAws, showCurrentIdentity } from './connect';
import { createCredentialsProfile } from './createProfile';
import { editCredentials } from './editCredentials';
import { copyExportLine, deleteProfileWithConfirmation, editProfile, renameProfileByInput } from './profileActions';
import { showOrHideRegions } from './regions';

export interface Services {
  readonly profiles: ProfileService;
  readonly connection: ConnectionService;
  readonly explorer: ExplorerTree;
  readonly addConnection: AddConnectionPanel;
  readonly log: vscode.LogOutputChannel;
}

export function registerCommands({ profiles, connection, explorer, addConnection, log }: Services): vscode.Disposable[] {
  const command = (id: string, run: (...args: never[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(`awsCredentialManager.${id}`, async (...args: never[]) => {
      try {
        await run(...args);
      } catch (error) {
        log.error(withoutSecrets(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
        void vscode.window.showErrorMessage(withoutSecrets(`AWS: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  return [
    command('showLogs', () => log.show()),
    command('createCredentialsProfile', () => createCredentialsProfile(profiles, connection)),
    command('connect', () => connectToAws(profiles, connection)),
    command('addConnection', () => addConnection.show()),
    // From the Profiles view (a node), or from a keybinding or another extension (a profile name).
    command('connectProfile', (target: ProfileNode | string) =>
      connection.connect(typeof target === 'string' ? target : target.report.profile.name, { interactive: true }),
    ),
    command('disconnect', () => connection.disconnect()),
    command('showCurrentIdentity', () => showCurrentIdentity(connection)),
    command('showOrHideRegions', () => showOrHideRegions(explorer, connection)),
    command('refreshExplorer', () => explorer.refresh()),
    command('editCredentials', () => editCredentials(profiles)),
    command('refreshProfiles', () => profiles.reload()),
    command('openFileAtLine', (file: string, line: number) => openAtLine(file, line)),
    command('editProfile', (node: ProfileNode) => editProfile(node)),
    command('renameProfile', (node: ProfileNode) => renameProfileByInput(profiles, node)),
    command('deleteProfile', (node: ProfileNode) => deleteProfileWithConfirmation(profiles, node)),
    command('copyProfileExport', (node: ProfileNode) => copyExportLine(node)),
  ];
}
