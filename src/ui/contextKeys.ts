/** Sets the extension's context keys (manifest: contextKeys) from the connection, the profiles and the active editor. */
import * as vscode from 'vscode';
import type { ProfileSnapshot } from '../core/validation/snapshot';
import { contextKeys, languageIds } from '../manifest';
import type { ConnectionService } from '../services/connectionService';
import type { ProfileService } from '../services/profileService';

function setContext(key: string, value: boolean): void {
  void vscode.commands.executeCommand('setContext', key, value);
}

const sharedFileLanguages: readonly string[] = Object.values(languageIds);

export function followContextKeys(connection: ConnectionService, profiles: ProfileService): vscode.Disposable {
  const showConnection = (): void => setContext(contextKeys.connected, connection.state.kind === 'connected');
  const showProfiles = (snapshot: ProfileSnapshot): void => setContext(contextKeys.hasProfiles, snapshot.reports.length > 0);
  const showEditor = (editor: vscode.TextEditor | undefined): void =>
    setContext(contextKeys.editingSharedFile, sharedFileLanguages.includes(editor?.document.languageId ?? ''));
  showConnection();
  showEditor(vscode.window.activeTextEditor);
  // The first read: later reads tell of themselves only when the files changed.
  profiles.latest().then(showProfiles, () => setContext(contextKeys.hasProfiles, false));
  return vscode.Disposable.from(
    connection.onDidChange(showConnection),
    profiles.onDidChange(showProfiles),
    vscode.window.onDidChangeActiveTextEditor(showEditor),
  );
}
