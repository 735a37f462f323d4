/** The end of both of the panel's options: connect with the profile written, show the AWS Explorer, say whom. */
import * as vscode from 'vscode';
import { connectedMessage } from '../../addConnection/messages';
import type { HostMessage } from '../../addConnection/protocol';
import { quoted } from '../../core/secrets';
import { viewIds } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';

export async function connectedOutcome(connection: ConnectionService, name: string): Promise<HostMessage> {
  const connected = await connection.connect(name, { interactive: true });
  if (!connected) {
    return {
      type: 'rejected',
      errors: {},
      formError: vscode.l10n.t('The profile was saved, but the connection failed: see the notification.'),
    };
  }
  const { profile, identity } = connected.state;
  await vscode.commands.executeCommand(`${viewIds.explorer}.focus`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Connected with profile {0}: account {1}.', quoted(profile), identity.account));
  return connectedMessage(profile, identity);
}
