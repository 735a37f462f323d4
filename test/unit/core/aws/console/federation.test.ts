import * as assert from 'node:assert/strict';
import { AssumeRoleCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyCredentials, ResourceAccess } from '../../../../../src/core/aws/clients';
import { consoleSignIn, SigninRefused } from '../../../../../src/core/aws/console/federation';
import { describeAwsError } from '../../../../../src/core/aws/errors';
import { exampleAccount, exampleUser, useAwsEndpoint, type AwsEndpoint } from '../../../../fixtures/awsEndpoint';
import { direct } from '../../../../fixtures/network';

const home = { kind: 'home', region: 'us-east-1' } as const;

/** Temporary credentials of an STS call made with the example user's keys, through the real SDK. */
async function sts(endpoint: AwsEndpoint, command: AssumeRoleCommand | GetSessionTokenCommand): Promise<KeyCredentials> {
  const client = new STSClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: exampleUser });
  const { Credentials } = await client.send(command as AssumeRoleCommand);
  return {
    accessKeyId: Credentials?.AccessKeyId ?? '',
    secretAccessKey: Credentials?.SecretAccessKey ?? '',
    sessionToken: Credentials?.SessionToken,
  };
}

/** What the endpoint's login page says of the sign-in the address carries. */
async function loginPage(url: string): Promise<Record<string, string>> {
  const response = await fetch(url);
  assert.equal(response.status, 200, await response.clone().text());
  const html = await response.text();
  return Object.fromEntries(
    [...html.matchAll(/<span id="(\w+)">([^<]*)<\/span>/g)].map(([, id = '', value = '']) => [
      id,
      value.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
    ]),
  );
}

describe('consoleSignIn, through the real SDK and the local endpoint', () => {
  const endpoint = useAwsEndpoint();
  const access = (credentials: KeyCredentials): ResourceAccess => ({
    credentials,
    region: 'us-east-1',
    endpointUrl: endpoint.current.url,
    network: direct,
  });

  it('signs a role session in as itself, to the Lambda function asked for', async () => {
    const role = await sts(
      endpoint.current,
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${exampleAccount}:role/Developer`, RoleSessionName: 'alice' }),
    );
    const signIn = await consoleSignIn(
      access(role),
      { kind: 'direct' },
      { kind: 'lambdaFunction', region: 'us-east-1', name: 'function-001' },
    );
    assert.equal(signIn.arn, undefined);
    assert.ok(signIn.url.startsWith(`${endpoint.current.url}/federation?Action=login&`));
    assert.deepEqual(await loginPage(signIn.url), {
      arn: `arn:aws:sts::${exampleAccount}:assumed-role/Developer/alice`,
      destination: 'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/function-001',
      issuer: 'aws-credential-manager',
      permissions: 'the role',
    });
  });

  it("makes an IAM user's keys a federated user's with every permission of the user, for an hour", async () => {
    const before = Date.now();
    const signIn = await consoleSignIn(access(exampleUser), { kind: 'federationToken', name: 'Alice' }, home);
    const federated = `arn:aws:sts::${exampleAccount}:federated-user/Alice`;
    assert.equal(signIn.arn, federated);
    const page = await loginPage(signIn.url);
    assert.equal(page['arn'], federated);
    assert.deepEqual(JSON.parse(page['permissions'] ?? ''), {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    const key = endpoint.current.state.keys.find((candidate) => candidate.arn === federated);
    const lifetime = (key?.expiresAt ?? 0) - before;
    assert.ok(lifetime > 3_590_000 && lifetime <= 3_601_000, `an hour (${lifetime} ms)`);
  });

  it('is refused by the sign-in endpoint with GetSessionToken credentials, in plain words', async () => {
    const session = await sts(endpoint.current, new GetSessionTokenCommand({}));
    await assert.rejects(consoleSignIn(access(session), { kind: 'direct' }, home), (error) => {
      assert.ok(error instanceof SigninRefused);
      assert.match(error.message, /did not give a sign-in token for these credentials \(HTTP 400\)/);
      return true;
    });
  });

  it('fails plainly when GetFederationToken is refused (session credentials sent as long-term keys)', async () => {
    const session = await sts(endpoint.current, new GetSessionTokenCommand({}));
    await assert.rejects(consoleSignIn(access(session), { kind: 'federationToken', name: 'Alice' }, home), (error) => {
      assert.equal(describeAwsError(error).kind, 'accessDenied');
      return true;
    });
  });

  it('never quotes the sign-in address, which carries the credentials, when the endpoint cannot be reached', async () => {
    const role = await sts(
      endpoint.current,
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${exampleAccount}:role/Developer`, RoleSessionName: 'alice' }),
    );
    // A port nothing listens on any more.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const cases: [string, string][] = [
      ['http://127.0.0.1:notaport', 'other'],
      [`http://127.0.0.1:${port}`, 'network'],
    ];
    for (const [endpointUrl, kind] of cases) {
      const failed = await consoleSignIn({ ...access(role), endpointUrl }, { kind: 'direct' }, home).then(
        () => assert.fail('the sign-in was expected to fail'),
        (error: unknown) => error as Error,
      );
      const said = `${failed.message} ${describeAwsError(failed).message}`;
      assert.equal(describeAwsError(failed).kind, kind, said);
      for (const secret of [role.secretAccessKey, role.sessionToken ?? '']) {
        for (const piece of [secret.slice(0, 12), encodeURIComponent(secret).slice(0, 12), secret.slice(-12)]) {
          assert.ok(!said.includes(piece), `${endpointUrl}: the message quotes a piece of a secret`);
        }
      }
      assert.match(said, /could not be reached/);
    }
  });

  it('stops when cancelled, and when the endpoint does not answer in time', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const role = await sts(
        endpoint.current,
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${exampleAccount}:role/Developer`, RoleSessionName: 'alice' }),
      );
      const stuck: ResourceAccess = { ...access(role), endpointUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` };
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(consoleSignIn(stuck, { kind: 'direct' }, home, { signal: controller.signal }), (error) => {
        assert.equal(describeAwsError(error).kind, 'cancelled');
        return true;
      });
      await assert.rejects(consoleSignIn(stuck, { kind: 'direct' }, home, { timeoutMs: 200 }), (error) => {
        assert.equal(describeAwsError(error).kind, 'timeout');
        return true;
      });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
