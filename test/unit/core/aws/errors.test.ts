import * as assert from 'node:assert/strict';
import { describeAwsError, rejectedKeyField } from '../../../../src/core/aws/errors';
import { exampleUser } from '../../../fixtures/awsEndpoint';

describe('describeAwsError: AWS errors in plain words', () => {
  it('never quotes a secret in its messages', () => {
    const secret = exampleUser.secretAccessKey;
    for (const name of ['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'AccessDenied', 'Throttling', 'Weird']) {
      const problem = describeAwsError(Object.assign(new Error('The request signature we calculated does not match'), { name }), {
        withSessionToken: true,
      });
      assert.ok(!problem.message.includes(secret));
      assert.ok(problem.message.length > 10);
    }
    assert.equal(describeAwsError(Object.assign(new Error('x'), { name: 'Throttling' })).kind, 'throttled');
    const echoed = describeAwsError(new Error(`credential_process printed {"SecretAccessKey": "${secret}"}`));
    assert.equal(echoed.kind, 'other');
    assert.ok(!echoed.message.includes(secret) && echoed.message.includes('********'), echoed.message);
    assert.equal(
      describeAwsError(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }) })).kind,
      'network',
    );
  });

  it('tells a certificate that is not trusted, out of date or for another host from a network failure', () => {
    const tlsError = (code: string) => describeAwsError(Object.assign(new Error(code), { code }));
    for (const code of [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    ]) {
      const problem = tlsError(code);
      assert.equal(problem.kind, 'certificate', code);
      assert.match(problem.message, new RegExp(`not trusted \\(${code}\\).*ca_bundle.*AWS_CA_BUNDLE`));
    }
    assert.match(tlsError('CERT_HAS_EXPIRED').message, /out of date \(CERT_HAS_EXPIRED\): check the date and time/);
    assert.match(tlsError('ERR_TLS_CERT_ALTNAME_INVALID').message, /for another host name.*endpoint_url/);
    assert.equal(tlsError('ECONNRESET').kind, 'network');
  });

  it("tells a proxy's refusal, also when VS Code's proxy support passes the proxy's 407 through as the answer", () => {
    const answered = Object.assign(new Error('UnknownError'), { name: 'Unknown', $metadata: { httpStatusCode: 407 } });
    assert.deepEqual(describeAwsError(answered).kind, 'proxy');
    assert.match(describeAwsError(answered).message, /http\.proxy/);
  });

  it('names the field of a key form that holds what AWS refused', () => {
    assert.equal(rejectedKeyField({ kind: 'unknownKey', message: '' }), 'accessKeyId');
    assert.equal(rejectedKeyField({ kind: 'expiredToken', message: '' }), 'accessKeyId');
    assert.equal(rejectedKeyField({ kind: 'wrongSecret', message: '' }), 'secretAccessKey');
    for (const kind of ['accessDenied', 'throttled', 'network', 'timeout', 'cancelled', 'other'] as const) {
      assert.equal(rejectedKeyField({ kind, message: '' }), undefined, kind);
    }
  });
});
