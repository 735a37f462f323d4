/** The log channel's lines for a snapshot: never a secret, always the file and line and a fix. */
import { quoted } from '../secrets';
import { withFix } from './problems';
import type { ProfileReport, ProfileSnapshot } from './snapshot';

/**
 * How many of a profile's problems the log names, of each severity. A file with a problem on each of
 * thousands of lines would otherwise fill the log; the editor and the Profiles view list them all.
 */
export const loggedPerProfile = 20;

/** What stands for the problems past the first ones the log names. */
function more(count: number, kind: 'problem' | 'warning'): string {
  return `and ${count.toLocaleString('en-US')} more ${kind}${count === 1 ? '' : 's'}, listed in the Profiles view and the editor`;
}

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
    const warnings = report.problems.filter((candidate) => candidate.severity === 'warning');
    for (const problem of warnings.slice(0, loggedPerProfile)) {
      const where = problem.location ? ` (${problem.location.path}:${problem.location.line})` : '';
      lines.push({
        level: 'warn',
        message: `Profile ${quoted(report.profile.name)}: ${withFix({ ...problem, message: `${problem.message}${where}` })}`,
      });
    }
    if (warnings.length > loggedPerProfile) {
      lines.push({
        level: 'warn',
        message: `Profile ${quoted(report.profile.name)}: ${more(warnings.length - loggedPerProfile, 'warning')}.`,
      });
    }
  }
  return lines;
}

/** The two lines logged for a profile that will not be offered as working. */
export function invalidProfileLogLines(report: ProfileReport): [string, string] {
  const name = quoted(report.profile.name);
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  const reasons = errors.slice(0, loggedPerProfile).map((problem) => problem.message);
  if (errors.length > loggedPerProfile) {
    reasons.push(more(errors.length - loggedPerProfile, 'problem'));
  }
  return [
    `Profile ${name} is not a valid Credential Profile: ${reasons.join('; ')}`,
    `Shared Credentials Profile ${name} is not valid. It will not be used.`,
  ];
}
