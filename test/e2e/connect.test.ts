import * as assert from 'node:assert/strict';
import { exampleAccount, exampleUser } from '../fixtures/awsEndpoint';
import { ui } from './session';
import {
  connectWithProfile,
  answerInput,
  clickNotificationButton,
  waitForWorkbench,
  openInputTitle,
  pick,
  quickPickLabels,
  resetWorkbench,
  runCommand,
  waitForInput,
  waitForNotification,
  waitForStatusBarItem,
} from './workbench';

const keys = `aws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`;
const config = [
  '[profile admin]',
  `role_arn = arn:aws:iam::${exampleAccount}:role/Admin`,
  'source_profile = default',
  `mfa_serial = arn:aws:iam::${exampleAccount}:mfa/Alice`,
  'region = eu-west-1',
  '',
].join('\n');

function connectWith(profile: string): Promise<void> {
  return connectWithProfile(ui().page, profile);
}

describe('AWS: Connect to AWS', () => {
  beforeEach(async () => {
    const { page, removeAwsFolder, writeHomeFile } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    writeHomeFile('.aws/credentials', `[default]\n${keys}`);
    writeHomeFile('.aws/config', config);
  });

  it('shows AWS in the status bar, then AWS: profile:default after connecting with static keys', async () => {
    const { page } = ui();
    await runCommand(page, 'AWS: Disconnect');
    await waitForStatusBarItem(page, /^AWS$/, false);
    await connectWith('default');
    await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
    await runCommand(page, 'AWS: Show Current Identity');
    await waitForNotification(
      page,
      new RegExp(`Profile default: account ${exampleAccount}, arn:aws:iam::${exampleAccount}:user/Alice, region us-east-1`),
    );
  });

  it('asks for the MFA code of a role once, then reuses the role session; most recently used first', async () => {
    const { page, endpoint } = ui();
    await connectWith('default');
    await waitForStatusBarItem(page, /^AWS: profile:default$/);
    await connectWith('admin');
    await waitForInput(page, /MFA Code for Profile admin/);
    await answerInput(page, '123456');
    await waitForStatusBarItem(page, /^AWS: profile:admin$/);
    await connectWith('default');
    await waitForStatusBarItem(page, /^AWS: profile:default$/);
    const assumed = endpoint.state.log.filter((entry) => entry.action === 'AssumeRole').length;
    await runCommand(page, 'AWS: Connect to AWS');
    const labels = await quickPickLabels(page, /^admin$/);
    assert.deepEqual(labels.slice(0, 2), ['default', 'admin'], 'most recently used first');
    await pick(page, 'admin');
    await waitForStatusBarItem(page, /^AWS: profile:admin$/);
    assert.doesNotMatch(await openInputTitle(page), /MFA/, 'no second MFA prompt');
    assert.equal(endpoint.state.log.filter((entry) => entry.action === 'AssumeRole').length, assumed, 'the role session was reused');
  });

  it('shows an expired session token with the warning look and a plain message, and reconnects when new keys are pasted', async () => {
    const { page, endpoint, writeHomeFile } = ui();
    const expired = endpoint.temporaryKey(-60_000);
    writeHomeFile(
      '.aws/credentials',
      `[class]\naws_access_key_id = ${expired.accessKeyId}\naws_secret_access_key = ${expired.secretAccessKey}\naws_session_token = ${expired.sessionToken ?? ''}\n`,
    );
    await connectWith('class');
    await waitForStatusBarItem(page, /^AWS: profile:class$/, true);
    await waitForNotification(page, /Profile class could not connect: The session token has expired/);
    const fresh = endpoint.temporaryKey(4 * 3_600_000);
    writeHomeFile(
      '.aws/credentials',
      `[class]\naws_access_key_id = ${fresh.accessKeyId}\naws_secret_access_key = ${fresh.secretAccessKey}\naws_session_token = ${fresh.sessionToken ?? ''}\n`,
    );
    // Connected again by itself: the warning look goes.
    await waitForStatusBarItem(page, /^AWS: profile:class$/, false, 10_000);
    assert.doesNotMatch(await openInputTitle(page), /MFA/);
  });

  it('offers Edit Credentials when AWS does not know the key', async () => {
    const { page, writeHomeFile } = ui();
    writeHomeFile(
      '.aws/credentials',
      `[gone]\naws_access_key_id = AKIAUNKNOWNEXAMPLE00\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
    );
    await connectWith('gone');
    await waitForNotification(page, /Profile gone could not connect: AWS does not know this access key ID/);
    await clickNotificationButton(page, /Profile gone could not connect/, 'Edit Credentials');
    await waitForNotification(page, /To add a profile/);
  });

  it('connects with a session token and with a credential_process', async () => {
    const { page, endpoint, writeHomeFile, server } = ui();
    const temporary = endpoint.temporaryKey(3_600_000);
    const script = `${server.home}/.aws/creds.js`;
    writeHomeFile(
      '.aws/creds.js',
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: '${exampleUser.accessKeyId}', SecretAccessKey: '${exampleUser.secretAccessKey}' }));\n`,
    );
    writeHomeFile(
      '.aws/credentials',
      `[class]\naws_access_key_id = ${temporary.accessKeyId}\naws_secret_access_key = ${temporary.secretAccessKey}\naws_session_token = ${temporary.sessionToken ?? ''}\n`,
    );
    writeHomeFile('.aws/config', `[profile tool]\ncredential_process = node ${script}\n`);
    await connectWith('class');
    await waitForStatusBarItem(page, /^AWS: profile:class$/, false);
    await connectWith('tool');
    await waitForStatusBarItem(page, /^AWS: profile:tool$/, false);
  });

  it('restores the connection after a window reload, but never asks for an MFA code at start', async () => {
    const { page } = ui();
    await connectWith('default');
    await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
    // The browser workbench writes globalState to its storage on its own schedule, not at once.
    await page.waitForTimeout(2_000);
    await page.reload();
    await waitForWorkbench(page);
    await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
    await connectWith('admin');
    await waitForInput(page, /MFA Code for Profile admin/);
    await answerInput(page, '123456');
    await waitForStatusBarItem(page, /^AWS: profile:admin$/, false);
    await page.waitForTimeout(2_000);
    await page.reload();
    await waitForWorkbench(page);
    await waitForStatusBarItem(page, /^AWS$/, false);
    await page.waitForTimeout(2_000);
    assert.doesNotMatch(await openInputTitle(page), /MFA/);
    await waitForStatusBarItem(page, /^AWS$/, false);
  });
});
