/**
 * What the panel's host sends its webview, built without VS Code: the profiles that exist, why the
 * keys were refused, what failed, whom it connected as. Names are shown as every message shows them
 * (see core/secrets); the secrets themselves never travel this way.
 */
import * as l10n from '@vscode/l10n';
import { rejectedKeyField, type AwsProblem } from '../core/aws/errors';
import type { Identity } from '../core/aws/identity';
import { errorMessage, isKnownError } from '../core/errors';
import { displayPath } from '../core/files/paths';
import { filesOf } from '../core/present/profileLabels';
import { knownRegions } from '../core/profiles/regions';
import { quoted } from '../core/secrets';
import type { ProfileSnapshot } from '../core/validation/snapshot';
import type { HostMessage } from './protocol';

export function initMessage(snapshot: ProfileSnapshot, credentialsFile: string): HostMessage {
  return {
    type: 'init',
    // The webview matches the typed name against these; a name that may be a secret is left out
    // (the host still finds that profile on Continue, and updates its keys).
    existing: snapshot.reports
      .filter((report) => quoted(report.profile.name) === report.profile.name)
      .map((report) => ({ name: report.profile.name, files: filesOf(report.profile).map((file) => displayPath(file)) })),
    regions: knownRegions,
    credentialsFile: displayPath(credentialsFile),
    sessions: snapshot.ssoSessions.flatMap(({ name, startUrl, region }) =>
      startUrl !== undefined && quoted(name) === name ? [{ name, startUrl, region }] : [],
    ),
  };
}

/** AWS refused the keys, or could not say: next to the field that holds the refused value, else for the form. */
export function rejectedMessage(problem: AwsProblem): HostMessage {
  const field = rejectedKeyField(problem);
  return field
    ? { type: 'rejected', errors: { [field]: problem.message } }
    : { type: 'rejected', errors: {}, formError: l10n.t('{0} Nothing was saved.', problem.message) };
}

/** A failure caught by the panel's error boundary: a refused write (known) saved nothing; anything else is a bug. */
export function failureMessage(error: unknown): HostMessage {
  const formError = isKnownError(error)
    ? l10n.t('Nothing was saved: {0}', errorMessage(error))
    : l10n.t('Something went wrong: {0}', errorMessage(error));
  return { type: 'rejected', errors: {}, formError };
}

export function connectedMessage(profile: string, identity: Identity): HostMessage {
  return { type: 'connected', profileName: quoted(profile), account: identity.account, arn: identity.arn };
}
