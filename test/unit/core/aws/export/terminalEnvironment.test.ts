import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { credentialsTerminalEnvironment } from '../../../../../src/core/aws/export/terminalEnvironment';
import { awsCli } from '../../../../fixtures/awsCli';
import { exampleUser, useAwsEndpoint } from '../../../../fixtures/awsEndpoint';

const run = promisify(execFile);

describe('the environment of a terminal with the credentials', () => {
  const endpoint = useAwsEndpoint();

  it("is the extension host's without VS Code's own variables or other credentials, with the connection's keys and region", () => {
    const key = {
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      secretAccessKey: exampleUser.secretAccessKey,
      sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
    };
    const environment = credentialsTerminalEnvironment(
      {
        PATH: '/usr/bin',
        HOME: '/home/alice',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_PROFILE: 'dev',
        aws_default_profile: 'dev',
        AWS_SECURITY_TOKEN: 'old',
        AWS_REGION: 'eu-west-1',
        VSCODE_IPC_HOOK_CLI: '/tmp/cli.sock',
        VSCODE_NLS_CONFIG: '{}',
        ELECTRON_RUN_AS_NODE: '1',
        UNSET: undefined,
      },
      { ...key, expiration: new Date('2099-01-01T00:00:00Z') },
      'ap-south-1',
    );
    assert.deepEqual(environment, {
      PATH: '/usr/bin',
      HOME: '/home/alice',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      VSCODE_IPC_HOOK_CLI: '/tmp/cli.sock',
      AWS_ACCESS_KEY_ID: key.accessKeyId,
      AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
      AWS_SESSION_TOKEN: key.sessionToken,
      AWS_CREDENTIAL_EXPIRATION: '2099-01-01T00:00:00+00:00',
      AWS_REGION: 'ap-south-1',
      AWS_DEFAULT_REGION: 'ap-south-1',
    });
  });

  describe('with AWS_PROFILE set beside the key variables', () => {
    let home = '';
    beforeEach(() => {
      home = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-terminal-'));
    });
    afterEach(() => rmSync(home, { recursive: true, force: true }));

    /** The access key ID the AWS SDK for JavaScript's default chain resolves in that environment. */
    async function sdkKeyId(environment: Record<string, string>): Promise<string> {
      const script = "require('@aws-sdk/credential-provider-node').defaultProvider()().then((c) => console.log(c.accessKeyId))";
      const { stdout } = await run(process.execPath, ['-e', script], { env: environment, cwd: process.cwd() });
      return stdout.trim();
    }

    it('the AWS CLI takes the keys (and fails on a profile not in the files), the AWS SDK for JavaScript the profile; the terminal has no AWS_PROFILE', async () => {
      const exported = endpoint.current.temporaryKey(3_600_000);
      const credentials = path.join(home, 'credentials');
      writeFileSync(
        credentials,
        `[default]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
      );
      const base = {
        PATH: process.env['PATH'] ?? '',
        HOME: home,
        AWS_CONFIG_FILE: path.join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: credentials,
        AWS_ENDPOINT_URL: endpoint.current.url,
        AWS_DEFAULT_REGION: 'us-east-1',
      };
      const both = {
        ...base,
        AWS_PROFILE: 'default',
        AWS_ACCESS_KEY_ID: exported.accessKeyId,
        AWS_SECRET_ACCESS_KEY: exported.secretAccessKey,
        AWS_SESSION_TOKEN: exported.sessionToken ?? '',
      };
      const identity = ['sts', 'get-caller-identity'];
      const lastSigner = (): string | undefined => endpoint.current.state.log.at(-1)?.accessKeyId;

      await assert.rejects(awsCli(identity, { ...both, AWS_PROFILE: 'gone' }), /could not be found/);
      await awsCli(identity, both);
      assert.equal(lastSigner(), exported.accessKeyId, 'the AWS CLI signs with the key variables');
      assert.equal(await sdkKeyId(both), exampleUser.accessKeyId, "the AWS SDK for JavaScript takes the profile's keys");

      const environment = credentialsTerminalEnvironment({ ...base, AWS_PROFILE: 'default' }, exported, 'us-east-1');
      assert.equal(environment['AWS_PROFILE'], undefined);
      await awsCli(identity, environment);
      assert.equal(lastSigner(), exported.accessKeyId);
      assert.equal(await sdkKeyId(environment), exported.accessKeyId);
    });
  });
});
