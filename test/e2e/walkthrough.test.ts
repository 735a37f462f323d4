import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../eventually';
import { exampleUser } from '../fixtures/awsEndpoint';
import { resultsFolder, startSecondWorkbench, ui } from './session';
import {
  clickTreeRow,
  editorTabs,
  openFile,
  pick,
  quickPickLabels,
  resetWorkbench,
  runCommand,
  treeRows,
  waitForStatusBarItem,
  waitForWorkbench,
} from './workbench';

const title = 'Get Started with AWS Credential Manager';
const stepIds = ['addProfile', 'connect', 'seeResources', 'fixProfile'] as const;
type StepId = (typeof stepIds)[number];

async function openWalkthrough(page: Page): Promise<void> {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await quickPickLabels(page, new RegExp(`^${title}$`));
  await pick(page, title);
  await page.locator('button.getting-started-step[data-step-id$="#connect"]').waitFor();
}

function step(page: Page, id: StepId): Locator {
  return page.locator(`button.getting-started-step[data-step-id$="#${id}"]`);
}

/** Which steps the walkthrough page shows as done. */
async function doneSteps(page: Page): Promise<StepId[]> {
  const done: StepId[] = [];
  for (const id of stepIds) {
    if ((await step(page, id).getAttribute('aria-checked')) === 'true') {
      done.push(id);
    }
  }
  return done;
}

async function waitForDoneSteps(page: Page, expected: readonly StepId[]): Promise<void> {
  await eventually(
    () => doneSteps(page),
    (done) => done.join() === expected.join(),
    (done) => `The walkthrough shows as done ${done.join(', ') || 'no step'}, not ${expected.join(', ') || 'no step'}`,
  );
}

/** Opens a step and clicks the button of its description. */
async function clickStepButton(page: Page, id: StepId, label: string): Promise<void> {
  await page.locator(`[x-step-title-for$="#${id}"]`).click();
  // The page focuses the step it opens once its 250 ms animation ends, closing a quick pick opened before; a person
  // reads the step first.
  await page.waitForTimeout(600);
  await page.locator(`[x-step-description-for$="#${id}"] .monaco-button`, { hasText: label }).click();
}

/** A part of the workbench, as a picture for the walkthrough's media (copied into media/walkthrough/ by hand). */
async function keepPicture(page: Page, part: Locator, name: string): Promise<void> {
  const box = await part.first().boundingBox();
  assert.ok(box, `${name}: the part to picture is not shown`);
  await page.screenshot({ path: path.join(resultsFolder, name), clip: box });
}

function occurrences(text: string): number {
  return ui()
    .logTexts()
    .reduce((count, log) => count + log.text.split(text).length - 1, 0);
}

describe('the Getting Started walkthrough', () => {
  beforeEach(async () => {
    const { page, removeAwsFolder } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    await runCommand(page, 'AWS: Disconnect');
  });

  it('opened by itself on the first activation (the home had no AWS files), and never again after a reload', async () => {
    const { page } = ui();
    const opened = 'First activation and no AWS profile yet: opened the Getting Started walkthrough.';
    assert.equal(occurrences(opened), 1);
    const activations = occurrences('Activated in');
    // The browser workbench writes globalState to its storage on its own schedule, not at once.
    await page.waitForTimeout(2_000);
    await page.reload();
    await waitForWorkbench(page);
    await eventually(
      () => occurrences('Activated in'),
      (count) => count > activations,
      () => 'The extension did not activate again after the reload',
      { timeoutMs: 30_000 },
    );
    await waitForStatusBarItem(page, /^AWS$/);
    assert.equal(occurrences(opened), 1);
    assert.deepEqual(
      (await editorTabs(page)).filter((tab) => tab.includes(title)),
      [],
    );
  });

  it('is not opened by itself on the first activation when the home already has a profile', async () => {
    // A second VS Code, new to the extension, on a home where the AWS CLI was set up before.
    const home = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-walkthrough-home-'));
    try {
      mkdirSync(path.join(home, '.aws'));
      writeFileSync(
        path.join(home, '.aws', 'credentials'),
        `[default]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
      );
      const second = await startSecondWorkbench({ home });
      try {
        await eventually(
          second.logText,
          (text) => text.includes('First activation: the AWS files have profiles, so the Getting Started walkthrough is not opened.'),
          () => 'The extension did not log its first activation with the profile found',
          { timeoutMs: 60_000, intervalMs: 500 },
        );
        await waitForStatusBarItem(second.page, /^AWS$/);
        assert.deepEqual(
          (await editorTabs(second.page)).filter((tab) => tab.includes(title)),
          [],
        );
      } finally {
        await second.close();
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('opens by itself on the oldest VS Code the extension supports too, and completes a step on its event there', async function () {
    // A second VS Code, of the oldest build, installed and started for this test.
    this.timeout(180_000);
    const home = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-walkthrough-oldest-'));
    try {
      const second = await startSecondWorkbench({ build: 'oldest', home });
      try {
        const { page } = second;
        // This build names the tab Welcome, not after the walkthrough.
        await page.locator('.getting-started-category', { hasText: title }).first().waitFor({ timeout: 60_000 });
        await step(page, 'connect').waitFor();
        await waitForDoneSteps(page, []);
        mkdirSync(path.join(home, '.aws'));
        writeFileSync(
          path.join(home, '.aws', 'credentials'),
          `[default]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
        );
        await waitForDoneSteps(page, ['addProfile']);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('completes each step on its event only: a profile written, a connection made, the Explorer shown, a file opened', async () => {
    const { page, server, writeHomeFile } = ui();
    // The AWS Explorer collapsed beside the Profiles view, the side bar closed, and every step undone.
    await runCommand(page, 'AWS: Focus on Profiles View');
    const explorerHeader = page.locator('.pane-header', { hasText: 'AWS Explorer' });
    if ((await explorerHeader.getAttribute('aria-expanded')) === 'true') {
      await explorerHeader.click();
    }
    await runCommand(page, 'View: Close Primary Side Bar');
    await runCommand(page, 'Developer: Reset Welcome Page Walkthrough Progress');
    await openWalkthrough(page);
    await waitForDoneSteps(page, []);

    writeHomeFile(
      '.aws/credentials',
      `[default]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
    );
    await waitForDoneSteps(page, ['addProfile']);

    // Running Connect to AWS is not connecting: the step waits for the connection.
    await clickStepButton(page, 'connect', 'Connect to AWS');
    await quickPickLabels(page, /^default$/);
    await keepPicture(page, page.locator('.quick-input-widget:visible'), 'walkthrough-connect.png');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1_000);
    await waitForDoneSteps(page, ['addProfile']);
    await clickStepButton(page, 'connect', 'Connect to AWS');
    await quickPickLabels(page, /^default$/);
    await pick(page, 'default');
    await waitForStatusBarItem(page, /^AWS: profile:default$/, false);
    await waitForDoneSteps(page, ['addProfile', 'connect']);

    // The Profiles view is not the Explorer.
    await runCommand(page, 'AWS: Focus on Profiles View');
    await page.waitForTimeout(1_000);
    await waitForDoneSteps(page, ['addProfile', 'connect']);
    await clickStepButton(page, 'seeResources', 'Open the AWS Explorer');
    await treeRows(page, 'AWS Explorer', (rows) => rows.some((row) => row.label === 'Lambda'));
    await clickTreeRow(page, 'AWS Explorer', 'Lambda');
    await treeRows(page, 'AWS Explorer', (rows) => rows.some((row) => row.label === 'function-001'));
    await waitForDoneSteps(page, ['addProfile', 'connect', 'seeResources']);
    await keepPicture(
      page,
      page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'AWS Explorer' }) }),
      'walkthrough-explorer.png',
    );

    // Opened by hand, not with Edit Credentials: the step follows the file.
    await openFile(page, path.join(server.home, '.aws', 'credentials'));
    await openWalkthrough(page);
    await waitForDoneSteps(page, stepIds);
  });
});
