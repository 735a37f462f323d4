import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { eventually } from '../eventually';
import { exampleAccount, exampleUser } from '../fixtures/awsEndpoint';
import { installVsix, startCodeServer, workbenchUrl, type CodeServer } from '../host/codeServer';
import { root } from '../host/install';
import { resultsFolder, ui } from './session';
import {
  activeWebview,
  editorTabs,
  runCommand,
  statusBarTooltip,
  waitForNotification,
  waitForStatusBarItem,
  waitForWorkbench,
} from './workbench';

/** A made-up translation that keeps the English readable: every text of the extension in ⟪ ⟫. */
const translated = (english: string): string => `⟪${english}⟫`;
const isTranslated = (shown: string): boolean => /^⟪[\s\S]*⟫$/.test(shown.trim());

/** The installed extension's texts, translated into German the way a translator's files would ship. */
function addGermanTranslation(extensionFolder: string): void {
  const manifest = JSON.parse(readFileSync(path.join(extensionFolder, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const nls = Object.fromEntries(Object.entries(manifest).map(([key, text]) => [key, translated(text)]));
  writeFileSync(path.join(extensionFolder, 'package.nls.de.json'), JSON.stringify(nls));
  const bundle = JSON.parse(readFileSync(path.join(extensionFolder, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<
    string,
    string | { message: string }
  >;
  const messages = Object.fromEntries(
    Object.entries(bundle).map(([key, entry]) => [key, translated(typeof entry === 'string' ? entry : entry.message)]),
  );
  writeFileSync(path.join(extensionFolder, 'l10n', 'bundle.l10n.de.json'), JSON.stringify(messages));
}

/**
 * A VS Code in German: the .vsix with a German translation added, and a language pack that makes
 * German VS Code's display language (its own texts stay English: the pack translates none).
 */
async function startGermanVsCode(scratch: string): Promise<CodeServer> {
  const { endpoint } = ui();
  const extensions = path.join(scratch, 'extensions');
  await installVsix(path.join(root, 'aws-credential-manager.vsix'), extensions);
  const packVsix = path.join(scratch, 'language-pack.vsix');
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'vsce'),
    ['package', '--allow-missing-repository', '--skip-license', '--out', packVsix],
    { cwd: path.join(root, 'test', 'fixtures', 'languagePack'), stdio: 'pipe' },
  );
  await installVsix(packVsix, extensions);
  const installed = (prefix: string): string => {
    const folder = readdirSync(extensions).find((name) => name.startsWith(prefix));
    assert.ok(folder, `${prefix} is not installed in ${extensions}`);
    return path.join(extensions, folder);
  };
  addGermanTranslation(installed('aws-credential-manager.aws-credential-manager-'));
  const server = await startCodeServer({ extensionsDir: extensions, locale: 'de', env: { AWS_ENDPOINT_URL: endpoint.url } });
  // Set Display Language lists an installed pack here for the server, which an install from the
  // command line does not: without it, code-server serves English whatever the locale.
  const userData = path.dirname(server.logsFolder);
  writeFileSync(
    path.join(userData, 'languagepacks.json'),
    JSON.stringify({
      de: {
        hash: 'test-language-pack-de-1.0.0',
        extensions: [{ extensionIdentifier: { id: 'aws-credential-manager-tests.test-language-pack-de' }, version: '1.0.0' }],
        translations: {
          vscode: path.join(installed('aws-credential-manager-tests.test-language-pack-de-'), 'translations', 'main.i18n.json'),
        },
        label: 'Deutsch',
      },
    }),
  );
  return server;
}

/** The first line of each Command Palette row whose English original (its second line) is one of ours. */
async function ourPaletteTitles(page: Page): Promise<string[]> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type('AWS:');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  // The views' Focus commands are VS Code's, worded by VS Code around the view's name.
  const ours = (shown: string[][]): string[][] =>
    shown.filter((lines) => lines[1]?.startsWith('AWS: ') && !lines[1].startsWith('AWS: Focus on '));
  const shown = await eventually(
    async () => (await rows.allInnerTexts()).map((text) => text.split('\n')),
    // The list draws only the rows it has room for.
    (all) => ours(all).length >= 8,
    (all) => `The Command Palette lists ${ours(all).length} of the extension's commands: ${JSON.stringify(all)}`,
  );
  const titles = ours(shown);
  await page.keyboard.press('Escape');
  return titles.map(([title]) => title ?? '');
}

describe('in a language other than English (a German translation added to the .vsix)', () => {
  let scratch: string;
  let server: CodeServer | undefined;
  let page: Page;

  before(async function () {
    this.timeout(240_000);
    scratch = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-locale-'));
    server = await startGermanVsCode(scratch);
    page = await ui().browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Chromium stops rendering a page in the background.
    await page.bringToFront();
    await page.goto(workbenchUrl(server));
    await waitForWorkbench(page);
    // The first activation opens the walkthrough (this home has no AWS files), in the translation.
    await page.locator('.editor-instance', { hasText: translated('Get Started with AWS Credential Manager') }).waitFor({ timeout: 60_000 });
    // It focuses its first step once its animation ends, which would close a Command Palette opened before.
    await page.waitForTimeout(1_000);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await page.screenshot({
        path: path.join(resultsFolder, `locale-${this.currentTest.title.replace(/[^\w-]+/g, '-').slice(0, 80)}.png`),
      });
    }
  });

  after(async () => {
    await page.close();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the walkthrough (opened by itself), the command titles and the views in the translation', async () => {
    const titles = await ourPaletteTitles(page);
    assert.deepEqual(
      titles.filter((title) => !/^⟪AWS⟫: ⟪[^⟪⟫]+⟫$/.test(title)),
      [],
      `every command title and its category are translated: ${JSON.stringify(titles)}`,
    );
    await page.locator('.activitybar .action-item a[aria-label^="⟪AWS⟫"]').click();
    await page.locator('.pane-body', { hasText: '⟪No AWS profiles yet.' }).first().waitFor();
  });

  it('says what the extension host says in the translation: a notification and its buttons', async () => {
    await runCommand(page, `${translated('AWS')}: ${translated('Connect to AWS')}`);
    const message = await waitForNotification(page, /There is no AWS profile yet/);
    assert.ok(message.startsWith('⟪There is no AWS profile yet.'), message);
    const item = page.locator('.notification-list-item', { hasText: 'There is no AWS profile yet' }).first();
    await item.click();
    const buttons = await item.locator('.monaco-button').allInnerTexts();
    assert.deepEqual(buttons.slice(0, 2), [translated('Create Credentials Profile'), translated('Edit Credentials')]);
  });

  it("shows the Add a New Connection panel in the translation, its own scripts' texts too", async () => {
    await runCommand(page, `${translated('AWS')}: ${translated('Add a New Connection')}`);
    const panel = activeWebview(page);
    await panel.locator('#option-iam').waitFor({ timeout: 20_000 });
    assert.ok((await editorTabs(page)).includes(translated('Add a New Connection')), JSON.stringify(await editorTabs(page)));
    await panel.locator('#option-iam').check();
    const texts = await panel
      .locator('h1:visible, legend:visible, .option strong:visible, .hint:visible, label:visible, button:visible')
      .allInnerTexts();
    texts.push(await panel.locator('#region option').first().innerText());
    assert.ok(texts.length >= 12, JSON.stringify(texts));
    assert.deepEqual(
      texts.filter((text) => !isTranslated(text.split('\n')[0] ?? '')),
      [],
      `every text the panel shows is translated: ${JSON.stringify(texts)}`,
    );
    // A text the webview's script writes.
    await panel.locator('#toggle-secret').click();
    await panel.locator('#secretAccessKey[type=text]').waitFor({ timeout: 5_000 });
    assert.equal(await panel.locator('#toggle-secret').innerText(), translated('Hide'));
  });

  it("says what core's checks and the status bar say in the translation: a field's error, the status bar's label and tooltip", async () => {
    await runCommand(page, `${translated('AWS')}: ${translated('Add a New Connection')}`);
    const panel = activeWebview(page);
    await panel.locator('#option-iam').check();
    await panel.locator('#profileName').fill('my dev');
    await panel.locator('#profileName').blur();
    const error = panel.locator('#profileName-error');
    await error.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await error.innerText(), translated('A profile name cannot contain spaces: the AWS SDK ignores such profiles.'));

    await panel.locator('#profileName').fill('work');
    await panel.locator('#accessKeyId').fill(exampleUser.accessKeyId);
    await panel.locator('#secretAccessKey').fill(exampleUser.secretAccessKey);
    await panel.locator('#continue').click();
    await waitForStatusBarItem(page, /^AWS: profile:work$/, false);
    const item = page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: 'AWS: profile:work' }).first();
    assert.equal(await item.getAttribute('aria-label'), translated(`AWS: profile:work, connected, account ${exampleAccount}`));
    const tooltip = await statusBarTooltip(page, /AWS: profile:work/, /Account/);
    assert.ok(tooltip.includes(translated(`Account: ${exampleAccount}`)), tooltip);
  });
});
