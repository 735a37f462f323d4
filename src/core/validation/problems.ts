/** A problem found in the user's files: what is wrong, how to fix it, and where. */
import type { LinePart, Location } from '../profiles/model';
import type { SharedFile } from '../profiles/read';

export type Severity = 'error' | 'warning';

/** The problems the editor offers a quick fix for (core/language/fixes), each named once. */
export type ProblemCode =
  | 'unknownKey'
  | 'staleSessionToken'
  | 'regionTypo'
  | 'profileHeaderInCredentials'
  | 'bareHeaderInConfig'
  | 'missingSsoSession'
  | 'missingSourceProfile'
  | 'duplicateKey'
  | 'inlineComment';

/** Another place that explains a problem: each hop of a role chain, the first of two sections. */
export interface RelatedPlace {
  readonly location: Location;
  readonly message: string;
}

export interface Problem {
  readonly severity: Severity;
  /** What is wrong, phrased to follow "Profile NAME is not a valid Credential Profile: ". */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  readonly location: Location | undefined;
  readonly code?: ProblemCode;
  readonly related?: readonly RelatedPlace[];
}

/** The problem and its fix in one line: "what is wrong. How to fix it." (no full stop after a question). */
export function withFix(problem: Problem): string {
  return `${problem.message}${/[.?!]$/.test(problem.message) ? '' : '.'} ${problem.fix}`;
}

export const error = (message: string, fix: string, location: Location | undefined): Problem => ({
  severity: 'error',
  message,
  fix,
  location,
});

export const warning = (message: string, fix: string, location: Location | undefined): Problem => ({
  severity: 'warning',
  message,
  fix,
  location,
});

export function lineOf(file: SharedFile, index: number, part?: LinePart): Location {
  return part === undefined
    ? { file: file.role, path: file.path, line: index + 1 }
    : { file: file.role, path: file.path, line: index + 1, part };
}

/** The same place, narrowed to one part of its line. */
export function partOf(location: Location | undefined, part: LinePart): Location | undefined {
  return location && { ...location, part };
}

/** A problem with the code of its quick fix and the places that explain it, when it has them. */
export function withCode(problem: Problem, code: ProblemCode | undefined, related?: readonly RelatedPlace[]): Problem {
  const coded = copyOf(problem, problem.severity, problem.message);
  if (code !== undefined) {
    coded.code = code;
  }
  if (related && related.length > 0) {
    coded.related = related;
  }
  return coded;
}

/**
 * A problem's copy with another severity and message. Built field by field: a file can hold 50,000
 * problems, and a spread copies each about ten times slower.
 */
export function copyOf(problem: Problem, severity: Severity, message: string): { -readonly [K in keyof Problem]: Problem[K] } {
  const copy: { -readonly [K in keyof Problem]: Problem[K] } = { severity, message, fix: problem.fix, location: problem.location };
  if (problem.code !== undefined) {
    copy.code = problem.code;
  }
  if (problem.related !== undefined) {
    copy.related = problem.related;
  }
  return copy;
}

/** Where a key of the profile being checked is set (its header when the key is not set). */
export type KeyLocator = (key: string) => Location | undefined;
