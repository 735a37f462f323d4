import * as assert from 'node:assert/strict';
import { exampleAccount, exampleUser } from '../fixtures/awsEndpoint';
import { ui } from './session';
import { clickTreeRow, pick, quickPickLabels, resetWorkbench, runCommand, treeRows, waitForStatusBarItem, type TreeRow } from './workbench';

const has =
  (label: string) =>
  (rows: TreeRow[]): boolean =>
    rows.some((row) => row.label === label);

/** Sets the regions the Explorer adds in the user's settings.json (test/e2e/regions.test.ts tests Show or Hide Regions). */
async function setExplorerRegions(regions: readonly string[] | undefined): Promise<void> {
  await ui().setUserSetting('awsCredentialManager.explorer.regions', regions);
}

describe('the AWS Explorer', () => {
  beforeEach(async () => {
    const { page, removeAwsFolder, writeHomeFile } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    writeHomeFile(
      '.aws/credentials',
      `[default]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
    );
    await runCommand(page, 'AWS: Disconnect');
  });

  it('offers to connect, then shows the account and every Lambda function of the region, across pages', async () => {
    const { page, endpoint } = ui();
    await runCommand(page, 'AWS: Focus on AWS Explorer View');
    await page.locator('.pane-body .welcome-view-content', { hasText: 'Not connected to AWS' }).first().waitFor();
    await runCommand(page, 'AWS: Connect to AWS');
    await quickPickLabels(page, /^default$/);
    await pick(page, 'default');
    await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
    const rows = await treeRows(page, 'AWS Explorer', has('Lambda'));
    assert.deepEqual(rows.slice(0, 3), [
      { label: 'profile:default', description: 'account 123456789012' },
      { label: 'us-east-1', description: '' },
      { label: 'Lambda', description: '' },
    ]);
    const before = endpoint.state.log.filter((entry) => entry.service === 'lambda').length;
    await clickTreeRow(page, 'AWS Explorer', 'Lambda');
    await treeRows(page, 'AWS Explorer', has('function-001'));
    assert.equal(endpoint.state.log.filter((entry) => entry.service === 'lambda').length - before, 2, 'both pages were asked for');
    await clickTreeRow(page, 'AWS Explorer', 'function-001');
    await page.keyboard.press('End');
    await treeRows(page, 'AWS Explorer', has('function-075'));
  });

  it('shows the first page of functions while the later ones are still being listed, then says how many', async () => {
    const { page, endpoint } = ui();
    const region = `${exampleAccount}:us-east-1`;
    const seeded = endpoint.state.functions[region];
    endpoint.state.functions[region] = Array.from({ length: 200 }, (_, index) => `function-${String(index + 1).padStart(3, '0')}`);
    try {
      await runCommand(page, 'AWS: Connect to AWS');
      await quickPickLabels(page, /^default$/);
      await pick(page, 'default');
      await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
      await runCommand(page, 'AWS: Focus on AWS Explorer View');
      await treeRows(page, 'AWS Explorer', has('Lambda'));
      endpoint.state.injection.latencyMs = 1_500;
      const calls = (): number => endpoint.state.log.filter((entry) => entry.service === 'lambda').length;
      const before = calls();
      await clickTreeRow(page, 'AWS Explorer', 'Lambda');
      const firstPage = (rows: TreeRow[]): boolean =>
        has('function-001')(rows) && rows.some((row) => row.label === 'Lambda' && row.description === '50 functions so far…');
      await treeRows(page, 'AWS Explorer', firstPage, 5_000);
      assert.ok(calls() - before < 4, `all ${calls() - before} pages were answered when the first showed`);
      endpoint.state.injection.latencyMs = 0;
      await treeRows(page, 'AWS Explorer', (rows) => rows.some((row) => row.label === 'Lambda' && row.description === '200 functions'));
    } finally {
      endpoint.state.injection.latencyMs = 0;
      endpoint.state.functions[region] = seeded ?? [];
    }
  });

  it('shows each region of the setting, says when it has no functions, and retries a failed call', async () => {
    const { page, endpoint } = ui();
    await runCommand(page, 'AWS: Connect to AWS');
    await quickPickLabels(page, /^default$/);
    await pick(page, 'default');
    await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
    await setExplorerRegions(['eu-west-1']);
    await runCommand(page, 'AWS: Focus on AWS Explorer View');
    const rows = await treeRows(page, 'AWS Explorer', has('eu-west-1'));
    assert.deepEqual(rows.filter((row) => row.label === 'Lambda').length, 2);
    endpoint.state.injection.failNext = { code: 'AccessDeniedException', count: 1 };
    await page.locator('.pane', { hasText: 'AWS Explorer' }).locator('.monaco-list-row', { hasText: 'Lambda' }).last().click();
    await treeRows(page, 'AWS Explorer', (shown) =>
      shown.some((row) => /^Failed to list functions: AWS denied the request/.test(row.label)),
    );
    await clickTreeRow(page, 'AWS Explorer', /^Failed to list functions/);
    await treeRows(page, 'AWS Explorer', has('[No functions found]'));
  });

  after(() => setExplorerRegions(undefined));
});
