import * as assert from 'node:assert/strict';
import { LambdaClient, ListFunctionsCommand, paginateListFunctions } from '@aws-sdk/client-lambda';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { exampleAccount, exampleUser, useAwsEndpoint, type AwsEndpoint } from '../fixtures/awsEndpoint';

/** The real AWS SDK, pointed at the local endpoint. */
function sts(endpoint: AwsEndpoint, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): STSClient {
  return new STSClient({ endpoint: endpoint.url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { name: string }).name;
  }
  return 'no error';
}

describe('the local AWS endpoint, through the real AWS SDK', () => {
  const endpoint = useAwsEndpoint();

  it('answers GetCallerIdentity for a known key with a good signature', async () => {
    const identity = await sts(endpoint.current, exampleUser).send(new GetCallerIdentityCommand({}));
    assert.deepEqual([identity.Account, identity.Arn], [exampleAccount, exampleUser.arn]);
  });

  it('rejects an unknown key with InvalidClientTokenId and a wrong secret with SignatureDoesNotMatch', async () => {
    assert.equal(
      await errorCode(
        sts(endpoint.current, { ...exampleUser, accessKeyId: 'AKIAUNKNOWNEXAMPLE00' }).send(new GetCallerIdentityCommand({})),
      ),
      'InvalidClientTokenId',
    );
    assert.equal(
      await errorCode(sts(endpoint.current, { ...exampleUser, secretAccessKey: 'wrong' }).send(new GetCallerIdentityCommand({}))),
      'SignatureDoesNotMatch',
    );
  });

  it('rejects an expired session token with ExpiredToken, and a long-term key sent with a token', async () => {
    const expired = endpoint.current.temporaryKey(-1000);
    assert.equal(
      await errorCode(
        sts(endpoint.current, { ...expired, sessionToken: expired.sessionToken ?? '' }).send(new GetCallerIdentityCommand({})),
      ),
      'ExpiredToken',
    );
    assert.equal(
      await errorCode(sts(endpoint.current, { ...exampleUser, sessionToken: 'stale' }).send(new GetCallerIdentityCommand({}))),
      'InvalidClientTokenId',
    );
    const fresh = endpoint.current.temporaryKey(60_000);
    const identity = await sts(endpoint.current, { ...fresh, sessionToken: fresh.sessionToken ?? '' }).send(
      new GetCallerIdentityCommand({}),
    );
    assert.equal(identity.Arn, exampleUser.arn);
  });

  it('assumes a role, checking the MFA code, and the role credentials work', async () => {
    const client = sts(endpoint.current, exampleUser);
    const admin = `arn:aws:iam::${exampleAccount}:role/Admin`;
    const serial = `arn:aws:iam::${exampleAccount}:mfa/Alice`;
    assert.equal(await errorCode(client.send(new AssumeRoleCommand({ RoleArn: admin, RoleSessionName: 'sx' }))), 'AccessDenied');
    assert.equal(
      await errorCode(
        client.send(new AssumeRoleCommand({ RoleArn: admin, RoleSessionName: 'sx', SerialNumber: serial, TokenCode: '000000' })),
      ),
      'AccessDenied',
    );
    const assumed = await client.send(
      new AssumeRoleCommand({
        RoleArn: admin,
        RoleSessionName: 'session',
        SerialNumber: serial,
        TokenCode: '123456',
        DurationSeconds: 900,
      }),
    );
    const { AccessKeyId = '', SecretAccessKey = '', SessionToken = '', Expiration } = assumed.Credentials ?? {};
    assert.ok(AccessKeyId.startsWith('ASIA'));
    assert.ok(Expiration && Math.abs(Expiration.getTime() - Date.now() - 900_000) < 5_000);
    const identity = await sts(endpoint.current, {
      accessKeyId: AccessKeyId,
      secretAccessKey: SecretAccessKey,
      sessionToken: SessionToken,
    }).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Arn, `arn:aws:sts::${exampleAccount}:assumed-role/Admin/session`);
  });

  it('issues session tokens', async () => {
    const session = await sts(endpoint.current, exampleUser).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    assert.ok(session.Credentials?.SessionToken);
  });

  it('lists Lambda functions over several pages', async () => {
    const client = new LambdaClient({ endpoint: endpoint.current.url, region: 'us-east-1', credentials: exampleUser, maxAttempts: 1 });
    const names: string[] = [];
    for await (const page of paginateListFunctions({ client }, {})) {
      names.push(...(page.Functions ?? []).map((fn) => fn.FunctionName ?? ''));
    }
    assert.equal(names.length, 75);
    assert.equal(endpoint.current.state.log.filter((entry) => entry.service === 'lambda').length, 2);
    const wrong = new LambdaClient({
      endpoint: endpoint.current.url,
      region: 'us-east-1',
      credentials: { ...exampleUser, secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    assert.equal(await errorCode(wrong.send(new ListFunctionsCommand({}))), 'InvalidSignatureException');
  });

  it('injects latency and failures, also over HTTP', async () => {
    await fetch(`${endpoint.current.url}/__control`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs: 150, failNext: { code: 'Throttling', count: 1 } }),
    });
    const started = Date.now();
    assert.equal(await errorCode(sts(endpoint.current, exampleUser).send(new GetCallerIdentityCommand({}))), 'Throttling');
    assert.ok(Date.now() - started >= 150);
    assert.equal((await sts(endpoint.current, exampleUser).send(new GetCallerIdentityCommand({}))).Account, exampleAccount);
  });
});
