/** What an IAM Identity Center sign-in looks like in a few words: the Profiles view, its tooltips and the session pickers. */
import type { SignInTarget, TokenStatus } from '../aws/sso/sessions';
import type { Profile } from '../profiles/model';
import { quoted } from '../secrets';

const timeOf = (date: Date): string => `${date.toISOString().slice(11, 16)} UTC`;

/** "signed in until 15:30 UTC", "sign-in expired at 14:00 UTC", "not signed in". */
export function tokenStatusWords(status: TokenStatus): string {
  switch (status.kind) {
    case 'notSignedIn':
      return 'not signed in';
    case 'expired':
      return `sign-in expired at ${timeOf(status.expiredAt)}`;
    case 'signedIn':
      return status.refreshes
        ? `signed in, renews (token until ${timeOf(status.expiresAt)})`
        : `signed in until ${timeOf(status.expiresAt)}`;
  }
}

/** The lines a tooltip shows of an IAM Identity Center profile: its session, account, role and sign-in. */
export function ssoProfileLines(profile: Profile, target: SignInTarget | undefined, status: TokenStatus | undefined): string[] {
  if (profile.kind !== 'sso') {
    return [];
  }
  const session = profile.ssoSession === undefined ? 'none (legacy: start URL in the profile)' : quoted(profile.ssoSession);
  return [
    `Session: ${session}${target ? ` (${target.center.startUrl}, ${target.center.region})` : ''}`,
    `Account: ${profile.accountId ?? 'not set'}`,
    `Role: ${profile.roleName === undefined ? 'not set' : quoted(profile.roleName)}`,
    ...(status ? [`Sign-in: ${tokenStatusWords(status)}`] : []),
  ];
}
