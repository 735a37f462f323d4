/**
 * What the extension asks and tells the user around AWS calls: progress that can be cancelled, the
 * MFA code of a role, and why a connect failed with what to do about it.
 */
import * as vscode from 'vscode';
import { failureActions, type FailureAction } from '../core/aws/connectionState';
import { CancelledError } from '../core/errors';
import { quoted } from '../core/secrets';
import { commandId } from '../manifest';
import type { ConnectionPrompts } from '../services/connectionService';
import { commandTitle } from './commandTitles';

/** Runs `work` under a notification with a Cancel button, which aborts the signal it is given. */
export async function withCancellableProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort());
      try {
        return await work(controller.signal);
      } finally {
        listener.dispose();
      }
    },
  );
}

export async function askMfaCode(profile: string, serial: string): Promise<string> {
  const code = await vscode.window.showInputBox({
    title: vscode.l10n.t('MFA Code for Profile {0}', quoted(profile)),
    prompt: vscode.l10n.t('Enter the current code of the MFA device {0}.', serial),
    placeHolder: '123456',
    ignoreFocusOut: true,
    validateInput: (value) => (/^\d{6}$/.test(value.trim()) ? undefined : vscode.l10n.t('An MFA code is 6 digits.')),
  });
  if (code === undefined) {
    throw new CancelledError();
  }
  return code.trim();
}

/** The label of every offer to repeat a call that failed. */
export const tryAgainLabel = (): string => vscode.l10n.t('Try Again');

/** The buttons of a failed connect; the status bar's tooltip (core, English) words the last two the same. */
function actionLabel(action: FailureAction): string {
  switch (action) {
    case 'editCredentials':
    case 'showLogs':
      return commandTitle(action);
    case 'tryAgain':
      return tryAgainLabel();
    case 'signInAgain':
      return vscode.l10n.t('Sign In Again');
    case 'awsLogin':
      return vscode.l10n.t('Sign In');
    case 'proxySettings':
      return vscode.l10n.t('Proxy Settings');
  }
}

export function connectionPrompts(log: vscode.LogOutputChannel): ConnectionPrompts {
  return {
    withProgress: withCancellableProgress,
    askMfaCode,
    explainFailure: async (profile, problem) => {
      const actions = failureActions(problem);
      const answer = await vscode.window.showErrorMessage(
        vscode.l10n.t('Profile {0} could not connect: {1}', quoted(profile), problem.message),
        ...actions.map(actionLabel),
      );
      const chosen = actions.find((action) => actionLabel(action) === answer);
      if (chosen === 'editCredentials') {
        await vscode.commands.executeCommand(commandId('editCredentials'));
      } else if (chosen === 'signInAgain') {
        // Signs in for the profile's session, then connects with the profile again.
        await vscode.commands.executeCommand(commandId('signIn'), profile);
      } else if (chosen === 'awsLogin') {
        // Runs `aws login` in a terminal; the connection follows the sign-in it writes.
        await vscode.commands.executeCommand(commandId('awsLogin'), profile);
      } else if (chosen === 'proxySettings') {
        // VS Code's own settings, which the rest of VS Code uses too.
        await vscode.commands.executeCommand('workbench.action.openSettings', 'http.proxy');
      } else if (chosen === 'showLogs') {
        log.show();
      }
      return chosen === 'tryAgain';
    },
  };
}
