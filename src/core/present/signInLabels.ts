/** What an IAM Identity Center sign-in's state looks like in a few words (the Profiles view, the session pickers). */
import type { TokenStatus } from '../aws/sso/sessions';
import { expiryPhrase } from './statusBarView';

export function tokenStatusWords(status: TokenStatus, now: Date = new Date()): string {
  switch (status.kind) {
    case 'notSignedIn':
      return 'not signed in';
    case 'expired':
      return `sign-in expired ${expiryPhrase(status.expiredAt, now).replace(/^\((.*)\)$/, '$1')}`;
    case 'signedIn':
      return status.refreshes
        ? `signed in (token renews; current one expires ${expiryPhrase(status.expiresAt, now)})`
        : `signed in until ${status.expiresAt.toISOString().slice(11, 16)} UTC`;
  }
}
