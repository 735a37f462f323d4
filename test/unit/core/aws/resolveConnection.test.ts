import * as assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describeAwsError } from '../../../../src/core/aws/errors';
import { resolveConnection, type ResolveRequest } from '../../../../src/core/aws/resolveConnection';
import { CancelledError } from '../../../../src/core/errors';
import { aliceMfa, exampleAccount, exampleUser, useAwsEndpoint } from '../../../fixtures/awsEndpoint';
import { useTempFolder, writeTexts } from '../../helpers/sdkFiles';
import { direct } from '../../../fixtures/network';

const keys = `aws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`;

describe('resolveConnection, through fromIni and STS at the local endpoint', () => {
  const folder = useTempFolder();
  const endpoint = useAwsEndpoint();

  async function request(
    profile: string,
    config: string,
    credentials: string,
    extra: Partial<ResolveRequest> = {},
  ): Promise<ResolveRequest> {
    const paths = await writeTexts(folder.path, { config, credentials });
    return {
      profile,
      paths,
      region: 'us-east-1',
      endpointUrl: endpoint.current.url,
      network: direct,
      askMfaCode: () => Promise.reject(new Error('no MFA expected')),
      ...extra,
    };
  }

  it("connects static keys and a session token, at the profile's endpoint_url", async () => {
    const connected = await resolveConnection(await request('default', '', `[default]\n${keys}`));
    assert.deepEqual([connected.identity.account, connected.identity.arn], [exampleAccount, exampleUser.arn]);
    const temporary = endpoint.current.temporaryKey(60_000);
    const session = await resolveConnection(
      await request(
        'class',
        '',
        `[class]\naws_access_key_id = ${temporary.accessKeyId}\naws_secret_access_key = ${temporary.secretAccessKey}\naws_session_token = ${temporary.sessionToken ?? ''}\n`,
      ),
    );
    assert.equal(session.identity.arn, exampleUser.arn);
  });

  it('says an expired session token has expired', async () => {
    const expired = endpoint.current.temporaryKey(-1_000);
    const call = resolveConnection(
      await request(
        'class',
        '',
        `[class]\naws_access_key_id = ${expired.accessKeyId}\naws_secret_access_key = ${expired.secretAccessKey}\naws_session_token = ${expired.sessionToken ?? ''}\n`,
      ),
    );
    await assert.rejects(call, (error) => describeAwsError(error).kind === 'expiredToken');
  });

  it('assumes a role with the MFA code it asks for, and reuses the role session without asking again', async () => {
    const asked: string[] = [];
    const config = `[profile admin]\nrole_arn = arn:aws:iam::${exampleAccount}:role/Admin\nsource_profile = default\nmfa_serial = arn:aws:iam::${exampleAccount}:mfa/Alice\n`;
    const first = await resolveConnection(
      await request('admin', config, `[default]\n${keys}`, { askMfaCode: (serial) => (asked.push(serial), Promise.resolve('123456')) }),
    );
    assert.equal(first.identity.arn.startsWith(`arn:aws:sts::${exampleAccount}:assumed-role/Admin/`), true);
    assert.deepEqual(asked, [`arn:aws:iam::${exampleAccount}:mfa/Alice`]);
    assert.ok(first.credentials.expiration && first.credentials.expiration.getTime() > Date.now());
    const again = await resolveConnection(await request('admin', config, `[default]\n${keys}`, { reuse: first.credentials }));
    assert.equal(again.identity.arn, first.identity.arn);
    assert.equal(asked.length, 1);
  });

  describe('an IAM user with mfa_serial and no role: an MFA session from GetSessionToken', () => {
    const mfaKeys = `[alice]\n${keys}mfa_serial = ${aliceMfa.serialNumber}\n`;
    const mfaSession = { serial: aliceMfa.serialNumber, durationSeconds: 3600 };

    it('asks the code once, gets temporary credentials of the same user for the duration asked, and reuses them', async () => {
      const asked: string[] = [];
      const askMfaCode = (serial: string): Promise<string> => (asked.push(serial), Promise.resolve(aliceMfa.code));
      const started = Date.now();
      const first = await resolveConnection(await request('alice', '', mfaKeys, { askMfaCode, mfaSession }));
      assert.deepEqual(asked, [aliceMfa.serialNumber]);
      assert.equal(first.identity.arn, exampleUser.arn);
      assert.ok(first.credentials.sessionToken, 'an MFA session has a session token');
      assert.notEqual(first.credentials.accessKeyId, exampleUser.accessKeyId);
      const lifetime = (first.credentials.expiration?.getTime() ?? 0) - started;
      assert.ok(lifetime > 3_590_000 && lifetime <= 3_601_000, `the session lasts an hour, not ${lifetime} ms`);
      const calls = endpoint.current.state.log.map((entry) => entry.action);
      assert.deepEqual(calls, ['GetSessionToken', 'GetCallerIdentity']);
      const again = await resolveConnection(await request('alice', '', mfaKeys, { askMfaCode, mfaSession, reuse: first.credentials }));
      assert.equal(again.identity.arn, exampleUser.arn);
      assert.equal(asked.length, 1);
    });

    it('refuses a wrong code with a plain word about the MFA code', async () => {
      const call = resolveConnection(await request('alice', '', mfaKeys, { askMfaCode: () => Promise.resolve('000000'), mfaSession }));
      await assert.rejects(call, (error) => {
        const problem = describeAwsError(error);
        return problem.kind === 'accessDenied' && /MFA code/.test(problem.message);
      });
    });

    it('stops when the code is not given, before any call to STS', async () => {
      const call = resolveConnection(
        await request('alice', '', mfaKeys, { askMfaCode: () => Promise.reject(new CancelledError()), mfaSession }),
      );
      await assert.rejects(call, (error) => describeAwsError(error).kind === 'cancelled');
      assert.deepEqual(endpoint.current.state.log, []);
    });
  });

  it('refuses a wrong MFA code with AccessDenied', async () => {
    const config = `[profile admin]\nrole_arn = arn:aws:iam::${exampleAccount}:role/Admin\nsource_profile = default\nmfa_serial = arn:aws:iam::${exampleAccount}:mfa/Alice\n`;
    const call = resolveConnection(await request('admin', config, `[default]\n${keys}`, { askMfaCode: () => Promise.resolve('000000') }));
    await assert.rejects(call, (error) => describeAwsError(error).kind === 'accessDenied');
  });

  it('runs a credential_process', async () => {
    const script = path.join(folder.path, 'creds.js');
    await writeFile(
      script,
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: '${exampleUser.accessKeyId}', SecretAccessKey: '${exampleUser.secretAccessKey}' }));\n`,
    );
    const command = `${process.execPath} ${script}`;
    const connected = await resolveConnection(await request('proc', `[profile proc]\ncredential_process = ${command}\n`, ''));
    assert.equal(connected.identity.arn, exampleUser.arn);
    const bounded = await resolveConnection(
      await request('proc', `[profile proc]\ncredential_process = ${command}\n`, '', { credentialProcess: { command, timeoutMs: 10_000 } }),
    );
    assert.equal(bounded.identity.arn, exampleUser.arn, 'the bounded runner reads what the SDK reads');
  });

  describe('a role assumed with a web identity token file (AssumeRoleWithWebIdentity)', () => {
    const roleArn = `arn:aws:iam::${exampleAccount}:role/Developer`;
    // The SDK builds the STS client of a web identity without the client options fromIni is given:
    // only the environment's endpoint reaches it, as in VS Code started with AWS_ENDPOINT_URL.
    let saved: string | undefined;
    beforeEach(() => {
      saved = process.env['AWS_ENDPOINT_URL'];
      process.env['AWS_ENDPOINT_URL'] = endpoint.current.url;
    });
    afterEach(() => {
      if (saved === undefined) {
        delete process.env['AWS_ENDPOINT_URL'];
      } else {
        process.env['AWS_ENDPOINT_URL'] = saved;
      }
    });

    async function webIdentity(token: string | undefined, role = roleArn): Promise<{ request: ResolveRequest; file: string }> {
      const file = path.join(folder.path, 'token');
      if (token !== undefined) {
        await writeFile(file, token);
      }
      const config = `[profile pod]\nrole_arn = ${role}\nweb_identity_token_file = ${file}\nrole_session_name = pod-session\n`;
      return { request: await request('pod', config, ''), file };
    }

    it('connects with the token in the file, unsigned, as the role', async () => {
      const { request: pod } = await webIdentity(endpoint.current.webIdentityToken(3_600_000));
      const connected = await resolveConnection(pod);
      assert.equal(connected.identity.arn, `arn:aws:sts::${exampleAccount}:assumed-role/Developer/pod-session`);
      assert.deepEqual(
        endpoint.current.state.log.map((entry) => [entry.action, entry.accessKeyId === undefined]),
        [
          ['AssumeRoleWithWebIdentity', true],
          ['GetCallerIdentity', false],
        ],
      );
    });

    it('says in plain words what is wrong with the token or its file, naming the file', async () => {
      const cases: [string | undefined, string, RegExp][] = [
        [endpoint.current.webIdentityToken(-60_000), 'expiredToken', /has expired: the program that writes it must renew it/],
        ['not-a-token', 'other', /AWS does not accept the web identity token in .*token: its issuer/],
        [undefined, 'other', /The web identity token file .*token does not exist/],
      ];
      for (const [token, kind, message] of cases) {
        const { request: pod, file } = await webIdentity(token);
        const problem = await resolveConnection(pod).then(
          () => undefined,
          (error: unknown) => describeAwsError(error, { webIdentityTokenFile: file }),
        );
        assert.equal(problem?.kind, kind, String(problem?.message));
        assert.match(problem.message, message);
        await rm(file, { force: true });
      }
    });

    it('says when the role does not trust the token', async () => {
      const { request: pod, file } = await webIdentity(
        endpoint.current.webIdentityToken(3_600_000),
        `arn:aws:iam::${exampleAccount}:role/Nobody`,
      );
      await assert.rejects(resolveConnection(pod), (error) => {
        const problem = describeAwsError(error, { webIdentityTokenFile: file });
        return problem.kind === 'accessDenied' && /trust policy/.test(problem.message);
      });
    });
  });

  it('assumes a role with credential_source = Environment, from the keys in the environment', async () => {
    const saved = { id: process.env['AWS_ACCESS_KEY_ID'], secret: process.env['AWS_SECRET_ACCESS_KEY'] };
    process.env['AWS_ACCESS_KEY_ID'] = exampleUser.accessKeyId;
    process.env['AWS_SECRET_ACCESS_KEY'] = exampleUser.secretAccessKey;
    try {
      const config = `[profile ci]\nrole_arn = arn:aws:iam::${exampleAccount}:role/Developer\ncredential_source = Environment\n`;
      const connected = await resolveConnection(await request('ci', config, ''));
      assert.ok(connected.identity.arn.startsWith(`arn:aws:sts::${exampleAccount}:assumed-role/Developer/`), connected.identity.arn);
    } finally {
      for (const [key, value] of [
        ['AWS_ACCESS_KEY_ID', saved.id],
        ['AWS_SECRET_ACCESS_KEY', saved.secret],
      ] as const) {
        if (value === undefined) {
          delete process.env[key];
        } else {
          process.env[key] = value;
        }
      }
    }
  });
});
