import * as assert from 'node:assert/strict';
import type { SignInTarget } from '../../../../src/core/aws/sso/sessions';
import { ssoProfileLines, tokenStatusWords } from '../../../../src/core/present/signInLabels';
import { reportOf } from '../../helpers/snapshots';

const at = new Date('2026-12-01T15:30:00Z');

describe('IAM Identity Center sign-ins in words', () => {
  it('says whether a sign-in lasts, renews, has expired or is missing', () => {
    assert.equal(tokenStatusWords({ kind: 'signedIn', expiresAt: at, refreshes: false }), 'signed in until 15:30 UTC');
    assert.equal(tokenStatusWords({ kind: 'signedIn', expiresAt: at, refreshes: true }), 'signed in, renews (token until 15:30 UTC)');
    assert.equal(tokenStatusWords({ kind: 'expired', expiredAt: at }), 'sign-in expired at 15:30 UTC');
    assert.equal(tokenStatusWords({ kind: 'notSignedIn' }), 'not signed in');
  });

  it('shows a profile its session, account, role and sign-in; other kinds nothing', async () => {
    const config =
      '[sso-session corp]\nsso_start_url = https://d-9067c1a2b3.awsapps.com/start\nsso_region = eu-west-1\n' +
      '[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n' +
      '[profile keys]\nregion = us-east-1\n';
    const target = { center: { startUrl: 'https://d-9067c1a2b3.awsapps.com/start', region: 'eu-west-1' } } as SignInTarget;
    const { profile } = await reportOf('dev', { config });
    assert.deepEqual(ssoProfileLines(profile, target, { kind: 'notSignedIn' }), [
      'Session: corp (https://d-9067c1a2b3.awsapps.com/start, eu-west-1)',
      'Account: 111122223333',
      'Role: ReadOnly',
      'Sign-in: not signed in',
    ]);
    assert.deepEqual(ssoProfileLines((await reportOf('keys', { config })).profile, undefined, undefined), []);
  });
});
