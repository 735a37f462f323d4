import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { exampleAccount, exampleUser } from '../fixtures/awsEndpoint';
import { ui } from './session';
import {
  activeWebview,
  focusedId,
  clickTreeRow,
  connectWithProfile,
  moveQuickPickFocusTo,
  quickPickAriaLabels,
  resetWorkbench,
  runCommand,
  runCommandWithKeyboard,
  treeRowAriaLabels,
  treeRows,
  waitForStatusBarItem,
} from './workbench';

const keys = `aws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`;

describe('accessibility: what a screen reader reads', () => {
  beforeEach(async () => {
    const { page, removeAwsFolder, writeHomeFile } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    writeHomeFile('.aws/credentials', `[default]\n${keys}\n[typo]\nxaws_access_key_id = ${exampleUser.accessKeyId}\n[far]\n${keys}`);
    writeHomeFile('.aws/config', '[profile far]\nregion = mars-1\n');
  });

  it('reads every row of the two views and the status bar in words of its own, never an ARN', async () => {
    const { page } = ui();
    await connectWithProfile(page, 'default');
    const status = await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
    assert.equal(status.text, 'AWS: profile:default');
    const item = page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: 'AWS: profile:default' }).first();
    assert.equal(await item.getAttribute('aria-label'), `AWS: profile:default, connected, account ${exampleAccount}`);

    await runCommand(page, 'AWS: Focus on AWS Explorer View');
    await treeRows(page, 'AWS Explorer', (rows) => rows.some((row) => row.label === 'Lambda'));
    await clickTreeRow(page, 'AWS Explorer', 'Lambda');
    await treeRows(page, 'AWS Explorer', (rows) => rows.some((row) => row.label === 'function-001'));
    const explorer = new Map((await treeRowAriaLabels(page, 'AWS Explorer')).map((row) => [row.label, row.ariaLabel]));
    assert.equal(explorer.get('profile:default'), `Connected with profile default, account ${exampleAccount}, region us-east-1`);
    assert.equal(explorer.get('us-east-1'), 'Region us-east-1');
    assert.equal(explorer.get('Lambda'), 'Lambda functions in us-east-1');
    assert.equal(explorer.get('function-001'), 'Lambda function function-001, nodejs22.x');
    for (const [label, ariaLabel] of explorer) {
      assert.ok(ariaLabel.length > 0, `the row ${label} has a label of its own`);
      assert.doesNotMatch(ariaLabel, /arn:aws/, `the row ${label} is not read as an ARN`);
    }

    await runCommand(page, 'AWS: Focus on Profiles View');
    await treeRows(page, 'Profiles', (rows) => rows.some((row) => row.label === 'typo'));
    await clickTreeRow(page, 'Profiles', 'typo');
    await treeRows(page, 'Profiles', (rows) => rows.some((row) => /xaws_access_key_id/.test(row.label)));
    const profiles = await treeRowAriaLabels(page, 'Profiles');
    assert.match(profiles.find((row) => row.label === 'default')?.ariaLabel ?? '', /^default, .*access keys/);
    const problem = profiles.find((row) => /xaws_access_key_id/.test(row.label));
    assert.match(
      problem?.ariaLabel ?? '',
      /^(Error|Warning): .*xaws_access_key_id.*, at ~\/\.aws\/credentials:\d+: press Enter to open it$/,
    );
    for (const row of profiles) {
      assert.ok(row.ariaLabel.length > 0, `the row ${row.label} has a label of its own`);
    }
  });

  it('connects from the Connect to AWS quick pick with the keyboard alone, each row read in words and no icon name', async () => {
    const { page } = ui();
    await runCommand(page, 'AWS: Disconnect');
    await runCommandWithKeyboard(page, 'AWS: Connect to AWS');
    // Read once the last row is drawn: the list lays its rows out as the pick opens.
    const rows = await quickPickAriaLabels(page, /^Edit Credentials$/);
    assert.ok(
      rows.some((row) => /^default, access keys(, account \d{12})?$/.test(row)),
      JSON.stringify(rows),
    );
    assert.ok(
      rows.some((row) => /^far, access keys · mars-1, warning: region mars-1 does not look like an AWS region code/.test(row)),
      `the warning, shown as an icon, is read out too: ${JSON.stringify(rows)}`,
    );
    assert.ok(
      rows.some((row) => /^typo, invalid: /.test(row)),
      JSON.stringify(rows),
    );
    assert.ok(rows.includes('Create Credentials Profile...'), JSON.stringify(rows));
    assert.ok(rows.includes('Edit Credentials'), JSON.stringify(rows));
    await page.keyboard.type('default');
    await moveQuickPickFocusTo(page, /^default$/);
    await page.keyboard.press('Enter');
    await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
  });

  it('adds a profile in the Add a New Connection panel with the keyboard alone, each control named and each error announced', async () => {
    const { page, readHomeFile } = ui();
    await runCommand(page, 'AWS: Disconnect');
    await runCommandWithKeyboard(page, 'AWS: Add a New Connection');
    const panel = activeWebview(page);
    await panel.locator('#option-iam').waitFor({ timeout: 20_000 });
    assert.deepEqual(await accessibleControls(panel), ['radio "IAM Credential"', 'radio "IAM Identity Center"']);

    await pressUntilFocused(page, panel, 'Tab', 'option-iam');
    await page.keyboard.press('Space');
    // Space chooses IAM Credential, the Down key IAM Identity Center, the Up key IAM Credential again.
    await panel.locator('#iam-form').waitFor({ timeout: 5_000 });
    await page.keyboard.press('ArrowDown');
    await panel.locator('#sso-form').waitFor({ timeout: 5_000 });
    assert.equal(await focusedId(panel), 'option-sso', 'choosing with the arrow keys leaves the focus on the options');
    await page.keyboard.press('ArrowUp');
    await panel.locator('#iam-form').waitFor({ timeout: 5_000 });
    assert.deepEqual(await accessibleControls(panel.locator('#iam-form')), [
      'textbox "Profile Name"',
      'textbox "Access Key"',
      'textbox "Secret Key"',
      'button "Show"',
      'combobox "Region (optional)"',
      'button "Continue"',
    ]);

    await page.keyboard.press('Tab');
    assert.equal(await focusedId(panel), 'profileName');
    // Passing through a field is not a mistake: no error is announced for it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedId(panel), 'profileName');
    assert.equal(await panel.locator('#profileName-error').isVisible(), false, 'an empty field passed through shows no error');
    await page.keyboard.type('work');
    await page.keyboard.press('Tab');
    await page.keyboard.type(exampleUser.accessKeyId);
    await page.keyboard.press('Enter');
    // The empty secret: the focus goes to it, and its message is linked to it and announced.
    await waitForFocus(panel, 'secretAccessKey');
    assert.equal(await panel.locator('#secretAccessKey').getAttribute('aria-invalid'), 'true');
    const error = panel.locator('#secretAccessKey-error');
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.match(await error.innerText(), /secret/i);
    assert.ok((await panel.locator('#secretAccessKey').getAttribute('aria-describedby'))?.split(' ').includes('secretAccessKey-error'));

    await page.keyboard.type(exampleUser.secretAccessKey);
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(panel), 'toggle-secret');
    await page.keyboard.press('Space');
    assert.equal(await panel.locator('#toggle-secret').getAttribute('aria-pressed'), 'true');
    assert.equal(await panel.locator('#secretAccessKey').getAttribute('type'), 'text', 'Space shows the secret');
    await page.keyboard.press('Space');
    assert.equal(await panel.locator('#secretAccessKey').getAttribute('type'), 'password');
    await pressUntilFocused(page, panel, 'Tab', 'continue');
    await page.keyboard.press('Enter');
    await waitForStatusBarItem(page, /^AWS: profile:work$/, false);
    await panel.locator('#form-status[role=status]', { hasText: 'Connected with profile work' }).waitFor();
    assert.match(readHomeFile('.aws/credentials')?.text ?? '', /\[work\]\naws_access_key_id = /);
  });
});

/** Waits for the focus to reach the element of that id (it moves after a check in the page). */
async function waitForFocus(panel: FrameLocator, id: string): Promise<void> {
  await panel.locator(`#${id}:focus`).waitFor({ timeout: 5_000 });
}

/** Presses a key, at most 10 times, until the focus is on the element of that id. */
async function pressUntilFocused(page: Page, panel: FrameLocator, key: string, id: string): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses < 10; presses++) {
    await page.keyboard.press(key);
    const focused = await focusedId(panel).catch(() => '');
    if (focused === id) {
      return;
    }
    seen.push(focused || '(outside the panel)');
  }
  assert.fail(`${key} never reached #${id}; it went to ${seen.join(', ')}`);
}

/** Each visible control with its role and the name Chromium's accessibility tree gives it. */
async function accessibleControls(scope: FrameLocator | ReturnType<FrameLocator['locator']>): Promise<string[]> {
  const controls = scope.locator('input:visible, select:visible, button:visible');
  const names: string[] = [];
  for (const control of await controls.all()) {
    // The snapshot is YAML: "- role "name" [state]", quoted when the name has a quote.
    const line = (await control.ariaSnapshot()).split('\n')[0]?.replace(/^- /, '').replace(/:$/, '') ?? '';
    names.push(line.startsWith("'") ? line.slice(1, -1).replace(/''/g, "'") : line);
  }
  return names;
}
