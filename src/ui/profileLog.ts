import type * as vscode from 'vscode';
import { snapshotLogLines, type LogLine } from '../core/validation/log';
import type { ProfileSnapshot } from '../core/validation/snapshot';

/**
 * Writes what the validator found: invalid profiles as errors, everything else as warnings. A
 * snapshot that reports the same as the last one logs nothing, so saving a file does not repeat it.
 */
export class ProfileLog {
  private lastReport = '';

  constructor(private readonly log: vscode.LogOutputChannel) {}

  write(snapshot: ProfileSnapshot): void {
    const lines = snapshotLogLines(snapshot);
    const report = lines.map((line) => `${line.level} ${line.message}`).join('\n');
    if (report === this.lastReport) {
      return;
    }
    this.lastReport = report;
    const invalid = snapshot.reports.filter((entry) => entry.status === 'invalid').length;
    this.log.info(`Read ${snapshot.reports.length} profiles, ${invalid} invalid.`);
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
