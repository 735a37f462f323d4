/**
 * The decisions of the panel's IAM Identity Center option that need no VS Code: which session a
 * form signs in with, the roles offered with their profile names, and what is wrong with the roles
 * chosen. The edit itself checks names again (see ssoEdit); these say it next to each role first.
 */
import * as l10n from '@vscode/l10n';
import type { Assignment } from '../core/aws/sso/portal';
import { checkProfileName } from '../core/ini/writable';
import type { Profile } from '../core/profiles/model';
import {
  defaultScopes,
  populatePlan,
  sessionForStartUrl,
  type SsoSessionSection,
  type SsoSessionSettings,
} from '../core/profiles/ssoProfiles';
import { quoted } from '../core/secrets';
import { checkSsoRegion } from '../core/validation/fieldChecks';
import { roleKey, type ChosenRole, type IdentityCenterForm, type RoleChoice } from './protocol';

/**
 * The session a form signs in with: the one that has its start URL already (whatever name was
 * typed), else a new one under the typed name, which no other session may have.
 */
export function sessionFor(form: IdentityCenterForm, sessions: readonly SsoSessionSection[]): SsoSessionSettings | { error: string } {
  const same = sessionForStartUrl(sessions, form.startUrl);
  if (same) {
    return { name: same.name, startUrl: same.startUrl ?? form.startUrl, region: same.region ?? form.ssoRegion, scopes: same.scopes };
  }
  if (sessions.some((session) => session.name === form.sessionName)) {
    return { error: l10n.t('A session named {0} already exists with another start URL: choose another name.', form.sessionName) };
  }
  return { name: form.sessionName, startUrl: form.startUrl, region: form.ssoRegion, scopes: defaultScopes };
}

/** Every role, with the name the template gives it (free of clashes) or the profile that already uses it. */
export function roleChoices(
  profiles: readonly Profile[],
  session: string,
  assignments: readonly Assignment[],
  template: string,
): RoleChoice[] {
  const plan = populatePlan(profiles, session, assignments, template);
  const added = new Map(plan.add.map((profile) => [roleKey(profile), profile.name]));
  const kept = new Map(plan.kept.map((profile) => [roleKey(profile), profile.name]));
  return assignments.map((assignment) => {
    const existing = kept.get(roleKey(assignment));
    return {
      accountId: assignment.accountId,
      accountName: assignment.accountName,
      roleName: assignment.roleName,
      profileName: added.get(roleKey(assignment)) ?? existing ?? '',
      // A name the webview may show (see quoted); the host writes nothing under it.
      existingProfile: existing && quoted(existing),
    };
  });
}

/** What is wrong with the roles chosen, each next to its role (by roleKey), or undefined when nothing is. */
export function chosenRolesProblems(
  chosen: readonly ChosenRole[],
  region: string,
  assignments: readonly Assignment[],
  taken: ReadonlySet<string>,
): { readonly errors: Readonly<Record<string, string>>; readonly formError?: string } | undefined {
  const listed = new Set(assignments.map(roleKey));
  const errors: Record<string, string> = {};
  const names = new Set<string>();
  for (const role of chosen) {
    const problem = !listed.has(roleKey(role))
      ? l10n.t('This role is not one of your sign-in.')
      : (checkProfileName(role.profileName) ??
        (taken.has(role.profileName) ? l10n.t('A profile named {0} already exists.', quoted(role.profileName)) : undefined) ??
        (names.has(role.profileName) ? l10n.t('Another chosen role has this name.') : undefined));
    names.add(role.profileName);
    if (problem) {
      errors[roleKey(role)] = problem;
    }
  }
  const formError = chosen.length === 0 ? l10n.t('Choose at least one role.') : checkSsoRegion(region);
  if (formError === undefined && Object.keys(errors).length === 0) {
    return undefined;
  }
  return formError === undefined ? { errors } : { errors, formError };
}
