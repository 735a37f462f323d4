/** How a profile is named in lists: its kind in a few words, its state in one line, and where it stands. */
import * as l10n from '@vscode/l10n';
import { displayPath } from '../files/paths';
import type { Profile } from '../profiles/model';
import { quotedValue } from '../secrets';
import type { ProfileReport } from '../validation/snapshot';

const kindLabels: Readonly<Record<Profile['kind'], () => string>> = {
  staticKeys: () => l10n.t('access keys'),
  sessionKeys: () => l10n.t('session keys'),
  assumeRole: () => l10n.t('assume role'),
  credentialSource: () => l10n.t('role from environment'),
  process: () => l10n.t('credential process'),
  sso: () => l10n.t('IAM Identity Center'),
  webIdentity: () => l10n.t('web identity'),
  login: () => l10n.t('console login'),
  invalid: () => l10n.t('invalid'),
};

export function kindLabel(profile: Profile): string {
  return kindLabels[profile.kind]();
}

const statusLabels: Readonly<Record<ProfileReport['status'], () => string>> = {
  valid: () => l10n.t('valid'),
  warning: () => l10n.t('warning'),
  invalid: () => l10n.t('invalid'),
};

/** A profile's state as the validator judges it, in a word: for a screen reader and a tooltip. */
export function statusLabel(report: ProfileReport): string {
  return statusLabels[report.status]();
}

/** "access keys · us-east-1", or the first reason an invalid profile will not be used. */
export function profileDescription(report: ProfileReport): string {
  if (report.status === 'invalid') {
    return l10n.t('invalid: {0}', report.problems.find((problem) => problem.severity === 'error')?.message ?? l10n.t('see the log'));
  }
  const { region } = report.profile;
  return region ? `${kindLabel(report.profile)} · ${quotedValue('region', region)}` : kindLabel(report.profile);
}

/**
 * What deleting or renaming the profile leaves the SDK reading under its name, in one sentence:
 * a `[default]` that `[profile default]` hides until then becomes the default profile.
 */
export function afterRemoval(profile: Profile): string | undefined {
  const [hidden] = profile.hiddenDefinitions;
  return hidden
    ? l10n.t(
        '[default] (line {0} of {1}) then becomes the default profile: the AWS SDK ignores it only while [profile default] has settings.',
        hidden.line,
        displayPath(hidden.path),
      )
    : undefined;
}

/** The files a change to this profile touches, each once, config file first. */
export function filesOf(profile: Profile): string[] {
  return [...new Set(profile.definitions.map((definition) => definition.path))];
}

/** Usable profiles, most recently connected first and the rest in file order; then the invalid ones. */
export function byRecentUse(
  reports: readonly ProfileReport[],
  recent: readonly string[],
): { readonly usable: ProfileReport[]; readonly invalid: ProfileReport[] } {
  const rank = new Map(recent.map((name, index) => [name, index]));
  const rankOf = (report: ProfileReport): number => rank.get(report.profile.name) ?? recent.length;
  return {
    usable: reports.filter((report) => report.status !== 'invalid').sort((a, b) => rankOf(a) - rankOf(b)),
    invalid: reports.filter((report) => report.status === 'invalid'),
  };
}
