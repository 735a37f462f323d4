/**
 * AWS: Open AWS Console: signs the browser in to the AWS Management Console with the connection's
 * credentials (see core/aws/console), at the region's console home or, from the AWS Explorer, at
 * the page of the node chosen. The address that signs in is a credential for 15 minutes: it is
 * opened, never logged nor shown.
 */
import * as vscode from 'vscode';
import { consoleAccess } from '../../core/aws/console/access';
import { destinationUrl, type ConsoleDestination } from '../../core/aws/console/urls';
import { describeAwsError } from '../../core/aws/errors';
import { errorMessage, isCancellation, isKnownError } from '../../core/errors';
import { quoted } from '../../core/secrets';
import { commandId } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';
import { commandTitle } from '../commandTitles';
import { withCancellableProgress } from '../prompts';
import type { ConsoleTarget } from '../views/explorerView';
import { offerToConnect } from './connect';

export async function openConsole(connection: ConnectionService, log: vscode.LogOutputChannel, target?: ConsoleTarget): Promise<void> {
  const current = connection.connection;
  if (!current) {
    await offerToConnect();
    return;
  }
  const { state, access } = current;
  const profile = quoted(state.profile);
  const destination: ConsoleDestination = target?.destination ?? { kind: 'home', region: state.region };
  const plan = consoleAccess(state.identity.arn, access.credentials, new Date());
  if (plan.kind === 'refused') {
    log.warn(`Profile ${profile} cannot open the AWS Console: ${plan.message}`);
    // Worded as the status bar's link that runs Connect to AWS.
    const switchProfileLabel = vscode.l10n.t('Switch Profile');
    const answer = await vscode.window.showErrorMessage(
      vscode.l10n.t('Profile {0} cannot open the AWS Console: {1}', profile, plan.message),
      switchProfileLabel,
    );
    if (answer === switchProfileLabel) {
      await vscode.commands.executeCommand(commandId('connect'));
    }
    return;
  }
  try {
    const signIn = await withCancellableProgress(vscode.l10n.t('Opening the AWS Console for profile {0}...', profile), async (signal) => {
      const { consoleSignIn } = await import('../../core/aws/console/federation.js');
      return consoleSignIn(access, plan, destination, { signal });
    });
    // A Uri would re-encode the query, and so the destination inside it (microsoft/vscode#85930): the
    // extension host takes a string as it is, as the browser must get it.
    const opened = await vscode.env.openExternal(signIn.url as unknown as vscode.Uri);
    const as = signIn.arn ?? state.identity.arn;
    if (opened) {
      log.info(`Opened the AWS Console for profile ${profile} as ${as}: ${destinationUrl(destination)}`);
    } else {
      log.warn(`The AWS Console for profile ${profile} was not opened: VS Code did not open the browser.`);
    }
  } catch (error) {
    if (isCancellation(error)) {
      return;
    }
    const reason = isKnownError(error) ? errorMessage(error) : describeAwsError(error).message;
    log.error(`The AWS Console could not be opened for profile ${profile}: ${reason}`);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('AWS: {0} failed for profile {1}: {2}', commandTitle('openConsole'), profile, reason),
    );
  }
}
