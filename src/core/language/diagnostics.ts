/**
 * The editor's diagnostics for one of the two files: every problem of the snapshot that lies in
 * it, worded as the log words it, on the part of the line it is about.
 */
import type { FileRole } from '../files/roles';
import type { LinePart, Location } from '../profiles/model';
import type { SharedFiles } from '../profiles/read';
import { quoted } from '../secrets';
import type { Problem, ProblemCode, Severity } from '../validation/problems';
import type { ProfileSnapshot } from '../validation/snapshot';

export interface DocumentPlace {
  readonly role: FileRole;
  readonly path: string;
  /** 0-based, as editors count lines. */
  readonly line: number;
  readonly part: LinePart;
}

export interface DocumentProblem {
  readonly place: DocumentPlace;
  readonly severity: Severity;
  readonly message: string;
  readonly code: ProblemCode | undefined;
  readonly related: readonly { readonly place: DocumentPlace; readonly message: string }[];
  /** The problem itself, for its quick fixes. */
  readonly problem: Problem;
}

export function placeOf(location: Location): DocumentPlace {
  return { role: location.file, path: location.path, line: location.line - 1, part: location.part ?? 'line' };
}

/** The problems of `role`'s file in a snapshot of `files` (see documentFiles), in line order. */
export function documentProblems(snapshot: ProfileSnapshot, files: SharedFiles, role: FileRole): DocumentProblem[] {
  const { path } = files[role];
  const found: DocumentProblem[] = [];
  const add = (problem: Problem, profile: string | undefined): void => {
    const { location } = problem;
    if (!location || location.file !== role || location.path !== path) {
      return;
    }
    const sentence = `${problem.message}. ${problem.fix}`;
    found.push({
      place: placeOf(location),
      severity: problem.severity,
      message: profile === undefined ? capitalized(sentence) : `Profile ${quoted(profile)}: ${sentence}`,
      code: problem.code,
      related: (problem.related ?? []).map((related) => ({ place: placeOf(related.location), message: related.message })),
      problem,
    });
  };
  for (const problem of snapshot.fileProblems) {
    add(problem, undefined);
  }
  for (const report of snapshot.reports) {
    for (const problem of report.problems) {
      add(problem, report.profile.name);
    }
  }
  return found.sort((a, b) => a.place.line - b.place.line);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
