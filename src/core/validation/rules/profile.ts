/**
 * Problems of one profile, following how the AWS SDK for JavaScript resolves its credentials:
 * missing or mismatched keys, role chains and cycles, credential sources, SSO sessions, regions.
 * Messages name keys, never values of secrets.
 */
import * as l10n from '@vscode/l10n';
import type { IniEntry, IniSection } from '../../ini/scan';
import { setsKey } from '../../ini/syntax';
import { checkProfileName } from '../../ini/writable';
import { profileKeys } from '../../profiles/knownKeys';
import type { Location, ProfileKind, RawSettings } from '../../profiles/model';
import { sectionsIn, type SharedFile, type SharedFiles } from '../../profiles/read';
import { hasSecretShape } from '../../secrets';
import { lineOf, warning, type Problem } from '../problems';
import { accessKeyProblems, whyNoCredentials } from './credentials';
import { secretContinuations, shownKeyName } from './keys';
import { credentialSourceProblems, roleChainProblem, type ProfileNames, type SettingsOf } from './roles';
import { settingProblems } from './settings';
import { ssoProblems } from './sso';

export type { ProfileNames, SettingsOf } from './roles';

/** The line the SDK takes a key of a profile from: the last one setting it, the credentials file first. */
function keyEntry(files: SharedFiles, name: string, key: string): { file: SharedFile; section: IniSection; entry: IniEntry } | undefined {
  for (const file of [files.credentials, files.config]) {
    const sections = sectionsIn(file, 'profile', name);
    for (let position = sections.length - 1; position >= 0; position--) {
      const section = sections[position];
      const entry = section?.entries.filter((candidate) => setsKey(candidate, key)).at(-1);
      if (section && entry) {
        return { file, section, entry };
      }
    }
  }
  return undefined;
}

function keyLocation(files: SharedFiles, name: string, key: string): Location | undefined {
  const found = keyEntry(files, name, key);
  return found && lineOf(found.file, found.entry.index);
}

/** A key name of the profile as a problem shows it: see shownKeyName. */
function shownKey(files: SharedFiles, name: string, key: string): string {
  const found = keyEntry(files, name, key);
  const continues = found !== undefined && secretContinuations(found.section, profileKeys).has(found.entry.index);
  return shownKeyName(key, found && found.entry.index + 1, continues, profileKeys);
}

function headerLocation(files: SharedFiles, name: string): Location | undefined {
  for (const file of [files.config, files.credentials]) {
    const section = sectionsIn(file, 'profile', name)[0];
    if (section) {
      return lineOf(file, section.index);
    }
  }
  return undefined;
}

/** The problems of one profile, whose settings and kind the caller has already worked out (`settingsOf(name)`). */
export function profileProblems(
  files: SharedFiles,
  name: string,
  settings: RawSettings,
  kind: ProfileKind,
  known: ProfileNames,
  settingsOf: SettingsOf,
): Problem[] {
  const at = (key: string): Location | undefined => keyLocation(files, name, key) ?? headerLocation(files, name);
  const problems: Problem[] = [];
  if (kind.kind === 'invalid') {
    problems.push(...whyNoCredentials(settings, at, headerLocation(files, name), (key) => shownKey(files, name, key)));
  }
  problems.push(...credentialSourceProblems(settings, at), ...accessKeyProblems(settings, at));
  if (kind.kind === 'assumeRole') {
    const chainProblem = roleChainProblem(settingsOf, name, known, (hop) =>
      hop === name ? at('source_profile') : keyLocation(files, hop, 'source_profile'),
    );
    if (chainProblem) {
      problems.push(chainProblem);
    }
  }
  if (kind.kind === 'sso') {
    problems.push(...ssoProblems(files, settings, at));
  }
  problems.push(...settingProblems(settings, at));
  const nameProblem = checkProfileName(name);
  if (nameProblem) {
    problems.push(
      warning(
        l10n.t('the profile name cannot be used reliably: {0}', nameProblem),
        l10n.t('Rename the profile.'),
        headerLocation(files, name),
      ),
    );
  }
  if (hasSecretShape(name)) {
    problems.push(
      warning(
        l10n.t('the profile name looks like an access key, a secret or a token, so it is not shown'),
        l10n.t('Check that no key was pasted into the section header, and rename the profile.'),
        headerLocation(files, name),
      ),
    );
  }
  return problems;
}
