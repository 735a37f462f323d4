import * as assert from 'node:assert/strict';
import type { SsoToken } from '../../../../../src/core/aws/sso/tokenCache';
import { canRefresh, refreshedToken, refreshMarginMs, tokenUse } from '../../../../../src/core/aws/sso/tokenLifetime';

const now = new Date('2026-12-01T10:00:00Z');
const at = (msFromNow: number): Date => new Date(now.getTime() + msFromNow);

const token = (expiresInMs: number, overrides: Partial<SsoToken> = {}): SsoToken => ({
  startUrl: 'https://d-9067c1a2b3.awsapps.com/start',
  region: 'us-east-1',
  accessToken: 'aoaEXAMPLE',
  expiresAt: at(expiresInMs),
  refreshToken: 'aorEXAMPLE',
  clientId: 'client',
  clientSecret: 'secret',
  registrationExpiresAt: at(90 * 86_400_000),
  ...overrides,
});

describe('when an IAM Identity Center token is used, refreshed or given up on', () => {
  it('uses a token with more than 5 minutes left and refreshes one with 5 minutes or less, as the SDK does', () => {
    assert.equal(refreshMarginMs, 300_000);
    assert.equal(tokenUse(token(300_001), now), 'use');
    assert.equal(tokenUse(token(300_000), now), 'refresh');
    assert.equal(tokenUse(token(299_999), now), 'refresh');
    assert.equal(tokenUse(token(-1), now), 'refresh');
  });

  it('asks for a new sign-in when the token cannot be refreshed: no refresh token, no registration, or an expired one', () => {
    assert.equal(tokenUse(token(60_000, { refreshToken: undefined }), now), 'signIn');
    assert.equal(tokenUse(token(60_000, { clientSecret: undefined }), now), 'signIn');
    assert.equal(tokenUse(token(60_000, { registrationExpiresAt: at(-1) }), now), 'signIn');
    assert.equal(canRefresh(token(60_000, { registrationExpiresAt: undefined }), now), true, 'the SDK does not require the date');
  });

  it('keeps the registration and takes the new access token, expiry and refresh token (none: dropped)', () => {
    const old = token(60_000);
    const renewed = refreshedToken(old, { accessToken: 'aoaNEW', expiresInSeconds: 3600, refreshToken: undefined }, now);
    assert.deepEqual(renewed, { ...old, accessToken: 'aoaNEW', expiresAt: at(3_600_000), refreshToken: undefined });
  });
});
