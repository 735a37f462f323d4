import * as vscode from 'vscode';
import { sharedFilePaths } from './core/filePaths';
import type { Validation } from './core/validate';
import { logValidation } from './ui/profileLog';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('AWS Credential Manager', { log: true });
  context.subscriptions.push(log, vscode.commands.registerCommand('awsCredentialManager.showLogs', () => log.show()));
  readProfilesLazily().then(
    (validation) => logValidation(log, validation),
    (error: unknown) => log.error(`The AWS shared files could not be read: ${String(error)}`),
  );
}

/** The reader pulls in the AWS SDK's file loader, so it is loaded after activation, not during it. */
async function readProfilesLazily(): Promise<Validation> {
  const { readProfiles } = await import('./core/readProfiles.js');
  return readProfiles(sharedFilePaths());
}

export function deactivate(): void {}
