import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { exampleAccount, exampleUser, type KnownKey } from '../fixtures/awsEndpoint';
import { SecretSearch } from '../fixtures/secrets';
import { eventually } from '../eventually';
import { ui } from './session';
import {
  connectWithProfile,
  dialog,
  pick,
  quickPickLabels,
  resetWorkbench,
  runCommand,
  treeContextAction,
  treeContextMenu,
  treeRows,
  waitForNotification,
  waitForStatusBarItem,
} from './workbench';

const roleArn = `arn:aws:iam::${exampleAccount}:role/Developer`;
const keys = `[default]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`;
const config = `[profile dev]\nrole_arn = ${roleArn}\nsource_profile = default\nregion = us-east-1\n`;

/** Connects with the role profile `dev` and gives the role credentials the endpoint issued for it. */
async function connectWithRole(): Promise<KnownKey> {
  const { page, endpoint } = ui();
  await connectWithProfile(page, 'dev');
  await waitForStatusBarItem(page, /^AWS: profile:dev$/);
  const issued = endpoint.state.keys.filter((key) => key.arn.includes(':assumed-role/Developer/'));
  const key = issued.at(-1);
  assert.ok(key?.sessionToken, 'the endpoint issued role credentials');
  return key;
}

/** The AWS_ variables bash exports after running a text. */
function exportedByBash(text: string): Record<string, string> {
  const output = execFileSync('bash', ['-c', `${text}exec env -0`], { env: { PATH: process.env['PATH'] ?? '' }, encoding: 'utf8' });
  const entries = output
    .split('\0')
    .filter((entry) => entry.startsWith('AWS_'))
    .map((entry): [string, string] => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

describe('AWS: Export Credentials and Open Terminal with These Credentials', () => {
  const used: KnownKey[] = [];

  beforeEach(async () => {
    const { page, removeAwsFolder, writeHomeFile } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    writeHomeFile('.aws/credentials', keys);
    writeHomeFile('.aws/config', config);
  });

  it('copies the role credentials as bash lines after a warning that says how long they are valid', async () => {
    const { page } = ui();
    const key = await connectWithRole();
    used.push(key);
    await page.evaluate('navigator.clipboard.writeText("before")');
    await runCommand(page, 'AWS: Export Credentials...');
    const formats = await quickPickLabels(page, /^bash \/ zsh$/);
    assert.deepEqual(formats, ['bash / zsh', 'fish', 'PowerShell', 'Windows cmd', '.env file', 'credential_process JSON']);
    await pick(page, 'bash / zsh');
    const warning = await dialog(page);
    assert.match(warning.text, /Copy the secret credentials of profile dev to the clipboard\?/);
    assert.match(warning.text, /act as arn:aws:sts::123456789012:assumed-role\/Developer\/\S+ in account 123456789012/);
    assert.match(warning.text, /valid until they expire in \d+ min \(\d\d:\d\d UTC\)/);
    await warning.press('Copy');
    await waitForNotification(page, /Copied the credentials of profile dev as bash \/ zsh\./);
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    const variables = exportedByBash(copied);
    assert.deepEqual(Object.keys(variables).sort(), [
      'AWS_ACCESS_KEY_ID',
      'AWS_CREDENTIAL_EXPIRATION',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
    ]);
    assert.deepEqual(
      [variables['AWS_ACCESS_KEY_ID'], variables['AWS_SECRET_ACCESS_KEY'], variables['AWS_SESSION_TOKEN']],
      [key.accessKeyId, key.secretAccessKey, key.sessionToken],
    );
    assert.equal(Date.parse(variables['AWS_CREDENTIAL_EXPIRATION'] ?? ''), Math.floor((key.expiresAt ?? 0) / 1000) * 1000);
  });

  it('copies nothing when the warning is cancelled', async () => {
    const { page } = ui();
    used.push(await connectWithRole());
    await page.evaluate('navigator.clipboard.writeText("before")');
    await runCommand(page, 'AWS: Export Credentials...');
    await quickPickLabels(page, /^credential_process JSON$/);
    await pick(page, 'credential_process JSON');
    await (await dialog(page)).press('Cancel');
    await page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate<string>('navigator.clipboard.readText()'), 'before');
  });

  it("opens a terminal, from the Explorer's connection, whose AWS CLI signs with the exported credentials and sees no AWS_PROFILE", async () => {
    const { page, endpoint, readHomeFile, server } = ui();
    const key = await connectWithRole();
    used.push(key);
    await runCommand(page, 'AWS: Focus on AWS Explorer View');
    await treeRows(page, 'AWS Explorer', (rows) => rows.some((row) => row.label === 'profile:dev'));
    const menu = await treeContextMenu(page, 'AWS Explorer', 'profile:dev');
    assert.ok(menu.includes('Export Credentials...'), menu.join(', '));
    const assumed = endpoint.state.log.filter((entry) => entry.action === 'AssumeRole').length;
    await treeContextAction(page, 'AWS Explorer', 'profile:dev', 'Open Terminal with These Credentials');
    const tab = page.locator('.terminal-tabs-entry, .single-terminal-tab', { hasText: /AWS dev until \d\d:\d\d UTC/ }).first();
    await tab.waitFor();
    await page.locator('.terminal-wrapper.active .xterm').first().click();
    const file = 'terminal-identity.txt';
    // code-server's PATH may lack the AWS CLI: the tests' PATH, as awsCli gives it.
    await page.keyboard.type(
      `PATH=${JSON.stringify(process.env['PATH'] ?? '')} aws sts get-caller-identity --output text > ~/${file}; echo "profile:\${AWS_PROFILE-none}" >> ~/${file}`,
    );
    await page.keyboard.press('Enter');
    const written = await eventually(
      () => readHomeFile(file)?.text ?? '',
      (text) => text.includes('profile:'),
      (text) => `the terminal wrote ${JSON.stringify(text)}`,
      { timeoutMs: 30_000 },
    );
    rmSync(path.join(server.home, file), { force: true });
    // The text output: Account, Arn, UserId.
    assert.match(written, new RegExp(`^${exampleAccount}\\tarn:aws:sts::${exampleAccount}:assumed-role/Developer/\\S+\\t\\S+$`, 'm'));
    assert.match(written, /^profile:none$/m);
    const calls = endpoint.state.log.filter((entry) => entry.action === 'GetCallerIdentity');
    assert.equal(calls.at(-1)?.accessKeyId, key.accessKeyId, 'signed with the credentials of the connection');
    assert.equal(endpoint.state.log.filter((entry) => entry.action === 'AssumeRole').length, assumed, 'no role assumed in the terminal');
  });

  it('writes no exported secret into any log of the run', () => {
    assert.equal(used.length, 3);
    const search = new SecretSearch(used.flatMap((key) => [key.secretAccessKey, key.sessionToken ?? '']));
    const logs = ui().logTexts();
    assert.ok(logs.some((log) => log.text.includes('Connected with profile')));
    const found = logs.flatMap(({ file, text }) => (search.find(text) === undefined ? [] : [file]));
    assert.deepEqual(found, []);
  });
});
