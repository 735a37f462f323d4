/**
 * The edit that adds IAM Identity Center profiles to the config file, as `aws configure sso` writes
 * them: the `[sso-session]` when it is new, then one `[profile NAME]` per role, in one text edit.
 */
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
    throw new ProfileEditError('Give at least one registration scope, each without commas or spaces.', 'invalidSetting');
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
    if (isDefined(texts, name) || given.has(name)) {
      throw new ProfileEditError(`A profile named ${name} ${given.has(name) ? 'is in the list twice' : 'already exists'}.`, 'exists');
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
  const differences: string[] = [];
  if (startUrl === undefined || !sameStartUrl(startUrl, session.startUrl)) {
    differences.push(startUrl === undefined ? 'no sso_start_url' : `the start URL ${quotedValue('sso_start_url', startUrl)}`);
  }
  if (region !== session.region) {
    differences.push(region === undefined ? 'no sso_region' : `the region ${quotedValue('sso_region', region)}`);
  }
  if (differences.length > 0) {
    throw new ProfileEditError(
      `An sso-session named ${session.name} already exists with ${differences.join(' and ')}: choose another session name, or sign in with that session.`,
      'exists',
    );
  }
}
