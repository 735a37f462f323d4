import type * as vscode from 'vscode';
import type { Validation } from '../core/validate';
import { validationLogLines } from '../core/validationLog';

/** Writes what the validator found: invalid profiles as errors, everything else as warnings. */
export function logValidation(log: vscode.LogOutputChannel, validation: Validation): void {
  for (const line of validationLogLines(validation)) {
    if (line.level === 'error') {
      log.error(line.message);
    } else {
      log.warn(line.message);
    }
  }
}
