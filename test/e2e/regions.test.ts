import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { exampleUser } from '../fixtures/awsEndpoint';
import { eventually } from '../eventually';
import { ui } from './session';
import { pick, quickPickLabels, resetWorkbench, runCommand, treeRows, waitForStatusBarItem, type TreeRow } from './workbench';

const setting = 'awsCredentialManager.explorer.regions';
const regionCode = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** The region rows of the AWS Explorer, in order. */
const regionRows = (rows: TreeRow[]): string[] => rows.map((row) => row.label).filter((label) => regionCode.test(label));

function userSettings(): Record<string, unknown> {
  return JSON.parse(readFileSync(ui().server.settingsFile, 'utf8')) as Record<string, unknown>;
}

/**
 * Edits the setting in settings.json by hand, in the editor. (code-server did not see a write to the
 * file by another program within 10 s here, so the test edits it as a person in VS Code does.)
 */
async function editSetting(regions: readonly unknown[] | undefined): Promise<void> {
  await ui().setUserSetting(setting, regions);
}

async function explorerRegions(expected: readonly string[]): Promise<void> {
  const rows = await treeRows(page(), 'AWS Explorer', (shown) => JSON.stringify(regionRows(shown)) === JSON.stringify(expected));
  assert.deepEqual(regionRows(rows), expected);
}

const page = () => ui().page;

describe('the regions of the AWS Explorer, a user setting', () => {
  beforeEach(async () => {
    const { writeHomeFile, removeAwsFolder } = ui();
    await resetWorkbench(page());
    if (setting in userSettings()) {
      await editSetting(undefined);
    }
    removeAwsFolder();
    writeHomeFile(
      '.aws/credentials',
      `[default]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
    );
    await runCommand(page(), 'AWS: Connect to AWS');
    await quickPickLabels(page(), /^default$/);
    await pick(page(), 'default');
    await waitForStatusBarItem(page(), /^AWS: profile:default$/, false);
    await runCommand(page(), 'AWS: Focus on AWS Explorer View');
    await explorerRegions(['us-east-1']);
  });

  after(async () => {
    await editSetting(undefined);
    await runCommand(page(), 'AWS: Disconnect');
  });

  it('Show or Hide Regions writes the region into the user settings.json, and the Explorer shows it; hiding it removes it', async () => {
    await toggleRegion('eu-west-1');
    await eventually(
      () => userSettings()[setting],
      (value) => JSON.stringify(value) === '["eu-west-1"]',
      (value) => `settings.json holds ${JSON.stringify(value)} for ${setting}`,
    );
    await explorerRegions(['us-east-1', 'eu-west-1']);
    await toggleRegion('eu-west-1');
    await eventually(
      () => userSettings(),
      (settings) => !(setting in settings),
      (settings) => `settings.json still holds ${JSON.stringify(settings[setting])}`,
    );
    await explorerRegions(['us-east-1']);
  });

  it('follows a hand edit of settings.json at once: regions added in its order, removed, and a wrong entry logged', async () => {
    await editSetting(['ap-south-1', 'eu-west-2']);
    await explorerRegions(['us-east-1', 'ap-south-1', 'eu-west-2']);
    await editSetting(['eu-west-2', 'us-east1']);
    await explorerRegions(['us-east-1', 'eu-west-2']);
    await eventually(
      () =>
        ui()
          .logTexts()
          .map((log) => log.text)
          .join('\n'),
      (text) => text.includes(`The setting ${setting} holds "us-east1", which the AWS Explorer leaves out`),
      () => 'the log does not name the wrong entry',
    );
    // Show or Hide Regions opens on what the file now says: the profile's region and eu-west-2 ticked.
    await runCommand(page(), 'AWS: Show or Hide Regions');
    await quickPickLabels(page(), /^af-south-1$/);
    await page().locator('.quick-input-widget .quick-input-count', { hasText: /\b2\b/ }).waitFor();
    await page().keyboard.press('Escape');
    await editSetting(undefined);
    await explorerRegions(['us-east-1']);
  });
});

/** Shows a region in the Explorer, or hides it again, with AWS: Show or Hide Regions. */
async function toggleRegion(region: string): Promise<void> {
  await runCommand(page(), 'AWS: Show or Hide Regions');
  await quickPickLabels(page(), /^af-south-1$/);
  await page().keyboard.type(region);
  await quickPickLabels(page(), new RegExp(`^${region}$`));
  await pick(page(), region);
  await page().keyboard.press('Enter');
}
