import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { codeChallenge, codeVerifier, newState } from '../../../../../src/core/aws/sso/pkce';

describe('PKCE for the authorization code sign-in', () => {
  it('makes 64-character verifiers of the unreserved characters, each one new', () => {
    const verifiers = Array.from({ length: 200 }, () => codeVerifier());
    for (const verifier of verifiers) {
      assert.match(verifier, /^[A-Za-z0-9\-._~]{64}$/);
    }
    assert.equal(new Set(verifiers).size, verifiers.length);
    // Every character of the set turns up: the draw is not biased to a part of it.
    assert.equal(new Set(verifiers.join('')).size, 66);
  });

  it('gives the S256 challenge: base64url of the SHA-256, without padding', () => {
    const verifier = codeVerifier();
    const expected = createHash('sha256').update(verifier).digest('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    assert.equal(codeChallenge(verifier), expected);
    assert.match(codeChallenge(verifier), /^[A-Za-z0-9_-]{43}$/);
  });

  it('gives a new state for every sign-in', () => {
    assert.notEqual(newState(), newState());
    assert.match(newState(), /^[0-9a-f-]{36}$/);
  });
});
