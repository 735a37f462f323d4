/**
 * How a failure reaches the log and the user: masked like every message, a known one (a file
 * changed on disk, a name taken) without a stack, a cancellation not at all.
 */
import * as vscode from 'vscode';
import { errorDetail, errorMessage, isCancellation, isKnownError } from '../core/errors';
import { commandTitles, type CommandName } from '../manifest';
import { commandSubject } from './commandTitles';

/** Logs a failure of `what` (a command's title, say); false for a cancellation, which is not one. */
export function logFailure(log: vscode.LogOutputChannel, what: string, error: unknown): boolean {
  if (isCancellation(error)) {
    return false;
  }
  if (isKnownError(error)) {
    log.warn(`${what}: ${errorMessage(error)}`);
  } else {
    log.error(`${what} failed: ${errorDetail(error)}`);
  }
  return true;
}

/** Logs a failure of a command (in English, as every log line) and tells the user, in their language, what failed and why. */
export function reportFailure(log: vscode.LogOutputChannel, command: CommandName, error: unknown): void {
  if (logFailure(log, commandTitles[command].replace(/\.\.\.$/, ''), error)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('AWS: {0} failed: {1}', commandSubject(command), errorMessage(error)));
  }
}
