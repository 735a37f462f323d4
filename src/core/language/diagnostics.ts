/**
 * The editor's diagnostics for one of the two files: every problem of the snapshot that lies in
 * it, worded as the log words it, on the part of the line it is about.
 */
import * as l10n from '@vscode/l10n';
import type { FileRole } from '../files/roles';
import type { LinePart, Location } from '../profiles/model';
import type { SharedFiles } from '../profiles/read';
import { quoted } from '../secrets';
import { withFix, type Problem, type ProblemCode, type Severity } from '../validation/problems';
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

/** Each profile's problems and the files' own: a check of the files (checkFiles), or a snapshot's (problemsOf). */
export interface CheckedProblems {
  readonly profiles: readonly { readonly name: string; readonly problems: readonly Problem[] }[];
  readonly fileProblems: readonly Problem[];
}

export function problemsOf(snapshot: ProfileSnapshot): CheckedProblems {
  return {
    profiles: snapshot.reports.map((report) => ({ name: report.profile.name, problems: report.problems })),
    fileProblems: snapshot.fileProblems,
  };
}

/** The problems of `role`'s file in a check of `files` (see documentFiles), in line order. */
export function documentProblems(checked: CheckedProblems, files: SharedFiles, role: FileRole): DocumentProblem[] {
  const { path } = files[role];
  const found: DocumentProblem[] = [];
  const add = (problem: Problem, profile: string | undefined): void => {
    const { location } = problem;
    if (!location || location.file !== role || location.path !== path) {
      return;
    }
    const sentence = withFix(problem);
    found.push({
      place: placeOf(location),
      severity: problem.severity,
      message: profile === undefined ? capitalized(sentence) : l10n.t('Profile {0}: {1}', quoted(profile), sentence),
      code: problem.code,
      related: (problem.related ?? []).map((related) => ({ place: placeOf(related.location), message: related.message })),
      problem,
    });
  };
  for (const problem of checked.fileProblems) {
    add(problem, undefined);
  }
  for (const profile of checked.profiles) {
    for (const problem of profile.problems) {
      add(problem, profile.name);
    }
  }
  return withoutRepeats(found.sort((a, b) => a.place.line - b.place.line));
}

/**
 * One problem per fix on a part of a line: a misspelt key is both a missing key of the profile
 * (an error) and an unknown key of its line (a warning); the editor shows the error only.
 */
function withoutRepeats(problems: DocumentProblem[]): DocumentProblem[] {
  const strongest = new Map<string, DocumentProblem>();
  const key = (problem: DocumentProblem): string | undefined =>
    problem.code && `${problem.place.line}:${problem.place.part}:${problem.code}`;
  for (const problem of problems) {
    const id = key(problem);
    const kept = id === undefined ? undefined : strongest.get(id);
    if (id !== undefined && (!kept || (kept.severity === 'warning' && problem.severity === 'error'))) {
      strongest.set(id, problem);
    }
  }
  return problems.filter((problem) => {
    const id = key(problem);
    return id === undefined || strongest.get(id) === problem;
  });
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
