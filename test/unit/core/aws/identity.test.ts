import * as assert from 'node:assert/strict';
import { describeAwsError, rejectedKeyField, type AwsProblemKind } from '../../../../src/core/aws/errors';
import type { KeyCredentials } from '../../../../src/core/aws/clients';
import { callerIdentity, verifyKeys } from '../../../../src/core/aws/identity';
import { exampleAccount, exampleUser, startAwsEndpoint, useAwsEndpoint, type AwsEndpoint } from '../../../fixtures/awsEndpoint';
import { direct } from '../../../fixtures/network';

async function problemKind(endpoint: AwsEndpoint | string, credentials: KeyCredentials): Promise<AwsProblemKind | 'none'> {
  const endpointUrl = typeof endpoint === 'string' ? endpoint : endpoint.url;
  try {
    await callerIdentity(credentials, { region: 'us-east-1', endpointUrl, network: direct, timeoutMs: 2_000 });
    return 'none';
  } catch (error) {
    return describeAwsError(error, { withSessionToken: Boolean(credentials.sessionToken) }).kind;
  }
}

describe('identity: callerIdentity and verifyKeys, through the real SDK and the local endpoint', () => {
  const endpoint = useAwsEndpoint();

  it('returns the account and ARN of good keys, at the endpoint.current given', async () => {
    const identity = await callerIdentity(exampleUser, { region: 'eu-west-1', endpointUrl: endpoint.current.url, network: direct });
    assert.deepEqual([identity.account, identity.arn], [exampleAccount, exampleUser.arn]);
    assert.equal(endpoint.current.state.log.length, 1);
  });

  it('tells an unknown key from a wrong secret from an expired token', async () => {
    assert.equal(await problemKind(endpoint.current, { ...exampleUser, accessKeyId: 'AKIAUNKNOWNEXAMPLE00' }), 'unknownKey');
    assert.equal(
      await problemKind(endpoint.current, { ...exampleUser, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY00' }),
      'wrongSecret',
    );
    const expired = endpoint.current.temporaryKey(-1_000);
    assert.equal(await problemKind(endpoint.current, expired), 'expiredToken');
    assert.equal(await problemKind(endpoint.current, { ...exampleUser, sessionToken: 'stale' }), 'unknownKey');
  });

  it('says the network failed when nothing listens, and that AWS did not answer on a timeout', async () => {
    const url = endpoint.current.url;
    await endpoint.current.close();
    assert.equal(await problemKind(url, exampleUser), 'network');
    endpoint.current = await startAwsEndpoint();
    endpoint.current.state.injection.latencyMs = 3_000;
    assert.equal(await problemKind(endpoint.current, exampleUser), 'timeout');
  });

  it('stops when cancelled', async () => {
    endpoint.current.state.injection.latencyMs = 2_000;
    const controller = new AbortController();
    const call = callerIdentity(exampleUser, {
      region: 'us-east-1',
      endpointUrl: endpoint.current.url,
      network: direct,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(call, (error) => describeAwsError(error).kind === 'cancelled');
  });

  it('checks pasted keys before they are saved, naming the field AWS refused', async () => {
    const previous = process.env['AWS_ENDPOINT_URL'];
    process.env['AWS_ENDPOINT_URL'] = endpoint.current.url;
    try {
      const pasted = { ...exampleUser, sessionToken: undefined, region: undefined };
      const valid = await verifyKeys(pasted, direct);
      assert.deepEqual(valid.valid && [valid.identity.account, valid.identity.arn], [exampleAccount, exampleUser.arn]);
      const wrong = await verifyKeys({ ...pasted, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY00' }, direct);
      assert.equal(wrong.valid ? undefined : rejectedKeyField(wrong.problem), 'secretAccessKey');
      const unknown = await verifyKeys({ ...pasted, accessKeyId: 'AKIAUNKNOWNEXAMPLE00' }, direct);
      assert.equal(unknown.valid ? undefined : rejectedKeyField(unknown.problem), 'accessKeyId');
      const withToken = await verifyKeys({ ...pasted, sessionToken: 'stale' }, direct);
      assert.match(withToken.valid ? '' : withToken.problem.message, /with this session token/);
    } finally {
      if (previous === undefined) {
        delete process.env['AWS_ENDPOINT_URL'];
      } else {
        process.env['AWS_ENDPOINT_URL'] = previous;
      }
    }
  });
});
