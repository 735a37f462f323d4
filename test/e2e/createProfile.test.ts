import * as assert from 'node:assert/strict';
import { exampleUser } from '../fixtures/awsEndpoint';
import { ui } from './session';
import {
  answerInput,
  clickNotificationButton,
  editorTabs,
  inputState,
  pick,
  quickPickLabels,
  resetWorkbench,
  runCommand,
  typeIntoInput,
  waitForInput,
  waitForNotification,
  waitForStatusBarItem,
} from './workbench';

const header = '# AWS shared credentials file: access keys, one [name] section per profile. Keep it private.\n\n';

/** Answers the key steps of the open form and skips the region. */
async function answerKeysAndSkipRegion(accessKeyId: string, secretAccessKey: string): Promise<void> {
  const { page } = ui();
  await answerInput(page, accessKeyId);
  await answerInput(page, secretAccessKey);
  await quickPickLabels(page, /^Skip$/);
  await pick(page, 'Skip');
}

describe('AWS: Create Credentials Profile', () => {
  beforeEach(async () => {
    await resetWorkbench(ui().page);
    ui().removeAwsFolder();
  });

  it('creates the first profile on a machine with no ~/.aws: a private file with its header, checked with AWS', async () => {
    const { page, readHomeFile, endpoint } = ui();
    // Counted before the form opens: the check can reach the endpoint before the last pick resolves.
    const checksOfAlice = (): number =>
      endpoint.state.log.filter((call) => call.action === 'GetCallerIdentity' && call.accessKeyId === exampleUser.accessKeyId).length;
    const checksBefore = checksOfAlice();
    await runCommand(page, 'AWS: Create Credentials Profile');
    const nameStep = await inputState(page);
    assert.match(nameStep.title, /Create Credentials Profile.*1\/4/);
    assert.equal(nameStep.value, 'default', 'default is offered when there is no profile');
    assert.match(await typeIntoInput(page, 'my dev'), /cannot contain spaces/);
    await answerInput(page, 'default');
    assert.match(await typeIntoInput(page, exampleUser.secretAccessKey), /capital letters and digits only/);
    await answerInput(page, exampleUser.accessKeyId);
    const secretStep = await inputState(page);
    assert.equal(secretStep.password, true, 'the secret is masked');
    assert.match(secretStep.title, /3\/4/);
    await answerInput(page, exampleUser.secretAccessKey);
    await quickPickLabels(page, /^Skip$/);
    await page.keyboard.type('us-west-2');
    await quickPickLabels(page, /^us-west-2$/);
    await pick(page, 'us-west-2');
    await waitForNotification(page, /Profile default was saved for account 123456789012 \(arn:aws:iam::123456789012:user\/Alice\)/);
    assert.ok(checksOfAlice() > checksBefore, 'the keys were checked with the endpoint');
    const credentials = readHomeFile('.aws/credentials');
    assert.equal(
      credentials?.text,
      `${header}[default]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
    );
    assert.equal(credentials.mode, 0o600);
    assert.match(readHomeFile('.aws/config')?.text ?? '', /\[default\]\nregion = us-west-2\n$/);
    const tabs = await editorTabs(page);
    assert.ok(tabs.includes('config') && tabs.includes('credentials'), `both files open: ${tabs.join(', ')}`);
    await clickNotificationButton(page, /Profile default was saved/, 'Connect');
    await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
  });

  it('adds a profile below the others in a file of comments and CRLF lines, changing no other byte', async () => {
    const { page, writeHomeFile, readHomeFile } = ui();
    const before =
      '# team keys\r\n[default]  ; the old one\r\naws_access_key_id=AKIAIOSFODNN7EXAMPLE\r\naws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\r\n\r\n# keep this comment\r\n';
    writeHomeFile('.aws/credentials', before);
    await runCommand(page, 'AWS: Create Credentials Profile');
    assert.equal((await inputState(page)).value, '', 'default is not offered when it exists');
    assert.match(await typeIntoInput(page, 'default'), /already exists/);
    await answerInput(page, 'work');
    await answerKeysAndSkipRegion(exampleUser.accessKeyId, exampleUser.secretAccessKey);
    await waitForNotification(page, /Profile work was saved/);
    const after = readHomeFile('.aws/credentials')?.text ?? '';
    assert.equal(after.slice(0, before.length), before, 'every byte before the new profile is unchanged');
    assert.equal(
      after.slice(before.length),
      `\r\n[work]\r\naws_access_key_id = ${exampleUser.accessKeyId}\r\naws_secret_access_key = ${exampleUser.secretAccessKey}\r\n`,
    );
    assert.equal(readHomeFile('.aws/config'), undefined, 'no config file without a region');
  });

  it('rejects a wrong secret with a plain message, writes nothing, and asks for the secret again', async () => {
    const { page, writeHomeFile, readHomeFile } = ui();
    const before =
      '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
    writeHomeFile('.aws/credentials', before);
    await runCommand(page, 'AWS: Create Credentials Profile');
    await answerInput(page, 'typo');
    await answerKeysAndSkipRegion(exampleUser.accessKeyId, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY00');
    const message = await waitForNotification(page, /secret access key does not match/);
    assert.match(message, /Nothing was saved/);
    assert.equal(readHomeFile('.aws/credentials')?.text, before);
    await clickNotificationButton(page, /secret access key does not match/, 'Re-enter Secret Access Key');
    // Read the box once the step it goes back to is open, not the one on screen at the click.
    await waitForInput(page, /Create Credentials Profile.*3\/4/);
    const again = await inputState(page);
    assert.equal(again.password, true);
    assert.match(again.title, /3\/4/);
    await page.keyboard.press('Escape');
    assert.equal(readHomeFile('.aws/credentials')?.text, before);
  });

  it('says an unknown access key ID is not known to AWS', async () => {
    const { page, readHomeFile } = ui();
    await runCommand(page, 'AWS: Create Credentials Profile');
    await answerInput(page, 'default');
    await answerKeysAndSkipRegion('AKIAUNKNOWNEXAMPLE00', exampleUser.secretAccessKey);
    await waitForNotification(page, /AWS does not know this access key ID/);
    assert.equal(readHomeFile('.aws/credentials'), undefined);
  });
});
