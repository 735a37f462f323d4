/**
 * Sign In with aws login: runs `aws login --profile NAME` in a terminal, when the AWS CLI on PATH
 * has the command, so the person signs in in their browser as AWS's guide describes. The connection
 * follows the sign-in it writes (see services/loginSessions).
 */
import * as vscode from 'vscode';
import { posixQuoted } from '../../core/aws/export/quoting';
import { awsCliVersion, loginSupport } from '../../core/aws/login/cliSupport';
import { quoted } from '../../core/secrets';
import type { ConnectionService } from '../../services/connectionService';
import type { ProfileService } from '../../services/profileService';
import { commandTitle } from '../commandTitles';

const installGuide = 'https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html';

export async function signInWithAwsLogin(profiles: ProfileService, connection: ConnectionService, name?: string): Promise<void> {
  const profile = name ?? (await chooseLoginProfile(profiles, connection));
  if (profile === undefined) {
    return;
  }
  const support = loginSupport(await awsCliVersion());
  if (!support.supported) {
    const install = vscode.l10n.t('Install the AWS CLI');
    const answer = await vscode.window.showErrorMessage(
      vscode.l10n.t('Profile {0} could not sign in: {1}', quoted(profile), support.reason),
      install,
    );
    if (answer === install) {
      await vscode.env.openExternal(vscode.Uri.parse(installGuide));
    }
    return;
  }
  const terminal = vscode.window.createTerminal({ name: `aws login: ${profile}` });
  terminal.show();
  terminal.sendText(`aws login --profile ${/^[\w.@+=,:/-]+$/.test(profile) ? profile : posixQuoted(profile)}`);
}

/** The connection's profile when it is one of `aws login`, else the person's choice among those profiles. */
async function chooseLoginProfile(profiles: ProfileService, connection: ConnectionService): Promise<string | undefined> {
  const logins = (await profiles.latest()).reports.filter((report) => report.profile.kind === 'login').map((report) => report.profile.name);
  const state = connection.state;
  if (state.kind !== 'disconnected' && logins.includes(state.profile)) {
    return state.profile;
  }
  if (logins.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No profile of the AWS files has login_session. Run aws login --profile NAME in a terminal to sign in and add one.'),
    );
    return undefined;
  }
  return vscode.window.showQuickPick(logins, {
    title: commandTitle('awsLogin'),
    placeHolder: vscode.l10n.t('The profile to sign in'),
  });
}
