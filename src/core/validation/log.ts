/** The log channel's lines for a snapshot: never a secret, always the file and line and a fix. */
import { quoted } from '../secrets';
import { withFix } from './problems';
import type { ProfileReport, ProfileSnapshot } from './snapshot';

export interface LogLine {
  readonly level: 'error' | 'warn';
  readonly message: string;
}

/** What the log channel shows for a snapshot: file problems, then each profile's. */
export function snapshotLogLines(snapshot: ProfileSnapshot): LogLine[] {
  const lines: LogLine[] = snapshot.fileProblems.map((problem) => ({ level: 'warn', message: withFix(problem) }));
  for (const report of snapshot.reports) {
    if (report.status === 'invalid') {
      const [invalid, notUsed] = invalidProfileLogLines(report);
      lines.push({ level: 'error', message: invalid }, { level: 'warn', message: notUsed });
    }
    for (const problem of report.problems.filter((candidate) => candidate.severity === 'warning')) {
      const where = problem.location ? ` (${problem.location.path}:${problem.location.line})` : '';
      lines.push({
        level: 'warn',
        message: `Profile ${quoted(report.profile.name)}: ${withFix({ ...problem, message: `${problem.message}${where}` })}`,
      });
    }
  }
  return lines;
}

/** The two lines logged for a profile that will not be offered as working. */
export function invalidProfileLogLines(report: ProfileReport): [string, string] {
  const name = quoted(report.profile.name);
  const reasons = report.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message);
  return [
    `Profile ${name} is not a valid Credential Profile: ${reasons.join('; ')}`,
    `Shared Credentials Profile ${name} is not valid. It will not be used.`,
  ];
}
