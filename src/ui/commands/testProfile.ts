/** Test Profile: whether a profile's credentials work (STS GetCallerIdentity), without connecting with it. */
import * as vscode from 'vscode';
import { quoted } from '../../core/secrets';
import type { ConnectionService } from '../../services/connectionService';

export async function testProfile(connection: ConnectionService, name: string): Promise<void> {
  const result = await connection.test(name);
  if ('identity' in result) {
    const { account, arn } = result.identity;
    void vscode.window.showInformationMessage(vscode.l10n.t('Profile {0} works: account {1}, {2}.', quoted(name), account, arn));
  } else if (result.problem.kind !== 'cancelled') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Profile {0} does not work: {1}', quoted(name), result.problem.message));
  }
}
