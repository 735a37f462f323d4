import type * as vscode from 'vscode';
import type { Validation } from '../core/validate';
import { invalidProfileLogLines } from '../core/validate';

/** Writes what the validator found: invalid profiles as errors, everything else as warnings. */
export function logValidation(log: vscode.LogOutputChannel, validation: Validation): void {
  for (const problem of validation.fileProblems) {
    log.warn(`${problem.message}. ${problem.fix}`);
  }
  for (const report of validation.reports) {
    if (report.status === 'invalid') {
      const [invalid, notUsed] = invalidProfileLogLines(report);
      log.error(invalid ?? '');
      log.warn(notUsed ?? '');
    }
    for (const problem of report.problems.filter((candidate) => candidate.severity === 'warning')) {
      const where = problem.location ? ` (${problem.location.path}:${problem.location.line})` : '';
      log.warn(`Profile ${report.profile.name}: ${problem.message}${where}. ${problem.fix}`);
    }
  }
}
