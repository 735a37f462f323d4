import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { eventually } from '../eventually';
import { resultsFolder, ui } from './session';
import {
  editorTabs,
  editorText,
  goToLine,
  openFile,
  problemRows,
  resetWorkbench,
  runCommand,
  treeRows,
  type TreeRow,
  waitForNotification,
  waitForStatusBarItem,
} from './workbench';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
/** The AWS guide's example, with its typo. */
const guideCredentials = `[default]\nxaws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n`;

describe('the editor of the AWS files', () => {
  beforeEach(async () => {
    const { page, removeAwsFolder, writeHomeFile } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    writeHomeFile('.aws/credentials', guideCredentials);
    writeHomeFile('.aws/config', '[default]\nregion = us-east-1\n');
  });

  it("underlines the AWS guide's typo, lists it in Problems, and fixes it with Ctrl+. and save", async () => {
    const { page, server, readHomeFile } = ui();
    await openFile(page, path.join(server.home, '.aws', 'credentials'));
    const squiggle = page.locator('.editor-instance .monaco-editor .squiggly-error');
    await squiggle.first().waitFor({ timeout: 20_000 });
    const problems = await eventually(
      () => problemRows(page),
      (rows) => rows.some((row) => row.includes('xaws_access_key_id')),
      (rows) => `Problems shows: ${rows.join(' | ') || 'nothing'}`,
    );
    assert.ok(
      problems.some((row) => /missing properties: aws_access_key_id \(xaws_access_key_id looks like a misspelling of it\)/.test(row)),
      problems.join(' | '),
    );
    mkdirSync(resultsFolder, { recursive: true });
    await goToLine(page, 2, 3);
    await page.screenshot({ path: path.join(resultsFolder, 'editor-typo.png') });
    await page.keyboard.press('ControlOrMeta+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Rename xaws_access_key_id to aws_access_key_id' });
    await fix.first().waitFor();
    await page.screenshot({ path: path.join(resultsFolder, 'editor-quick-fix.png') });
    await fix.first().click();
    await page.keyboard.press('ControlOrMeta+S');
    await eventually(
      () => readHomeFile('.aws/credentials')?.text,
      (text) => text === guideCredentials.replace('xaws_', 'aws_'),
      (text) => `the credentials file reads ${JSON.stringify(text)}`,
    );
    await eventually(
      () => page.locator('.editor-instance .monaco-editor .squiggly-error').count(),
      (count) => count === 0,
      (count) => `${count} squiggles are left`,
    );
    await runCommand(page, 'AWS: Focus on Profiles View');
    const rows = await treeRows(page, 'Profiles', (shown: TreeRow[]) =>
      shown.some((row) => row.label === 'default' && row.description === 'access keys · us-east-1'),
    );
    assert.ok(rows.length > 0);
  });

  it('completes the keys of a new profile', async () => {
    const { page, server } = ui();
    await openFile(page, path.join(server.home, '.aws', 'config'));
    await goToLine(page, 3, 1);
    await page.keyboard.type('[profile new]\nreg');
    await page.keyboard.press('ControlOrMeta+Space');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'region' });
    await suggestion.first().waitFor();
    await page.keyboard.press('Enter');
    assert.equal(await editorText(page), '[default]\nregion = us-east-1\n[profile new]\nregion = ');
    await runCommand(page, 'File: Revert File');
  });

  it('renames a profile with F2 in both files and in every source_profile, as Rename Profile... does', async () => {
    const { page, writeHomeFile, readHomeFile } = ui();
    writeHomeFile('.aws/credentials', `[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n`);
    writeHomeFile(
      '.aws/config',
      '[profile base]\nregion = eu-west-1\n\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Developer\nsource_profile = base\n',
    );
    // Both files side by side, as a person edits them: the credentials file is the active editor.
    await runCommand(page, 'AWS: Edit Credentials');
    await eventually(
      () => editorTabs(page),
      (tabs) => tabs.includes('config') && tabs.includes('credentials'),
      (tabs) => `the tabs are ${tabs.join(', ')}`,
    );
    // The credentials editor is the active one once it shows the file as this test wrote it: a copy VS Code
    // kept from an earlier test is reloaded first, which moves the cursor.
    await eventually(
      () => editorText(page),
      (text) => text.startsWith('[base]\n'),
      (text) => `the active editor reads ${JSON.stringify(text.split('\n')[0])}`,
    );
    await goToLine(page, 1, 3);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input, .rename-input');
    await input.first().waitFor();
    await input.first().fill('main');
    await page.keyboard.press('Enter');
    await eventually(
      () => editorText(page),
      (text) => text.startsWith('[main]'),
      (text) => `the credentials file reads ${JSON.stringify(text.split('\n')[0])}`,
    );
    // VS Code saves the files of a refactoring by itself (files.refactoring.autoSave); saving all is what a person does otherwise.
    await runCommand(page, 'File: Save All Files');
    await eventually(
      () => [readHomeFile('.aws/config')?.text, readHomeFile('.aws/credentials')?.text.split('\n')[0]],
      ([configText, firstLine]) =>
        configText ===
          '[profile main]\nregion = eu-west-1\n\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Developer\nsource_profile = main\n' &&
        firstLine === '[main]',
      ([configText, firstLine]) => `the files read ${JSON.stringify(configText)} and ${JSON.stringify(firstLine)}`,
    );
  });

  it('tests a profile from the Test lens above its header without connecting, then connects from the Connect lens', async () => {
    const { page, server, writeHomeFile } = ui();
    writeHomeFile('.aws/credentials', guideCredentials.replace('xaws_', 'aws_'));
    await openFile(page, path.join(server.home, '.aws', 'credentials'));
    const lens = (title: string) => page.locator('.editor-instance .monaco-editor .codelens-decoration a', { hasText: title }).first();
    await lens('Test').click();
    await waitForNotification(page, /^Profile default works: account 123456789012, arn:aws:iam::123456789012:user\/Alice\.$/);
    await waitForStatusBarItem(page, /^AWS$/);
    await lens('Connect').click();
    await waitForStatusBarItem(page, /^AWS: profile:default$/);
    await runCommand(page, 'AWS: Disconnect');
  });

  it('covers secrets until the cursor is on their line, unless the command turns it off', async () => {
    const { page, server } = ui();
    await openFile(page, path.join(server.home, '.aws', 'credentials'));
    await goToLine(page, 1, 1);
    // Evaluated in the browser (the tests have no DOM types): how the span holding the secret is drawn.
    const opacity = (): Promise<string> =>
      page.evaluate<string>(
        `(() => {
          const spans = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line span')];
          const held = spans.filter((span) => span.textContent === ${JSON.stringify(secret)});
          return held.length === 0 ? 'not drawn' : getComputedStyle(held[held.length - 1]).opacity;
        })()`,
      );
    await eventually(
      opacity,
      (value) => value === '0',
      (value) => `the secret is drawn with opacity ${value}`,
    );
    await goToLine(page, 3, 1);
    await eventually(
      opacity,
      (value) => value === '1',
      (value) => `with the cursor on its line the secret has opacity ${value}`,
    );
    await goToLine(page, 1, 1);
    await eventually(
      opacity,
      (value) => value === '0',
      (value) => `the secret is drawn again with opacity ${value}`,
    );
    await runCommand(page, 'AWS: Show or Mask Secrets in the Editor');
    await eventually(
      opacity,
      (value) => value === '1',
      (value) => `with masking turned off the secret has opacity ${value}`,
    );
    await runCommand(page, 'AWS: Show or Mask Secrets in the Editor');
    await eventually(
      opacity,
      (value) => value === '0',
      (value) => `with masking turned on again the secret has opacity ${value}`,
    );
  });
});
