/**
 * Every problem a user must be told about, per profile (profileRules) and per line (lineRules),
 * gathered into one report per profile.
 */
import { checkFile } from './lineRules';
import type { Problem } from './problems';
import { profileProblems, type SettingsOf } from './profileRules';
import { buildProfile, profileNames, rawSettings, type Profile, type RawSettings } from './profiles';
import type { SharedFiles } from './sharedFiles';

export type { Problem, Severity } from './problems';

export type ProfileStatus = 'valid' | 'warning' | 'invalid';

export interface ProfileReport {
  readonly profile: Profile;
  readonly status: ProfileStatus;
  readonly problems: readonly Problem[];
}

export interface Validation {
  readonly reports: readonly ProfileReport[];
  /** Problems that belong to no profile: unreadable files, ignored sections, stray lines. */
  readonly fileProblems: readonly Problem[];
}

export function validate(files: SharedFiles): Validation {
  const names = profileNames(files);
  const byProfile = new Map<string, Problem[]>(names.map((name) => [name, []]));
  const fileProblems: Problem[] = [];
  const report = (profile: string | undefined, problem: Problem): void => {
    const list = profile === undefined ? undefined : byProfile.get(profile);
    (list ?? fileProblems).push(problem);
  };
  for (const file of [files.config, files.credentials]) {
    checkFile(file, report);
  }
  const known = new Set(names);
  const cache = new Map<string, RawSettings>();
  const settingsOf: SettingsOf = (name) => {
    let settings = cache.get(name);
    if (!settings) {
      settings = rawSettings(files, name);
      cache.set(name, settings);
    }
    return settings;
  };
  for (const name of names) {
    byProfile.get(name)?.unshift(...profileProblems(files, name, known, settingsOf));
  }
  const reports = names.map((name) => {
    const problems = byProfile.get(name) ?? [];
    return { profile: buildProfile(files, name, settingsOf(name)), status: statusOf(problems), problems };
  });
  return { reports, fileProblems };
}

export function statusOf(problems: readonly Problem[]): ProfileStatus {
  if (problems.some((problem) => problem.severity === 'error')) {
    return 'invalid';
  }
  return problems.length > 0 ? 'warning' : 'valid';
}

