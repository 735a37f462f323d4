import type * as vscode from 'vscode';
import { validationLogLines, type LogLine } from '../core/validationLog';
import type { Validation } from '../core/validate';

/**
 * Writes what the validator found: invalid profiles as errors, everything else as warnings. A
 * validation that reports the same as the last one logs nothing, so saving a file does not repeat it.
 */
export class ProfileLog {
  private lastReport = '';

  constructor(private readonly log: vscode.LogOutputChannel) {}

  write(validation: Validation): void {
    const lines = validationLogLines(validation);
    const report = lines.map((line) => `${line.level} ${line.message}`).join('\n');
    if (report === this.lastReport) {
      return;
    }
    this.lastReport = report;
    const invalid = validation.reports.filter((entry) => entry.status === 'invalid').length;
    this.log.info(`Read ${validation.reports.length} profiles, ${invalid} invalid.`);
    lines.forEach((line) => this.writeLine(line));
  }

  private writeLine(line: LogLine): void {
    if (line.level === 'error') {
      this.log.error(line.message);
    } else {
      this.log.warn(line.message);
    }
  }
}
