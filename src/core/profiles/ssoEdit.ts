/**
 * The edit that adds IAM Identity Center profiles to the config file, as `aws configure sso` writes
 * them: the `[sso-session]` when it is new, then one `[profile NAME]` per role, in one text edit.
 */
import * as l10n from '@vscode/l10n';
import { appendSections, type NewSection } from '../ini/edit';
import { profileHeader } from '../ini/syntax';
import { checkSessionName } from '../ini/writable';
import { quotedValue } from '../secrets';
import { checkChanges, checkName, checkTakesEffect, isDefined, ProfileEditError, withText, type FileTexts } from './editChecks';
import { sharedFile } from './read';
import { sameStartUrl } from './ssoNames';
import { defaultScopes, sessionSections, type SsoProfileSettings, type SsoSessionSection, type SsoSessionSettings } from './ssoProfiles';

function checkSession(name: string): void {
  const problem = checkSessionName(name);
  if (problem) {
    throw new ProfileEditError(problem, 'invalidName');
  }
}

/**
 * Adds IAM Identity Center profiles to the config file in one edit, as `aws configure sso` writes
 * them: `[sso-session NAME]` (unless a session of that name has the same start URL and region
 * already: it is used as it is), then one `[profile NAME]` per profile, appended in order.
 * Refused, with nothing written: a session of that name with another start URL or region, a
 * profile name that is taken (in either file) or given twice, and any name or value the SDK would
 * misread.
 */
export function addSsoProfiles(texts: FileTexts, session: SsoSessionSettings, profiles: readonly SsoProfileSettings[]): FileTexts {
  checkSession(session.name);
  const scopes = session.scopes ?? defaultScopes;
  if (scopes.length === 0 || scopes.some((scope) => scope === '' || /[,\s]/.test(scope))) {
    throw new ProfileEditError(l10n.t('Give at least one registration scope, each without commas or spaces.'), 'invalidSetting');
  }
  const sessionSettings = { sso_start_url: session.startUrl, sso_region: session.region, sso_registration_scopes: scopes.join(',') };
  checkChanges(sessionSettings);
  const given = new Set<string>();
  const sections = profiles.map(({ name, accountId, roleName, region }) => {
    checkName(name);
    const settings = {
      sso_session: session.name,
      sso_account_id: accountId,
      sso_role_name: roleName,
      ...(region === undefined ? {} : { region }),
    };
    checkChanges(settings);
    if (given.has(name)) {
      throw new ProfileEditError(l10n.t('A profile named {0} is in the list twice.', name), 'exists');
    }
    if (isDefined(texts, name)) {
      throw new ProfileEditError(l10n.t('A profile named {0} already exists.', name), 'exists');
    }
    given.add(name);
    return newSection(profileHeader('config', name), settings);
  });
  const existing = sessionSections(sharedFile('config', '', { text: texts.config ?? '', readError: undefined })).find(
    (candidate) => candidate.name === session.name,
  );
  const added = existing ? sections : [newSection(`[sso-session ${session.name}]`, sessionSettings), ...sections];
  const after = added.length === 0 ? texts : withText(texts, 'config', appendSections(texts.config ?? '', added));
  checkTakesEffect(texts, after);
  if (existing) {
    checkSameSession(session, existing);
  }
  return after;
}

function newSection(header: string, settings: Readonly<Record<string, string>>): NewSection {
  return { header, settings: Object.entries(settings).map(([key, value]) => ({ key, value })) };
}

/** An sso-session that exists is used only when the SDK reads the start URL and region asked for from it. */
function checkSameSession(session: SsoSessionSettings, { startUrl, region }: SsoSessionSection): void {
  const otherStartUrl = startUrl === undefined || !sameStartUrl(startUrl, session.startUrl);
  const otherRegion = region !== session.region;
  if (!otherStartUrl && !otherRegion) {
    return;
  }
  // undefined: the session has no such key.
  const url = startUrl === undefined ? undefined : quotedValue('sso_start_url', startUrl);
  const shownRegion = region === undefined ? undefined : quotedValue('sso_region', region);
  const message = !otherRegion
    ? withStartUrl(session.name, url)
    : otherStartUrl
      ? withBoth(session.name, url, shownRegion)
      : withRegion(session.name, shownRegion);
  throw new ProfileEditError(message, 'exists');
}

function withStartUrl(name: string, url: string | undefined): string {
  return url === undefined
    ? l10n.t(
        'An sso-session named {0} already exists with no sso_start_url: choose another session name, or sign in with that session.',
        name,
      )
    : l10n.t(
        'An sso-session named {0} already exists with the start URL {1}: choose another session name, or sign in with that session.',
        name,
        url,
      );
}

function withRegion(name: string, region: string | undefined): string {
  return region === undefined
    ? l10n.t('An sso-session named {0} already exists with no sso_region: choose another session name, or sign in with that session.', name)
    : l10n.t(
        'An sso-session named {0} already exists with the region {1}: choose another session name, or sign in with that session.',
        name,
        region,
      );
}

function withBoth(name: string, url: string | undefined, region: string | undefined): string {
  if (url === undefined) {
    return region === undefined
      ? l10n.t(
          'An sso-session named {0} already exists with no sso_start_url and no sso_region: choose another session name, or sign in with that session.',
          name,
        )
      : l10n.t(
          'An sso-session named {0} already exists with no sso_start_url and the region {1}: choose another session name, or sign in with that session.',
          name,
          region,
        );
  }
  return region === undefined
    ? l10n.t(
        'An sso-session named {0} already exists with the start URL {1} and no sso_region: choose another session name, or sign in with that session.',
        name,
        url,
      )
    : l10n.t(
        'An sso-session named {0} already exists with the start URL {1} and the region {2}: choose another session name, or sign in with that session.',
        name,
        url,
        region,
      );
}
