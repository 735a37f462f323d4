import * as assert from 'node:assert/strict';
import { chooseFlow, isFlowSetting, ownerKey, signInTargetOf, tokenStatus } from '../../../../../src/core/aws/sso/sessions';
import type { CachedToken } from '../../../../../src/core/aws/sso/tokenCache';
import { snapshotOfTexts } from '../../../helpers/snapshots';

const config =
  '[sso-session corp]\nsso_start_url = https://d-9067c1a2b3.awsapps.com/start\nsso_region = eu-west-1\n' +
  '[sso-session half]\nsso_region = eu-west-1\n' +
  '[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n' +
  '[profile old]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-west-2\nsso_account_id = 1\nsso_role_name = R\n' +
  '[profile incomplete]\nsso_session = half\nsso_account_id = 1\nsso_role_name = R\n' +
  '[profile keys]\nregion = us-east-1\n';

describe('which IAM Identity Center sign-in a profile uses', () => {
  it('is its session (renewable, default scope), or for a legacy profile its start URL (never renewed)', async () => {
    const snapshot = await snapshotOfTexts({ config });
    const target = (name: string) =>
      signInTargetOf(snapshot.reports.find((report) => report.profile.name === name)?.profile ?? assert.fail(name), snapshot.ssoSessions);
    assert.deepEqual(target('dev'), {
      owner: { session: 'corp' },
      label: 'corp',
      center: { startUrl: 'https://d-9067c1a2b3.awsapps.com/start', region: 'eu-west-1', scopes: ['sso:account:access'] },
      refreshes: true,
    });
    assert.deepEqual(target('old'), {
      owner: { legacyStartUrl: 'https://legacy.awsapps.com/start' },
      label: 'https://legacy.awsapps.com/start',
      center: { startUrl: 'https://legacy.awsapps.com/start', region: 'us-west-2', scopes: ['sso:account:access'] },
      refreshes: false,
    });
    assert.equal(target('incomplete'), undefined, 'a session without a start URL signs in nowhere');
    assert.equal(target('keys'), undefined);
    assert.notEqual(ownerKey({ session: 'x' }), ownerKey({ legacyStartUrl: 'x' }));
  });

  it('says from the cache file alone whether it is signed in, renews, expired, or is missing', async () => {
    const snapshot = await snapshotOfTexts({ config });
    const profile = snapshot.reports.find((report) => report.profile.name === 'dev')?.profile;
    const target = profile && signInTargetOf(profile, snapshot.ssoSessions);
    assert.ok(target);
    const now = new Date('2026-12-01T10:00:00Z');
    const cached = (expiresAt: string, refreshToken?: string): CachedToken => ({
      file: 'f',
      text: '',
      token: {
        startUrl: undefined,
        region: undefined,
        accessToken: 'a',
        expiresAt: new Date(expiresAt),
        refreshToken,
        clientId: 'c',
        clientSecret: 's',
        registrationExpiresAt: undefined,
      },
    });
    assert.deepEqual(tokenStatus(undefined, target, now), { kind: 'notSignedIn' });
    assert.deepEqual(tokenStatus(cached('2026-12-01T11:00:00Z'), target, now), {
      kind: 'signedIn',
      expiresAt: new Date('2026-12-01T11:00:00Z'),
      refreshes: false,
    });
    assert.deepEqual(tokenStatus(cached('2026-12-01T09:00:00Z', 'r'), target, now), {
      kind: 'signedIn',
      expiresAt: new Date('2026-12-01T09:00:00Z'),
      refreshes: true,
    });
    assert.deepEqual(tokenStatus(cached('2026-12-01T09:00:00Z'), target, now), {
      kind: 'expired',
      expiredAt: new Date('2026-12-01T09:00:00Z'),
    });
    assert.deepEqual(tokenStatus(cached('2026-12-01T09:00:00Z', 'r'), { ...target, refreshes: false }, now).kind, 'expired');
  });

  it('signs in with PKCE where browser and host share a machine, with a device code elsewhere, or as the setting says', () => {
    assert.equal(chooseFlow('auto', { remote: false, web: false }), 'authorizationCode');
    assert.equal(chooseFlow('auto', { remote: true, web: false }), 'deviceCode');
    assert.equal(chooseFlow('auto', { remote: false, web: true }), 'deviceCode');
    assert.equal(chooseFlow('deviceCode', { remote: false, web: false }), 'deviceCode');
    assert.equal(chooseFlow('authorizationCode', { remote: true, web: true }), 'authorizationCode');
    assert.deepEqual(['auto', 'deviceCode', 'authorizationCode', 'pkce', ''].map(isFlowSetting), [true, true, true, false, false]);
  });
});
