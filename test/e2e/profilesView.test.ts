import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { eventually } from '../eventually';
import { resultsFolder, ui } from './session';
import {
  clickTreeRow,
  dialog,
  editorTabs,
  answerInput,
  resetWorkbench,
  runCommand,
  treeContextAction,
  treeContextMenu,
  treeRows,
  type TreeRow,
  waitForNotification,
  waitForStatusBarItem,
} from './workbench';

const credentials = [
  '[default]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  '',
  '[typo]',
  'xaws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  '',
].join('\n');
const config =
  '# my roles\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Developer\nsource_profile = default\nregion = eu-west-1\n';

const has =
  (label: string) =>
  (rows: TreeRow[]): boolean =>
    rows.some((row) => row.label === label);
const lacks =
  (label: string) =>
  (rows: TreeRow[]): boolean =>
    !rows.some((row) => row.label === label);

describe('the Profiles view', () => {
  beforeEach(async () => {
    const { page, removeAwsFolder, writeHomeFile } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    writeHomeFile('.aws/credentials', credentials);
    writeHomeFile('.aws/config', config);
    await runCommand(page, 'AWS: Focus on Profiles View');
  });

  it("shows every profile with its kind, region and state, and opens the file at a problem's line", async () => {
    const { page } = ui();
    const rows = await treeRows(page, 'Profiles', (shown) => has('typo')(shown) && has('dev')(shown));
    assert.deepEqual(
      rows.find((row) => row.label === 'default'),
      { label: 'default', description: 'access keys' },
    );
    assert.deepEqual(
      rows.find((row) => row.label === 'dev'),
      { label: 'dev', description: 'assume role · eu-west-1' },
    );
    assert.match(
      rows.find((row) => row.label === 'typo')?.description ?? '',
      /^invalid: missing properties: aws_access_key_id \(xaws_access_key_id looks like a misspelling of it\)/,
    );
    await clickTreeRow(page, 'Profiles', 'typo');
    mkdirSync(resultsFolder, { recursive: true });
    const expanded = await treeRows(page, 'Profiles', (shown) =>
      shown.some((row) => /^missing properties: aws_access_key_id/.test(row.label)),
    );
    const problem = expanded.find((row) => /^missing properties: aws_access_key_id/.test(row.label));
    const line = /credentials:(\d+)$/.exec(problem?.description ?? '')?.[1];
    assert.equal(line, '6', `the problem points at the misspelt key's line: ${problem?.description ?? 'none'}`);
    await clickTreeRow(page, 'Profiles', /^missing properties: aws_access_key_id/);
    await eventually(
      () => editorTabs(page),
      (tabs) => tabs.includes('credentials'),
      (tabs) => `the credentials file did not open; tabs: ${tabs.join(', ')}`,
    );
    // Kept as a test artifact; the README shows a copy of it.
    await page.screenshot({ path: path.join(resultsFolder, 'profiles-view.png') });
    await waitForStatusBarItem(page, new RegExp(`^Ln ${line}, Col 1$`));
  });

  it('shows the first rows of a thousand profiles at once, then every one of them', async () => {
    const { page, writeHomeFile } = ui();
    await treeRows(page, 'Profiles', has('dev'));
    const many = Array.from(
      { length: 1_000 },
      (_, index) =>
        `[many-${String(index + 1).padStart(4, '0')}]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`,
    );
    writeHomeFile('.aws/credentials', `${credentials}${many.join('')}`);
    await treeRows(page, 'Profiles', has('many-0001'), 5_000);
    await clickTreeRow(page, 'Profiles', 'default');
    // The last row comes with the redraw after the first rows: without it, the last row says more are on their way.
    const end = await eventually(
      async () => {
        await page.keyboard.press('End');
        return treeRows(page, 'Profiles');
      },
      has('many-1000'),
      (rows) => `the last profile is not listed; the last rows: ${rows.map((row) => row.label).join(', ')}`,
    );
    assert.ok(!end.some((row) => /^Listing \d+ more profiles/.test(row.label)), 'no row says more are on their way');
  });

  it('picks up a profile added by another program within a second or two', async () => {
    const { page, writeHomeFile } = ui();
    await treeRows(page, 'Profiles', has('dev'));
    writeHomeFile(
      '.aws/credentials',
      `${credentials}[later]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`,
    );
    const rows = await treeRows(page, 'Profiles', has('later'), 5_000);
    assert.deepEqual(
      rows.find((row) => row.label === 'later'),
      { label: 'later', description: 'access keys' },
    );
  });

  it('renames a profile in both files and repoints the roles that use it', async () => {
    const { page, readHomeFile } = ui();
    await treeRows(page, 'Profiles', has('default'));
    await treeContextAction(page, 'Profiles', 'default', 'Rename Profile...');
    await answerInput(page, 'main');
    await treeRows(page, 'Profiles', (rows) => has('main')(rows) && lacks('default')(rows));
    assert.equal(readHomeFile('.aws/credentials')?.text, credentials.replace('[default]', '[main]'));
    assert.equal(readHomeFile('.aws/config')?.text, config.replace('source_profile = default', 'source_profile = main'));
  });

  it('deletes a profile after a confirmation that names the files that will change', async () => {
    const { page, readHomeFile } = ui();
    await treeRows(page, 'Profiles', has('dev'));
    await treeContextAction(page, 'Profiles', 'dev', 'Delete Profile...');
    const confirmation = await dialog(page);
    assert.match(confirmation.text, /Delete the profile dev\?/);
    assert.match(confirmation.text, /~\/\.aws\/config/);
    assert.doesNotMatch(confirmation.text, /credentials/);
    await confirmation.press('Delete');
    await treeRows(page, 'Profiles', lacks('dev'));
    assert.equal(readHomeFile('.aws/config')?.text, '');
    assert.equal(readHomeFile('.aws/credentials')?.text, credentials);
  });

  it('offers Rename and Delete only for profiles whose name the writer can write back', async () => {
    const { page, writeHomeFile } = ui();
    writeHomeFile(
      '.aws/credentials',
      `${credentials}[constructor]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`,
    );
    await treeRows(page, 'Profiles', has('constructor'));
    const unwritable = await treeContextMenu(page, 'Profiles', 'constructor');
    assert.ok(unwritable.includes('Edit Profile'), unwritable.join(', '));
    assert.ok(!unwritable.includes('Rename Profile...') && !unwritable.includes('Delete Profile...'), unwritable.join(', '));
    const writable = await treeContextMenu(page, 'Profiles', 'default');
    assert.ok(writable.includes('Rename Profile...') && writable.includes('Delete Profile...'), writable.join(', '));
  });

  it('copies the export line of a profile for a terminal', async () => {
    const { page } = ui();
    await treeRows(page, 'Profiles', has('dev'));
    await treeContextAction(page, 'Profiles', 'dev', 'Copy export AWS_PROFILE Line');
    await waitForNotification(page, /Copied "export AWS_PROFILE=dev"/);
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), 'export AWS_PROFILE=dev');
  });

  it('Edit Credentials opens both files side by side with a hint on adding a profile', async () => {
    const { page } = ui();
    await runCommand(page, 'AWS: Edit Credentials');
    await waitForNotification(page, /To add a profile, add a \[name\] line at the end of the credentials file/);
    const tabs = await editorTabs(page);
    assert.ok(tabs.includes('config') && tabs.includes('credentials'), tabs.join(', '));
    assert.equal(await page.locator('.editor-group-container').count(), 2, 'side by side');
  });
});
