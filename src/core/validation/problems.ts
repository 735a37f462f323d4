/** A problem found in the user's files: what is wrong, how to fix it, and where. */
import type { Location } from '../profiles/model';
import type { SharedFile } from '../profiles/read';

export type Severity = 'error' | 'warning';

export interface Problem {
  readonly severity: Severity;
  /** What is wrong, phrased to follow "Profile NAME is not a valid Credential Profile: ". */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  readonly location: Location | undefined;
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

export function lineOf(file: SharedFile, index: number): Location {
  return { file: file.role, path: file.path, line: index + 1 };
}

/** Where a key of the profile being checked is set (its header when the key is not set). */
export type KeyLocator = (key: string) => Location | undefined;
