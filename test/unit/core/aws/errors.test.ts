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

  it('names the field of a key form that holds what AWS refused', () => {
    assert.equal(rejectedKeyField({ kind: 'unknownKey', message: '' }), 'accessKeyId');
    assert.equal(rejectedKeyField({ kind: 'expiredToken', message: '' }), 'accessKeyId');
    assert.equal(rejectedKeyField({ kind: 'wrongSecret', message: '' }), 'secretAccessKey');
    for (const kind of ['accessDenied', 'throttled', 'network', 'timeout', 'cancelled', 'other'] as const) {
      assert.equal(rejectedKeyField({ kind, message: '' }), undefined, kind);
    }
  });
});
