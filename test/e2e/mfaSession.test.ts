import * as assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import * as path from 'node:path';
import { awsCli } from '../fixtures/awsCli';
import { aliceMfa, exampleUser } from '../fixtures/awsEndpoint';
import { eventually } from '../eventually';
import { ui } from './session';
import {
  connectWithProfile,
  answerInput,
  openInputTitle,
  resetWorkbench,
  runCommand,
  statusBarTooltip,
  waitForInput,
  waitForStatusBarItem,
} from './workbench';

const keys = `aws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`;
// Each test uses a profile of its own: the extension keeps an MFA session for the rest of the run.
const credentials = [
  '# Alice signs in with her MFA device.',
  '[alice]',
  `${keys}mfa_serial = ${aliceMfa.serialNumber}`,
  '',
  '[alice-cli]',
  `${keys}mfa_serial = ${aliceMfa.serialNumber}`,
  'duration_seconds = 3600',
  '',
].join('\n');

function connectWith(profile: string): Promise<void> {
  return connectWithProfile(ui().page, profile);
}

function sessionTokenCalls(): number {
  return ui().endpoint.state.log.filter((entry) => entry.action === 'GetSessionToken' && entry.status === 200).length;
}

describe('MFA for an IAM user without a role (STS GetSessionToken)', () => {
  beforeEach(async () => {
    const { page, removeAwsFolder, writeHomeFile } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    writeHomeFile('.aws/credentials', credentials);
    writeHomeFile('.aws/config', '[profile alice]\nregion = eu-west-1\n\n[profile alice-cli]\nregion = eu-west-1\n');
  });

  afterEach(async () => {
    await ui().setUserSetting('awsCredentialManager.mfa.writeSessionProfile', false);
  });

  it('asks for the code once, then reuses the session until it ends; the tooltip says when', async () => {
    const { page } = ui();
    const before = sessionTokenCalls();
    await connectWith('alice');
    await waitForInput(page, /MFA Code for Profile alice/);
    await answerInput(page, aliceMfa.code);
    await waitForStatusBarItem(page, /^AWS: profile:alice$/, false);
    assert.equal(sessionTokenCalls(), before + 1);
    await statusBarTooltip(page, /AWS: profile:alice/, /Credentials expire in 12 h/);
    await runCommand(page, 'AWS: Disconnect');
    await waitForStatusBarItem(page, /^AWS$/);
    await connectWith('alice');
    await waitForStatusBarItem(page, /^AWS: profile:alice$/, false);
    assert.doesNotMatch(await openInputTitle(page), /MFA/, 'no second MFA prompt');
    assert.equal(sessionTokenCalls(), before + 1, 'the MFA session was reused');
    // The long-term keys are never written anywhere while the setting is off.
    assert.equal(ui().readHomeFile('.aws/credentials')?.text, credentials);
  });

  it('writes the session to NAME-mfa when asked, which the AWS CLI in a terminal uses', async () => {
    const { page, endpoint, readHomeFile, server, setUserSetting } = ui();
    // Private, as `aws configure` creates it: the MFA session must not make it less so.
    chmodSync(path.join(server.home, '.aws/credentials'), 0o600);
    await setUserSetting('awsCredentialManager.mfa.writeSessionProfile', true);
    await connectWith('alice-cli');
    await waitForInput(page, /MFA Code for Profile alice-cli/);
    await answerInput(page, aliceMfa.code);
    await waitForStatusBarItem(page, /^AWS: profile:alice-cli$/, false);
    const written = await eventually(
      () => readHomeFile('.aws/credentials'),
      (file) => file?.text.includes('[alice-cli-mfa]') === true,
      (file) => `The credentials file has no [alice-cli-mfa] profile:\n${file?.text.replace(/=.*/g, '= ...') ?? '(missing)'}`,
    );
    assert.ok(written);
    assert.equal(written.mode & 0o777, 0o600, 'the credentials file stays private');
    assert.ok(written.text.startsWith(credentials), 'every byte the user wrote is kept');
    const added = written.text.slice(credentials.length);
    assert.match(
      added,
      /^\n?\[alice-cli-mfa\]\naws_access_key_id = ASIA[A-Z0-9]+\naws_secret_access_key = \S+\naws_session_token = \S+\n$/,
    );
    const sessionKey = /aws_access_key_id = (\S+)/.exec(added)?.[1];
    const identity = await awsCli<{ Arn: string }>(['sts', 'get-caller-identity', '--profile', 'alice-cli-mfa'], {
      HOME: server.home,
      AWS_ENDPOINT_URL: endpoint.url,
    });
    assert.equal(identity.Arn, exampleUser.arn);
    assert.ok(
      endpoint.state.log.some((entry) => entry.accessKeyId === sessionKey && entry.action === 'GetCallerIdentity' && entry.status === 200),
      'the AWS CLI signed with the MFA session',
    );
    assert.ok(readHomeFile('.aws/config')?.text.includes('[profile alice-cli-mfa]\nregion = eu-west-1'), 'the region of its source');
    const secrets = [/aws_secret_access_key = (\S+)/, /aws_session_token = (\S+)/].map((pattern) => pattern.exec(added)?.[1] ?? '');
    const logs = ui()
      .logTexts()
      .map((entry) => entry.text)
      .join('\n');
    for (const secret of secrets) {
      assert.ok(secret.length > 20 && !logs.includes(secret.slice(0, 16)), 'no piece of the session secrets in any log');
    }
  });
});
