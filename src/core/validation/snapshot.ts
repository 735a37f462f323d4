/**
 * The snapshot of all profiles: each profile with every problem a user must be told about, per
 * profile (rules/profile) and per line (rules/lines), gathered into one report per profile.
 */
import * as l10n from '@vscode/l10n';
import type { SharedFilePaths } from '../files/paths';
import { buildProfile, profileKind, profileNames, rawSettings, type Profile, type ProfileKind, type RawSettings } from '../profiles/model';
import { readSharedFiles, type SharedFile, type SharedFiles } from '../profiles/read';
import { sessionSections, type SsoSessionSection } from '../profiles/ssoProfiles';
import type { Problem } from './problems';
import { reportFileProblems } from './rules/lines';
import { profileProblems, type ProfileNames, type SettingsOf } from './rules/profile';

export type { Problem, Severity } from './problems';

export type ProfileStatus = 'valid' | 'warning' | 'invalid';

export interface ProfileReport {
  readonly profile: Profile;
  readonly status: ProfileStatus;
  readonly problems: readonly Problem[];
}

/** Every profile of both files, checked, at one moment. */
export interface ProfileSnapshot {
  readonly reports: readonly ProfileReport[];
  /** Problems that belong to no profile: unreadable files, ignored sections, stray lines. */
  readonly fileProblems: readonly Problem[];
  /**
   * Why each file that exists could not be read ("... is a named pipe (FIFO), not a file"): the SDK
   * would fail on it, or hang, so nothing connects until it is fixed.
   */
  readonly unreadable: readonly string[];
  /** The `[sso-session]` sections of the config file. */
  readonly ssoSessions: readonly SsoSessionSection[];
  /** Whether both snapshots were taken of the same bytes, so nothing changed between them. */
  readsSameFilesAs(other: ProfileSnapshot): boolean;
}

/** The texts stay in a private field: a snapshot is logged and shown, its secrets never. */
class Snapshot implements ProfileSnapshot {
  readonly #files: SharedFiles;
  #ssoSessions: readonly SsoSessionSection[] | undefined;

  constructor(
    files: SharedFiles,
    readonly reports: readonly ProfileReport[],
    readonly fileProblems: readonly Problem[],
  ) {
    this.#files = files;
  }

  /** Read once, when first asked for: every SSO profile of a view asks for its session. */
  get ssoSessions(): readonly SsoSessionSection[] {
    return (this.#ssoSessions ??= sessionSections(this.#files.config));
  }

  get unreadable(): readonly string[] {
    return [this.#files.config, this.#files.credentials]
      .filter((file) => file.readError !== undefined)
      .map((file) => l10n.t('{0} cannot be read: {1}', file.path, file.readError ?? ''));
  }

  /** The texts behind a snapshot, for the editor features, which check unsaved text against them. */
  static filesOf(snapshot: ProfileSnapshot): SharedFiles | undefined {
    return snapshot instanceof Snapshot ? snapshot.#files : undefined;
  }

  readsSameFilesAs(other: ProfileSnapshot): boolean {
    if (!(other instanceof Snapshot)) {
      return false;
    }
    const same = (mine: SharedFile, theirs: SharedFile): boolean => mine.text === theirs.text && mine.readError === theirs.readError;
    return same(this.#files.config, other.#files.config) && same(this.#files.credentials, other.#files.credentials);
  }
}

export const filesOf = (snapshot: ProfileSnapshot): SharedFiles | undefined => Snapshot.filesOf(snapshot);

/** Reads both files and checks every profile in them. */
export async function readSnapshot(paths: SharedFilePaths): Promise<ProfileSnapshot> {
  return snapshotOf(await readSharedFiles(paths));
}

/** Every problem of both files, each profile's and the files' own, without building the profiles: what the editor shows. */
export interface CheckedFiles {
  readonly profiles: readonly {
    readonly name: string;
    readonly kind: ProfileKind;
    readonly settings: RawSettings;
    readonly problems: Problem[];
  }[];
  readonly fileProblems: readonly Problem[];
}

export function snapshotOf(files: SharedFiles): ProfileSnapshot {
  const { profiles, fileProblems } = checkFiles(files);
  const reports = profiles.map(({ name, kind, settings, problems }): ProfileReport => ({
    profile: buildProfile(files, name, settings, kind),
    status: statusOf(problems),
    problems,
  }));
  return new Snapshot(files, reports, fileProblems);
}

export function checkFiles(files: SharedFiles): CheckedFiles {
  const names = profileNames(files);
  // What the two index maps know already, without a set of 10,000 names built again.
  const known: ProfileNames = { has: (name) => files.config.index.profile.has(name) || files.credentials.index.profile.has(name) };
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
    reportFileProblems(file, report);
  }
  const settingsOf: SettingsOf = (name) => rawSettings(files, name);
  const profiles = names.map((name) => {
    const settings = settingsOf(name);
    const kind = profileKind(settings);
    const problems = profileProblems(files, name, settings, kind, known, settingsOf);
    const lines = lineProblems.get(name);
    // One by one: push(...lines) passes each as an argument, and 130,000 of them overflow the stack.
    for (let line = 0; lines && line < lines.length; line++) {
      problems.push(lines[line] as Problem);
    }
    return { name, kind, settings, problems };
  });
  return { profiles, fileProblems };
}

export function statusOf(problems: readonly Problem[]): ProfileStatus {
  if (problems.some((problem) => problem.severity === 'error')) {
    return 'invalid';
  }
  return problems.length > 0 ? 'warning' : 'valid';
}
