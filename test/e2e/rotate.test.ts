import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { eventually } from '../eventually';
import { awsCli } from '../fixtures/awsCli';
import type { KnownKey } from '../fixtures/awsEndpoint';
import { addIamUser } from '../fixtures/iamEndpoint';
import { ui } from './session';
import {
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

const config = '# settings\n[profile bob]\nregion = eu-west-1\n';

function credentialsWith(key: KnownKey): string {
  return [
    '# my keys, rotated by hand until now',
    '[other]',
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    '',
    '; Bob, the build user',
    '[bob]',
    `aws_access_key_id   =   ${key.accessKeyId}`,
    `aws_secret_access_key=${key.secretAccessKey}`,
    'output = json',
    '',
  ].join('\n');
}

/** Bob's keys in the credentials file now. */
function keysInFile(text: string): { accessKeyId: string; secretAccessKey: string } {
  const bob = text.slice(text.indexOf('[bob]'));
  return {
    accessKeyId: /aws_access_key_id\s*=\s*(\S+)/.exec(bob)?.[1] ?? '',
    secretAccessKey: /aws_secret_access_key\s*=\s*(\S+)/.exec(bob)?.[1] ?? '',
  };
}

/** Who the keys in the file sign in as, asked of the endpoint through the real SDK: Bob's ARN when they work. */
async function fileKeySignsIn(): Promise<string> {
  const { endpoint, readHomeFile } = ui();
  const credentials = keysInFile(readHomeFile('.aws/credentials')?.text ?? '');
  const sts = new STSClient({ endpoint: endpoint.url, region: 'us-east-1', credentials, maxAttempts: 1 });
  try {
    return (await sts.send(new GetCallerIdentityCommand({}))).Arn ?? '';
  } catch (error) {
    return (error as Error).name;
  } finally {
    sts.destroy();
  }
}

function bobsKeys(): { accessKeyId: string; status: string }[] {
  const bob = ui().endpoint.state.iam.users.find((user) => user.userName === 'bob-user');
  return (bob?.keys ?? []).map(({ accessKeyId, status }) => ({ accessKeyId, status }));
}

async function rotateFromPalette(button: string): Promise<void> {
  const { page } = ui();
  await runCommand(page, 'AWS: Rotate Access Key');
  const labels = await quickPickLabels(page, /^bob$/);
  assert.ok(!labels.includes('dev'), `only profiles with access keys are offered: ${labels.join(', ')}`);
  await pick(page, 'bob');
  const confirmation = await dialog(page);
  assert.match(confirmation.text, /Rotate the access key of profile bob\?/);
  await confirmation.press(button);
}

/** No log of the run holds a secret of this test, whole or in part. */
function assertNoSecretLogged(secrets: readonly string[]): void {
  for (const { file, text } of ui().logTexts()) {
    for (const secret of secrets) {
      assert.ok(!text.includes(secret) && !text.includes(secret.slice(0, 12)), `${path.basename(file)} holds a secret`);
    }
  }
}

describe('AWS: Rotate Access Key', () => {
  let old: KnownKey;
  let before: string;

  beforeEach(async () => {
    const { page, endpoint, removeAwsFolder, writeHomeFile } = ui();
    await resetWorkbench(page);
    // No connection of an earlier test reconnects (calling AWS) when the files change below.
    await runCommand(page, 'AWS: Disconnect');
    await waitForStatusBarItem(page, /^AWS$/);
    endpoint.state.injection = {};
    endpoint.state.iam.propagationMs = 0;
    // Each test has its own user, so that what it rotates away is no other test's key.
    endpoint.state.iam.users.splice(
      0,
      endpoint.state.iam.users.length,
      ...endpoint.state.iam.users.filter((user) => user.userName !== 'bob-user'),
    );
    old = addIamUser(endpoint.state, 'bob-user');
    before = credentialsWith(old);
    removeAwsFolder();
    writeHomeFile('.aws/credentials', before);
    writeHomeFile('.aws/config', `${config}[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Developer\nsource_profile = other\n`);
  });

  it('replaces the key in the file byte for byte, deletes the old key, reconnects, and the AWS CLI uses the new key', async () => {
    const { page, endpoint, readHomeFile, server } = ui();
    await runCommand(page, 'AWS: Connect to AWS');
    await quickPickLabels(page, /^bob$/);
    await pick(page, 'bob');
    await waitForStatusBarItem(page, /^AWS: profile:bob$/, false);
    await rotateFromPalette('Rotate and Delete Old Key');
    await waitForNotification(
      page,
      /The profile bob has a new access key \(the key ending in \w{4}\); the old key \(the key ending in \w{4}\) was deleted\./,
    );
    const [created] = bobsKeys();
    assert.equal(bobsKeys().length, 1, 'the old key is deleted at the endpoint');
    assert.notEqual(created?.accessKeyId, old.accessKeyId);
    const after = readHomeFile('.aws/credentials')?.text ?? '';
    const fresh = keysInFile(after);
    assert.equal(fresh.accessKeyId, created?.accessKeyId);
    assert.equal(
      after,
      before.replace(old.accessKeyId, fresh.accessKeyId).replace(old.secretAccessKey, fresh.secretAccessKey),
      'every other byte kept',
    );
    assert.equal(readHomeFile('.aws/config')?.text.startsWith(config), true);
    assert.equal(await fileKeySignsIn(), 'arn:aws:iam::123456789012:user/bob-user');
    // The connection follows the file: it signs in again with the new key.
    await eventually(
      () =>
        endpoint.state.log.filter(
          (entry) => entry.action === 'GetCallerIdentity' && entry.accessKeyId === fresh.accessKeyId && entry.status === 200,
        ).length,
      (count) => count >= 2,
      (count) => `the extension signed in with the new key ${count} times (the check, then the reconnect)`,
    );
    await waitForStatusBarItem(page, /^AWS: profile:bob$/, false);
    const identity = await awsCli<{ Arn: string }>(['sts', 'get-caller-identity', '--profile', 'bob'], {
      AWS_SHARED_CREDENTIALS_FILE: path.join(server.home, '.aws/credentials'),
      AWS_CONFIG_FILE: path.join(server.home, '.aws/config'),
      AWS_ENDPOINT_URL: endpoint.url,
    });
    assert.equal(identity.Arn, 'arn:aws:iam::123456789012:user/bob-user');
    assertNoSecretLogged([old.secretAccessKey, fresh.secretAccessKey, fresh.accessKeyId, old.accessKeyId]);
  });

  it('only deactivates the old key when chosen, from the Profiles view; retried while IAM propagates the new key', async () => {
    const { page, endpoint } = ui();
    endpoint.state.iam.propagationMs = 2_000;
    await runCommand(page, 'AWS: Focus on Profiles View');
    await treeRows(page, 'Profiles', (rows) => rows.some((row) => row.label === 'bob'));
    await treeContextAction(page, 'Profiles', 'bob', 'Rotate Access Key');
    await (await dialog(page)).press('Rotate and Deactivate Old Key');
    await waitForNotification(page, /the old key \(the key ending in \w{4}\) was deactivated/, 20_000);
    const [oldKey, newKey] = bobsKeys();
    assert.deepEqual(oldKey, { accessKeyId: old.accessKeyId, status: 'Inactive' });
    assert.equal(newKey?.status, 'Active');
    assert.ok(
      endpoint.state.log.some(
        (entry) => entry.action === 'GetCallerIdentity' && entry.accessKeyId === newKey?.accessKeyId && entry.status === 403,
      ),
      'the new key was refused at first, and tried again',
    );
    assert.equal(await fileKeySignsIn(), 'arn:aws:iam::123456789012:user/bob-user');
  });

  it('changes nothing when the user has two keys already, and says which to delete', async () => {
    const { page, endpoint, readHomeFile } = ui();
    const bob = endpoint.state.iam.users.find((user) => user.userName === 'bob-user');
    bob?.keys.push({
      accessKeyId: 'AKIAEXAMPLESPARE0042',
      status: 'Inactive',
      createDate: new Date('2025-03-01T00:00:00Z'),
      usableFrom: 0,
    });
    await rotateFromPalette('Rotate and Delete Old Key');
    await waitForNotification(
      page,
      /has two access keys already.*and the key ending in 0042 \(inactive, created 2025-03-01\)\. Delete the key ending in 0042 .*Nothing was changed\./,
    );
    assert.equal(readHomeFile('.aws/credentials')?.text, before);
    assert.equal(bobsKeys().length, 2);
    assert.equal(await fileKeySignsIn(), 'arn:aws:iam::123456789012:user/bob-user');
  });

  it('changes nothing when IAM denies CreateAccessKey, and names the permission', async () => {
    const { page, endpoint, readHomeFile } = ui();
    endpoint.state.injection = { failAction: { CreateAccessKey: { code: 'AccessDenied', count: 1 } } };
    await rotateFromPalette('Rotate and Delete Old Key');
    await waitForNotification(
      page,
      /IAM refused to create a key: the user needs the permission iam:CreateAccessKey.*Nothing was changed\./,
    );
    assert.equal(readHomeFile('.aws/credentials')?.text, before);
    assert.deepEqual(bobsKeys(), [{ accessKeyId: old.accessKeyId, status: 'Active' }]);
  });

  it('deletes the new key and leaves the file untouched when AWS does not accept it', async () => {
    const { page, endpoint, readHomeFile } = ui();
    endpoint.state.injection = { failAction: { GetCallerIdentity: { code: 'SignatureDoesNotMatch', count: 1 } } };
    await rotateFromPalette('Rotate and Delete Old Key');
    await waitForNotification(page, /AWS did not accept the new key: The secret access key does not match.*The new key was deleted again/);
    assert.equal(readHomeFile('.aws/credentials')?.text, before);
    assert.deepEqual(bobsKeys(), [{ accessKeyId: old.accessKeyId, status: 'Active' }]);
    assert.equal(await fileKeySignsIn(), 'arn:aws:iam::123456789012:user/bob-user');
  });

  it("deletes the new key when the file changed on disk before the write, keeping the other program's change", async () => {
    const { page, endpoint, readHomeFile, writeHomeFile } = ui();
    endpoint.state.iam.propagationMs = 3_000;
    await rotateFromPalette('Rotate and Delete Old Key');
    await eventually(
      () => bobsKeys().length,
      (count) => count === 2,
      () => 'CreateAccessKey was not called',
    );
    const outside = `${before}# added by another program\n`;
    writeHomeFile('.aws/credentials', outside);
    await waitForNotification(
      page,
      /The new key could not be written into the profile bob: .*changed on disk.*The new key was deleted again/,
      20_000,
    );
    assert.equal(readHomeFile('.aws/credentials')?.text, outside);
    assert.deepEqual(bobsKeys(), [{ accessKeyId: old.accessKeyId, status: 'Active' }]);
    assert.equal(await fileKeySignsIn(), 'arn:aws:iam::123456789012:user/bob-user');
  });

  it('keeps the new, working key in the file when the old one cannot be deleted, and says it is still active', async () => {
    const { page, endpoint, readHomeFile } = ui();
    endpoint.state.injection = { failAction: { DeleteAccessKey: { code: 'AccessDenied', count: 1 } } };
    await rotateFromPalette('Rotate and Delete Old Key');
    await waitForNotification(page, /now has the new key .*, which works, but the old key .* is still active: IAM refused to delete it/);
    const fresh = keysInFile(readHomeFile('.aws/credentials')?.text ?? '');
    assert.notEqual(fresh.accessKeyId, old.accessKeyId);
    assert.deepEqual(bobsKeys(), [
      { accessKeyId: old.accessKeyId, status: 'Active' },
      { accessKeyId: fresh.accessKeyId, status: 'Active' },
    ]);
    assert.equal(await fileKeySignsIn(), 'arn:aws:iam::123456789012:user/bob-user');
  });

  it('marks a connected profile whose key is older than 90 days, with Rotate Access Key on it', async () => {
    const { page, endpoint, writeHomeFile } = ui();
    const start = endpoint.state.log.length;
    const aged = addIamUser(endpoint.state, 'carol-user', new Date(Date.now() - 200 * 24 * 3_600_000 - 60_000));
    writeHomeFile(
      '.aws/credentials',
      `${before}\n[carol]\naws_access_key_id = ${aged.accessKeyId}\naws_secret_access_key = ${aged.secretAccessKey}\n`,
    );
    await runCommand(page, 'AWS: Focus on Profiles View');
    await treeRows(page, 'Profiles', (rows) => rows.some((row) => row.label === 'carol'));
    await runCommand(page, 'AWS: Connect to AWS');
    await quickPickLabels(page, /^carol$/);
    await pick(page, 'carol');
    await waitForStatusBarItem(page, /^AWS: profile:carol$/, false);
    const rows = await treeRows(page, 'Profiles', (shown) =>
      shown.some((row) => row.label === 'carol' && /key 200 days old/.test(row.description)),
    );
    assert.equal(rows.find((row) => row.label === 'carol')?.description, 'access keys · key 200 days old');
    assert.equal(
      rows.find((row) => row.label === 'bob')?.description,
      'access keys · eu-west-1',
      'only the connected profile is asked about',
    );
    assert.ok((await treeContextMenu(page, 'Profiles', 'carol')).includes('Rotate Access Key'));
    const listed = endpoint.state.log.slice(start).filter((entry) => entry.action === 'ListAccessKeys');
    assert.ok(listed.length >= 1, 'IAM was asked');
    assert.ok(
      listed.every((entry) => entry.accessKeyId === aged.accessKeyId),
      'ListAccessKeys only for the connected profile, never one call per profile',
    );
  });
});
