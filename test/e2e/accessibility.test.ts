import * as assert from 'node:assert/strict';
import { exampleAccount, exampleUser } from '../fixtures/awsEndpoint';
import { ui } from './session';
import {
  clickTreeRow,
  connectWithProfile,
  resetWorkbench,
  runCommand,
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
    writeHomeFile('.aws/credentials', `[default]\n${keys}\n[typo]\nxaws_access_key_id = ${exampleUser.accessKeyId}\n`);
  });

  it('reads every row of the two views and the status bar in words of its own, never an ARN', async () => {
    const { page } = ui();
    await connectWithProfile(page, 'default');
    const status = await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
    assert.equal(status.text, 'AWS: profile:default');
    const item = page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: 'AWS: profile:default' }).first();
    assert.equal(await item.getAttribute('aria-label'), 'AWS: profile:default');

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
});
