import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type { KeyCredentials } from '../../src/core/aws/clients';
import { exampleUser } from '../fixtures/awsEndpoint';
import { resultsFolder, ui } from './session';
import { activeWebview, editorTabs, focusedId, resetWorkbench, runCommand, treeRows, waitForStatusBarItem } from './workbench';

async function openPanel(): Promise<FrameLocator> {
  const { page } = ui();
  await runCommand(page, 'AWS: Add a New Connection');
  const panel = activeWebview(page);
  await panel.locator('#option-iam').waitFor({ timeout: 20_000 });
  return panel;
}

/** Chooses IAM Credential and types the given fields, as a person would. */
async function fillIamCredential(
  panel: FrameLocator,
  fields: { profileName?: string; accessKeyId?: string; secretAccessKey?: string },
): Promise<void> {
  await panel.locator('#option-iam').check();
  for (const [id, value] of Object.entries(fields)) {
    await panel.locator(`#${id}`).fill(value);
  }
}

describe('AWS: Add a New Connection', () => {
  let temporary: KeyCredentials | undefined;

  beforeEach(async () => {
    const { page, removeAwsFolder } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    await runCommand(page, 'AWS: Disconnect');
  });

  it('adds the profile, connects, and shows the account in the AWS Explorer', async () => {
    const { page, readHomeFile } = ui();
    const panel = await openPanel();
    await panel.locator('#option-iam').click();
    assert.equal(await focusedId(panel), 'profileName', 'a click on an option goes on to its first field');
    await fillIamCredential(panel, {
      profileName: 'work',
      accessKeyId: exampleUser.accessKeyId,
      secretAccessKey: exampleUser.secretAccessKey,
    });
    assert.equal(await panel.locator('#secretAccessKey').getAttribute('type'), 'password', 'the secret is masked');
    await panel.locator('#toggle-secret').click();
    assert.equal(await panel.locator('#secretAccessKey').getAttribute('type'), 'text');
    await panel.locator('#toggle-secret').click();
    await panel.locator('#region').selectOption('us-east-1');
    await panel.locator('#continue').click();
    await waitForStatusBarItem(page, /^AWS: profile:work$/, false);
    await panel.locator('#form-status', { hasText: 'Connected with profile work: account 123456789012' }).waitFor();
    assert.equal(await panel.locator('#secretAccessKey').inputValue(), '', 'the secret is not kept in the form');
    assert.match(
      readHomeFile('.aws/credentials')?.text ?? '',
      new RegExp(
        `\\[work\\]\\naws_access_key_id = ${exampleUser.accessKeyId}\\naws_secret_access_key = ${exampleUser.secretAccessKey.replace(/[/+]/g, '\\$&')}\\n$`,
      ),
    );
    assert.equal(readHomeFile('.aws/credentials')?.mode, 0o600);
    assert.match(readHomeFile('.aws/config')?.text ?? '', /\[profile work\]\nregion = us-east-1\n$/);
    const rows = await treeRows(page, 'AWS Explorer', (shown) => shown.some((row) => row.label === 'profile:work'));
    assert.deepEqual(
      rows.find((row) => row.label === 'profile:work'),
      { label: 'profile:work', description: 'account 123456789012' },
    );
  });

  it('shows a wrong secret next to the secret field, linked to it, and writes nothing', async () => {
    const { readHomeFile } = ui();
    const panel = await openPanel();
    await fillIamCredential(panel, {
      profileName: 'work',
      accessKeyId: exampleUser.accessKeyId,
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY00',
    });
    await panel.locator('#continue').click();
    const error = panel.locator('#secretAccessKey-error');
    await error.filter({ hasText: 'The secret access key does not match the access key ID' }).waitFor();
    assert.match((await panel.locator('#secretAccessKey').getAttribute('aria-describedby')) ?? '', /\bsecretAccessKey-error\b/);
    assert.equal(await panel.locator('#secretAccessKey').getAttribute('aria-invalid'), 'true');
    assert.equal(await panel.locator('#accessKeyId-error').isVisible(), false);
    assert.equal(readHomeFile('.aws/credentials'), undefined);
  });

  it('focuses the open panel instead of opening a second one, and keeps the form but not the secret', async () => {
    const { page } = ui();
    const panel = await openPanel();
    await fillIamCredential(panel, { profileName: 'kept', secretAccessKey: exampleUser.secretAccessKey });
    await runCommand(page, 'File: New Untitled Text File');
    await page.locator('.tabs-container .tab.active', { hasText: 'Untitled-' }).waitFor();
    const again = await openPanel();
    assert.deepEqual(
      (await editorTabs(page)).filter((tab) => tab === 'Add a New Connection'),
      ['Add a New Connection'],
    );
    assert.equal(await again.locator('#profileName').inputValue(), 'kept');
    assert.equal(await again.locator('#secretAccessKey').inputValue(), '');
  });

  it('keeps screenshots of the panel in a light and a dark theme', async () => {
    const { page } = ui();
    const panel = await openPanel();
    await panel.locator('#option-iam').check();
    await panel.locator('#profileName').fill('my dev');
    await panel.locator('#profileName').blur();
    mkdirSync(resultsFolder, { recursive: true });
    await page.screenshot({ path: path.join(resultsFolder, 'add-connection-light.png') });
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.locator('.monaco-workbench.vs-dark').waitFor();
    await page.screenshot({ path: path.join(resultsFolder, 'add-connection-dark.png') });
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.locator('.monaco-workbench.vs').waitFor();
  });

  it('offers to update the keys of a profile that exists, naming the files that will change', async () => {
    const { page, writeHomeFile, readHomeFile } = ui();
    writeHomeFile(
      '.aws/credentials',
      `# team\n[work]\naws_access_key_id = AKIAUNKNOWNEXAMPLE00\naws_secret_access_key = old\naws_session_token = stale\n`,
    );
    const panel = await openPanel();
    await panel.locator('#option-iam').check();
    await panel.locator('#profileName').fill('work');
    await panel
      .locator('#profileName-note', {
        hasText: 'A profile named work already exists. Continue will update its keys in ~/.aws/credentials.',
      })
      .waitFor();
    await panel.locator('#accessKeyId').fill(exampleUser.accessKeyId);
    await panel.locator('#secretAccessKey').fill(exampleUser.secretAccessKey);
    await panel.locator('#continue').click();
    await waitForStatusBarItem(page, /^AWS: profile:work$/, false);
    await panel.locator('#form-status', { hasText: 'Connected with profile work: account 123456789012' }).waitFor();
    assert.equal(
      readHomeFile('.aws/credentials')?.text,
      `# team\n[work]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
    );
  });

  it('asks for the session token of a temporary key, checks it with the keys, and saves all three', async () => {
    const { page, readHomeFile, endpoint } = ui();
    temporary = endpoint.temporaryKey(3_600_000);
    const panel = await openPanel();
    await fillIamCredential(panel, { profileName: 'temp', accessKeyId: temporary.accessKeyId, secretAccessKey: temporary.secretAccessKey });
    await panel.locator('#sessionToken').waitFor();
    assert.equal(await panel.locator('#sessionToken').getAttribute('type'), 'password', 'the token is masked');
    await panel.locator('#continue').click();
    await panel.locator('#sessionToken-error', { hasText: 'Enter the session token' }).waitFor();
    assert.equal(readHomeFile('.aws/credentials'), undefined, 'nothing is written without the token');
    await panel.locator('#sessionToken').fill(temporary.sessionToken ?? '');
    await panel.locator('#continue').click();
    await waitForStatusBarItem(page, /^AWS: profile:temp$/, false);
    await panel.locator('#form-status', { hasText: 'Connected with profile temp' }).waitFor();
    assert.equal(await panel.locator('#sessionToken').inputValue(), '', 'the token is not kept in the form');
    const written = readHomeFile('.aws/credentials')?.text ?? '';
    const expected = `[temp]\naws_access_key_id = ${temporary.accessKeyId}\naws_secret_access_key = ${temporary.secretAccessKey}\naws_session_token = ${temporary.sessionToken ?? ''}\n`;
    assert.ok(written.endsWith(expected), written.replace(/(secret_access_key|session_token) = .*/g, '$1 = ***'));
  });

  it('never writes a secret key into any log of the run', () => {
    const secrets = [
      exampleUser.secretAccessKey,
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY00',
      temporary?.secretAccessKey,
      temporary?.sessionToken,
    ].filter((secret): secret is string => secret !== undefined);
    assert.equal(secrets.length, 4, 'the temporary key of the test above is among them');
    const logs = ui().logTexts();
    assert.ok(
      logs.some((log) => log.text.includes('Connected with profile')),
      "the extension's log is among them",
    );
    for (const { file, text } of logs) {
      for (const secret of secrets) {
        assert.ok(!text.includes(secret), `${file} contains a secret key`);
      }
    }
  });
});
