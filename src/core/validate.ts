/**
 * Every problem a user must be told about, per profile (profileRules) and per line (lineRules),
 * gathered into one report per profile.
 */
import { checkFile } from './lineRules';
import type { Problem } from './problems';
import { profileProblems, type SettingsOf } from './profileRules';
import { buildProfile, profileKind, profileNames, rawSettings, type Profile, type RawSettings } from './profiles';
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
  const known = new Set(names);
  // Line problems are rare: a profile gets a list only when one is reported.
  const lineProblems = new Map<string, Problem[]>();
  const fileProblems: Problem[] = [];
  const report = (profile: string | undefined, problem: Problem): void => {
    if (profile === undefined || !known.has(profile)) {
      fileProblems.push(problem);
      return;
    }
    const list = lineProblems.get(profile);
    if (list) {
      list.push(problem);
    } else {
      lineProblems.set(profile, [problem]);
    }
  };
  for (const file of [files.config, files.credentials]) {
    checkFile(file, report);
  }
  const cache = new Map<string, RawSettings>();
  const settingsOf: SettingsOf = (name) => {
    let settings = cache.get(name);
    if (!settings) {
      settings = rawSettings(files, name);
      cache.set(name, settings);
    }
    return settings;
  };
  const reports = names.map((name): ProfileReport => {
    const settings = settingsOf(name);
    const kind = profileKind(settings);
    const problems = profileProblems(files, name, kind, known, settingsOf);
    const fromLines = lineProblems.get(name);
    if (fromLines) {
      problems.push(...fromLines);
    }
    return { profile: buildProfile(files, name, settings, kind), status: statusOf(problems), problems };
  });
  return { reports, fileProblems };
}

export function statusOf(problems: readonly Problem[]): ProfileStatus {
  if (problems.some((problem) => problem.severity === 'error')) {
    return 'invalid';
  }
  return problems.length > 0 ? 'warning' : 'valid';
}
