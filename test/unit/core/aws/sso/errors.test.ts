import * as assert from 'node:assert/strict';
import { describeSignInError, signInEnded } from '../../../../../src/core/aws/sso/errors';

const center = { startUrl: 'https://d-9067c1a2b3.awsapps.com/start', region: 'eu-west-3', scopes: ['sso:account:access'] };
const named = (name: string, extra: object = {}): Error => Object.assign(new Error(`${name} from AWS`), { name, ...extra });

describe('IAM Identity Center errors in plain words', () => {
  it('says what to do when the person denied, the code expired, or no Identity Center has this start URL in this region', () => {
    assert.match(
      describeSignInError(named('AccessDeniedException'), center).message,
      /denied in the browser\. Sign in again and choose Allow access/,
    );
    assert.match(describeSignInError(named('ExpiredTokenException'), center).message, /not approved in time and its code expired/);
    for (const name of ['InvalidRequestException', 'InvalidRequestRegionException', 'InvalidClientMetadataException']) {
      assert.match(
        describeSignInError(named(name), center).message,
        /no IAM Identity Center with the start URL https:\/\/d-9067c1a2b3\.awsapps\.com\/start in eu-west-3/,
        name,
      );
    }
  });

  it('names the region when its endpoint does not resolve, and says no network otherwise', () => {
    const unresolved = Object.assign(new Error('getaddrinfo ENOTFOUND oidc.eu-west-3.amazonaws.com'), { code: 'ENOTFOUND' });
    assert.match(
      describeSignInError(unresolved, center).message,
      /IAM Identity Center in eu-west-3 could not be reached: check the region/,
    );
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    assert.equal(describeSignInError(refused, center).kind, 'network');
  });

  it('knows the answers that end a sign-in, and only those', () => {
    for (const name of ['UnauthorizedException', 'InvalidGrantException', 'InvalidClientException', 'ExpiredTokenException']) {
      assert.equal(signInEnded(named(name)), true, name);
    }
    for (const error of [named('InternalServerException'), named('ThrottlingException'), new Error('x'), undefined, 'text']) {
      assert.equal(signInEnded(error), false, String(error));
    }
  });
});
