import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loginTokenFileName } from '../../src/core/aws/login/cachePaths';
import { exampleAccount, exampleUser } from '../fixtures/awsEndpoint';
import { ui } from './session';
import {
  connectWithProfile,
  clickNotificationButton,
  resetWorkbench,
  statusBarTooltip,
  waitForNotification,
  waitForStatusBarItem,
} from './workbench';

const session = exampleUser.arn;
const tokenFile = path.join('.aws', 'login', 'cache', loginTokenFileName(session));

function connectWith(profile: string): Promise<void> {
  return connectWithProfile(ui().page, profile);
}

function signinCalls(): number {
  return ui().endpoint.state.log.filter((entry) => entry.service === 'signin' && entry.status === 200).length;
}

describe('aws login profiles (login_session)', () => {
  beforeEach(async () => {
    const { page, removeAwsFolder, writeHomeFile } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    writeHomeFile('.aws/config', `[profile console]\nlogin_session = ${session}\nregion = us-east-1\n`);
  });

  it('offers Sign In without a sign-in, says which AWS CLI has aws login, and connects by itself once a sign-in is written', async () => {
    const { page, endpoint, writeHomeFile } = ui();
    await connectWith('console');
    await waitForStatusBarItem(page, /^AWS: profile:console$/, true);
    await waitForNotification(
      page,
      /Profile console could not connect: There is no aws login sign-in for session .*Sign in with aws login to connect/,
    );
    await statusBarTooltip(page, /AWS: profile:console/, /Sign In · Disconnect/);
    await clickNotificationButton(page, /Profile console could not connect/, 'Sign In');
    // This machine's AWS CLI is version 1, which has no aws login.
    await waitForNotification(page, /Profile console could not sign in: aws login needs the AWS CLI version 2\.32\.0 or later/);
    // What `aws login --profile console` writes when the person has signed in, in a terminal here or anywhere.
    writeHomeFile(tokenFile, endpoint.login.signIn({ session }));
    await waitForStatusBarItem(page, /^AWS: profile:console$/, false, 10_000);
    await statusBarTooltip(page, /AWS: profile:console/, new RegExp(`Account: ${exampleAccount}[\\s\\S]*Credentials expire in 1[45] min`));
  });

  it('renews a sign-in that is due through AWS Sign-In, and offers Sign In once the sign-in has ended', async () => {
    const { page, endpoint, readHomeFile, writeHomeFile } = ui();
    // Profiles of their own: the extension keeps the credentials of a connect for the rest of the run.
    writeHomeFile('.aws/config', `[profile renewed]\nlogin_session = ${session}\n\n[profile ended]\nlogin_session = ${session}\n`);
    const due = endpoint.login.signIn({ session, accessExpiresInMs: 60_000 });
    writeHomeFile(tokenFile, due);
    const before = signinCalls();
    await connectWith('renewed');
    await waitForStatusBarItem(page, /^AWS: profile:renewed$/, false);
    assert.equal(signinCalls(), before + 1, 'renewed once with its refresh token');
    assert.notEqual(readHomeFile(tokenFile)?.text, due, 'the renewed sign-in is written back for the AWS CLI');
    writeHomeFile(tokenFile, endpoint.login.signIn({ session, accessExpiresInMs: -60_000 }));
    endpoint.login.expire(session);
    await connectWith('ended');
    await waitForStatusBarItem(page, /^AWS: profile:ended$/, true);
    await waitForNotification(page, /Profile ended could not connect: The aws login sign-in has ended\. Sign in with aws login to connect/);
  });
});

describe('web identity and credential_process', () => {
  beforeEach(async () => {
    const { page, removeAwsFolder } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
  });

  afterEach(async () => {
    await ui().setUserSetting('awsCredentialManager.credentialProcess.timeoutSeconds', 60);
  });

  it('connects with a web identity token file, and names the file when its token has expired', async () => {
    const { page, endpoint, server, writeHomeFile } = ui();
    const file = path.join(server.home, '.aws', 'pod-token');
    writeHomeFile('.aws/pod-token', endpoint.webIdentityToken(3_600_000));
    writeHomeFile(
      '.aws/config',
      `[profile pod]\nrole_arn = arn:aws:iam::${exampleAccount}:role/Developer\nweb_identity_token_file = ${file}\nrole_session_name = pod\n`,
    );
    await connectWith('pod');
    await waitForStatusBarItem(page, /^AWS: profile:pod$/, false);
    await statusBarTooltip(page, /AWS: profile:pod/, /assumed-role\/Developer\/pod/);
    // Another pod, whose token the cluster stopped renewing.
    const stale = path.join(server.home, '.aws', 'stale-token');
    writeHomeFile('.aws/stale-token', endpoint.webIdentityToken(-60_000));
    writeHomeFile(
      '.aws/config',
      `[profile stale]\nrole_arn = arn:aws:iam::${exampleAccount}:role/Developer\nweb_identity_token_file = ${stale}\n`,
    );
    await connectWith('stale');
    await waitForNotification(page, new RegExp(`The web identity token in ${stale.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} has expired`));
  });

  it('says a failing credential_process’s exit code and what it printed, masked, and stops one that hangs', async () => {
    const { page, setUserSetting, writeHomeFile } = ui();
    writeHomeFile(
      '.aws/config',
      [
        '[profile broken]',
        `credential_process = node -e "console.error('refresh failed for ${exampleUser.secretAccessKey}'); process.exit(4)"`,
        '',
        '[profile stuck]',
        'credential_process = sleep 600',
        '',
      ].join('\n'),
    );
    await connectWith('broken');
    const said = await waitForNotification(
      page,
      /Profile broken could not connect: The credential_process of profile broken exited with code 4: refresh failed for \*+/,
    );
    assert.doesNotMatch(said, /EXAMPLEKEY/);
    await setUserSetting('awsCredentialManager.credentialProcess.timeoutSeconds', 2);
    await connectWith('stuck');
    await waitForNotification(page, /The credential_process of profile stuck did not finish within 2 s, so it was stopped/, 20_000);
    const logs = ui()
      .logTexts()
      .map((entry) => entry.text)
      .join('\n');
    assert.doesNotMatch(logs, /wJalrXUtnFEMI/);
  });
});
