/** IAM Identity Center profiles: the sso-session they name, or the legacy keys, and the account with its role. */
import * as l10n from '@vscode/l10n';
import type { RawSettings } from '../../profiles/model';
import { sectionsIn, valuesIn, type SharedFiles } from '../../profiles/read';
import { quoted } from '../../secrets';
import { error, partOf, withCode, type KeyLocator, type Problem } from '../problems';

const sessionKeys = ['sso_start_url', 'sso_region'];

export function ssoProblems(files: SharedFiles, settings: RawSettings, at: KeyLocator): Problem[] {
  const sessionName = settings['sso_session'];
  const problems = sessionName === undefined ? legacyProblems(settings, at) : sessionProblems(files, sessionName, at);
  const hasAccount = settings['sso_account_id'] !== undefined;
  const hasRole = settings['sso_role_name'] !== undefined;
  if (hasAccount !== hasRole) {
    const missing = hasAccount ? 'sso_role_name' : 'sso_account_id';
    problems.push(
      error(
        l10n.t('missing properties: {0} (sso_account_id and sso_role_name go together)', missing),
        l10n.t('Add {0}.', missing),
        at(hasAccount ? 'sso_account_id' : 'sso_role_name'),
      ),
    );
  }
  return problems;
}

function sessionProblems(files: SharedFiles, sessionName: string, at: KeyLocator): Problem[] {
  const shown = quoted(sessionName);
  const named = shown === sessionName;
  if (sectionsIn(files.config, 'sso-session', sessionName).length === 0) {
    return [
      withCode(
        error(
          l10n.t('sso_session {0} refers to an sso-session section that does not exist', shown),
          named
            ? l10n.t('Add [sso-session {0}] with sso_start_url and sso_region to the config file, or run "aws configure sso".', sessionName)
            : l10n.t(
                'Add the [sso-session NAME] section it names with sso_start_url and sso_region to the config file, or run "aws configure sso".',
              ),
          partOf(at('sso_session'), 'value'),
        ),
        'missingSsoSession',
      ),
    ];
  }
  const session = valuesIn(files.config, 'sso-session', sessionName);
  return sessionKeys
    .filter((key) => session?.[key] === undefined)
    .map((key) =>
      error(
        l10n.t('the sso-session {0} has no {1}', shown, key),
        named
          ? l10n.t('Add {0} to [sso-session {1}].', key, sessionName)
          : l10n.t('Add {0} to the [sso-session NAME] section it names.', key),
        at('sso_session'),
      ),
    );
}

function legacyProblems(settings: RawSettings, at: KeyLocator): Problem[] {
  return sessionKeys
    .filter((key) => settings[key] === undefined)
    .map((key) =>
      error(
        l10n.t('missing properties: {0} (needed by an SSO profile without sso_session)', key),
        l10n.t('Add {0}, or move the SSO settings into an [sso-session] section and set sso_session.', key),
        at('sso_account_id'),
      ),
    );
}
