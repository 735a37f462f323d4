/**
 * Export Credentials and Open Terminal with These Credentials: the connection's credentials, whatever
 * gave them (keys, a role, IAM Identity Center, an MFA session), copied after a warning, or put in
 * the environment of one terminal that VS Code never persists.
 */
import * as vscode from 'vscode';
import { hasExpired } from '../../core/aws/clients';
import type { Connection } from '../../core/aws/connectionState';
import { credentialsTerminalEnvironment } from '../../core/aws/export/terminalEnvironment';
import { exportedCredentials, exportFormats } from '../../core/aws/export/formats';
import { expiryPhrase } from '../../core/present/statusBarView';
import { quoted, quotedValue } from '../../core/secrets';
import type { ConnectionService } from '../../services/connectionService';
import { commandSubject } from '../commandTitles';
import type { TerminalEnvironment } from '../terminalEnvironment';
import { offerToConnect } from './connect';

/** The connection, or undefined after telling the user why there is none to use. */
async function usableConnection(connection: ConnectionService): Promise<Connection | undefined> {
  const current = connection.connection;
  const now = new Date();
  if (current && !hasExpired(current.access.credentials, now)) {
    return current;
  }
  const expiration = current?.access.credentials.expiration ?? now;
  await offerToConnect(
    current
      ? vscode.l10n.t(
          'The credentials of profile {0} expired {1}: connect again first.',
          quoted(current.state.profile),
          expiryPhrase(expiration, now),
        )
      : vscode.l10n.t('Not connected to AWS: connect first, then use its credentials.'),
  );
  return undefined;
}

/** How long the credentials are valid, as a sentence. */
function validity({ access: { credentials } }: Connection, now: Date): string {
  return credentials.expiration
    ? vscode.l10n.t('They are valid until they expire {0}.', expiryPhrase(credentials.expiration, now))
    : vscode.l10n.t('They are long-term access keys: they stay valid until the key is deactivated or deleted in IAM.');
}

export async function exportCredentials(connection: ConnectionService): Promise<void> {
  const current = await usableConnection(connection);
  if (!current) {
    return;
  }
  const { profile, identity } = current.state;
  const choice = await vscode.window.showQuickPick(
    exportFormats.map((format) => ({ label: format.label, description: format.example, format })),
    {
      title: vscode.l10n.t('{0} of Profile {1}', commandSubject('exportCredentials'), quoted(profile)),
      placeHolder: vscode.l10n.t('The format to copy'),
    },
  );
  if (!choice) {
    return;
  }
  // Before the warning, so that a value the format cannot hold is said at once.
  const text = exportedCredentials(choice.format.format, current.access.credentials);
  const copyLabel = vscode.l10n.t('Copy');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Copy the secret credentials of profile {0} to the clipboard?', quoted(profile)),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Anyone who pastes them can act as {0} in account {1}. {2} Other applications can read the clipboard: paste them only where you mean to, then copy something else.',
        identity.arn,
        identity.account,
        validity(current, new Date()),
      ),
    },
    copyLabel,
  );
  if (answer !== copyLabel) {
    return;
  }
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Copied the credentials of profile {0} as {1}.', quoted(profile), choice.format.label),
  );
}

export async function openCredentialsTerminal(connection: ConnectionService, terminals: TerminalEnvironment): Promise<void> {
  const current = await usableConnection(connection);
  if (!current) {
    return;
  }
  const { profile, identity, region } = current.state;
  const { expiration } = current.access.credentials;
  const terminal = await terminals.withoutProfile(() =>
    vscode.window.createTerminal({
      name: expiration
        ? vscode.l10n.t('AWS {0} until {1} UTC', quoted(profile), expiration.toISOString().slice(11, 16))
        : vscode.l10n.t('AWS {0}', quoted(profile)),
      iconPath: new vscode.ThemeIcon('key'),
      env: credentialsTerminalEnvironment(process.env, current.access.credentials, region),
      // The environment is exactly this one (see terminalEnvironment): no collection adds AWS_PROFILE.
      strictEnv: true,
      // Not revived after a reload or restart (persistent sessions would keep the credentials in its process and buffer).
      isTransient: true,
      message: expiration
        ? vscode.l10n.t(
            "The credentials of profile {0} ({1}), region {2}, are in this terminal's environment. They expire {3}.",
            quoted(profile),
            identity.arn,
            quotedValue('region', region),
            expiryPhrase(expiration, new Date()),
          )
        : vscode.l10n.t(
            "The credentials of profile {0} ({1}), region {2}, are in this terminal's environment. They are long-term access keys.",
            quoted(profile),
            identity.arn,
            quotedValue('region', region),
          ),
    }),
  );
  terminal.show();
}
