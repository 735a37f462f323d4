/** What an IAM Identity Center sign-in looks like in a few words: the Profiles view, its tooltips and the session pickers. */
import * as l10n from '@vscode/l10n';
import type { SignInTarget, TokenStatus } from '../aws/sso/sessions';
import type { Profile } from '../profiles/model';
import { quoted } from '../secrets';

const timeOf = (date: Date): string => l10n.t('{0} UTC', date.toISOString().slice(11, 16));

/** "signed in until 15:30 UTC", "sign-in expired at 14:00 UTC", "not signed in". */
export function tokenStatusWords(status: TokenStatus): string {
  switch (status.kind) {
    case 'notSignedIn':
      return l10n.t('not signed in');
    case 'expired':
      return l10n.t('sign-in expired at {0}', timeOf(status.expiredAt));
    case 'signedIn':
      return status.refreshes
        ? l10n.t('signed in, renews (token until {0})', timeOf(status.expiresAt))
        : l10n.t('signed in until {0}', timeOf(status.expiresAt));
  }
}

/** The lines a tooltip shows of an IAM Identity Center profile: its session, account, role and sign-in. */
export function ssoProfileLines(profile: Profile, target: SignInTarget | undefined, status: TokenStatus | undefined): string[] {
  if (profile.kind !== 'sso') {
    return [];
  }
  const session = profile.ssoSession === undefined ? l10n.t('none (legacy: start URL in the profile)') : quoted(profile.ssoSession);
  return [
    target ? l10n.t('Session: {0} ({1}, {2})', session, target.center.startUrl, target.center.region) : l10n.t('Session: {0}', session),
    l10n.t('Account: {0}', profile.accountId ?? l10n.t('not set')),
    l10n.t('Role: {0}', profile.roleName === undefined ? l10n.t('not set') : quoted(profile.roleName)),
    ...(status ? [l10n.t('Sign-in: {0}', tokenStatusWords(status))] : []),
  ];
}
